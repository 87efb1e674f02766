package io.github.apigwddb.security;

import io.github.apigwddb.validation.BodyModel;
import java.util.Objects;

/** What a client can put into the body that reaches a template, as far as the probe goes. Immutable. */
public final class BodyInputs {

    /** Nothing checks the body before the template: every string of it may hold any hostile value. */
    public static final BodyInputs UNVALIDATED = new BodyInputs(true, null);
    /**
     * The body stays as the example has it and is not probed: for a template the example's Content-Type does not
     * select, the example's body says little about the bodies a client sends with the template's Content-Type.
     */
    public static final BodyInputs LEFT_AS_IS = new BodyInputs(false, null);

    final boolean probed;
    /** Null when nothing validates the body. */
    final BodyModel model;

    private BodyInputs(boolean probed, BodyModel model) {
        this.probed = probed;
        this.model = model;
    }

    /**
     * API Gateway rejects a body that does not match {@code model} before any template runs: a string of the body is
     * probed only with the hostile values the model allows at its place.
     */
    public static BodyInputs validatedAgainst(BodyModel model) {
        return new BodyInputs(true, Objects.requireNonNull(model));
    }
}
