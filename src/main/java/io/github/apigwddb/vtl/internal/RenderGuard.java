package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.ObjectText;
import io.github.apigwddb.vtl.RenderProblem;
import io.github.apigwddb.vtl.RenderProblem.Kind;
import io.github.apigwddb.vtl.TemplateLimits;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-render state shared by the Velocity hooks: deadline, budgets, the last known template position
 * and the first abort. Velocity's hooks (uberspector, event handlers, directives) are shared between
 * renders, so the state travels in a thread local installed for the duration of one render.
 */
public final class RenderGuard {

    /** Elements a single collection may hold; stops doubling tricks like {@code $l.addAll($l)}. */
    static final int MAX_COLLECTION_ELEMENTS = 1_000_000;
    /**
     * Elements a value may hold counting nested ones, each time a list is reached again counted again: a list
     * holding itself twice per level ({@code #set($a = [$a, $a])}) is small in memory but exponential for
     * hashCode, equals and toString. A JSON body's values stay below it: one list may hold a million elements.
     */
    static final long MAX_DEEP_ELEMENTS = 5_000_000;
    /**
     * Characters the text of a stored list or map may have, estimated: twice the default output bound, so even a
     * small configured output bound leaves room for the values of a 10 MB body.
     */
    private static final long MAX_VALUE_TEXT_CHARS = 2L * TemplateLimits.defaults().maxOutputChars();
    /** Levels a value may nest; json-smart stops parsing at 400. */
    static final int MAX_NESTING = 1000;
    /** Bits a big integer may have; stops {@code #set($x = $x * $x)} squaring runs. */
    static final int MAX_NUMBER_BITS = 8192;

    static final String CONTAINS_ITSELF = "a list or map that contains itself was built";

    private static final ThreadLocal<RenderGuard> CURRENT = new ThreadLocal<>();

    private final TemplateLimits limits;
    private final long deadlineNanos;
    private final long insertionBudget;
    private final long maxValueTextChars;
    private long insertedChars;
    private int ticks;
    private int line;
    private int column;
    private TemplateAbort abort;
    private TemplateAbort duplicateOverride;
    private final List<ObjectText> objectTexts = new ArrayList<>();

    RenderGuard(TemplateLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.maxRenderTime().toNanos();
        // interpolated strings are built outside the output writer; bound them in total too
        this.insertionBudget = 10L * limits.maxOutputChars();
        this.maxValueTextChars = Math.max(MAX_VALUE_TEXT_CHARS, 2L * limits.maxOutputChars());
    }

    static RenderGuard install(TemplateLimits limits) {
        RenderGuard guard = new RenderGuard(limits);
        CURRENT.set(guard);
        return guard;
    }

    static void uninstall() {
        CURRENT.remove();
    }

    /** The guard of the render running on this thread, or null outside a render (compile time). */
    public static RenderGuard current() {
        return CURRENT.get();
    }

    TemplateLimits limits() {
        return limits;
    }

    /** Remembers where evaluation is, for problems raised without a position of their own. */
    void at(int line, int column) {
        if (line > 0) {
            this.line = line;
            this.column = column;
        }
    }

    int line() {
        return line;
    }

    /** Texts of {@link #objectTexts} in the order noted: kept out of the public record, as only the output's count. */
    private final List<String> objectTextsWritten = new ArrayList<>();

    /**
     * Notes that a JSON object became {@code text} (see {@link ObjectText}); the first few, once each. Only those whose
     * text reaches the output count ({@link #objectTextsIn}): an interpolation in a condition ({@code #if("$!o" == "")})
     * writes nothing.
     */
    void objectWritten(String what, String text) {
        if (objectTexts.size() < 8 && !text.isEmpty() && objectTexts.stream().noneMatch(o -> o.written().equals(what))) {
            objectTexts.add(new ObjectText(what, line, column));
            objectTextsWritten.add(text);
        }
    }

