package io.github.apigwddb.integration;

import java.util.Map;

/**
 * Gives a template taken from {@code Fn::Sub} the text CloudFormation would hand to API Gateway, as far as
 * it can be known without the stack: {@code ${!Literal}} becomes {@code ${Literal}}, pseudo parameters get
 * example values, and any other {@code ${Name}} or {@code ${Resource.Attribute}} stands for itself (a valid
 * table or role name), so the rest of the template renders instead of losing its table name to VTL, which
 * would read {@code ${Name}} as an undefined reference.
 */
public final class FnSubPlaceholders {

    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", "us-east-1",
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::StackName", "stack");

    private FnSubPlaceholders() {
    }

    public static String substitute(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String name = text.substring(start + 2, end);
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else if (PSEUDO_PARAMETERS.containsKey(name)) {
                value = PSEUDO_PARAMETERS.get(name);
            } else if (name.endsWith(".Arn")) {
                value = "arn:aws:iam::123456789012:role/" + name.substring(0, name.length() - 4);
            } else {
                value = name.replace("::", "-").replace('.', '-');
            }
            // Inside a directive's arguments (#set($ttl = ${TTL})) an unquoted word would not parse: quote it.
            boolean bareInDirective = !name.startsWith("!") && insideDirectiveArguments(text, start);
            // A variable alone on its line inserts a block of template text (a macro from a mapping, say) whose
            // content is unknown here: it stands for nothing rather than for a word that would break the output.
            boolean wholeLine = !name.startsWith("!") && !PSEUDO_PARAMETERS.containsKey(name) && aloneOnItsLine(text, start, end);
            out.append(wholeLine ? "" : bareInDirective ? "\"" + value + "\"" : value);
            i = end + 1;
        }
        return out.toString();
    }

    private static boolean aloneOnItsLine(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        String before = text.substring(lineStart, start);
        String after = text.substring(end + 1, lineEnd < 0 ? text.length() : lineEnd);
        return text.indexOf('\n') >= 0 && before.isBlank() && after.isBlank();
    }

    /** Whether {@code position} lies between a {@code #set(}, {@code #if(}, ... and its closing parenthesis. */
    static boolean insideDirectiveArguments(String text, int position) {
        int depth = 0;
        boolean inDirective = false;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (!inDirective && c == '#' && directiveWithArguments(text, i)) {
                inDirective = true;
                depth = 0;
            } else if (inDirective && c == '(') {
                depth++;
            } else if (inDirective && c == ')') {
                depth--;
                if (depth == 0) {
                    inDirective = false;
                }
            }
        }
        return inDirective && depth > 0;
    }

    private static boolean directiveWithArguments(String text, int hash) {
        for (String directive : new String[] {"set", "if", "elseif", "foreach"}) {
            int after = hash + 1 + directive.length();
            if (text.startsWith(directive, hash + 1) && after < text.length() && (text.charAt(after) == '(' || text.charAt(after) == ' ')) {
                return true;
            }
        }
        return false;
    }
}
