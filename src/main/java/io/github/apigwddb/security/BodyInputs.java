package io.github.apigwddb.security;

import io.github.apigwddb.validation.BodyModel;
import java.util.Objects;

/** What a client can put into the body that reaches a template, as far as the probe goes. Immutable. */
public final class BodyInputs {

    /** Nothing checks the body before the template: every string of it may hold any hostile value. */
    public static final BodyInputs UNVALIDATED = new BodyInputs(null);

    /** Null when nothing validates the body. */
    final BodyModel model;

    private BodyInputs(BodyModel model) {
        this.model = model;
    }

    /**
     * API Gateway rejects a body that does not match {@code model} before any template runs: a string of the body is
     * probed only with the hostile values the model allows at its place.
     */
    public static BodyInputs validatedAgainst(BodyModel model) {
        return new BodyInputs(Objects.requireNonNull(model));
    }
}
