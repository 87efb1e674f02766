package io.github.apigwddb.vtl;

import java.util.Map;
import java.util.Objects;

/**
 * Which request template API Gateway applies (facts §1.2-§1.3): the request Content-Type picks a key
 * of {@code requestTemplates} (no Content-Type means application/json); without a match,
 * {@code passthroughBehavior} decides between passing the body through untransformed and a 415.
 */
public final class RequestTemplateSelector {

    /** The Content-Type API Gateway assumes when the request has none. */
    public static final String DEFAULT_CONTENT_TYPE = "application/json";

    public enum PassthroughBehavior { WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER }

    public enum Outcome {
        /** Render {@link Selection#template()}. */
        TRANSFORM,
        /** Send the body untransformed. */
        PASSTHROUGH,
        /** API Gateway answers 415 Unsupported Media Type. */
        UNSUPPORTED_MEDIA_TYPE
    }

    /** @param template the template text for TRANSFORM, otherwise null */
    public record Selection(Outcome outcome, String contentType, String template) { }

    private RequestTemplateSelector() {
    }

    /**
     * @param contentType the request Content-Type, null when absent. Matching is exact: whether AWS matches
     *                    {@code application/json; charset=utf-8} to {@code application/json} is unverified
     *                    (facts §1.5; aws/chalice#306 saw a 415).
     */
    public static Selection select(Map<String, String> requestTemplates, String contentType, PassthroughBehavior behavior) {
        Map<String, String> templates = requestTemplates == null ? Map.of() : requestTemplates;
        String type = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType.trim();
        PassthroughBehavior mode = Objects.requireNonNullElse(behavior, PassthroughBehavior.WHEN_NO_MATCH);
        if (templates.containsKey(type)) {
            return new Selection(Outcome.TRANSFORM, type, templates.get(type));
        }
        boolean passthrough = switch (mode) {
            case WHEN_NO_MATCH -> true;
            case WHEN_NO_TEMPLATES -> templates.isEmpty();
            // the API reference says NEVER "rejects unmapped content types"; not verified without templates
            case NEVER -> false;
        };
        return new Selection(passthrough ? Outcome.PASSTHROUGH : Outcome.UNSUPPORTED_MEDIA_TYPE, type, null);
    }
}
