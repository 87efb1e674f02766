package io.github.apigwddb.validation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A model's {@code pattern}s as JSON Schema applies them (a search, not anchored), with Java's regex engine, bounded: a
 * pattern that backtracks without end ({@code ^(.*a){25}$} on a long example) stops after {@link #MAX_READS} character
 * reads, and a pattern Java cannot compile, and one stopped so, accepts the value (the validator leans to accepting what
 * it cannot judge). The definition is the user's, but a build must not hang on it. Thread-safe.
 */
final class BoundedPatterns implements RegularExpressionFactory {

    static final BoundedPatterns INSTANCE = new BoundedPatterns();

    /** Far more than any sane pattern reads on an example's value; a few tens of milliseconds. */
    static final long MAX_READS = 5_000_000;

    private BoundedPatterns() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return value -> true; // the library would log the error itself and drop the whole model
        }
        return value -> {
            try {
                return pattern.matcher(new CountedReads(value)).find();
            } catch (ReadsExhausted e) {
                return true;
            }
        };
    }

    /** The value, counting the regex engine's reads of it. */
    private static final class CountedReads implements CharSequence {
        private final String text;
        private long reads;

        CountedReads(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads > MAX_READS) {
                throw new ReadsExhausted();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final class ReadsExhausted extends RuntimeException {
        ReadsExhausted() {
            super(null, null, false, false);
        }
    }
}
