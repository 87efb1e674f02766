package io.github.apigwddb.vtl;

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

    static RenderResult success(String output, Overrides overrides) {
        return new RenderResult(output, null, overrides);
    }

    static RenderResult failure(RenderProblem problem, Overrides overrides) {
        return new RenderResult(null, problem, overrides);
    }
}
