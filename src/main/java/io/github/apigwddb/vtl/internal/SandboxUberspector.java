package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.RenderProblem.Kind;
import org.apache.velocity.runtime.directive.Scope;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Velocity's only door to Java objects, restricted by {@link SandboxPolicy}. A refused call stops the
 * render with a SANDBOX problem at the call's position (Velocity's own SecureUberspector would leave
 * {@code $s.getClass().getName()} working and print refused calls literally). Calls that exist nowhere
 * resolve to null and render empty, as unknown {@code $util} functions do on AWS. Every allowed call is
 * wrapped to enforce the render's deadline and size bounds.
 */
public final class SandboxUberspector extends UberspectImpl {

    /** Regexes longer than this are compiled on every call: a hostile template must not fill the cache. */
    private static final int MAX_CACHED_REGEX_CHARS = 256;

    /**
     * Regexes of {@code replaceAll}, {@code matches} and {@code split} by their text: templates pass the same few
     * literals on every render. One Velocity runtime, so one engine, shares them; a Pattern is thread-safe.
     */
    private final BoundedCache<String, Pattern> regexes = new BoundedCache<>(256);

    /**
     * The guarded method by receiver class, method name and argument classes (null for a null argument), which
     * is all Velocity's introspection and the sandbox's verdict depend on; absent when there is no such method.
     * Every call site looks it up ({@link RenderContext#icacheGet}), so the guard knows the position of the call.
     */
    private final BoundedCache<MethodKey, Optional<VelMethod>> methods = new BoundedCache<>(4096);

    /** Hashed once: it is looked up for every method call site of every render. */
    private static final class MethodKey {
        private final Class<?> receiver;
        private final String name;
        private final Class<?>[] arguments;
        private final int hash;

        MethodKey(Class<?> receiver, String name, Class<?>[] arguments) {
            this.receiver = receiver;
            this.name = name;
            this.arguments = arguments;
            this.hash = (receiver.hashCode() * 31 + name.hashCode()) * 31 + Arrays.hashCode(arguments);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MethodKey key && receiver == key.receiver && name.equals(key.name)
                    && Arrays.equals(arguments, key.arguments);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Override
    public Iterator getIterator(Object obj, Info info) {
        RenderGuard guard = positioned(info);
        if (obj == null) {
            return null;
        }
        if (!(obj instanceof Collection || obj instanceof Map || obj instanceof Iterator || obj.getClass().isArray())) {
            if (SandboxPolicy.receiverAllowed(obj)) {
                return null; // not iterable: #foreach renders nothing
            }
            throw refuse(guard, info, "iterating over " + SandboxPolicy.describe(obj) + " is not allowed");
        }
        if (guard != null && (obj instanceof Collection || obj instanceof Map)) {
            guard.checkValueSize(obj); // also what it holds: the loop body may render or compare each element
        }
        return super.getIterator(obj, info);
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) {
        RenderGuard guard = positioned(info);
        if (obj == null) {
            return null;
        }
        if (!SandboxPolicy.receiverAllowed(obj) || "getClass".equals(methodName)) {
            throw refuse(guard, info, "calling " + methodName + "() on " + SandboxPolicy.describe(obj) + " is not allowed");
        }
        Class<?>[] argumentClasses = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            argumentClasses[i] = args[i] == null ? null : args[i].getClass();
        }
        MethodKey key = new MethodKey(obj.getClass(), methodName, argumentClasses);
        Optional<VelMethod> known = methods.find(key); // before the capturing lambda: a hit is the rule, once per call
        if (known == null) {
            // a refusal throws, so it is not kept: it is worked out again (and positioned) at every call site
            known = methods.get(key, true, k -> Optional.ofNullable(guarded(obj, methodName, args, info, guard)));
        }
        return known.orElse(null);
    }

