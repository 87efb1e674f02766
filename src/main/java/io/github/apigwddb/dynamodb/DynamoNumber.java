package io.github.apigwddb.dynamodb;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB's Number type: up to 38 significant digits, magnitude 1E-130 to 9.99…E+125, or zero
 * (dynamodb-facts.md §4, §7). Parses without BigDecimal first so that huge exponents cannot blow up.
 */
final class DynamoNumber {

    /** Syntax accepted by big.js in dynalite (facts §7, marked as inference there). */
    private static final Pattern SYNTAX = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE]([+-]?\\d+))?");

    static final int MAX_SIGNIFICANT_DIGITS = 38;
    static final int MAX_EXPONENT = 125;
    static final int MIN_EXPONENT = -130;

    private DynamoNumber() {
    }

    /** DynamoDB's message for an invalid number, or null when {@code text} is a valid DynamoDB number. */
    static String problem(String text) {
        if (text.isEmpty()) {
            return "The parameter cannot be converted to a numeric value";
        }
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return "The parameter cannot be converted to a numeric value: " + text;
        }
        String mantissa = matcher.group(1);
        String digits = mantissa.replace(".", "");
        int firstNonZero = firstNonZero(digits);
        if (firstNonZero < 0) {
            return null; // zero, whatever its exponent
        }
        int lastNonZero = lastNonZero(digits);
        int significant = lastNonZero - firstNonZero + 1;
        int pointIndex = mantissa.indexOf('.');
        int integerDigits = pointIndex < 0 ? mantissa.length() : pointIndex;
        // adjusted exponent of the leading significant digit, e.g. 123.4 -> 2, 0.05 -> -2
        long exponent = (long) integerDigits - firstNonZero - 1 + parseExponent(matcher.group(3));
        if (exponent > MAX_EXPONENT) {
            return "Number overflow. Attempting to store a number with magnitude larger than supported range";
        }
        if (exponent < MIN_EXPONENT) {
            return "Number underflow. Attempting to store a number with magnitude smaller than supported range";
        }
        if (significant > MAX_SIGNIFICANT_DIGITS) {
            return "Attempting to store more than 38 significant digits in a Number";
        }
        return null;
    }

    /** A canonical form for equality (1 equals 1.0 equals 10E-1); only called on valid numbers. */
    static String canonical(String text) {
        try {
            BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
        } catch (NumberFormatException | ArithmeticException e) {
            return text;
        }
    }

    /** Stored size estimate: about one byte per two significant digits plus one (DynamoDB item-size docs). */
    static int estimatedSize(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (Character.isDigit(c)) {
                digits++;
            }
        }
        return (digits + 1) / 2 + 1;
    }

    private static long parseExponent(String exponent) {
        if (exponent == null) {
            return 0;
        }
        String unsigned = exponent.startsWith("+") || exponent.startsWith("-") ? exponent.substring(1) : exponent;
        String trimmed = unsigned.replaceFirst("^0+(?=\\d)", "");
        long magnitude = trimmed.length() > 12 ? 1_000_000_000_000L : Long.parseLong(trimmed);
        return exponent.startsWith("-") ? -magnitude : magnitude;
    }

    private static int firstNonZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return i;
            }
        }
        return -1;
    }

    private static int lastNonZero(String digits) {
        for (int i = digits.length() - 1; i >= 0; i--) {
            if (digits.charAt(i) != '0') {
                return i;
            }
        }
        return -1;
    }
}
