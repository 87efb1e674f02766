package io.github.apigwddb.vtl.internal;

import org.apache.velocity.Template;

/** A template parsed and initialised once; rendering it is thread-safe. Opaque outside this package. */
public final class ParsedTemplate {

    final Template template;
    final int oversizeBytes;

    private ParsedTemplate(Template template, int oversizeBytes) {
        this.template = template;
        this.oversizeBytes = oversizeBytes;
    }

    static ParsedTemplate of(Template template) {
        return new ParsedTemplate(template, 0);
    }

    /** Too large for API Gateway: not parsed, every render reports the limit. */
    static ParsedTemplate oversize(int bytes) {
        return new ParsedTemplate(null, bytes);
    }
}
