package io.github.apigwddb.vtl;

/**
 * A call {@code $input.path('...')} or {@code $input.json('...')} whose JSONPath is a literal string, found in
 * a template's syntax tree (not in its text), so that the path can be judged without rendering.
 *
 * @param method {@code path} or {@code json}
 * @param jsonPath the literal argument, unquoted
 * @param slot   where the template writes the call's value (through escapes such as {@code $util.escapeJavaScript})
 * @param line   1-based line of the call in the template
 * @param column 1-based column of the call in the template
 * @param decoded whether the call is inside {@code $util.urlDecode(...)} or {@code $util.base64Decode(...)}
 * @param written whether the template writes its value (itself or through a call such as {@code $util.escapeJavaScript}),
 *     rather than keep it ({@code #set}) or steer by it ({@code #if}, {@code #foreach})
 */
public record InputPathCall(String method, String jsonPath, OutputSlot slot, int line, int column, boolean decoded, boolean written) {
}
