package io.github.apigwddb.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.apigwddb.validation.BodyModel;
import io.github.apigwddb.validation.StringRule;
import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.TemplateInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client-controlled inputs of one example request, each as a slot whose value can be swapped: every string
 * in a JSON body (or the whole body when it is not JSON, and each field of a URL-encoded form), the keys of every body
 * object (unless the body is
 * {@link BodyInputs#LEFT_AS_IS left as it is}), every path, query
 * string and header value, every string under {@code $context.authorizer} but the token claims the issuer writes, and
 * {@code $context.identity.userAgent}.
 * Holds a private mutable copy of the request; not thread-safe, one per probe.
 */
final class InputSlots {

    enum Kind {
        BODY_STRING, BODY_KEYS, PATH, QUERYSTRING, HEADER, AUTHORIZER,
        /** {@code $context.identity.userAgent}: the User-Agent header as the client sent it. */
        USER_AGENT;

        /** HTTP does not let a client put line breaks or control characters into a header value. */
        boolean accepts(HostileValue value) {
            boolean header = this == HEADER || this == USER_AGENT;
            return !header || (value != HostileValue.NEWLINE && value != HostileValue.CONTROL);
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

        /** Whether the template decodes this input with {@code $util.base64Decode} before writing it (see {@link #set}). */
        private boolean base64;
        /** The value last {@link #set}, as the client's text (before any Base64): what a render that timed out had here. */
        private String value;

        String value() {
            return value == null ? original : value;
        }

        /**
         * Gives the input a value as the template will see it after decoding: Base64-encoded for an input the template
         * decodes (a pagination token), so that the marker or hostile text is what reaches the request; the example's
         * own value as it is.
         */
        final void set(String value) {
            this.value = value;
            write(base64 && value != null && !value.equals(original)
                    ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value);
        }

        /** Puts a value in the request as the client sends it. */
        abstract void write(String value);

        void decodedFromBase64(boolean decoded) {
            base64 = decoded;
        }

        boolean decodedFromBase64() {
            return base64;
        }

        /**
         * Whether the probe's marker for this input must be a JSON number: a number of the body, which a template may
         * write without quotes ({@code "Limit": $input.path('$.limit')}); a marker there keeps the render JSON.
         */
        boolean takesNumberMarker() {
            return false;
        }

        /**
         * Whether this is a number or boolean of the body, where a string is what any wrongly typed value is: only a
         * string that breaks the request's JSON or adds a member counts as an injection.
         */
        boolean retypable() {
            return false;
        }

        /**
         * Whether this input keeps its example value in the render with every marker, and is probed in renders of its
         * own: a boolean, as no marker is true or false, and a marker in its place would take every condition on it
         * the other way and hide the example's branch from the probe of the other inputs.
         */
        boolean probedAlone() {
            return false;
        }

        /** Whether a client can get {@code value} into this input at all. */
        boolean accepts(HostileValue value) {
            return kind.accepts(value);
        }

        /** Whether the template's conditions or computed loops may look at this input's value. */
        boolean mayBranchOn(BranchReads reads) {
            return switch (kind) {
                case PATH, QUERYSTRING, HEADER -> reads.mayReadParameter(label.substring(label.indexOf(' ') + 1));
                case BODY_STRING -> label.startsWith("body $") ? reads.mayReadBody(label.substring("body ".length()))
                        : reads.anything() || !reads.bodyPaths().isEmpty();
                case AUTHORIZER, USER_AGENT -> reads.mayReadContext(label.substring("$context.".length()));
                case BODY_KEYS -> true;
            };
        }
    }

    /** The label of a form field's slot, before its name: {@code body field email}. */
    static final String FORM_FIELD = "body field ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAIMS = "$context.authorizer.claims";
    /**
     * Claims of a Cognito user pool token that the pool itself writes, which no user chooses: JWT's registered claims
     * (RFC 7519 §4.1; {@code sub} is a UUID Cognito makes) and Cognito's own (token use, client, groups and roles an
     * administrator assigns). Not probed. The user's attributes ({@code email}, {@code cognito:username}, {@code name},
     * {@code custom:*}) are: a user picks them, and quotes are allowed in them.
     */
    private static final Set<String> ISSUED_CLAIMS = Set.of("sub", "iss", "aud", "exp", "nbf", "iat", "jti", "auth_time", "token_use",
            "client_id", "origin_jti", "event_id", "version", "scope", "azp", "cognito:groups", "cognito:roles", "cognito:preferred_role");
    private static final String USER_AGENT = "userAgent";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Stands in for a string slot's value once, to find where that value's token is in the body text. */
    private static final String PLACE = "\u0000apigw-slot\u0000";
    private static final String PLACE_TOKEN = serialize(TextNode.valueOf(PLACE));

    /**
     * When the probe of these inputs renders no more ({@link System#nanoTime()}): the integration's {@link ProbeBudget},
     * set by the probe, which owns these inputs for one call.
     */
    long stopAt;
    /** The input whose values the probe is trying now, which a render out of time is put down to; null for several at once. */
    Slot probing;
    private final TemplateInput base;
    /** What validates the body before the template runs; null when nothing does. */
    private final BodyModel bodyModel;
    /** A one-element array holding the JSON body, so the root can be swapped like any element; null without a JSON body. */
    private final ArrayNode bodyHolder;
    /** The JSON body as text, kept until a body slot changes: most renders change a parameter or header. */
    private String bodyText;
    /**
     * The string slot whose value's token is at [{@link #tokenStart}, {@link #tokenEnd}) of {@link #bodyText}: a new
     * value of that slot is spliced into the text, not written out with the whole body again. The probe gives one slot
     * nine values in a row, so a body is written once per slot, not once per value.
     */
    private Slot tokenSlot;
    private int tokenStart;
    private int tokenEnd;
    /** The slot set last while {@link #bodyText} is unknown: the next write of the body finds its token. */
    private Slot lastSet;
    private String rawBody;
    private final Map<String, String> path;
    private final Map<String, String> querystring;
    private final Map<String, String> headers;
    private final Map<String, Object> context;
    private final List<Slot> slots = new ArrayList<>();

    InputSlots(TemplateInput base) {
        this(base, BodyInputs.UNVALIDATED, true);
    }

    /** @param userAgentRead whether the template may read {@code $context.identity.userAgent}: else it is no input */
    InputSlots(TemplateInput base, BodyInputs body, boolean userAgentRead) {
        this.base = base;
        this.bodyModel = body.model;
        this.rawBody = base.body();
        this.bodyHolder = body.probed ? jsonBody(base.body()) : null;
        this.path = new LinkedHashMap<>(base.path());
        this.querystring = new LinkedHashMap<>(base.querystring());
        this.headers = new LinkedHashMap<>(base.headers());
        this.context = deepCopy(base.context());
        if (bodyHolder != null) {
            collectBody(bodyHolder, 0, "$", bodyModel == null ? null : List.of());
        } else if (body.probed && rawBody != null && !rawBody.isEmpty()) {
            FormBody form = FormBody.of(rawBody);
            slots.add(new Slot(Kind.BODY_STRING, "body", rawBody) {
                @Override
                void write(String value) {
                    if (form == null) {
                        rawBody = value;
                    } else {
                        form.setWhole(value);
                        rawBody = form.body();
                    }
                }
            });
            for (int i = 0; form != null && i < form.size(); i++) {
                int field = i;
                slots.add(new Slot(Kind.BODY_STRING, FORM_FIELD + form.name(field), form.value(field)) {
                    @Override
                    void write(String value) {
                        form.setField(field, value);
                        rawBody = form.body();
                    }
                });
            }
        }
        addMapSlots(Kind.PATH, "path ", path);
        addMapSlots(Kind.QUERYSTRING, "querystring ", querystring);
        addMapSlots(Kind.HEADER, "header ", headers);
        if (context.get("authorizer") instanceof Map<?, ?> authorizer) {
            collectAuthorizer(cast(authorizer), "$context.authorizer");
        }
        if (userAgentRead) {
            addUserAgent();
        }
    }

    List<Slot> slots() {
        return slots;
    }

    /** The request as the slots now hold it. */
    TemplateInput current() {
        if (bodyHolder != null && bodyText == null) {
            bodyText = lastSet instanceof StringSlot slot ? withTokenOf(slot) : serialize(bodyHolder.get(0));
        }
        String body = bodyHolder == null ? rawBody : bodyText;
        return new TemplateInput(body, path, querystring, headers, base.stageVariables(), context);
    }

    /** The JSON body written out whole, as {@link #current()} would without splicing; null without a JSON body. */
    String bodyWrittenWhole() {
        return bodyHolder == null ? null : serialize(bodyHolder.get(0));
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

    /**
     * The body text, noting where {@code slot}'s token is: written once with a placeholder in the slot, then the
     * slot's value spliced in. Jackson writes a string the same wherever it stands, so the text is the one writing the
     * whole body gives. Nothing is noted when the placeholder is not found exactly once (a key or value holds its text).
     */
    private String withTokenOf(StringSlot slot) {
        String value = slot.value;
        slot.put(PLACE);
        String text = serialize(bodyHolder.get(0));
        slot.put(value);
        int at = text.indexOf(PLACE_TOKEN);
        if (at < 0 || text.indexOf(PLACE_TOKEN, at + 1) >= 0) {
            return serialize(bodyHolder.get(0));
        }
        tokenSlot = slot;
        tokenStart = at;
        tokenEnd = at + PLACE_TOKEN.length();
        return spliced(text, value);
    }

    /** {@code text} with the noted token replaced by {@code value}'s, and the token's end moved along. */
    private String spliced(String text, String value) {
        String token = serialize(TextNode.valueOf(value));
        String result = text.substring(0, tokenStart) + token + text.substring(tokenEnd);
        tokenEnd = tokenStart + token.length();
        return result;
    }

    private static String serialize(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree that was just read cannot be written back", e);
        }
    }

    /**
     * Walks the body without recursion, so a deeply nested example cannot exhaust the stack.
     *
     * @param steps member names and indexes from the body's root, kept only when a model validates the body (else null)
     */
    private void collectBody(JsonNode parent, Object childKey, String jsonPath, List<Object> steps) {
        record Pending(JsonNode parent, Object key, String path, List<Object> steps) { }
        ArrayList<Pending> work = new ArrayList<>();
        work.add(new Pending(parent, childKey, jsonPath, steps));
        while (!work.isEmpty()) {
            Pending p = work.remove(work.size() - 1);
            JsonNode node = p.key() instanceof Integer i ? p.parent().get(i) : p.parent().get((String) p.key());
            if (node.isTextual()) {
                slots.add(new StringSlot(p.parent(), p.key(), "body " + p.path(), node.textValue(), p.steps()));
            } else if (node.isNumber() || node.isBoolean()) {
                slots.add(new ScalarSlot(p.parent(), p.key(), "body " + p.path(), node, p.steps()));
            } else if (node instanceof ObjectNode object) {
                if (bodyModel == null || p.steps() == null || !bodyModel.closedAt(p.steps())) {
                    slots.add(keySlot(object, "body keys of " + p.path())); // a validated model may allow no other key there
                }
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                for (int i = names.size() - 1; i >= 0; i--) {
                    work.add(new Pending(object, names.get(i), p.path() + member(names.get(i)), step(p.steps(), names.get(i))));
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    work.add(new Pending(array, i, p.path() + "[" + i + "]", step(p.steps(), i)));
                }
            }
        }
    }

    private static List<Object> step(List<Object> steps, Object next) {
        if (steps == null) {
            return null;
        }
        List<Object> longer = new ArrayList<>(steps.size() + 1);
        longer.addAll(steps);
        longer.add(next);
        return longer;
    }

    private static String member(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }

    /** A value in the JSON body: where it is, and what a validated body's model lets a client put there. */
    private abstract class BodyValueSlot extends Slot {
        private final JsonNode parent;
        private final Object key;
        /** Where it is in the body, for the body model; null when no model validates the body. */
        private final List<Object> steps;
        /** What the body model allows here, read when first asked. */
        private StringRule rule;

        BodyValueSlot(JsonNode parent, Object key, String label, String original, List<Object> steps) {
            super(Kind.BODY_STRING, label, original);
            this.parent = parent;
            this.key = key;
            this.steps = steps;
        }

        /**
         * With body validation on, API Gateway answers 400 to a body whose value here the model forbids (every string,
         * where the schema wants a number).
         */
        @Override
        boolean accepts(HostileValue value) {
            if (steps != null && rule == null) {
                rule = bodyModel.stringAt(steps);
            }
            return super.accepts(value) && (rule == null || rule.allows(value.text()));
        }

        /** Puts {@code value} in the body, in this slot's place. */
        void place(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set((String) key, value);
            } else {
                ((ArrayNode) parent).set((Integer) key, value);
            }
        }
    }

    /** A string in the JSON body. */
    private final class StringSlot extends BodyValueSlot {
        private String value;

        StringSlot(JsonNode parent, Object key, String label, String original, List<Object> steps) {
            super(parent, key, label, original, steps);
            this.value = original;
        }

        @Override
        void write(String value) {
            put(value);
            if (bodyText != null && tokenSlot == this) {
                bodyText = spliced(bodyText, value);
            } else {
                bodyChanged(this);
            }
        }

        void put(String value) {
            this.value = value;
            place(TextNode.valueOf(value));
        }
    }

    /**
     * A number or boolean of the body. A client may send a string there instead (unless a validator's schema forbids
     * it), and a template that writes the value without quotes ({@code "Limit": $input.path('$.limit')}, {@code "BOOL":
     * $input.path('$.active')}) then writes the client's text into the request's JSON as it is. Setting its own text
     * back restores the value; a number's marker is set as a number, which keeps a render JSON; a boolean is
     * {@link #probedAlone() probed alone} with string markers.
     */
    private final class ScalarSlot extends BodyValueSlot {
        private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
        private final JsonNode node;

        ScalarSlot(JsonNode parent, Object key, String label, JsonNode node, List<Object> steps) {
            super(parent, key, label, node.asText(), steps);
            this.node = node;
        }

        @Override
        boolean takesNumberMarker() {
            return node.isNumber();
        }

        @Override
        boolean retypable() {
            return true;
        }

        @Override
        boolean probedAlone() {
            return node.isBoolean();
        }

        @Override
        void write(String value) {
            place(value == null || value.equals(original) ? node
                    : takesNumberMarker() && DIGITS.matcher(value).matches() ? JsonNodeFactory.instance.numberNode(Integer.parseInt(value))
                    : TextNode.valueOf(value));
            bodyChanged(this);
        }
    }

    /** The body text is unknown now; {@code slot} changed it last. */
    private void bodyChanged(Slot slot) {
        bodyText = null;
        tokenSlot = null;
        lastSet = slot;
    }

    /** Adds one extra member to a body object (null removes it): where does a client-chosen key end up? */
    private Slot keySlot(ObjectNode object, String label) {
        return new Slot(Kind.BODY_KEYS, label, null) {
            private String added;

            @Override
            void write(String value) {
                bodyChanged(this);
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
                void write(String value) {
                    values.put(name, value);
                }
            });
        }
    }

    private void collectAuthorizer(Map<String, Object> map, String prefix) {
        boolean claims = CLAIMS.equals(prefix);
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String name = e.getKey();
            String label = prefix + "." + name;
            if (claims && ISSUED_CLAIMS.contains(name)) {
                continue;
            }
            if (e.getValue() instanceof String text) {
                slots.add(new Slot(Kind.AUTHORIZER, label, text) {
                    @Override
                    void write(String value) {
                        map.put(name, value);
                    }
                });
            } else if (e.getValue() instanceof Map<?, ?> nested) {
                collectAuthorizer(cast(nested), label);
            }
        }
    }

    /**
     * The client's User-Agent header, which API Gateway hands to templates as {@code $context.identity.userAgent}
     * (the engine's stand-in value unless the example gives one). No other {@code $context} value is the client's to write:
     * {@code identity.sourceIp} is the connection's address; {@code caller}, {@code user}, {@code userArn},
     * {@code accountId}, {@code accessKey} and the {@code cognito*} values come from credentials API Gateway verified;
     * {@code apiKey} is one of the API's own keys; {@code requestOverride} and {@code responseOverride} are written by
     * templates. ({@code requestId}, which AWS says clients can override, is left out until what it accepts is known.)
     */
    private void addUserAgent() {
        Map<String, Object> identity;
        if (context.get("identity") instanceof Map<?, ?> map) {
            identity = cast(map);
        } else {
            identity = new LinkedHashMap<>();
            context.put("identity", identity); // an empty map adds nothing to the engine's identity
        }
        boolean given = identity.containsKey(USER_AGENT);
        Object givenValue = identity.get(USER_AGENT);
        slots.add(new Slot(Kind.USER_AGENT, "$context.identity.userAgent", givenValue instanceof String text ? text : null) {
            @Override
            void write(String value) {
                if (value != null) {
                    identity.put(USER_AGENT, value);
                } else if (given) {
                    identity.put(USER_AGENT, givenValue);
                } else {
                    identity.remove(USER_AGENT);
                }
            }
        });
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
