package io.github.apigwddb.integration;

import io.github.apigwddb.spec.TextEdits;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives a template taken from {@code Fn::Sub} the text CloudFormation would hand to API Gateway, as far as
 * it can be known without the stack: {@code ${!Literal}} becomes {@code ${Literal}}, a variable with a given
 * value ({@code apigw.parameters}) gets it, pseudo parameters get example values, and any other
 * {@code ${Name}} or {@code ${Resource.Attribute}} gets a stand-in (a valid table or role name), so the rest of
 * the template renders instead of losing its table name to VTL, which would read {@code ${Name}} as an
 * undefined reference. The stand-ins are listed, so that a finding can say which values were made up.
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

    /**
     * @param text the template of an {@code Fn::Sub}, as written
     * @param standIns the stand-ins used: variable name to the text it was given
     */
    public record Substitution(String text, Map<String, String> standIns, TextEdits edits) {
    }

    /** @param values values of CloudFormation parameters known to the build, by name */
    public static Substitution substitute(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length());
        Map<String, String> standIns = new LinkedHashMap<>();
        TextEdits edits = new TextEdits();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int before = out.length();
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name, 1, name.length()).append('}');
            } else if (values.containsKey(name)) {
                out.append(values.get(name));
            } else if (PSEUDO_PARAMETERS.containsKey(name)) {
                out.append(PSEUDO_PARAMETERS.get(name));
            } else {
                String standIn = standIn(text, start, end, name);
                standIns.putIfAbsent(name, standIn);
                out.append(standIn);
            }
            edits.replaced(start, end + 1 - start, out.length() - before);
            i = end + 1;
        }
        return new Substitution(out.toString(), standIns, edits);
    }

    private static String standIn(String text, int start, int end, String name) {
        // A variable alone on its line inserts a block of template text (a macro from a mapping, say) whose
        // content is unknown here: it stands for nothing rather than for a word that would break the output.
        if (aloneOnItsLine(text, start, end)) {
            return "";
        }
        // Inside a directive's arguments (#set($ttl = ${TTL})) the deployed value must be a VTL literal for the
        // template to parse at all, and a word would not be one: a number (a TTL, a limit) is the likely value.
        if (insideDirectiveArguments(text, start)) {
            return "1";
        }
        if (name.endsWith(".Arn")) {
            return "arn:aws:iam::123456789012:role/" + name.substring(0, name.length() - 4);
        }
        return name.replace("::", "-").replace('.', '-');
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
