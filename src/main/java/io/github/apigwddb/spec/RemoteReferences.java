package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.rules.Rule;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code $ref}s that name a URL. Nothing in the plugin resolves them (a build fetches nothing, and
 * API Gateway imports no remote reference), so each one is a SPEC004 finding instead of a silent gap.
 */
final class RemoteReferences {

    private RemoteReferences() {
    }

    static List<SpecProblem> find(ParsedDocument document) {
        if (!document.mayReferenceUrls()) {
            return List.of();
        }
        List<SpecProblem> problems = new ArrayList<>();
        Deque<Step> work = new ArrayDeque<>();
        work.push(new Step(document.root(), PointerPath.ROOT));
        while (!work.isEmpty()) {
            Step step = work.pop();
            JsonNode node = step.node();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual() && isUrl(ref.textValue())) {
                    problems.add(new SpecProblem(Rule.SPEC004, "$ref '" + ref.textValue() + "' is not followed: the plugin reads"
                            + " no URL and API Gateway imports no remote reference; put the referenced definition into this file",
                            document.sourceMap().locate(step.path().member("$ref").pointer())));
                }
                List<Step> children = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    if (member.getValue().isContainerNode()) {
                        children.add(new Step(member.getValue(), step.path().member(member.getKey())));
                    }
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    work.push(children.get(i));
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    if (node.get(i).isContainerNode()) {
                        work.push(new Step(node.get(i), step.path().element(i)));
                    }
                }
            }
        }
        return problems;
    }

    /** A container on the walk and where it is. */
    private record Step(JsonNode node, PointerPath path) {
    }

    /** A reference with a URI scheme of two letters or more (one letter is a Windows drive). */
    static boolean isUrl(String ref) {
        try {
            String scheme = new URI(ref).getScheme();
            return scheme != null && scheme.length() > 1;
        } catch (URISyntaxException e) {
            int colon = ref.indexOf(':');
            return colon > 1 && ref.substring(0, colon).chars().allMatch(Character::isLetter);
        }
    }
}
