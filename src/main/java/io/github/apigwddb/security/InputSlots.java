package io.github.apigwddb.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.apigwddb.vtl.TemplateInput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The client-controlled inputs of one example request, each as a slot whose value can be swapped: every string
 * in a JSON body (or the whole body when it is not JSON), the keys of every body object, every path, query
 * string and header value, and every string under {@code $context.authorizer}. Holds a private mutable copy
 * of the request; not thread-safe, one per probe.
 */
final class InputSlots {

    enum Kind {
        BODY_STRING, BODY_KEYS, PATH, QUERYSTRING, HEADER, AUTHORIZER;

        /** HTTP does not let a client put line breaks or control characters into a header value. */
        boolean accepts(HostileValue value) {
            return this != HEADER || (value != HostileValue.NEWLINE && value != HostileValue.CONTROL);
        }
    }

    /** One input: its name in findings, what the example gave, and how to change it. */
    abstract static class Slot {
        final Kind kind;
        final String label;
        final String original;

        Slot(Kind kind, String label, String original) {
            this.kind = kind;
            this.label = label;
            this.original = original;
        }

        abstract void set(String value);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TemplateInput base;
    /** A one-element array holding the JSON body, so the root can be swapped like any element; null without a JSON body. */
    private final ArrayNode bodyHolder;
    /** The JSON body as text, kept until a body slot changes: most renders change a parameter or header. */
    private String bodyText;
    private String rawBody;
    private final Map<String, String> path;
    private final Map<String, String> querystring;
    private final Map<String, String> headers;
    private final Map<String, Object> context;
    private final List<Slot> slots = new ArrayList<>();

    InputSlots(TemplateInput base) {
        this.base = base;
        this.rawBody = base.body();
        this.bodyHolder = jsonBody(base.body());
        this.path = new LinkedHashMap<>(base.path());
        this.querystring = new LinkedHashMap<>(base.querystring());
        this.headers = new LinkedHashMap<>(base.headers());
        this.context = deepCopy(base.context());
        if (bodyHolder != null) {
            collectBody(bodyHolder, 0, "$");
        } else if (rawBody != null && !rawBody.isEmpty()) {
            slots.add(new Slot(Kind.BODY_STRING, "body", rawBody) {
                @Override
                void set(String value) {
                    rawBody = value;
                }
            });
        }
        addMapSlots(Kind.PATH, "path ", path);
        addMapSlots(Kind.QUERYSTRING, "querystring ", querystring);
        addMapSlots(Kind.HEADER, "header ", headers);
        if (context.get("authorizer") instanceof Map<?, ?> authorizer) {
            collectAuthorizer(cast(authorizer), "$context.authorizer");
        }
    }

    List<Slot> slots() {
        return slots;
    }

    /** The request as the slots now hold it. */
    TemplateInput current() {
        if (bodyHolder != null && bodyText == null) {
            bodyText = serialize(bodyHolder.get(0));
        }
        String body = bodyHolder == null ? rawBody : bodyText;
        return new TemplateInput(body, path, querystring, headers, base.stageVariables(), context);
    }

    private static ArrayNode jsonBody(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                return null;
            }
            ArrayNode holder = JsonNodeFactory.instance.arrayNode(1);
            holder.add(tree);
            return holder;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String serialize(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree that was just read cannot be written back", e);
        }
    }

    /** Walks the body without recursion, so a deeply nested example cannot exhaust the stack. */
    private void collectBody(JsonNode parent, Object childKey, String jsonPath) {
        record Pending(JsonNode parent, Object key, String path) { }
        ArrayList<Pending> work = new ArrayList<>();
        work.add(new Pending(parent, childKey, jsonPath));
        while (!work.isEmpty()) {
            Pending p = work.remove(work.size() - 1);
            JsonNode node = p.key() instanceof Integer i ? p.parent().get(i) : p.parent().get((String) p.key());
            if (node.isTextual()) {
                slots.add(stringSlot(p.parent(), p.key(), "body " + p.path(), node.textValue()));
            } else if (node instanceof ObjectNode object) {
                slots.add(keySlot(object, "body keys of " + p.path()));
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                for (int i = names.size() - 1; i >= 0; i--) {
                    work.add(new Pending(object, names.get(i), p.path() + member(names.get(i))));
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    work.add(new Pending(array, i, p.path() + "[" + i + "]"));
                }
            }
        }
    }

    private static String member(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }

    private Slot stringSlot(JsonNode parent, Object key, String label, String original) {
        return new Slot(Kind.BODY_STRING, label, original) {
            @Override
            void set(String value) {
                bodyText = null;
                if (parent instanceof ObjectNode object) {
                    object.set((String) key, TextNode.valueOf(value));
                } else {
                    ((ArrayNode) parent).set((Integer) key, TextNode.valueOf(value));
                }
            }
        };
    }

    /** Adds one extra member to a body object (null removes it): where does a client-chosen key end up? */
    private Slot keySlot(ObjectNode object, String label) {
        return new Slot(Kind.BODY_KEYS, label, null) {
            private String added;

            @Override
            void set(String value) {
                bodyText = null;
                if (added != null) {
                    object.remove(added);
                }
                if (value != null && !object.has(value)) {
                    object.put(value, "v");
                    added = value;
                } else {
                    added = null;
                }
            }
        };
    }

    private void addMapSlots(Kind kind, String prefix, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String name = e.getKey();
            slots.add(new Slot(kind, prefix + name, e.getValue()) {
                @Override
                void set(String value) {
                    values.put(name, value);
                }
            });
        }
    }

    private void collectAuthorizer(Map<String, Object> map, String prefix) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String name = e.getKey();
            String label = prefix + "." + name;
            if (e.getValue() instanceof String text) {
                slots.add(new Slot(Kind.AUTHORIZER, label, text) {
                    @Override
                    void set(String value) {
                        map.put(name, value);
                    }
                });
            } else if (e.getValue() instanceof Map<?, ?> nested) {
                collectAuthorizer(cast(nested), label);
            }
        }
    }

    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            copy.put(e.getKey(), copyValue(e.getValue()));
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return deepCopy(cast(m));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                copy.add(copyValue(it.next()));
            }
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
