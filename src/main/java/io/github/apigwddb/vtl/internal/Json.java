package io.github.apigwddb.vtl.internal;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.EvaluationListener;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.Predicate.PredicateContext;
import com.jayway.jsonpath.internal.filter.Evaluator;
import com.jayway.jsonpath.internal.filter.EvaluatorFactory;
import com.jayway.jsonpath.internal.filter.RelationalOperator;
import com.jayway.jsonpath.internal.filter.ValueNode;
import com.jayway.jsonpath.internal.filter.ValueNodes.PatternNode;
import com.jayway.jsonpath.spi.json.JsonProvider;
import io.github.apigwddb.vtl.RenderProblem.Kind;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON the way API Gateway handles it: Jayway JsonPath with its default json-smart provider in
 * permissive mode (the AWS 400 message names net.minidev.json.parser.ParseException). That gives
 * LinkedHashMap objects (printed {@code {k=v}}), JSONArray lists (printed as JSON), doubles for decimals,
 * and plain text read as a string.
 */
final class Json {

    /** Marks "the path matched nothing", which differs from a JSON null for {@code $input.json}. */
    static final Object MISSING = new Object();

    private static final JsonProvider PROVIDER = Configuration.defaultConfiguration().jsonProvider();
    /** Most values one path may select: a deep scan of a deep document selects the depth to the power of its scans. */
    static final int MAX_SELECTED_VALUES = 1_000_000;
    /** Reads on the render deadline, with at most {@link #MAX_SELECTED_VALUES} values selected. */
    private static final Configuration CONFIGURATION = Configuration.defaultConfiguration()
            .jsonProvider(new GuardedJsonProvider(PROVIDER))
            .setEvaluationListeners(found -> {
                if (found.index() >= MAX_SELECTED_VALUES) {
                    throw fail(Kind.LIMIT, "a JSONPath selects more than " + MAX_SELECTED_VALUES + " values");
                }
                return EvaluationListener.EvaluationContinuation.CONTINUE;
            });
    /** Paths longer than this are compiled on every read: a hostile template must not fill the cache. */
    private static final int MAX_CACHED_PATH_CHARS = 256;
    /**
     * Compiled paths by their text: templates read the same few on every render. Only paths without functions
     * and filters: those keep evaluation state in the compiled path (json-path issue 975), so cannot be shared.
     */
    private static final BoundedCache<String, JsonPath> PATHS = new BoundedCache<>(1024);

    /**
     * Whether {@code =~} filters match on the render deadline. Jayway matches them with java.util.regex on a plain
     * String, beyond any deadline ({@code /a*a*a*a*a*a*a*a*a*a*a*a*c/} on 44 a's ran for minutes), so its regex
     * evaluator is replaced by {@link GuardedRegexEvaluator}, which does the same on a deadline-checking view. Jayway
     * offers no hook for that: it is its internal evaluator table. Should a later Jayway change the table, paths
     * with {@code =~} are refused (SANDBOX) rather than run unbounded.
     */
    private static final boolean REGEX_FILTERS_GUARDED = GuardedRegexEvaluator.install();

    private Json() {
    }

    /**
     * Digits in a row a text to parse may hold: Jackson's default bound on a number, which guards the spec files.
     * json-smart reads a longer number into a BigInteger or BigDecimal in quadratic time (5,000,000 digits: five
     * minutes), where no deadline can stop it.
     */
    static final int MAX_NUMBER_DIGITS = 1000;

    /**
     * @param what the text's name for the message, e.g. "the body"
     * @throws InvalidJsonException when the text is not even permissive JSON (e.g. starts with { and breaks)
     */
    static Object parse(String text, String what) {
        // a text no longer than the bound cannot hold a longer run: most bodies, rendered and probed often, are not scanned
        int digits = text.length() <= MAX_NUMBER_DIGITS ? 0 : longestDigitRun(text);
        if (digits > MAX_NUMBER_DIGITS) {
            // Refused as a limit of the renderer (VTL007), not reported as invalid JSON: json-smart, which API Gateway
            // runs, accepts such a number (no 400 "Could not process payload"), only slowly; what API Gateway then does
            // is not documented. The same as the bound on numbers a template computes (MAX_NUMBER_BITS).
            throw fail(Kind.LIMIT, what + " holds " + digits + " digits in a row: the check parses JSON with at most "
                    + MAX_NUMBER_DIGITS + " digits in a row, in a number or in a string (json-smart, API Gateway's parser, takes"
                    + " time growing with the square of the length over a longer number: minutes for millions of digits)");
        }
        return PROVIDER.parse(text);
    }

