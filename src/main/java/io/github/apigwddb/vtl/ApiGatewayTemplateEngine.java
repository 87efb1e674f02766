package io.github.apigwddb.vtl;

import io.github.apigwddb.vtl.internal.ParsedTemplate;
import io.github.apigwddb.vtl.internal.VelocityRenderer;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders API Gateway REST API mapping templates offline, as API Gateway would (see {@link Fidelity}),
 * inside a sandbox: templates are untrusted code.
 *
 * <p>Thread-safe; one instance per check run. A template text is compiled once and can be rendered many times,
 * also concurrently; see {@link RecentTemplates} for how long a compiled template is kept.
 */
public final class ApiGatewayTemplateEngine {

    private final VelocityRenderer renderer;
    private final RecentTemplates compiled = new RecentTemplates(RecentTemplates.DEFAULT_CAPACITY);
    /** Probe renders that ran out of time: each costs a whole deadline, so the probe stops at its first (tests count them). */
    private final AtomicLong probeTimeouts = new AtomicLong();

    public ApiGatewayTemplateEngine() {
        this(TemplateLimits.defaults());
    }

    public ApiGatewayTemplateEngine(TemplateLimits limits) {
        this.renderer = new VelocityRenderer(Objects.requireNonNull(limits, "limits"));
    }

    public TemplateLimits limits() {
        return renderer.limits();
    }

    /** @throws TemplateSyntaxException with 1-based line/column inside the template text */
    public CompiledTemplate compile(String name, String text) throws TemplateSyntaxException {
        Objects.requireNonNull(text, "template text");
        // cache by text: the same template appears under many methods; syntax errors are cached too
        Object entry = compiled.get(text);
        if (entry == null) {
            try {
                entry = renderer.parse(text);
            } catch (TemplateSyntaxException e) {
                entry = e;
            }
            entry = compiled.putIfAbsent(text, entry);
        }
        if (entry instanceof TemplateSyntaxException e) {
            throw new TemplateSyntaxException(e.getMessage(), e.line(), e.column());
        }
        return new CompiledTemplate(name, text, (ParsedTemplate) entry);
    }

    /** Never throws for template or input problems: they come back as {@link RenderResult#problem()}. */
    public RenderResult render(CompiledTemplate template, TemplateInput input) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(input, "input");
        return renderer.render(template.parsed, input, true);
    }

    /**
     * A render of made-up inputs (the injection probe's hostile values): it neither counts towards nor is skipped by the
     * template's record of renders that ran out of time, which is about the examples (a value slow alone, such as a
     * 1,000-character string, must not stand for them).
     */
    public RenderResult renderProbe(CompiledTemplate template, TemplateInput input) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(input, "input");
        RenderResult result = renderer.render(template.parsed, input, false);
        if (result.timedOut()) {
            probeTimeouts.incrementAndGet();
        }
        return result;
    }

    /** How many {@link #renderProbe} renders ran out of time so far. */
    public long probeTimeouts() {
        return probeTimeouts.get();
    }
}