    /** The objects noted whose text is in {@code output}. */
    List<ObjectText> objectTextsIn(String output) {
        List<ObjectText> written = new ArrayList<>();
        for (int i = 0; i < objectTexts.size(); i++) {
            if (output.contains(objectTextsWritten.get(i))) {
                written.add(objectTexts.get(i));
            }
        }
        return written;
    }

    int column() {
        return column;
    }

    private static final String TIMEOUT = "rendering took longer than ";
    private static final BoundedCache<String, Integer> REGEX_DEPTHS = new BoundedCache<>(256);

    /** Whether the render ran out of time. */
    public static boolean isTimeout(RenderProblem problem) {
        return problem.kind() == Kind.LIMIT && problem.message().startsWith(TIMEOUT);
    }

    /** Cheap periodic deadline check; called from every hook. */
    void tick() {
        if (abort != null) {
            throw abort;
        }
        if ((++ticks & 0x3F) == 0) {
            checkDeadline();
        }
    }

    /** The deadline check on every call: a regex may backtrack for long between two reads of a character. */
    void tickNow() {
        if (abort != null) {
            throw abort;
        }
        checkDeadline();
    }

    /** Refuses a regex whose nested repetitions could backtrack for longer than any deadline check can see. */
    void checkRegex(String regex) {
        int depth = REGEX_DEPTHS.get(regex, regex.length() <= 256, RegexNesting::depth); // a filter asks per element
        if (depth > RegexNesting.MAX_DEPTH) {
            fail(Kind.LIMIT, "the regular expression '" + shown(regex) + "' nests"
                    + " repetitions " + depth + " deep, which can take exponential time to match; not run (at most "
                    + RegexNesting.MAX_DEPTH + ")");
        }
    }

    /**
     * For a StackOverflowError out of java.util.regex, which goes a call deeper for each repetition of a group: {@code
     * (a|aa)*} overflows the stack on 100,000 characters. Said as such, not as a template nested too deeply.
     */
    TemplateAbort regexTooDeep(String regex, int textLength) {
        throw fail(Kind.LIMIT, "the regular expression '" + shown(regex) + "' recursed too deeply on a text of " + textLength
                + " characters (java.util.regex goes one call deeper for each repetition of a group) and ran out of stack");
    }

    private static String shown(String regex) {
        return regex.length() > 80 ? regex.substring(0, 80) + "..." : regex;
    }

