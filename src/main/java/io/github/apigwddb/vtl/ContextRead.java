package io.github.apigwddb.vtl;

/**
 * A reference to {@code $context} found in a template's syntax tree: {@code $context.identity.userAgent},
 * {@code ${context.authorizer.claims.sub}}, {@code $context.authorizer.claims.get('email')}.
 *
 * @param path   the names after {@code $context} up to the first step that is not a literal name, joined by dots:
 *     {@code identity.userAgent}; empty for {@code $context} itself or {@code $context.get($name)}
 * @param line   1-based line of the reference in the template
 * @param column 1-based column of the reference in the template
 */
public record ContextRead(String path, int line, int column) {

    /** Whether the template may see {@code name} (a dotted path) through this reference: it or a map holding it. */
    public boolean mayRead(String name) {
        return covers(path, name);
    }

    /** Whether a reference to {@code readPath} gives {@code name} or a map holding it. */
    static boolean covers(String readPath, String name) {
        return readPath.isEmpty() || name.equals(readPath) || name.startsWith(readPath + ".");
    }
}
