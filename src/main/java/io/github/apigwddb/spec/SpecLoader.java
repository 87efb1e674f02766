package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.rules.Rule;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Reads one definition file: decodes it strictly as UTF-8, parses it once (keeping positions), decides what
 * kind of document it is, and has swagger-parser validate OpenAPI/Swagger structure. Never throws for bad
 * content: every problem is a {@link SpecProblem} with a position. Thread-safe.
 */
public final class SpecLoader {

    /**
     * The start of an OpenAPI/Swagger definition or a CloudFormation template: a top-level YAML member (no indentation),
     * or a JSON document whose first member is one.
     */
    private static final Pattern DEFINITION_MEMBER = Pattern.compile(
            "(?m)^(openapi|swagger|AWSTemplateFormatVersion|Resources)\\s*:|\\A\\s*\\{\\s*\"(openapi|swagger|AWSTemplateFormatVersion|Resources|info|paths)\"");

    /**
     * API Gateway imports definitions of at most 6 MB and CloudFormation templates are at most 1 MB: a file
     * far beyond that is no API definition, and refusing it keeps memory bounded.
     */
    static final long MAX_FILE_BYTES = Utf8Text.MAX_BYTES;

    private final DocumentParser parser = new DocumentParser();
    private final SourceRoot bound;

    /** A loader that follows references to any file. */
    public SpecLoader() {
        this(SourceRoot.NONE);
    }

    /** @param bound the files the structure check may open to follow a {@code $ref} */
    public SpecLoader(SourceRoot bound) {
        this.bound = bound;
    }

    /** Reads {@code file} with every problem, swagger-parser's structural ones included. */
    public LoadResult load(Path file) {
        LoadResult result = load(file, Runnable::run);
        List<SpecProblem> problems = new ArrayList<>(result.problems());
        problems.addAll(result.structureProblems().join());
        return new LoadResult(result.spec(), problems, result.skippedBecause());
    }

