package io.github.apigwddb.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structure of what DynamoDB answers, as far as a response template can navigate it: structures with
 * known members, lists, maps with free keys (items: attribute name to AttributeValue), AttributeValues (one
 * member per data type), scalars, and {@code ANY} where the structure is not modelled.
 */
public final class OutputShape {

    public enum Kind { STRUCTURE, LIST, MAP, ATTRIBUTE_VALUE, SCALAR, ANY }

    private static final OutputShape SCALAR_SHAPE = new OutputShape(Kind.SCALAR, Map.of(), null);
    private static final OutputShape ANY_SHAPE = new OutputShape(Kind.ANY, Map.of(), null);
    private static final OutputShape ATTRIBUTE_VALUE_SHAPE = attributeValue();
    private static final OutputShape ITEM_SHAPE = new OutputShape(Kind.MAP, Map.of(), ATTRIBUTE_VALUE_SHAPE);

    private final Kind kind;
    private final Map<String, OutputShape> members;
    private OutputShape element;

    private OutputShape(Kind kind, Map<String, OutputShape> members, OutputShape element) {
        this.kind = kind;
        this.members = members;
        this.element = element;
    }

    public Kind kind() {
        return kind;
    }

    /** Members of a structure or an AttributeValue, in model order. */
    public Map<String, OutputShape> members() {
        return members;
    }

    /** The element of a list, the value of a map. */
    public OutputShape element() {
        return element;
    }

    public static OutputShape scalar() {
        return SCALAR_SHAPE;
    }

    public static OutputShape any() {
        return ANY_SHAPE;
    }

    /** An item or key: attribute names (free) to AttributeValues. */
    public static OutputShape item() {
        return ITEM_SHAPE;
    }

    public static OutputShape listOf(OutputShape element) {
        return new OutputShape(Kind.LIST, Map.of(), element);
    }

    public static OutputShape mapOf(OutputShape value) {
        return new OutputShape(Kind.MAP, Map.of(), value);
    }

    /** @param members name, shape, name, shape, ... */
    public static OutputShape structure(Object... members) {
        Map<String, OutputShape> map = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            map.put((String) members[i], (OutputShape) members[i + 1]);
        }
        return new OutputShape(Kind.STRUCTURE, java.util.Collections.unmodifiableMap(map), null);
    }

    private static OutputShape attributeValue() {
        Map<String, OutputShape> types = new LinkedHashMap<>();
        OutputShape value = new OutputShape(Kind.ATTRIBUTE_VALUE, java.util.Collections.unmodifiableMap(types), null);
        OutputShape item = new OutputShape(Kind.MAP, Map.of(), value);
        types.put("S", SCALAR_SHAPE);
        types.put("N", SCALAR_SHAPE);
        types.put("B", SCALAR_SHAPE);
        types.put("SS", listOf(SCALAR_SHAPE));
        types.put("NS", listOf(SCALAR_SHAPE));
        types.put("BS", listOf(SCALAR_SHAPE));
        types.put("M", item);
        types.put("L", listOf(value));
        types.put("NULL", SCALAR_SHAPE);
        types.put("BOOL", SCALAR_SHAPE);
        return value;
    }
}
