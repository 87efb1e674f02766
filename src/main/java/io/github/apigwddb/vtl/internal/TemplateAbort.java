package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.RenderProblem;

/** Stops a render: thrown from inside Velocity and turned into a {@link RenderProblem} by the engine. */
public final class TemplateAbort extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RenderProblem.Kind kind;
    private final int line;
    private final int column;

    public TemplateAbort(RenderProblem.Kind kind, String message, int line, int column) {
        super(message, null, false, false);
        this.kind = kind;
        this.line = line;
        this.column = column;
    }

    public RenderProblem.Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public RenderProblem toProblem() {
        return new RenderProblem(kind, getMessage(), line, column);
    }
}
