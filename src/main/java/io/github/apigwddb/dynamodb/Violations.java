package io.github.apigwddb.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while the request is walked; one per rule run, so a failing rule loses only its own. */
final class Violations {

    private final List<RequestViolation> list = new ArrayList<>();

    void add(String ruleId, RequestPath path, String message) {
        add(ruleId, path, message, false);
    }

    /** @param ofValuesAlone see {@link RequestViolation#ofValuesAlone()} */
    void add(String ruleId, RequestPath path, String message, boolean ofValuesAlone) {
        list.add(new RequestViolation(ruleId, path.dotted(), path.pointer(), message, ofValuesAlone));
    }

    List<RequestViolation> list() {
        return list;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }
}
