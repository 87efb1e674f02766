package io.github.apigwddb.security;

import java.util.List;

/**
 * What a client can do to the rendered request through one input of one template.
 *
 * @param kind the worst effect found
 * @param input the input, e.g. {@code body $.name}, {@code path id}, {@code body keys of $.item}
 * @param value the hostile value that had that effect; null for the key findings
 * @param effect what happened to the request, as a sentence fragment
 * @param breakingValues every hostile value that had any effect, in {@link HostileValue#ALL} order (up to the worst one)
 * @param insideString whether the input lands inside a JSON string of the request (so escaping is the fix)
 * @param outputLine 1-based line of the rendered request where the input lands
 * @param outputLineText that line, as rendered with marker values
 * @param outputColumn 1-based column on that line where the input's value starts
 * @param base64 whether the input reaches the request through {@code $util.base64Decode}: the hostile values were sent
 *     Base64-encoded, as a client would encode them
 * @param inStatement whether the input lands inside a PartiQL statement, where JSON escaping does not keep it in its place
 */
public record Injection(
        Kind kind,
        String input,
        HostileValue value,
        String effect,
        List<HostileValue> breakingValues,
        boolean insideString,
        int outputLine,
        String outputLineText,
        int outputColumn,
        boolean base64,
        boolean inStatement) {

    /** Effects, mildest first. */
    public enum Kind {
        /**
         * A render with the value ran out of time: the probe stopped there, so it is no effect on the request compared
         * with the others. {@code outputLine} and {@code outputColumn} are then where in the template time ran out.
         */
        TIMES_OUT,
        /** The template fails to render (API Gateway answers 500). */
        RENDER_FAILS,
        /** The request stays JSON with the same shape, but DynamoDB rejects it (not for its size). */
        REJECTED,
        /** The request is no longer JSON: DynamoDB answers SerializationException. */
        INVALID_JSON,
        /** The request keeps its shape, but the client's text changes a PartiQL statement's words: it rewrites the query. */
        STATEMENT_CHANGED,
        /** A member, key or attribute appears, disappears or changes type: the client rewrites the request. */
        STRUCTURE_CHANGED,
        /** A key the client adds to the body becomes a member of the DynamoDB request itself. */
        CLIENT_REQUEST_MEMBERS,
        /** A key the client adds to the body becomes a key inside the request (an attribute or map key). */
        CLIENT_ATTRIBUTE_NAMES
    }

    /** Whether {@code '} alone breaks the request: the mark of {@code $util.escapeJavaScript} without the replaceAll. */
    public boolean onlyApostrophe() {
        return breakingValues.equals(List.of(HostileValue.APOSTROPHE));
    }
}
