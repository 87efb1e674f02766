package io.github.apigwddb.vtl;

/**
 * A reference to a template's own variable, {@code $body.name} or {@code $tag}: where a value the template took from
 * the request earlier ({@code #set($body = $input.path('$'))}, a loop over a body list) is written.
 *
 * @param variable the variable's name, without {@code $}
 * @param path     the literal names after it, joined by dots ({@code name}); empty when there are none
 * @param written  whether the template writes it (itself or through a call such as {@code $util.escapeJavaScript}), rather
 *     than use it in a directive ({@code #foreach($tag in $body.tags)})
 * @param line     1-based line of the reference in the template
 * @param column   1-based column of the reference in the template
 * @param slot     where the template writes it ({@link OutputSlot#UNKNOWN} when it does not, or the place is not known)
 */
public record VariableRead(String variable, String path, boolean written, int line, int column, OutputSlot slot) {

    /** The last literal name of the reference: {@code name} for {@code $body.user.name}; the variable when it has none. */
    public String lastName() {
        return path.isEmpty() ? variable : path.substring(path.lastIndexOf('.') + 1);
    }
}
