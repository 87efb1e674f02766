package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A definition with its references to other local files (whole files or fragments) replaced by what they point at,
 * recursively; references inside the definition ({@code #/components/...}) stay. A schema is written once where
 * several uses would copy it ({@link SharedSchemas}). The bundle writes it out; the check
 * reads examples and schemas split over several files from it. A {@code $ref} in an extension or in example data is
 * data ({@link ReferenceScope}). Not thread-safe: one per definition.
 */
public final class ExternalReferences {

    private static final int MAX_REFERENCE_DEPTH = 32;

    /** Why a reference cannot be inlined. */
    public enum Reason {
        /** A URL: neither the check nor the bundle reads it. */
        REMOTE,
        /** Outside the project root the bundle was given. */
        OUTSIDE_PROJECT,
        /** It leads back to itself: valid for a recursive schema, which a bundle cannot write out inline. */
        CIRCULAR,
        /** No file, no readable definition, or nothing at the pointer: a broken reference. */
        BROKEN,
        /** It leads to a list or a single value, where what a reference stands for is an object. */
        NOT_AN_OBJECT
    }

    /** Receives why a reference cannot be inlined, at the reference's position in the file that holds it; once per reference. */
    public interface Problems {
        void add(Reason reason, String message, Path file, ParsedDocument document, String pointer);
    }

    private final LoadedSpec spec;
    private final SourceRoot bound;
    private final Problems problems;
    private final ReferencedFiles files;
    private final Set<Path> filesRead = new TreeSet<>();
    private final Set<String> reported = new HashSet<>();
    /** Referenced files that cannot be read, reported once each. */
    private final Set<Path> unreadable = new HashSet<>();
    /** See {@link #namedByTheDefinition()}; null until asked. */
    private Set<Path> namedByTheDefinition;
    private final List<Part> parts = new ArrayList<>();
    /** Schemas of other files made the definition's own (recursive or reused): their name there, by file and pointer. */
    private final Map<String, String> hoisted = new HashMap<>();
    /** The schemas of other files inlined so far, by file and pointer: one reached again is shared, not copied again. */
    private final Set<String> inlinedSchemas = new HashSet<>();
    private final Map<String, JsonNode> hoistedSchemas = new LinkedHashMap<>();
    private final SharedSchemas sharedSchemas = new SharedSchemas();

    /** A part of the inlined tree read from another file: at {@code at} in the tree stands what {@code pointer} names in {@code file}. */
    private record Part(String at, Path file, ParsedDocument document, String pointer) {
    }

    /**
     * @param projectRoot references leading outside it are refused (the repository's root: a build reads and ships only its
     *     files); null for none refused
     * @param problems receives the references that cannot be inlined, which stay as written; null when not needed
     */
    public ExternalReferences(LoadedSpec spec, Path projectRoot, Problems problems) {
        this.spec = spec;
        this.bound = SourceRoot.of(projectRoot);
        this.problems = problems;
        this.files = new ReferencedFiles(spec.file(), spec.document());
    }

    /**
     * An OpenAPI or Swagger definition's document with the parts other files hold in place, as the check reads it (an
     * operation written in another file has its {@code x-apigw-ignore} entries there); the document itself when it refers
     * to no other file or is no such definition.
     */
    public static ParsedDocument inlinedIfAny(Path file, ParsedDocument document, SourceRoot bound) {
        SpecKind kind = SpecKind.of(document.root());
        LoadedSpec spec = new LoadedSpec(file, SpecFormat.of(file), kind, document);
        if ((kind != SpecKind.OPENAPI3 && kind != SpecKind.SWAGGER2) || !any(spec)) {
            return document;
        }
        return new ExternalReferences(spec, bound.root(), null).inlinedDocument();
    }

    /** Whether the definition refers to another file anywhere a reference counts; cheap, copies nothing. */
    public static boolean any(LoadedSpec spec) {
        return anyReference(spec.root(), ReferenceScope.root(spec.kind()), ref -> true);
    }

    /** Whether {@code stop} holds for a reference to another file in {@code node}, offered each in turn until it does. */
    private static boolean anyReference(JsonNode node, ReferenceScope scope, Predicate<String> stop) {
        if (node.isObject()) {
            JsonNode ref = scope.refIsReference() ? node.get("$ref") : null;
            if (ref != null && ref.isTextual() && !ref.asText().isEmpty() && !ref.asText().startsWith("#") && stop.test(ref.asText())) {
                return true;
            }
            for (var members = node.fields(); members.hasNext(); ) {
                var member = members.next();
                ReferenceScope inner = scope.member(member.getKey(), member.getValue());
                if (inner != null && anyReference(member.getValue(), inner, stop)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (anyReference(element, scope.element(), stop)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The files the definition's own references lead to (not those of the files it takes parts from). */
    private Set<Path> namedByTheDefinition() {
        if (namedByTheDefinition == null) {
            Path definition = spec.file().toAbsolutePath().normalize();
            Set<Path> named = new HashSet<>();
            anyReference(spec.root(), ReferenceScope.root(spec.kind()), ref -> {
                try {
                    named.add(ReferencedFiles.target(definition, ref).file());
                } catch (InvalidPathException e) {
                    // names no file: said where it is resolved
                }
                return false;
            });
            namedByTheDefinition = named;
        }
        return namedByTheDefinition;
    }

    /** A copy of the definition's tree with the references to other files inlined. */
    public JsonNode inlined() {
        Set<String> taken = new HashSet<>();
        while (true) {
            parts.clear();
            hoisted.clear();
            hoistedSchemas.clear();
            inlinedSchemas.clear();
            takenNames = taken;
            sharedSchemas.startPass();
            JsonNode root = inline(spec.root().deepCopy(), ReferenceScope.root(spec.kind()), spec.file().toAbsolutePath().normalize(), "",
                    "", new ArrayDeque<>());
            if (sharedSchemas.learned()) {
                // a use written before the pass learned where its schema lives (an entry further down, a second use)
                continue;
            }
            if (hoistedSchemas.isEmpty() || !root.isObject()) {
                return root;
            }
            ObjectNode schemas = spec.kind() == SpecKind.SWAGGER2 ? objectAt((ObjectNode) root, "definitions")
                    : objectAt(objectAt((ObjectNode) root, "components"), "schemas");
            // the schemas as inlined may hold names the file does not show (components taken from another file): never
            // write over one, choose again without it
            List<String> clashes = hoistedSchemas.keySet().stream().filter(schemas::has).toList();
            if (clashes.isEmpty() || !taken.addAll(clashes)) {
                hoistedSchemas.forEach(schemas::set);
                return root;
            }
        }
    }

    /** Names a recursive schema may not take (see {@link #inlined()}). */
    private Set<String> takenNames = Set.of();

    private static ObjectNode objectAt(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode object ? object : parent.putObject(name);
    }

    /** A name for a schema of the definition's own: what it is called in its file, made a valid component name, unused. */
    private String schemaName(String wanted) {
        String base = wanted.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty()) {
            base = "Schema";
        }
        JsonNode existing = spec.kind() == SpecKind.SWAGGER2 ? spec.root().path("definitions") : spec.root().path("components").path("schemas");
        String name = base;
        for (int n = 2; existing.has(name) || hoisted.containsValue(name) || takenNames.contains(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * The definition's document with {@link #inlined()}'s tree and {@link #sourceMap()}'s positions: its text, lines
     * and the rest as read.
     */
    public ParsedDocument inlinedDocument() {
        JsonNode root = inlined();
        return spec.document().withTree(root, sourceMap());
    }

    /**
     * The positions of the tree {@link #inlined()} last gave: the definition's own, and those of each part read from
     * another file in that file ({@link SourceMap#inlinedFrom}).
     */
    public SourceMap sourceMap() {
        SourceMap map = new SourceMap();
        map.copySubtree(spec.sourceMap(), "", "");
        for (Part part : parts) {
            map.putInlined(part.at(), part.file(), part.document(), part.pointer());
        }
        return map;
    }

    /** The other files that {@link #inlined()} read. */
    public List<Path> filesRead() {
        return new ArrayList<>(filesRead);
    }

    /**
     * @param pointer where {@code node} is in {@code file}, for a reference that cannot be inlined
     * @param at where it is in the inlined tree
     */
    private JsonNode inline(JsonNode node, ReferenceScope scope, Path file, String pointer, String at, Deque<String> chain) {
        if (node.isObject()) {
            JsonNode ref = scope.refIsReference() ? node.get("$ref") : null;
            if (ref != null && ref.isTextual() && !ref.asText().isEmpty() && !ref.asText().startsWith("#")) {
                JsonNode resolved = resolve(ref.asText(), scope, file, pointer, at, chain);
                return resolved != null ? resolved : node;
            }
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                ReferenceScope member = scope.member(name, object.get(name));
                if (member != null) {
                    object.set(name, inline(object.get(name), member, file, JsonPointers.child(pointer, name), JsonPointers.child(at, name),
                            chain));
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, inline(array.get(i), scope.element(), file, JsonPointers.child(pointer, i), JsonPointers.child(at, i), chain));
            }
        }
        return node;
    }

    /** The inlined value a reference to another file points at; null when it cannot be inlined (said to {@link #problems}). */
    private JsonNode resolve(String ref, ReferenceScope scope, Path file, String pointer, String at, Deque<String> chain) {
        if (ReferencedFiles.isRemote(ref)) {
            return refuse(Reason.REMOTE, "Reference '" + ref + "' is remote; only files of the project are inlined", file, pointer);
        }
        ReferencedFiles.Target target;
        try {
            target = ReferencedFiles.target(file, ref);
        } catch (InvalidPathException e) {
            return refuse(Reason.BROKEN, "Reference '" + ref + "' names no file: it is not a file path", file, pointer);
        }
        Path targetFile = target.file();
        if (!bound.holds(targetFile, spec.file())) {
            return refuse(Reason.OUTSIDE_PROJECT, bound.refusal("Reference '" + ref + "'", targetFile), file, pointer);
        }
        String fragment = target.pointer() == null ? "" : target.pointer();
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            return refuse(Reason.BROKEN, "Reference '" + ref + "' leads nowhere: what follows # must be a JSON pointer that starts"
                    + " with / (#/" + fragment + ")", file, pointer);
        }
        String key = targetFile + "#" + fragment;
        if (chain.size() >= MAX_REFERENCE_DEPTH) {
            return refuse(Reason.BROKEN, "Reference '" + ref + "' is number " + (MAX_REFERENCE_DEPTH + 1) + " in a chain of references"
                    + " from file to file, more than are followed (" + MAX_REFERENCE_DEPTH + "): write the part it names nearer", file, pointer);
        }
        ReferencedFiles.Result loaded = files.load(targetFile, file);
        if (!loaded.ok()) {
            // a file that cannot be read is said once, at the first reference into it, the definition's own first if it has
            // one (the structure check says those too): each further one says nothing new
            if (!file.equals(spec.file().toAbsolutePath().normalize()) && namedByTheDefinition().contains(targetFile)) {
                return null;
            }
            return unreadable.add(targetFile) ? refuse(Reason.BROKEN, "Reference '" + ref + "' leads nowhere: " + loaded.problem()
                    + UNREADABLE_ONCE, file, pointer) : null;
        }
        JsonNode value = loaded.document().root().at(fragment);
        if (value.isMissingNode()) {
            return refuse(Reason.BROKEN, "Reference '" + ref + "' points at nothing in " + targetFile.getFileName(), file, pointer);
        }
        if (!value.isObject()) {
            // what a reference stands for (a path item, a schema, a parameter, a response) is an object
            return refuse(Reason.NOT_AN_OBJECT, "Reference '" + ref + "' leads to " + (value.isArray() ? "a list" : value.isNull() ? "nothing (null)"
                    : "a single value") + " in " + targetFile.getFileName() + ", where an object (a path item, a schema...) belongs",
                    file, pointer);
        }
        String home = null;
        if (scope.schema()) {
            sharedSchemas.used(key);
            String entry = componentEntryAt(at);
            if (entry != null) {
                sharedSchemas.claim(key, entry);
            }
            home = sharedSchemas.home(key);
            if (home != null && !home.equals(entry)) {
                return schemaReference(scope, home);
            }
        }
        if (chain.contains(key)) {
            return recursive(ref, key, value, scope, targetFile, fragment, loaded.document(), file, pointer, chain);
        }
        if (scope.schema() && home == null && (sharedSchemas.shared(key) || !inlinedSchemas.add(key))) {
            // a copy at each use would double with each level of schemas that use the next twice (2^n copies): a schema
            // used again is made the definition's own, as a bundler would, and every use refers to it
            return hoisted(key, value, scope, targetFile, fragment, loaded.document(), chain);
        }
        return inlineValue(value, key, scope, targetFile, fragment, loaded.document(), at, chain);
    }

    /**
     * The name of the root's component entry ({@code components/schemas}, {@code definitions}) that {@code at} is, or
     * null: such an entry that is only a reference is where the schema it names is written.
     */
    private String componentEntryAt(String at) {
        String prefix = spec.kind() == SpecKind.SWAGGER2 ? "/definitions/" : "/components/schemas/";
        if (!at.startsWith(prefix) || at.indexOf('/', prefix.length()) >= 0) {
            return null;
        }
        String name = JsonPointers.unescape(at.substring(prefix.length()));
        // a schema made the definition's own is written there too, but is no entry of the root
        return hoisted.containsValue(name) ? null : name;
    }

    /** The value a reference points at, inlined at {@code at}, its own references followed. */
    private JsonNode inlineValue(JsonNode value, String key, ReferenceScope scope, Path targetFile, String fragment,
            ParsedDocument document, String at, Deque<String> chain) {
        filesRead.add(targetFile);
        parts.add(new Part(at, targetFile, document, fragment));
        chain.push(key);
        boolean again = scope.schema() && sharedSchemas.writing(key);
        // References inside the fragment are relative to its own file: '#/...' there means that file.
        JsonNode copy = rebaseInternalRefs(value.deepCopy(), scope, targetFile.getFileName().toString());
        JsonNode result = inline(copy, scope, targetFile, fragment, at, chain);
        sharedSchemas.written(again);
        chain.pop();
        return result;
    }

    /**
     * A schema that leads back to itself (a tree of nodes) cannot be written out inline: it becomes a schema of the
     * definition's own ({@code components/schemas} or {@code definitions}) that refers to itself, as a recursive schema
     * written in one file does. Anything else that leads back to itself, or a schema that is nothing but a reference
     * (a loop with no schema in it), is refused.
     */
    private JsonNode recursive(String ref, String key, JsonNode value, ReferenceScope scope, Path targetFile, String fragment,
            ParsedDocument document, Path file, String pointer, Deque<String> chain) {
        boolean onlyReference = value.isObject() && value.size() == 1 && value.has("$ref");
        if (!hoisted.containsKey(key) && (!scope.schema() || onlyReference)) {
            return refuse(Reason.CIRCULAR, "Reference '" + ref + "' is circular: following it leads back to it, through nothing"
                    + " but references or to a part that cannot contain itself, so it cannot be inlined", file, pointer);
        }
        return hoisted(key, value, scope, targetFile, fragment, document, chain);
    }

    /** A reference to the schema made the definition's own ({@code components/schemas} or {@code definitions}), once. */
    private JsonNode hoisted(String key, JsonNode value, ReferenceScope scope, Path targetFile, String fragment, ParsedDocument document,
            Deque<String> chain) {
        String name = hoisted.get(key);
        if (name == null) {
            name = schemaName(fragment.isEmpty() ? stripExtension(targetFile.getFileName().toString())
                    : JsonPointers.unescape(fragment.substring(fragment.lastIndexOf('/') + 1)));
            hoisted.put(key, name);
            String componentsPointer = scope.swagger2() ? "/definitions" : "/components/schemas";
            hoistedSchemas.put(name, inlineValue(value, key, scope, targetFile, fragment, document,
                    JsonPointers.child(componentsPointer, name), chain));
        }
        return schemaReference(scope, name);
    }

    private static JsonNode schemaReference(ReferenceScope scope, String name) {
        return JsonNodeFactory.instance.objectNode().put("$ref", "#" + (scope.swagger2() ? "/definitions/" : "/components/schemas/")
                + JsonPointers.escape(name));
    }

    /** Ends the finding on a file that cannot be read, which is reported at its first reference only. */
    static final String UNREADABLE_ONCE = " (said at the first reference into it only)";

    private JsonNode refuse(Reason reason, String message, Path file, String pointer) {
        // a fragment reached from several places is inlined at each: its broken reference is said once
        if (problems != null && reported.add(file + "#" + pointer + " " + message)) {
            problems.add(reason, message, file, files.load(file, file).document(), pointer);
        }
        return null;
    }

    /** An internal reference of another file becomes a reference to that file, to be inlined in turn. */
    private static JsonNode rebaseInternalRefs(JsonNode node, ReferenceScope scope, String file) {
        if (node.isObject()) {
            JsonNode ref = scope.refIsReference() ? node.get("$ref") : null;
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                ((ObjectNode) node).put("$ref", file + ref.asText());
            }
            node.fields().forEachRemaining(member -> {
                ReferenceScope inner = scope.member(member.getKey(), member.getValue());
                if (inner != null) {
                    rebaseInternalRefs(member.getValue(), inner, file);
                }
            });
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rebaseInternalRefs(child, scope.element(), file));
        }
        return node;
    }
}