    /**
     * The longest run of ASCII digits, in one linear pass. Runs inside strings count too: tracking json-smart's
     * permissive quoting (single quotes, unquoted words such as it's) could be led astray into missing a number (a scan
     * that follows double quotes reads {@code {'a': '"', 'b': 123}} as ending in a string), and a string of a thousand
     * digits in a row is no real request's; the message says so.
     */
    static int longestDigitRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
                if (run > longest) {
                    longest = run;
                }
            } else {
                run = 0;
            }
        }
        return longest;
    }

    /** The parse failure text as API Gateway shows it after "Could not process payload". */
    static String describe(InvalidJsonException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.toString();
    }

    /** Evaluates a JSONPath; {@link #MISSING} when a definite path matches nothing. */
    static Object read(Object document, String path) {
        if (!REGEX_FILTERS_GUARDED && path.contains("=~")) {
            throw fail(Kind.SANDBOX, "sandbox: JSONPath regex filters (=~) cannot be bounded in time by this Jayway version");
        }
        JsonPath compiled;
        try {
            compiled = compiled(path);
        } catch (TemplateAbort e) {
            throw e;
        } catch (RuntimeException e) { // Jayway lets some index errors of a malformed path through as they are
            throw invalidPath(path, e);
        }
        try {
            return compiled.read(document, CONFIGURATION);
        } catch (PathNotFoundException e) {
            return MISSING;
        } catch (InvalidPathException e) {
            throw invalidPath(path, e);
        }
    }

    /** Jayway's own messages are plain; a wrapped Java exception only says the path is cut short or malformed. */
    private static RuntimeException invalidPath(String path, RuntimeException e) {
        boolean plain = e instanceof InvalidPathException && e.getCause() == null && e.getMessage() != null;
        return fail(Kind.RUNTIME, "invalid JSONPath '" + path + "': "
                + (plain ? e.getMessage() : "the path is incomplete or malformed"));
    }

    private static RuntimeException fail(Kind kind, String message) {
        RenderGuard guard = RenderGuard.current();
        if (guard != null) {
            guard.fail(kind, message);
        }
        return new IllegalArgumentException(message);
    }

    /** A json-smart parse failure as a plain sentence, e.g. "Unexpected End Of File position 3". */
    static String plainParseError(InvalidJsonException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "malformed JSON" : cause.getMessage().trim();
        return message.endsWith(": null") ? message.substring(0, message.length() - ": null".length()) : message;
    }

    /**
     * Jayway's regex evaluator (RegexpEvaluator, json-path 2.10.0) step for step, matching on a
     * {@link DeadlineCharSequence} during a render.
     */
    private static final class GuardedRegexEvaluator implements Evaluator {
        private final Method compiledPattern;

        private GuardedRegexEvaluator(Method compiledPattern) {
            this.compiledPattern = compiledPattern;
        }

        @SuppressWarnings("unchecked")
        static boolean install() {
            try {
                Method compiledPattern = PatternNode.class.getDeclaredMethod("getCompiledPattern");
                compiledPattern.setAccessible(true);
                Field table = EvaluatorFactory.class.getDeclaredField("evaluators");
                table.setAccessible(true);
                Map<RelationalOperator, Evaluator> evaluators = (Map<RelationalOperator, Evaluator>) table.get(null);
                if (!evaluators.containsKey(RelationalOperator.REGEX)) {
                    return false;
                }
                // replaces the value of an existing key: no structural change under concurrent readers
                evaluators.put(RelationalOperator.REGEX, new GuardedRegexEvaluator(compiledPattern));
                return EvaluatorFactory.createEvaluator(RelationalOperator.REGEX) instanceof GuardedRegexEvaluator;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public boolean evaluate(ValueNode left, ValueNode right, PredicateContext context) {
            if (!(left.isPatternNode() ^ right.isPatternNode())) {
                return false;
            }
            ValueNode patternNode = left.isPatternNode() ? left : right;
            ValueNode subject = left.isPatternNode() ? right : left;
            Pattern pattern = pattern(patternNode.asPatternNode());
            if (subject.isValueListNode() || (subject.isJsonNode() && subject.asJsonNode().isArray(context))) {
                return matchesAny(pattern, subject.asJsonNode().asValueListNode(context));
            }
            return matches(pattern, input(subject));
        }

        private Pattern pattern(PatternNode node) {
            try {
                return (Pattern) compiledPattern.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("JSONPath regex filter", e);
            }
        }

        private static boolean matchesAny(Pattern pattern, ValueNode list) {
            if (!list.isValueListNode()) {
                return false;
            }
            for (ValueNode element : list.asValueListNode()) {
                if (matches(pattern, input(element))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(Pattern pattern, String input) {
            RenderGuard guard = RenderGuard.current();
            if (guard != null) {
                guard.checkRegex(pattern.pattern());
            }
            try {
                return pattern.matcher(guard == null ? input : new DeadlineCharSequence(input, guard)).matches();
            } catch (StackOverflowError e) {
                if (guard == null) {
                    throw e;
                }
                throw guard.regexTooDeep(pattern.pattern(), input.length());
            }
        }

        private static String input(ValueNode node) {
            if (node.isStringNode() || node.isNumberNode()) {
                return node.asStringNode().getString();
            }
            return node.isBooleanNode() ? node.asBooleanNode().toString() : "";
        }
    }

    private static JsonPath compiled(String path) {
        return PATHS.get(path, path.length() <= MAX_CACHED_PATH_CHARS && path.indexOf('(') < 0, JsonPath::compile);
    }

    /** Compact JSON text of a parsed value, strings quoted, written by the provider (json-smart). */
    static String toJson(Object value) {
        if (value instanceof Map || value instanceof List) {
            return PROVIDER.toJson(value);
        }
        // the provider only writes containers: write a one-element array and unwrap it
        List<Object> holder = new ArrayList<>(1);
        holder.add(value);
        String array = PROVIDER.toJson(holder);
        return array.substring(1, array.length() - 1);
    }
}