    private VelMethod guarded(Object obj, String methodName, Object[] args, Info info, RenderGuard guard) {
        VelMethod method = super.getMethod(obj, methodName, args, info);
        if (method == null) {
            return null;
        }
        if (!SandboxPolicy.methodAllowed(obj, methodName) || returnsForbiddenType(method.getMethod())) {
            throw refuse(guard, info, "calling " + methodName + "() on " + SandboxPolicy.describe(obj) + " is not allowed");
        }
        return new GuardedMethod(method, this::regex);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        RenderGuard guard = positioned(info);
        if (obj == null) {
            return null;
        }
        if (obj instanceof Map && !(obj instanceof Scope)) {
            // JSON keys such as "class" or "empty" are data, never getters
            return new MapGet(identifier);
        }
        if (!SandboxPolicy.receiverAllowed(obj) || "class".equals(identifier)) {
            throw refuse(guard, info, "reading ." + identifier + " of " + SandboxPolicy.describe(obj) + " is not allowed");
        }
        VelPropertyGet getter = super.getPropertyGet(obj, identifier, info);
        if (getter == null) {
            return null;
        }
        if (!SandboxPolicy.methodAllowed(obj, getter.getMethodName())) {
            throw refuse(guard, info, "reading ." + identifier + " of " + SandboxPolicy.describe(obj) + " is not allowed");
        }
        return getter;
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) {
        RenderGuard guard = positioned(info);
        if (obj == null) {
            return null;
        }
        if (obj instanceof Map) {
            return new MapSet(identifier, info);
        }
        if (!SandboxPolicy.receiverAllowed(obj)) {
            throw refuse(guard, info, "setting ." + identifier + " of " + SandboxPolicy.describe(obj) + " is not allowed");
        }
        return null; // like Velocity: an unknown property cannot be set, nothing happens
    }

    private Pattern regex(String regex) {
        return regexes.get(regex, regex.length() <= MAX_CACHED_REGEX_CHARS, Pattern::compile);
    }

    private static boolean returnsForbiddenType(Method method) {
        if (method == null) {
            return false;
        }
        Class<?> type = method.getReturnType();
        return Class.class.isAssignableFrom(type) || ClassLoader.class.isAssignableFrom(type)
                || type.getName().startsWith("java.lang.reflect.") || type.getName().startsWith("java.lang.invoke.")
                || Thread.class.isAssignableFrom(type) || java.util.stream.BaseStream.class.isAssignableFrom(type);
    }

    private static RenderGuard positioned(Info info) {
        RenderGuard guard = RenderGuard.current();
        if (guard != null) {
            guard.at(info.getLine(), info.getColumn());
            guard.tick();
        }
        return guard;
    }

    private static RuntimeException refuse(RenderGuard guard, Info info, String message) {
        String full = "sandbox: " + message;
        if (guard != null) {
            return guard.fail(Kind.SANDBOX, full, info.getLine(), info.getColumn());
        }
        return new TemplateAbort(Kind.SANDBOX, full, info.getLine(), info.getColumn());
    }

    /** {@code $map.key}: a plain get, so a key named like a getter stays data. */
    private record MapGet(String key) implements VelPropertyGet {
        @Override
        public Object invoke(Object o) {
            return ((Map<?, ?>) o).get(key);
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return "get";
        }
    }

    /** {@code #set($map.key = value)}, positioned so that a duplicate override names its line. */
    private record MapSet(String key, Info info) implements VelPropertySet {
        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object o, Object value) {
            RenderGuard guard = positioned(info);
            if (guard != null) {
                guard.valuesMayChange();
                guard.containersMayHaveGrown();
                guard.checkValueSize(value);
            }
            Map<Object, Object> map = (Map<Object, Object>) o;
            Object previous = map.put(key, value);
            if (guard != null) {
                guard.checkValueSize(map);
            }
            return previous;
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return "put";
        }
    }

    /** An allowed method call with pre- and post-checks that bound time and memory. */
    private static final class GuardedMethod implements VelMethod {
        private final VelMethod delegate;
        private final String name;
        private final Function<String, Pattern> regexes;

        GuardedMethod(VelMethod delegate, Function<String, Pattern> regexes) {
            this.delegate = delegate;
            this.name = delegate.getMethodName();
            this.regexes = regexes;
        }

        @Override
        public Object invoke(Object o, Object[] params) throws IllegalAccessException, java.lang.reflect.InvocationTargetException {
            // shared by every call site: the lookup just before this call put the guard at this call's position
            RenderGuard guard = RenderGuard.current();
            if (guard == null) {
                return delegate.invoke(o, params);
            }
            guard.tick();
            guard.valuesMayChange();
            for (Object param : params) {
                guard.checkValueSize(param);
            }
            Object result;
            if (o instanceof String s) {
                result = invokeOnString(guard, s, params);
            } else if (o instanceof Collection || o instanceof Map) {
                if (SandboxPolicy.INSERTING.contains(name)) {
                    guard.containersMayHaveGrown();
                    guard.checkShallowSize(o);
                } else if (!SandboxPolicy.CONSTANT_TIME.contains(name)) {
                    guard.checkValueSize(o); // hashCode, equals, contains... walk what it holds
                    checkPairwiseCost(guard, o, params);
                }
                result = delegate.invoke(o, params);
                // only an argument list or map can have made it deeper; a scalar added grows it by one
                if (anyContainer(params)) {
                    guard.checkValueSize(o);
                } else {
                    guard.checkShallowSize(o);
                }
            } else {
                if (SandboxPolicy.INSERTING.contains(name)) {
                    guard.containersMayHaveGrown(); // a list iterator's add and set, a map entry's setValue
                }
                result = delegate.invoke(o, params);
                guard.checkValueSize(o);
                if ((o instanceof InputVariable || o instanceof UtilVariable) && guard.parsedJsonIsAsParsed()) {
                    // parsed JSON, bounded by its text: the check run's probes render every template often
                    guard.checkShallowSize(result);
                    guard.asMeasured(result);
                    return result;
                }
            }
            guard.checkValueSize(result);
            return result;
        }

