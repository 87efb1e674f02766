package io.github.apigwddb.check;

/** The render goal names an operation or example that does not exist; the message lists the ones that do. */
public final class UnknownRenderTargetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownRenderTargetException(String message) {
        super(message);
    }
}
