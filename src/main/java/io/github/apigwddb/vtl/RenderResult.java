package io.github.apigwddb.vtl;

import io.github.apigwddb.vtl.internal.RenderGuard;
import java.util.List;

/**
 * @param output    the rendered text, {@code null} when the render failed
 * @param problem   why it failed, {@code null} on success
 * @param overrides overrides set by the template (never null)
 * @param objectTexts JSON objects the render wrote as Java's map text (never null)
 */
public record RenderResult(String output, RenderProblem problem, Overrides overrides, List<ObjectText> objectTexts) {

    public RenderResult {
        overrides = overrides == null ? Overrides.none() : overrides;
        objectTexts = objectTexts == null ? List.of() : objectTexts;
    }

    public RenderResult(String output, RenderProblem problem, Overrides overrides) {
        this(output, problem, overrides, List.of());
    }

    public boolean ok() {
        return problem == null;
    }

    /** Whether the render ran out of time (the render deadline of {@link TemplateLimits#maxRenderTime()}). */
    public boolean timedOut() {
        return problem != null && RenderGuard.isTimeout(problem);
    }

    static RenderResult success(String output, Overrides overrides) {
        return new RenderResult(output, null, overrides);
    }

    static RenderResult failure(RenderProblem problem, Overrides overrides) {
        return new RenderResult(null, problem, overrides);
    }
}
