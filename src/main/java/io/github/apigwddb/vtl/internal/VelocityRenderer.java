package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.Fidelity;
import io.github.apigwddb.vtl.Overrides;
import io.github.apigwddb.vtl.RenderProblem;
import io.github.apigwddb.vtl.RenderProblem.Kind;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateLimits;
import io.github.apigwddb.vtl.TemplateSyntaxException;
import org.apache.velocity.Template;
import org.apache.velocity.exception.MacroOverflowException;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.Token;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Velocity configured to behave like API Gateway's template engine, inside the sandbox. */
public final class VelocityRenderer {

    private static final UtilVariable UTIL = new UtilVariable();
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

    private final TemplateLimits limits;
    private final RuntimeInstance velocity;
    private final AtomicLong templateIds = new AtomicLong();

    public VelocityRenderer(TemplateLimits limits) {
        this.limits = limits;
        this.velocity = new SilentRuntime();
        velocity.setProperty("runtime.log.instance", NOPLogger.NOP_LOGGER);
        velocity.init(configuration(limits));
    }

    /**
     * Velocity logs what it throws (parse errors, a failing macro at every level of the call) at ERROR, which a
     * Maven build prints on its console next to the finding the plugin makes of it. Every logger is silent; asking
     * for one costs nothing either (Velocity asks at every node of every template it parses).
     */
    private static final class SilentRuntime extends RuntimeInstance {
        @Override
        public Logger getLog() {
            return NOPLogger.NOP_LOGGER;
        }

        @Override
        public Logger getLog(String childNamespace) {
            return NOPLogger.NOP_LOGGER;
        }
    }

    private static Properties configuration(TemplateLimits limits) {
        Properties p = new Properties();
        // no file system or class path: templates come only as text, #include/#parse are disabled below
        p.setProperty("resource.loaders", "string");
        p.setProperty("resource.loader.string.class", "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
        p.setProperty("resource.loader.string.repository.static", "false");
        p.setProperty("velocimacro.library.path", "");
        p.setProperty("introspector.uberspect.class", SandboxUberspector.class.getName());
        p.setProperty("event_handler.reference_insertion.class", NullAsEmptyInsertion.class.getName());
        // later registrations replace Velocity's built-ins of the same name
        p.setProperty("runtime.custom_directives", String.join(",",
                GuardedForeach.class.getName(), DisabledDirectives.Include.class.getName(),
                DisabledDirectives.Parse.class.getName(), DisabledDirectives.Evaluate.class.getName(),
                DisabledDirectives.Define.class.getName()));
        // Velocity 1.7 language level, see Fidelity
        p.setProperty("parser.space_gobbling", Fidelity.SPACE_GOBBLING);
        p.setProperty("parser.allow_hyphen_in_identifiers", String.valueOf(Fidelity.HYPHENS_IN_IDENTIFIERS));
        p.setProperty("directive.if.empty_check", String.valueOf(Fidelity.IF_EMPTY_IS_FALSE));
        p.setProperty("runtime.strict_mode.enable", "false");
        p.setProperty("runtime.log.log_invalid_references", "false");
        p.setProperty("runtime.log.log_invalid_method_calls", "false");
        p.setProperty("velocimacro.max_depth", String.valueOf(limits.maxMacroDepth()));
        // each template keeps its own macros: two templates may define a macro with the same name
        p.setProperty("velocimacro.inline.local_scope", "true");
        return p;
    }

    public TemplateLimits limits() {
        return limits;
    }

    public ParsedTemplate parse(String text) throws TemplateSyntaxException {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxTemplateBytes()) {
            return ParsedTemplate.oversize(bytes);
        }
        Template template = new Template();
        template.setName("template-" + templateIds.incrementAndGet());
        template.setRuntimeServices(velocity);
        try {
            SimpleNode root = velocity.parse(new StringReader(text), template);
            NullAsEmptyComparisons.rewrite(root);
            template.setData(root);
            template.initDocument();
            return ParsedTemplate.of(template, text);
        } catch (ParseException e) {
            throw withHint(syntaxError(e), text);
        } catch (TemplateInitException e) {
            throw new TemplateSyntaxException(clean(e.getMessage()), e.getLineNumber(), e.getColumnNumber());
        } catch (ParseErrorException e) {
            throw new TemplateSyntaxException(clean(e.getMessage()), e.getLineNumber(), e.getColumnNumber());
        } catch (StackOverflowError e) {
            throw new TemplateSyntaxException("the template is nested too deeply", 1, 1);
        } catch (VelocityException e) {
            int[] position = position(e.getMessage());
            throw new TemplateSyntaxException(clean(e.getMessage()), position[0], position[1]);
        }
    }