    /**
     * Reads {@code file}, leaving swagger-parser's structural check to {@code structureCheck}: in a large definition
     * it takes a good part of the reading, and nothing else depends on it, so the check can run beside the
     * integrations' rendering. The tree must not change until {@link LoadResult#structureProblems()} is done.
     */
    public LoadResult load(Path file, Executor structureCheck) {
        List<SpecProblem> problems = new ArrayList<>();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(new SpecProblem(Rule.SPEC001,
                        "The file is " + String.format(java.util.Locale.ROOT, "%.1f", size / (1024.0 * 1024)) + " MB; files over "
                                + MAX_FILE_BYTES / (1024 * 1024)
                                + " MB are not read (API Gateway imports at most 6 MB)", TextPosition.START));
                return new LoadResult(null, problems);
            }
            text = Utf8Text.decode(Files.readAllBytes(file));
        } catch (Utf8Text.NotUtf8Exception e) {
            problems.add(new SpecProblem(Rule.SPEC001, "The file is " + e.withoutPosition(), e.position()));
            return new LoadResult(null, problems);
        } catch (IOException e) {
            problems.add(new SpecProblem(Rule.SPEC001, "The file cannot be read: " + e.getMessage(), TextPosition.START));
            return new LoadResult(null, problems);
        }
        if (text.indexOf('\0') >= 0) {
            problems.add(new SpecProblem(Rule.SPEC001, "The file is binary, not JSON or YAML text", TextPosition.START));
            return new LoadResult(null, problems);
        }
        SpecFormat format = SpecFormat.of(file);
        ParsedDocument document;
        try {
            document = parser.parse(text, format);
        } catch (DocumentSyntaxException e) {
            if (looksLikeMappingTemplate(text) && !looksLikeDefinition(text)) {
                return new LoadResult(null, problems, "a mapping template file, not an API definition");
            }
            // the usual one in an exported definition: a template's \' (VTL's escape) written into a JSON string as it is
            String hint = e.getMessage().startsWith("Unrecognized character escape ''' (code 39)")
                    ? ": \\' is no escape in a JSON string; write ' for an apostrophe, or \\\\' for a backslash and an apostrophe"
                            + " (what a template's replaceAll(\"\\\\'\", ...) needs)" : "";
            problems.add(new SpecProblem(Rule.SPEC001,
                    "Not valid " + format + ": " + e.getMessage() + hint, e.position()));
            return new LoadResult(null, problems);
        }
        if (document.root().isMissingNode()) {
            // said at info, not as a finding: a folder of definitions may well hold a placeholder file
            return new LoadResult(null, problems, "the file is empty" + (document.text().isBlank() ? "" : " (only comments)"));
        }
        for (String duplicate : document.duplicateKeys()) {
            problems.add(new SpecProblem(Rule.SPEC002,
                    "Duplicate key '" + lastSegment(duplicate) + "': the later value replaces the earlier one",
                    document.sourceMap().locate(duplicate)));
        }
        for (YamlTag tag : document.tags()) {
            if (!tag.isShortForm()) {
                String nearest = CloudFormationShortForms.nearest(tag.tag());
                problems.add(new SpecProblem(Rule.CFN007, "Unknown YAML tag '!" + tag.tag()
                        + "': it is no CloudFormation short form, so the value is read as written"
                        + (nearest == null ? "" : " (did you mean !" + nearest + "?)"), tag.position()));
            }
        }
        problems.addAll(RemoteReferences.find(document));
        SpecKind kind = SpecKind.of(document.root());
        problems.addAll(reuseProblems(document, kind));
        ReferenceCheck.Outcome references = ReferenceCheck.find(document, file, kind, bound);
        problems.addAll(references.problems());
        LoadedSpec spec = new LoadedSpec(file, format, kind, document);
        if (kind != SpecKind.OPENAPI3 && kind != SpecKind.SWAGGER2) {
            return new LoadResult(spec, problems);
        }
        String version = document.root().path("openapi").asText();
        if (kind == SpecKind.OPENAPI3 && !version.startsWith("3.0")) {
            problems.add(new SpecProblem(Rule.SPEC006, "API Gateway imports OpenAPI 2.0 and 3.0 definitions (Developer Guide,"
                    + " importing a REST API), and this one declares openapi " + version + "; it is checked as OpenAPI 3, but its"
                    + " import is not documented to work: declare 3.0.x if it uses nothing of " + version + " (type lists,"
                    + " webhooks, $ref beside other members)", document.sourceMap().locate("/openapi")));
        }
        return new LoadResult(spec, problems, null, CompletableFuture.supplyAsync(() -> {
            List<SpecProblem> structure = new ArrayList<>();
            for (String message : structureMessages(document.root(), kind, true)) {
                String pointer = SwaggerParserMessages.pointerOf(message);
                // A definition pulled in by AWS::Include holds intrinsics ({Ref: stage} as basePath) that
                // CloudFormation replaces before API Gateway reads it: their type is not the definition's.
                if (!pointer.isEmpty() && CloudFormationIntrinsics.functionOf(document.root().at(pointer)) != null) {
                    continue;
                }
                if (saysMissing(message, references.danglingInternal())) {
                    continue; // SPEC004 already says so, at the $ref and with the name meant
                }
                if (greedyDeclared(document.root(), pointer, message)) {
                    continue;
                }
                String[] undeclared = undeclaredPathParameter(document.root(), pointer, message);
                if (undeclared != null) {
                    structure.add(new SpecProblem(Rule.SPEC002, undeclared[0], document.sourceMap().locate(undeclared[1])));
                }
            }
            return structure;
        }, structureCheck));
    }

    private static final Pattern UNDECLARED_PATH_PARAMETER =
            Pattern.compile("Declared path parameter (\\S+) needs to be defined as a path parameter in path or operation level");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * swagger-parser's "Declared path parameter id needs to be defined ..." names the path, not the operations that lack
     * it: they are named, and the finding points at the first. A CORS OPTIONS mock is not counted: the console writes it
     * so in every export, and API Gateway imports it (trial of a console-exported API; a team cannot change what the next
     * export restores); null when only such mocks lack it. Other messages and pointers are returned as they are.
     */
    private static String[] undeclaredPathParameter(JsonNode root, String pointer, String message) {
        java.util.regex.Matcher matcher = UNDECLARED_PATH_PARAMETER.matcher(message);
        JsonNode item = pointer.isEmpty() ? null : root.at(pointer);
        if (!matcher.find() || item == null || !item.isObject() || declares(root, item, matcher.group(1))) {
            return new String[] {message, pointer};
        }
        // API Gateway's greedy {proxy+} is declared as proxy
        String name = matcher.group(1).endsWith("+") ? matcher.group(1).substring(0, matcher.group(1).length() - 1) : matcher.group(1);
        List<String> lacking = METHODS.stream().filter(m -> item.path(m).isObject() && !declares(root, item.path(m), name)).toList();
        List<String> counted = lacking.stream().filter(m -> !corsMock(m, item.path(m))).toList();
        if (!lacking.isEmpty() && counted.isEmpty()) {
            return null;
        }
        lacking = counted;
        return lacking.isEmpty() ? new String[] {message, pointer}
                : new String[] {message + " (not declared by " + String.join(", ", lacking) + ")", JsonPointers.child(pointer, lacking.get(0))};
    }

    /** Whether the operation is an OPTIONS method answered by a mock integration: CORS's preflight. */
    private static boolean corsMock(String method, JsonNode operation) {
        return "options".equals(method) && "mock".equalsIgnoreCase(operation.path("x-amazon-apigateway-integration").path("type").asText());
    }

    /**
     * Whether the message is swagger-parser's about a greedy path variable ({@code /files/{proxy+}}) that every operation of
     * the path declares as API Gateway has it, without the plus ({@code name: proxy}): the only way to write it there.
     */
    private static boolean greedyDeclared(JsonNode root, String pointer, String message) {
        java.util.regex.Matcher matcher = UNDECLARED_PATH_PARAMETER.matcher(message);
        JsonNode item = pointer.isEmpty() ? null : root.at(pointer);
        if (!matcher.find() || !matcher.group(1).endsWith("+") || item == null || !item.isObject()) {
            return false;
        }
        String name = matcher.group(1).substring(0, matcher.group(1).length() - 1);
        return declares(root, item, name) || METHODS.stream().filter(m -> item.path(m).isObject())
                .allMatch(m -> declares(root, item.path(m), name));
    }

    /** Whether a path item or operation declares the path parameter in its own parameters (a local $ref followed). */
    private static boolean declares(JsonNode root, JsonNode owner, String name) {
        for (JsonNode parameter : owner.path("parameters")) {
            JsonNode resolved = LocalReferences.resolve(root, parameter);
            if ("path".equals(resolved.path("in").asText()) && name.equals(resolved.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** swagger-parser's "attribute paths.'/a'(post)...schema.#/components/schemas/Itme is missing" for a reference. */
    private static boolean saysMissing(String message, Set<String> danglingReferences) {
        for (String ref : danglingReferences) {
            if (message.endsWith("." + ref + " is missing")) {
                return true;
            }
        }
        return false;
    }

    /**
     * swagger-parser's structural messages, from the tree already parsed. References are not resolved here,
     * so nothing is fetched from the network.
     *
     * @param slim whether to leave out the gateway's extensions first (see {@link #withoutGatewayExtensions}); a
     *     test compares both ways
     */
    static Set<String> structureMessages(JsonNode document, SpecKind kind, boolean slim) {
        Set<String> messages = new LinkedHashSet<>();
        try {
            JsonNode root = slim ? withoutGatewayExtensions(document) : document;
            if (kind == SpecKind.OPENAPI3) {
                ParseOptions options = new ParseOptions();
                options.setResolve(false);
                boolean openApi31 = root.path("openapi").asText().startsWith("3.1");
                SwaggerParseResult result = new OpenAPIDeserializer().deserialize(root, null, options, openApi31);
                if (result.getMessages() != null) {
                    messages.addAll(result.getMessages());
                }
            } else {
                SwaggerDeserializationResult result = new SwaggerDeserializer().deserialize(root);
                if (result.getMessages() != null) {
                    messages.addAll(result.getMessages());
                }
            }
        } catch (RuntimeException e) {
            messages.add("swagger-parser could not read the document: " + e.getMessage());
        }
        return messages;
    }

    /**
     * The document as swagger-parser needs to see it: operations without API Gateway's and this plugin's own
     * extensions. swagger-parser turns every extension value into Java maps and checks nothing inside them,
     * and in a large definition the integrations and examples are most of the text, so leaving them out halves
     * its time. Only operation members are dropped: elsewhere (schema properties) an {@code x-} name can be data.
     * Nothing is copied but the objects on the way to the operations.
     */
    static JsonNode withoutGatewayExtensions(JsonNode root) {
        if (!(root.get("paths") instanceof ObjectNode paths)) {
            return root;
        }
        ObjectNode slimPaths = paths.objectNode();
        paths.fields().forEachRemaining(path -> {
            if (path.getValue() instanceof ObjectNode pathItem) {
                ObjectNode slimItem = pathItem.objectNode();
                pathItem.fields().forEachRemaining(member -> slimItem.set(member.getKey(),
                        member.getValue() instanceof ObjectNode operation && isOperation(member.getKey())
                                ? withoutOwnExtensions(operation) : member.getValue()));
                slimPaths.set(path.getKey(), slimItem);
            } else {
                slimPaths.set(path.getKey(), path.getValue());
            }
        });
        ObjectNode slimRoot = ((ObjectNode) root).objectNode();
        root.fields().forEachRemaining(member -> slimRoot.set(member.getKey(), member.getKey().equals("paths") ? slimPaths : member.getValue()));
        return slimRoot;
    }

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace",
            "x-amazon-apigateway-any-method");

    private static boolean isOperation(String member) {
        return OPERATIONS.contains(member);
    }

    private static ObjectNode withoutOwnExtensions(ObjectNode operation) {
        ObjectNode slim = operation.objectNode();
        operation.fields().forEachRemaining(member -> {
            if (!member.getKey().startsWith("x-amazon-apigateway-") && !member.getKey().startsWith("x-apigw-")) {
                slim.set(member.getKey(), member.getValue());
            }
        });
        return slim;
    }

    /**
     * Whether a file that does not parse is meant as an API definition or a template all the same: a top-level member
     * of one, or an integration. Such a file is a SPEC001 error, even with VTL in it (a template in a YAML string
     * with unescaped quotes is the common way to break one), never a mapping template file passed over.
     */
    static boolean looksLikeDefinition(String text) {
        return DEFINITION_MEMBER.matcher(text).find() || text.contains("x-amazon-apigateway-integration");
    }

    /**
     * Teams keep mapping templates in files of their own (Terraform's templatefile, for one) with a .json
     * name; such a file is VTL, not a definition, and is not checked on its own (contract §2).
     */
    static boolean looksLikeMappingTemplate(String text) {
        return text.contains("$input.") || text.contains("$util.") || text.contains("$context.")
                || text.contains("#set(") || text.contains("#foreach(") || text.contains("#if(");
    }

    private static String lastSegment(String pointer) {
        String segment = pointer.substring(pointer.lastIndexOf('/') + 1);
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /**
     * YAML merge keys, and in a CloudFormation template aliases too: the plugin reads them expanded, as YAML 1.1 tools do,
     * but what reads the file as it is written at deployment may not (the choice and its sources: docs/rules/SPEC007.md).
     */
    private static List<SpecProblem> reuseProblems(ParsedDocument document, SpecKind kind) {
        List<SpecProblem> problems = new ArrayList<>();
        boolean template = kind == SpecKind.CLOUDFORMATION;
        for (String mergeKey : document.reuse().mergeKeys()) {
            problems.add(new SpecProblem(Rule.SPEC007, template
                    ? "YAML merge key '<<': CloudFormation does not accept YAML anchors, aliases or merge keys in a template;"
                            + " 'aws cloudformation package' writes the template out with them expanded. Checked as merged"
                    : "YAML merge key '<<': checked as merged, as YAML 1.1 reads it, but OpenAPI's YAML is 1.2, which has no"
                            + " merge keys: a parser that follows it (swagger-parser, likely API Gateway's import) keeps '<<'"
                            + " as a member, and the mapping lacks what it merges. Deploy the definition the bundle goal"
                            + " writes (merged), or write the members out",
                    document.sourceMap().locate(mergeKey)));
        }
        for (String refused : document.reuse().refusedMerges()) {
            problems.add(new SpecProblem(Rule.SPEC007, "YAML merge key '<<' with a value that is no mapping or list of mappings:"
                    + " YAML 1.1 tools refuse the file (\"expected a mapping for merging\"), and YAML 1.2 ones keep '<<' as a member."
                    + " Checked with nothing merged", document.sourceMap().locate(refused)));
        }
        List<String> aliases = document.reuse().aliases();
        if (template && !aliases.isEmpty()) {
            problems.add(new SpecProblem(Rule.SPEC007, "YAML alias" + (aliases.size() == 1 ? "" : " (the first of " + aliases.size() + ")")
                    + ": CloudFormation refuses a template with aliases (\"YAML aliases are not allowed in CloudFormation"
                    + " templates\"); 'aws cloudformation package' writes the template out with them expanded",
                    document.sourceMap().locate(aliases.get(0))));
        }
        return problems;
    }
}
