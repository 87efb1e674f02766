package io.github.apigwddb.check;

/** The render goal names an operation or example that does not exist; the message lists the ones that do. */
public final class UnknownRenderTargetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final boolean operationMissing;

    public UnknownRenderTargetException(String message) {
        this(message, false);
    }

    /** @param operationMissing whether no spec file has the operation at all (not: no such example, or several) */
    public UnknownRenderTargetException(String message, boolean operationMissing) {
        super(message);
        this.operationMissing = operationMissing;
    }

    /** Whether the files have no such operation: in a multi-module build another module may have it. */
    public boolean operationMissing() {
        return operationMissing;
    }
}