        /** removeAll and its kin compare each element with the argument's: refused when that is too many pairs. */
        private void checkPairwiseCost(RenderGuard guard, Object receiver, Object[] params) {
            if (SandboxPolicy.PAIRWISE.contains(name) && params.length == 1 && params[0] instanceof Collection<?> argument) {
                long pairs = (long) sizeOf(receiver) * argument.size();
                if (pairs > SandboxPolicy.MAX_PAIRWISE_STEPS) {
                    throw guard.fail(Kind.LIMIT, name + "() on " + sizeOf(receiver) + " and " + argument.size()
                            + " elements compares more than " + SandboxPolicy.MAX_PAIRWISE_STEPS + " pairs");
                }
            }
        }

        /**
         * A search of a string for a string compares up to (text - needle + 1) x needle characters: 'a' x 10M searched
         * for 'a' x 5M + 'b' would run for hours where nothing can stop it. Refused past {@link
         * SandboxPolicy#MAX_SEARCH_STEPS} by that worst case, as the pairwise collection methods are.
         */
        private void checkSearchCost(RenderGuard guard, String s, Object[] params) {
            if (params.length >= 1 && params[0] instanceof CharSequence needle) {
                long steps = (long) Math.max(0, s.length() - needle.length() + 1) * needle.length();
                if (steps > SandboxPolicy.MAX_SEARCH_STEPS) {
                    throw guard.fail(Kind.LIMIT, name + "() searching a string of " + s.length() + " characters for one of "
                            + needle.length() + " could compare more than " + SandboxPolicy.MAX_SEARCH_STEPS + " pairs of characters");
                }
                if (steps > SandboxPolicy.MAX_PAIRWISE_STEPS) {
                    guard.tickNow(); // a costly call: the deadline is checked before each, not every 64th tick
                }
            }
        }

        private static int sizeOf(Object container) {
            return container instanceof Map<?, ?> m ? m.size() : ((Collection<?>) container).size();
        }

        private static boolean anyContainer(Object[] params) {
            for (Object param : params) {
                if (param instanceof Collection || param instanceof Map) {
                    return true;
                }
            }
            return false;
        }

        private Object invokeOnString(RenderGuard guard, String s, Object[] params) throws IllegalAccessException, java.lang.reflect.InvocationTargetException {
            try {
                return invokeOnStringUnguarded(guard, s, params);
            } catch (StackOverflowError e) {
                // overflowing within the call: the regex engine's recursion, which grows with the text
                if (REGEX_METHODS.contains(name) && params.length >= 1 && params[0] instanceof String regex) {
                    throw guard.regexTooDeep(regex, s.length());
                }
                throw e;
            }
        }