    /** The error with what it most likely means, where the parser's words do not say it ({@link SyntaxHints}). */
    private TemplateSyntaxException withHint(TemplateSyntaxException error, String text) {
        if (error.getMessage().endsWith("unexpected end of template")) {
            // said at the directive left open: the end of the template is only where the parser noticed
            SyntaxHints.Hint open = SyntaxHints.unclosedBlock(velocity, text);
            return open == null ? error : new TemplateSyntaxException(error.getMessage() + ": " + open.text(), open.line(), open.column());
        }
        // the lexer's own words (state numbers, character codes) say nothing a template's author can use
        String hint = error.getMessage().contains("Lexical error") ? SyntaxHints.literalMethodCall(text, error.line(), error.column()) : null;
        return hint == null ? error : new TemplateSyntaxException("syntax error: " + hint, error.line(), error.column());
    }

    private static TemplateSyntaxException syntaxError(ParseException e) {
        Token current = e.currentToken;
        if (current != null && current.next != null && e.expectedTokenSequences != null) {
            Token bad = current.next;
            // Velocity's reader ends the text with U+001C, which some rules see as the unexpected token
            String what = bad.kind == 0 || bad.image == null || bad.image.isEmpty() || bad.image.equals("\u001c")
                    ? "unexpected end of template" : "unexpected \"" + bad.image + "\"";
            return new TemplateSyntaxException("syntax error: " + what, bad.beginLine, bad.beginColumn);
        }
        int[] position = position(e.getMessage());
        return new TemplateSyntaxException("syntax error: " + clean(e.getMessage()), position[0], position[1]);
    }

    /** @param counted whether the render is of an example: only those count towards, and are skipped after, two timeouts */
    public RenderResult render(ParsedTemplate parsed, TemplateInput input, boolean counted) {
        if (parsed.template == null) {
            return new RenderResult(null, new RenderProblem(Kind.LIMIT, "the template is " + parsed.oversizeBytes
                    + " bytes; API Gateway allows at most " + limits.maxTemplateBytes(), 0, 0), Overrides.none());
        }
        if (!counted) {
            return renderGuarded(parsed, input);
        }
        RenderProblem timedOut = parsed.timedOut;
        if (timedOut != null) {
            return new RenderResult(null, new RenderProblem(timedOut.kind(), timedOut.message() + " (in earlier renders; not rendered"
                    + " again)", timedOut.line(), timedOut.column()), Overrides.none());
        }
        RenderResult result = renderGuarded(parsed, input);
        if (result.problem() != null && RenderGuard.isTimeout(result.problem()) && parsed.timeouts.incrementAndGet() >= 2) {
            parsed.timedOut = result.problem();
        }
        return result;
    }

    private RenderResult renderGuarded(ParsedTemplate parsed, TemplateInput input) {
        RenderGuard guard = RenderGuard.install(limits);
        LazyContext context = new LazyContext(input.context());
        try {
            RenderContext variables = new RenderContext(guard);
            variables.put("input", new InputVariable(input.body(), input.path(), input.querystring(), input.headers()));
            variables.put("util", UTIL);
            variables.putLazily("context", context);
            variables.put("stageVariables", new LinkedHashMap<String, Object>(input.stageVariables()));
            BoundedWriter output = new BoundedWriter(guard, parsed.outputCapacity);
            parsed.template.merge(variables, output);
            if (guard.abort() != null) {
                return new RenderResult(null, guard.abort().toProblem(), overrides(context.built));
            }
            Overrides overrides = overrides(context.built);
            if (guard.duplicateOverride() != null) {
                return new RenderResult(null, guard.duplicateOverride().toProblem(), overrides);
            }
            String text = output.toString();
            return new RenderResult(text, null, overrides, guard.objectTextsIn(text));
        } catch (RuntimeException e) {
            return new RenderResult(null, problem(e, guard), safeOverrides(context.built));
        } catch (StackOverflowError e) {
            return new RenderResult(null, new RenderProblem(Kind.LIMIT, "the template nests evaluation too deeply",
                    guard.line(), guard.column()), safeOverrides(context.built));
        } finally {
            RenderGuard.uninstall();
        }
    }

