package io.github.apigwddb.vtl;

/**
 * A read of one request parameter with a literal name, found in a template's syntax tree: {@code $input.params('x')}
 * (any location), {@code $input.params().header.get('X-Env')}, {@code $input.params().path.id} and
 * {@code $input.params().get('querystring').get('q')}.
 *
 * @param location {@code path}, {@code querystring} or {@code header}; null for {@code $input.params('x')}, which
 *     looks in the path, then the query string, then the headers
 * @param name     the parameter name as written (header lookups in templates are case-sensitive)
 * @param slot     where the template writes the value
 * @param line     1-based line of the read in the template
 * @param column   1-based column of the read in the template
 * @param decoded  whether the read is inside {@code $util.urlDecode(...)} or {@code $util.base64Decode(...)}: what the
 *     template writes is the decoded value
 * @param base64Decoded whether the value is Base64-decoded, here or where a variable set to it is
 *     ({@code #set($token = $input.params('token'))} ... {@code $util.base64Decode($token)}): a page token, which no
 *     made-up text stands for
 * @param routeGuarded whether the read is in a branch that runs only on {@code $connect} ({@code #if($context.eventType ==
 *     "CONNECT")}): a template shared by WebSocket routes may read the upgrade request's parameters there only
 */
public record InputParamCall(String location, String name, OutputSlot slot, int line, int column, boolean decoded,
        boolean base64Decoded, boolean routeGuarded) {
}