    void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            fail(Kind.LIMIT, TIMEOUT + limits.maxRenderTime().toMillis() + " ms");
        }
    }

    /** Records and throws the first problem; later hooks rethrow it so Velocity cannot swallow it. */
    TemplateAbort fail(Kind kind, String message) {
        throw fail(kind, message, line, column);
    }

    TemplateAbort fail(Kind kind, String message, int atLine, int atColumn) {
        if (abort == null) {
            abort = new TemplateAbort(kind, message, atLine, atColumn);
        }
        throw abort;
    }

    TemplateAbort abort() {
        return abort;
    }

    void duplicateOverride(String parameter) {
        if (duplicateOverride == null) {
            duplicateOverride = new TemplateAbort(Kind.OVERRIDE,
                    "parameter " + parameter + " is overridden more than once (API Gateway answers 5XX)", line, column);
        }
    }

    TemplateAbort duplicateOverride() {
        return duplicateOverride;
    }

    /** Counts characters inserted by references (into the output or into interpolated strings). */
    void inserted(int chars) {
        insertedChars += chars;
        if (chars > limits.maxOutputChars() || insertedChars > insertionBudget) {
            fail(Kind.LIMIT, "template builds more than " + limits.maxOutputChars() + " characters");
        }
    }

    /**
     * The text a reference inserts, counted against the insertion bounds. A list or map is measured and then written
     * piece by piece, so a huge one stops at the bound instead of being built whole first.
     */
    String insertionText(Object value) {
        String text;
        if (value instanceof Collection || value instanceof Map) {
            checkValueSize(value);
            long room = Math.min(limits.maxOutputChars(), insertionBudget - insertedChars);
            try {
                text = ValueText.of(value, Math.max(room, 0));
            } catch (ValueText.Unwritable e) {
                throw fail(Kind.LIMIT, e.cyclic ? CONTAINS_ITSELF : "template builds more than " + limits.maxOutputChars() + " characters");
            }
        } else {
            checkShallowSize(value);
            text = String.valueOf(value);
        }
        inserted(text.length());
        return text;
    }

    /** Rejects values whose size could blow up memory or time in a later step, lists and maps with what they hold. */
    void checkValueSize(Object value) {
        checkShallowSize(value);
        if (value instanceof Collection || value instanceof Map) {
            checkDeepSize(value);
        }
    }

    /** {@link #checkValueSize} without looking into the elements: for a list or map that only got scalars. */
    void checkShallowSize(Object value) {
        if (value instanceof CharSequence s) {
            if (s.length() > limits.maxOutputChars()) {
                fail(Kind.LIMIT, "a string longer than " + limits.maxOutputChars() + " characters was built");
            }
        } else if (value instanceof Collection<?> c) {
            if (c.size() > MAX_COLLECTION_ELEMENTS) {
                fail(Kind.LIMIT, "a list with more than " + MAX_COLLECTION_ELEMENTS + " elements was built");
            }
        } else if (value instanceof Map<?, ?> m) {
            if (m.size() > MAX_COLLECTION_ELEMENTS) {
                fail(Kind.LIMIT, "a map with more than " + MAX_COLLECTION_ELEMENTS + " entries was built");
            }
        } else if (value != null && value.getClass().isArray()) {
            // split and toCharArray build arrays, which a template uses as lists
            if (Array.getLength(value) > MAX_COLLECTION_ELEMENTS) {
                fail(Kind.LIMIT, "a list with more than " + MAX_COLLECTION_ELEMENTS + " elements was built");
            }
        } else if (value instanceof BigInteger b) {
            if (b.bitLength() > MAX_NUMBER_BITS) {
                fail(Kind.LIMIT, "a number larger than " + MAX_NUMBER_BITS + " bits was built");
            }
        } else if (value instanceof BigDecimal d) {
            if (d.precision() > MAX_NUMBER_BITS / 3 || Math.abs(d.scale()) > MAX_NUMBER_BITS) {
                fail(Kind.LIMIT, "a number with more than " + MAX_NUMBER_BITS / 3 + " digits was built");
            }
        }
    }

    /**
     * Bounds a list's or map's logical size: its elements counted through nested lists and maps (every time one is
     * reached), the text its toString would build, and its nesting; a value holding itself is refused, as its
     * hashCode, equals and toString never end. A small value (the rule: a request's items) is counted by a plain walk
     * that allocates nothing; a larger one once per identity (memoised), stopping at the first bound it passes.
     */
    private void checkDeepSize(Object container) {
        if (container == lastMeasured) {
            return;
        }
        if (!quickWalkFits(container)) {
            new DeepSize().measure(container, 0);
        }
        lastMeasured = container;
    }

    /**
     * A list or map may change: called before every method call and map assignment, which are the only ways a
     * template changes one. Until then the value measured last is not measured again: {@code #set($items =
     * $input.path('$.Items'))} and {@code #foreach($item in $items)} hand the same list on three times.
     */
    void valuesMayChange() {
        lastMeasured = null;
    }

    /** Takes a value known to be within the bounds as measured, e.g. for the #set that stores it next. */
    void asMeasured(Object value) {
        if (value instanceof Collection || value instanceof Map) {
            lastMeasured = value;
        }
    }

    /** A method that stores values in a list or map ran: from now on even parsed JSON may hold anything. */
    void containersMayHaveGrown() {
        containersGrew = true;
    }

    /**
     * Whether JSON parsed in this render ({@code $input.path}, {@code $util.parseJson}) still is as parsed: a tree
     * bounded by the text it came from, which needs no deep-size walk.
     */
    boolean parsedJsonIsAsParsed() {
        return !containersGrew;
    }

    /** Elements and nesting a plain walk may visit before the memoised count takes over. */
    private static final int QUICK_WALK_ELEMENTS = 10_000;
    private static final int QUICK_WALK_DEPTH = 64;

    /** The list or map measured last, unchanged since (see {@link #valuesMayChange}). */
    private Object lastMeasured;
    private boolean containersGrew;
    private int quickWalkLeft;
    private long quickWalkChars;

    /** Whether a plain walk finds the value within the small budget and the text bound, allocating nothing. */
    private boolean quickWalkFits(Object container) {
        quickWalkLeft = QUICK_WALK_ELEMENTS;
        quickWalkChars = 0;
        return quickWalk(container, 0) && quickWalkChars <= maxValueTextChars;
    }

    private boolean quickWalk(Object container, int depth) {
        if (depth > QUICK_WALK_DEPTH) {
            return false;
        }
        quickWalkChars += 2;
        if (container instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!quickWalkElement(e.getKey(), depth) || !quickWalkElement(e.getValue(), depth)) {
                    return false;
                }
            }
            return true;
        }
        for (Object element : (Collection<?>) container) {
            if (!quickWalkElement(element, depth)) {
                return false;
            }
        }
        return true;
    }

    private boolean quickWalkElement(Object element, int depth) {
        if (--quickWalkLeft < 0) {
            return false;
        }
        quickWalkChars += 2;
        if (isContainer(element)) {
            return quickWalk(element, depth + 1);
        }
        quickWalkChars += element instanceof CharSequence s ? s.length() : 8;
        return true;
    }

    private static boolean isContainer(Object value) {
        return value instanceof Collection || value instanceof Map;
    }

    /** One measurement: what each list or map reached so far holds, by identity. */
    private final class DeepSize {
        /** Marks a value being measured: reaching it again means it holds itself. */
        private static final long[] IN_PROGRESS = new long[0];
        private final Map<Object, long[]> measured = new IdentityHashMap<>();
        private long visited;

        /** {elements, text characters} of a list or map, counting nested ones; fails past a bound. */
        long[] measure(Object container, int depth) {
            long[] known = measured.get(container);
            if (known == IN_PROGRESS) {
                fail(Kind.LIMIT, CONTAINS_ITSELF);
            }
            if (known != null) {
                return known;
            }
            if (depth > MAX_NESTING) {
                fail(Kind.LIMIT, "a value nested more than " + MAX_NESTING + " levels deep was built");
            }
            measured.put(container, IN_PROGRESS);
            long[] total = {0, 2};
            if (container instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    add(total, e.getKey(), depth);
                    add(total, e.getValue(), depth);
                }
            } else {
                for (Object element : (Collection<?>) container) {
                    add(total, element, depth);
                }
            }
            measured.put(container, total);
            return total;
        }

        private void add(long[] total, Object element, int depth) {
            if ((++visited & 0xFFF) == 0) {
                checkDeadline();
            }
            total[0]++;
            total[1] += 2; // separator
            if (isContainer(element)) {
                long[] inner = measure(element, depth + 1);
                total[0] += inner[0];
                total[1] += inner[1];
            } else if (element instanceof CharSequence s) {
                total[1] += s.length();
            } else {
                total[1] += 8;
            }
            if (total[0] > MAX_DEEP_ELEMENTS) {
                fail(Kind.LIMIT, "a value of more than " + MAX_DEEP_ELEMENTS + " elements (nested lists and maps counted"
                        + " each time they occur) was built");
            }
            if (total[1] > maxValueTextChars) {
                fail(Kind.LIMIT, "a value whose text would be longer than " + maxValueTextChars + " characters was built");
            }
        }
    }
}