    private RenderProblem problem(RuntimeException e, RenderGuard guard) {
        if (guard.abort() != null) {
            return guard.abort().toProblem();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateAbort abort) {
                return abort.toProblem();
            }
        }
        if (e instanceof MacroOverflowException) {
            int[] position = position(e.getMessage());
            return new RenderProblem(Kind.LIMIT, "macro calls are nested deeper than " + limits.maxMacroDepth(),
                    position[0], position[1]);
        }
        if (e instanceof MethodInvocationException mie) {
            Throwable root = mie;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root == mie ? "" : ": " + clean(String.valueOf(root.getMessage()));
            return new RenderProblem(Kind.RUNTIME, "calling " + mie.getMethodName() + "() failed" + detail,
                    mie.getLineNumber(), mie.getColumnNumber());
        }
        int[] position = position(e.getMessage());
        if (position[0] == 0) {
            position = new int[] {guard.line(), guard.column()};
        }
        IndexOutOfBoundsException pastTheEnd = causeOf(e, IndexOutOfBoundsException.class);
        if (pastTheEnd != null) {
            // Velocity says only "Error invoking method 'get(java.lang.Integer)' in java.util.ArrayList" (FP hunt: unreadable)
            return new RenderProblem(Kind.RUNTIME, "template evaluation failed: an index reads past the end of a list ("
                    + pastTheEnd.getMessage() + "), as [0] of an empty Items or [1] of a split that found no separator",
                    position[0], position[1]);
        }
        return new RenderProblem(Kind.RUNTIME, "template evaluation failed: " + (e.getMessage() == null ? plain(e) : clean(e.getMessage())),
                position[0], position[1]);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** What a Java exception without a message means to a template author. */
    private static String plain(RuntimeException e) {
        if (e instanceof java.util.ConcurrentModificationException) {
            return "a #foreach loop changes the list or map it iterates over";
        }
        return "the template did something Velocity cannot do (" + e.getClass().getSimpleName() + ")";
    }

    private static int[] position(String message) {
        if (message != null) {
            Matcher m = POSITION.matcher(message);
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
        }
        return new int[] {0, 0};
    }

    /** First line of a Velocity message without internal template names or Java class names. */
    private static String clean(String message) {
        if (message == null) {
            return "unknown error";
        }
        String first = message.lines().findFirst().orElse("").trim();
        first = first.replaceAll("\\s*(?:at|of|in)?\\s*template-\\d+(?:\\[line \\d+, column \\d+\\])?", "");
        return QUALIFIED_CLASS.matcher(first).replaceAll("value");
    }

    /** The overrides of a failed render, as far as they can be read; the render's problem is what is reported. */
    private Overrides safeOverrides(ContextMap context) {
        try {
            return context == null ? Overrides.none() : overrides(context);
        } catch (RuntimeException | StackOverflowError e) {
            return Overrides.none();
        }
    }

    /**
     * {@code $context}, built when the template first reads it: many templates never do, and building it costs
     * a good part of a short render. Until then it is null, and its overrides are none.
     */
    private static final class LazyContext implements Supplier<ContextMap> {
        private final Map<String, Object> example;
        private ContextMap built;

        LazyContext(Map<String, Object> example) {
            this.example = example;
        }

        @Override
        public ContextMap get() {
            built = ContextVariable.build(example);
            return built;
        }
    }

    /**
     * Reads $context.requestOverride / responseOverride after the template ran (overrides apply then, facts §7);
     * none when the template never read $context.
     */
    private Overrides overrides(ContextMap context) {
        if (context == null) {
            return Overrides.none();
        }
        Map<?, ?> request = context.get("requestOverride") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> response = context.get("responseOverride") instanceof Map<?, ?> m ? m : Map.of();
        return new Overrides(strings(request.get("header")), strings(request.get("path")),
                strings(request.get("querystring")), strings(response.get("header")), status(response.get("status")));
    }

    private Map<String, String> strings(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    String text = overrideText(v);
                    if (text != null) {
                        result.put(String.valueOf(k), text);
                    }
                }
            });
        }
        return result;
    }

    /**
     * An override value as sent: a list becomes a multi-value header, sent comma-separated (facts §7). Written with
     * the output's bound, as the template may have put anything there; null for a value too long or holding itself,
     * which the render has already reported when it was built.
     */
    private String overrideText(Object value) {
        try {
            if (value instanceof Collection<?> c) {
                StringBuilder joined = new StringBuilder();
                for (Object element : c) {
                    if (joined.length() > 0) {
                        joined.append(',');
                    }
                    joined.append(ValueText.of(element, limits.maxOutputChars() - joined.length()));
                    if (joined.length() > limits.maxOutputChars()) {
                        return null;
                    }
                }
                return joined.toString();
            }
            return ValueText.of(value, limits.maxOutputChars());
        } catch (ValueText.Unwritable e) {
            return null;
        }
    }

    private static Integer status(Object value) {
        Integer status = null;
        if (value instanceof Number n) {
            status = n.intValue();
        } else if (value instanceof CharSequence) { // a list or map is no status; its text could be huge
            try {
                status = Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (status == null || status < Fidelity.MIN_OVERRIDE_STATUS || status > Fidelity.MAX_OVERRIDE_STATUS) {
            return null;
        }
        return status;
    }
}
