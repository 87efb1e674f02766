package io.github.apigwddb.vtl;

/**
 * @param output    the rendered text, {@code null} when the render failed
 * @param problem   why it failed, {@code null} on success
 * @param overrides overrides set by the template (never null)
 */
public record RenderResult(String output, RenderProblem problem, Overrides overrides) {

    public RenderResult {
        overrides = overrides == null ? Overrides.none() : overrides;
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
