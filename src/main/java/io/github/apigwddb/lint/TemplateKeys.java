package io.github.apigwddb.lint;

import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AGW013: the keys of {@code requestTemplates} are media types, as API Gateway selects a request template by the
 * request's Content-Type (integration-facts.md §2), and no two keys of one template map differ only in case: media
 * types compare without case (RFC 9110), and which of the two API Gateway would take is not documented.
 */
final class TemplateKeys {

    /** type "/" subtype, each an RFC 9110 token; parameters after ';' are allowed. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;.*)?");

    private TemplateKeys() {
    }

    static void check(Integration integration, List<LintIssue> issues) {
        for (MappingTemplate template : integration.requestTemplates()) {
            if (!MEDIA_TYPE.matcher(template.contentType()).matches() && !template.contentType().contains("${")) {
                issues.add(new LintIssue(Rule.AGW013, "Request template key '" + template.contentType() + "' is not a media type"
                        + " (type/subtype, such as application/json): API Gateway selects a request template by the request's"
                        + " Content-Type, which this key is not", template.pointer()));
            }
        }
        duplicates(integration.requestTemplates(), "requestTemplates", issues);
        for (IntegrationResponse response : integration.responses()) {
            duplicates(response.templates(), "responseTemplates of integration response '" + response.selectionPattern() + "'", issues);
        }
    }

    private static void duplicates(List<MappingTemplate> templates, String where, List<LintIssue> issues) {
        Map<String, String> seen = new HashMap<>();
        for (MappingTemplate template : templates) {
            String first = seen.putIfAbsent(template.contentType().toLowerCase(Locale.ROOT).replace(" ", ""), template.contentType());
            if (first != null) {
                issues.add(new LintIssue(Rule.AGW013, "'" + template.contentType() + "' and '" + first + "' in " + where
                        + " are one media type (media types compare without case): which template API Gateway takes is not"
                        + " documented; keep one", template.pointer()));
            }
        }
    }
}
