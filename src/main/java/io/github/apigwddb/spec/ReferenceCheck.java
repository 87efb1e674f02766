package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.rules.Rule;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@code $ref}s of a definition that lead nowhere: a JSON pointer with nothing at it in the same document,
 * a local file that cannot be read, or a pointer with nothing at it in that file. API Gateway refuses such a
 * definition on import, so each one is a SPEC004 finding where the {@code $ref} is written. URLs are
 * {@link RemoteReferences}' to report. One pass over the tree; each referenced file is read once.
 */
final class ReferenceCheck {

    private final ParsedDocument document;
    private final Path file;
    private final SpecKind kind;
    private final Map<String, String> verdicts = new HashMap<>();
    private final ReferencedFiles referencedFiles;

    /** What the check found: the findings, and the dangling in-document references among them. */
    record Outcome(List<SpecProblem> problems, Set<String> danglingInternal) {
    }

    private final SourceRoot bound;
    /** The references into files that cannot be read, with the file; each file is reported once. */
    private final Map<String, Path> unreadableTargets = new HashMap<>();
    private final Set<Path> reportedUnreadable = new HashSet<>();

    private ReferenceCheck(ParsedDocument document, Path file, SpecKind kind, SourceRoot bound) {
        this.document = document;
        this.file = file;
        this.kind = kind;
        this.bound = bound;
        this.referencedFiles = new ReferencedFiles(file, document);
    }

    static Outcome find(ParsedDocument document, Path file, SpecKind kind, SourceRoot bound) {
        if (kind != SpecKind.OPENAPI3 && kind != SpecKind.SWAGGER2) {
            // a CloudFormation template's $refs belong to the definition inlined in it, relative to that definition
            return new Outcome(List.of(), Set.of());
        }
        return new ReferenceCheck(document, file, kind, bound).walk();
    }

    private Outcome walk() {
        List<SpecProblem> problems = new ArrayList<>();
        Set<String> danglingInternal = new LinkedHashSet<>();
        Deque<Step> work = new ArrayDeque<>();
        work.push(new Step(document.root(), PointerPath.ROOT, ReferenceScope.root(kind)));
        while (!work.isEmpty()) {
            Step step = work.pop();
            JsonNode node = step.node();
            if (node.isObject()) {
                JsonNode ref = step.scope().refIsReference() ? node.get("$ref") : null;
                if (ref != null && ref.isTextual() && !RemoteReferences.isUrl(ref.textValue())) {
                    String problem = verdicts.computeIfAbsent(ref.textValue(), this::problemOf);
                    Path unreadable = unreadableTargets.get(ref.textValue());
                    // a file that cannot be read is said once, at the first reference into it
                    if (!problem.isEmpty() && (unreadable == null || reportedUnreadable.add(unreadable))) {
                        problems.add(new SpecProblem(Rule.SPEC004, problem,
                                document.sourceMap().locate(step.path().member("$ref").pointer())));
                        if (ref.textValue().startsWith("#")) {
                            danglingInternal.add(ref.textValue());
                        }
                    }
                }
                List<Step> children = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    ReferenceScope scope = step.scope().member(member.getKey(), member.getValue());
                    if (scope != null) {
                        children.add(new Step(member.getValue(), step.path().member(member.getKey()), scope));
                    }
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    work.push(children.get(i));
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    if (node.get(i).isContainerNode()) {
                        work.push(new Step(node.get(i), step.path().element(i), step.scope().element()));
                    }
                }
            }
        }
        return new Outcome(problems, danglingInternal);
    }

    /** A container on the walk, where it is, and what a {@code $ref} in it is. */
    private record Step(JsonNode node, PointerPath path, ReferenceScope scope) {
    }

    /** Why {@code ref} leads nowhere, or "" when it resolves. */
    private String problemOf(String ref) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        if (target.isEmpty()) {
            return missingIn(document.root(), ref, "", hash < 0 ? null : LocalReferences.decode(ref.substring(hash + 1)), "this file");
        }
        ReferencedFiles.Target to;
        try {
            to = ReferencedFiles.target(file, ref);
        } catch (InvalidPathException e) {
            return "$ref '" + ref + "' names no file: '" + target + "' is not a file path";
        }
        if (!bound.holds(to.file(), file)) {
            return ""; // not opened: where the definition is read, the reference is said to lead outside (SPEC004)
        }
        ReferencedFiles.Result loaded = referencedFiles.load(to.file(), file);
        if (!loaded.ok()) {
            unreadableTargets.put(ref, to.file());
            return "$ref '" + ref + "' leads nowhere: " + loaded.problem() + ExternalReferences.UNREADABLE_ONCE;
        }
        return missingIn(loaded.document().root(), ref, target, to.pointer(), to.file().getFileName().toString());
    }

    /** Why {@code fragment} names nothing in {@code root}, or "" when it names something. */
    private static String missingIn(JsonNode root, String ref, String target, String fragment, String where) {
        if (fragment == null || fragment.isEmpty()) {
            return "";
        }
        if (!fragment.startsWith("/")) {
            return "$ref '" + ref + "' is no JSON pointer: after '#' it must start with '/', as in '" + target
                    + "#/components/schemas/Item'";
        }
        if (!root.at(fragment).isMissingNode()) {
            return "";
        }
        // the deepest part of the pointer that exists, and the first segment that does not
        String[] segments = fragment.substring(1).split("/", -1);
        JsonNode parent = root;
        StringBuilder existing = new StringBuilder();
        int missing = 0;
        while (missing < segments.length) {
            JsonNode next = parent.at("/" + segments[missing]);
            if (next.isMissingNode()) {
                break;
            }
            parent = next;
            existing.append('/').append(segments[missing]);
            missing++;
        }
        String name = segments[missing].replace("~1", "/").replace("~0", "~");
        String message = "$ref '" + ref + "' does not exist in " + where;
        String suggestion = parent.isObject() ? Suggestions.nearest(name, memberNames(parent)) : null;
        if (suggestion != null) {
            segments[missing] = JsonPointers.escape(suggestion);
            String corrected = "/" + String.join("/", segments);
            if (!root.at(corrected).isMissingNode()) {
                return message + "; did you mean '" + target + "#" + corrected + "'?";
            }
        }
        return message + (existing.length() == 0 ? ": there is no '" + name + "' at its root"
                : ": '" + target + "#" + existing + "' has no member '" + name + "'");
    }

    private static List<String> memberNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