        private Object invokeOnStringUnguarded(RenderGuard guard, String s, Object[] params) throws IllegalAccessException, java.lang.reflect.InvocationTargetException {
            long max = guard.limits().maxOutputChars();
            switch (name) {
                case "repeat" -> {
                    if (params.length == 1 && params[0] instanceof Number n && (long) s.length() * n.longValue() > max) {
                        throw guard.fail(Kind.LIMIT, "repeat() would build more than " + max + " characters");
                    }
                }
                case "indexOf", "lastIndexOf", "contains" -> checkSearchCost(guard, s, params);
                case "replace", "replaceAll", "replaceFirst" -> {
                    if (name.equals("replace")) {
                        checkSearchCost(guard, s, params); // replace(char, char) is linear: no CharSequence, no check
                    }
                    if (params.length == 2 && params[1] != null) {
                        String replacement = params[1].toString();
                        long perMatch = replacement.length() + (replacement.indexOf('$') >= 0 ? (long) s.length() * replacement.length() : 0);
                        if (s.length() + (s.length() + 1L) * perMatch > max && !name.equals("replaceFirst")) {
                            throw guard.fail(Kind.LIMIT, name + "() could build more than " + max + " characters");
                        }
                        if (name.equals("replaceAll") && params[0] instanceof String regex && !regex.isEmpty()
                                && isShortLiteral(regex) && replacement.indexOf('$') < 0 && replacement.indexOf('\\') < 0) {
                            // the usual quote unescaping: a literal regex and a plain replacement replace as String.replace does
                            return s.replace(literalOf(regex), replacement);
                        }
                        if (!name.equals("replace") && params[0] instanceof String regex) {
                            // regexes run on a deadline-checking view so catastrophic backtracking cannot hang
                            var matcher = regexes.apply(regex).matcher(guarded(regex, s, guard));
                            return name.equals("replaceAll") ? matcher.replaceAll(replacement) : matcher.replaceFirst(replacement);
                        }
                    }
                }
                case "matches" -> {
                    if (params.length == 1 && params[0] instanceof String regex) {
                        return regexes.apply(regex).matcher(guarded(regex, s, guard)).matches();
                    }
                }
                case "split" -> {
                    if (params.length >= 1 && params[0] instanceof String regex) {
                        int limit = params.length == 2 && params[1] instanceof Number n ? n.intValue() : 0;
                        return split(guard, regex, s, limit);
                    }
                }
                case "toCharArray" -> {
                    if (s.length() > RenderGuard.MAX_COLLECTION_ELEMENTS) {
                        throw guard.fail(Kind.LIMIT, "toCharArray() on a string of " + s.length() + " characters would build a list"
                                + " of more than " + RenderGuard.MAX_COLLECTION_ELEMENTS + " elements");
                    }
                }
                default -> { }
            }
            return delegate.invoke(s, params);
        }

        /**
         * Pattern.split, stopped at the list bound: {@code split("")} of a 10M-character string builds 10M strings, which
         * exhausts the heap before a check of the result could run. Split with a limit one past the bound, a result that
         * long is refused; shorter, it is what the template's limit gives, once trailing empty strings are dropped for a
         * limit of 0 as Pattern.split does.
         */
        private String[] split(RenderGuard guard, String regex, String s, int limit) {
            int max = RenderGuard.MAX_COLLECTION_ELEMENTS;
            Pattern pattern = regexes.apply(regex);
            if (s.length() < max || (limit > 0 && limit <= max)) {
                return pattern.split(guarded(regex, s, guard), limit); // at most length + 1 or limit pieces
            }
            String[] pieces = pattern.split(guarded(regex, s, guard), max + 1);
            if (pieces.length > max) {
                throw guard.fail(Kind.LIMIT, "split() of a string of " + s.length() + " characters would build a list of more than "
                        + max + " elements");
            }
            int end = pieces.length;
            while (limit == 0 && end > 0 && pieces[end - 1].isEmpty()) {
                end--; // s is not empty here: without a match the one piece is s itself, never dropped
            }
            return end == pieces.length ? pieces : Arrays.copyOf(pieces, end);
        }

        @Override
        public boolean isCacheable() {
            return delegate.isCacheable();
        }

        @Override
        public String getMethodName() {
            return name;
        }

        @Override
        public Method getMethod() {
            return delegate.getMethod();
        }

        @Override
        public Class<?> getReturnType() {
            return delegate.getReturnType();
        }
    }

    /** The String methods that take a regex. */
    private static final java.util.Set<String> REGEX_METHODS = java.util.Set.of("matches", "replaceAll", "replaceFirst", "split");

    /** Literal regexes longer than this still run on the deadline view: matching costs up to length times text. */
    private static final int MAX_UNGUARDED_LITERAL_CHARS = 16;

    /**
     * The text a regex runs on: a deadline-checking view, unless the regex is a short literal ({@code \'}), which
     * cannot backtrack and so needs no deadline; most templates only unescape quotes that way.
     */
    private static CharSequence guarded(String regex, String text, RenderGuard guard) {
        if (isShortLiteral(regex)) {
            return text;
        }
        guard.checkRegex(regex);
        return new DeadlineCharSequence(text, guard);
    }

    /** ASCII without quantifier, group, alternation, class, anchor or dot; escapes only of punctuation. */
    static boolean isShortLiteral(String regex) {
        if (regex.length() > MAX_UNGUARDED_LITERAL_CHARS) {
            return false;
        }
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c >= 128 || "^$.|?*+()[]{}".indexOf(c) >= 0) {
                return false;
            }
            if (c == '\\') {
                i++;
                if (i == regex.length() || regex.charAt(i) >= 128 || Character.isLetterOrDigit(regex.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The text a {@link #isShortLiteral short literal} regex matches: its escapes (only of punctuation) undone. */
    static String literalOf(String regex) {
        StringBuilder literal = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            literal.append(c == '\\' ? regex.charAt(++i) : c);
        }
        return literal.toString();
    }
}
