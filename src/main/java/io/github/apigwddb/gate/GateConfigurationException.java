package io.github.apigwddb.gate;

/** A gate setting that names something that does not exist; the message lists the valid names. */
public final class GateConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    public GateConfigurationException(String message) {
        super(message);
    }

    public GateConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
