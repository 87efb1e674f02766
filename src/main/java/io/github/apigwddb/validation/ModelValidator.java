package io.github.apigwddb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import io.github.apigwddb.spec.SpecKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a body against a request model as API Gateway's body validator does: JSON Schema draft 4 (networknt's
 * json-schema-validator), without what API Gateway drops on import (integration facts §8.1, AWS's known issues):
 * {@code minItems} and {@code maxItems} ("not in simple validation"), {@code exclusiveMinimum}, and in Swagger 2
 * {@code oneOf}. Where API Gateway's behaviour is not documented the validator leans to accepting: {@code format} is not
 * asserted (as {@link StringRule}), OpenAPI 3's {@code nullable: true} allows null, {@code 1.0} is an integer, and a
 * {@code $ref} out of the document validates nothing. Stateless and thread-safe.
 */
final class ModelValidator {

    /** The document's own IRI; its local {@code $ref}s resolve in it. */
    private static final String DOCUMENT = "urn:apigw:definition";
    /** Where the body's schema is put in a view of the document, so that its local refs resolve as in the document. */
    private static final String BODY_MEMBER = "x-apigw-validated-body";

    private static final JsonSchemaFactory OPENAPI3 = factory(false);
    private static final JsonSchemaFactory SWAGGER2 = factory(true);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false)
            .nullableKeywordEnabled(true)
            .losslessNarrowing(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH) // the findings are English whatever the build machine's language
            .regularExpressionFactory(BoundedPatterns.INSTANCE)
            .build();

    private ModelValidator() {
    }

    private static JsonSchemaFactory factory(boolean swagger2) {
        JsonMetaSchema imported = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keywords(keywords -> {
                    keywords.remove("minItems");
                    keywords.remove("maxItems");
                    if (swagger2) {
                        keywords.remove("oneOf");
                    }
                })
                // OpenAPI's own keywords (example, readOnly, x-...) and the dropped ones validate nothing, silently
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(imported)
                .defaultMetaSchemaIri(imported.getIri())
                // nothing is read from out of the document (a $ref there was made {} in the view): no network, no file
                .schemaLoaders(loaders -> loaders.add(ModelValidator::nothingOutside)));
    }

    /** The empty schema for any place out of the document; the library's own meta-schemas still come from its jar. */
    private static InputStreamSource nothingOutside(AbsoluteIri iri) {
        return iri.toString().startsWith("classpath:") ? null : () -> new ByteArrayInputStream(EMPTY_SCHEMA);
    }

    private static final byte[] EMPTY_SCHEMA = "{}".getBytes(StandardCharsets.UTF_8);

    /**
     * What the validator rejects in {@code body}, in document order: {@code $.total: must have a minimum value of 0};
     * none when the body passes, or the model cannot be read (it is then taken as accepting it).
     *
     * @param root the API definition that holds the model's local {@code $ref}s' targets
     */
    static List<String> violations(JsonNode root, JsonNode schema, JsonNode body) {
        if (loopsOnOneValue(root, schema)) {
            return List.of(); // the library would recurse until the stack ends; API Gateway's import refuses such a model
        }
        ObjectNode view = ModelView.of(root, schema, BODY_MEMBER);
        Set<ValidationMessage> messages;
        try {
            JsonSchemaFactory factory = SpecKind.of(root) == SpecKind.SWAGGER2 ? SWAGGER2 : OPENAPI3;
            JsonSchema document = factory.getSchema(SchemaLocation.of(DOCUMENT), view, CONFIG);
            messages = document.getSubSchema(SchemaLocation.of(DOCUMENT + "#/" + BODY_MEMBER).getFragment()).validate(body);
        } catch (JsonSchemaException e) {
            return List.of(); // a model the library cannot read: nothing is claimed
        }
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : messages) {
            if (!onlyExclusive(message)) {
                violations.add(message.getMessage());
            }
        }
        return violations;
    }

    /**
     * Whether a {@code minimum} violation is the value equal to the bound: only {@code exclusiveMinimum} rejects that,
     * which API Gateway does not support.
     */
    private static boolean onlyExclusive(ValidationMessage message) {
        JsonNode value = message.getInstanceNode();
        JsonNode bound = message.getSchemaNode();
        return "minimum".equals(message.getType()) && value != null && value.isNumber() && bound != null && bound.isNumber()
                && value.decimalValue().compareTo(bound.decimalValue()) == 0;
    }

    /**
     * Whether applying {@code schema} comes back to a schema it is applying to the same value, through {@code $ref}s
     * and the keywords that apply another schema to the value itself ({@code allOf}, {@code anyOf}, {@code oneOf},
     * {@code not}, a schema dependency) without going into its members or elements: {@code A: {$ref: A}}, or two schemas
     * referring to each other so. A schema of a list of itself ({@code items: {$ref: Node}}) is fine: each step goes
     * one level into the value.
     */
    static boolean loopsOnOneValue(JsonNode root, JsonNode schema) {
        Map<JsonNode, Boolean> state = new IdentityHashMap<>(); // false: being applied; true: done, no loop from it
        Deque<Object[]> work = new ArrayDeque<>();
        work.push(new Object[] {schema, Boolean.FALSE});
        while (!work.isEmpty()) {
            Object[] step = work.pop();
            JsonNode node = (JsonNode) step[0];
            if ((Boolean) step[1]) {
                state.put(node, Boolean.TRUE);
                continue;
            }
            Boolean seen = state.get(node);
            if (Boolean.FALSE.equals(seen)) {
                return true;
            }
            if (seen != null || !node.isObject()) {
                continue;
            }
            state.put(node, Boolean.FALSE);
            work.push(new Object[] {node, Boolean.TRUE});
            for (JsonNode next : sameValueSchemas(root, node)) {
                work.push(new Object[] {next, Boolean.FALSE});
            }
        }
        return false;
    }

    /** The schemas that {@code schema} applies to the value it is applied to. */
    private static List<JsonNode> sameValueSchemas(JsonNode root, JsonNode schema) {
        List<JsonNode> next = new ArrayList<>();
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual() && ref.textValue().startsWith("#/")) {
            JsonNode target = root.at(ref.textValue().substring(1));
            if (!target.isMissingNode()) {
                next.add(target);
            }
        }
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combined).forEach(next::add);
        }
        if (schema.has("not")) {
            next.add(schema.get("not"));
        }
        schema.path("dependencies").forEach(dependency -> {
            if (dependency.isObject()) {
                next.add(dependency);
            }
        });
        return next;
    }
}
