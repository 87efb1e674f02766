package io.github.apigwddb.vtl;

/**
 * Why a render produced no output.
 *
 * @param line   1-based line inside the template, 0 when unknown
 * @param column 1-based column inside the template, 0 when unknown
 */
public record RenderProblem(Kind kind, String message, int line, int column) {

    public enum Kind {
        /** The 400 API Gateway answers before the integration, e.g. a body starting with { that is not JSON. */
        BAD_BODY,
        /** A bound was exceeded: #foreach iterations, template size, output size, render time, macro depth. */
        LIMIT,
        /** The template tried to reach something outside the sandbox (classes, reflection, files, ...). */
        SANDBOX,
        /** Any other evaluation error. */
        RUNTIME,
        /** A request/response parameter was overridden twice (API Gateway answers 5XX). */
        OVERRIDE
    }

    @Override
    public String toString() {
        return kind + (line > 0 ? " at line " + line + ", column " + column : "") + ": " + message;
    }
}
