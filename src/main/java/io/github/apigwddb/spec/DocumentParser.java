package io.github.apigwddb.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses JSON or YAML text in a single streaming pass into a Jackson tree and its {@link SourceMap}.
 * Thread-safe. Nesting depth, alias expansion and document size are bounded so hostile files fail with a
 * message instead of exhausting the build.
 */
public final class DocumentParser {

    /** Deeper than any real API definition; deep enough to refuse stack-exhausting files early. */
    static final int MAX_NESTING = 500;
    static final int MAX_YAML_CODE_POINTS = 64 * 1024 * 1024;
    /** As SnakeYAML's own default: no real definition needs more aliases to mappings or sequences. */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** YAML 1.1's merge key; YAML 1.2 (and so OpenAPI 3.0's YAML) dropped it, but YAML 1.1 tools still expand it. */
    private static final String MERGE_KEY = "<<";
    /** Nodes that aliases may add when expanded: an alias bomb is refused long before it could grow. */
    static final int MAX_ALIAS_EXPANSION = 100_000;

    private final JsonFactory json;
    private final YAMLFactory yaml;

    public DocumentParser() {
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build();
        this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_NESTING);
        this.yaml = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
    }

    /**
     * Parses JSON text that usually needs no positions (a rendered request): the tree is read directly, the
     * source map is built only if a position is asked for. Same syntax errors and limits as {@link #parse}.
     */
    public ParsedDocument parseJsonValue(String text) throws DocumentSyntaxException {
        LineIndex lines = new LineIndex(text);
        try (JsonParser parser = json.createParser(text)) {
            JsonNode root = VALUES.readTree(parser);
            if (root == null) {
                root = JsonNodeFactory.instance.missingNode();
            } else if (parser.nextToken() != null) {
                throw new DocumentSyntaxException("Unexpected content after the end of the JSON value",
                        toPosition(parser.currentTokenLocation(), lines));
            }
            return new ParsedDocument(text, root, SourceMap.deferred(() -> {
                try {
                    return parse(text, SpecFormat.JSON).sourceMap();
                } catch (DocumentSyntaxException e) {
                    return new SourceMap();
                }
            }), lines, List.of());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new DocumentSyntaxException(plain(firstLine(e.getOriginalMessage())),
                    where == null ? TextPosition.START : toPosition(where, lines));
        } catch (IOException e) {
            throw new DocumentSyntaxException(firstLine(e.getMessage()), TextPosition.START);
        }
    }

    /**
     * JSON text as {@link #parse} reads it (the same tree, duplicate keys, errors and positions), with the positions
     * worked out only when first asked for: most rendered requests never need one.
     */
    public ParsedDocument parseJson(String text) throws DocumentSyntaxException {
        JsonNode root = treeOrNull(text);
        if (root == null) {
            return parse(text, SpecFormat.JSON);
        }
        return new ParsedDocument(text, root, SourceMap.deferred(() -> {
            try {
                return parse(text, SpecFormat.JSON).sourceMap();
            } catch (DocumentSyntaxException e) {
                throw new IllegalStateException("JSON that was read once cannot be read again", e);
            }
        }), new LineIndex(text), List.of());
    }

    /**
     * The tree of a well-formed JSON document without duplicate keys, exactly as {@link #parse} builds it but
     * without positions; null for anything else (invalid JSON, a duplicate key, content after the value, deep
     * nesting), which {@link #parse} then reads with its messages, positions and duplicate keys. For text that is
     * read many times and nearly always fine: the injection probe's hostile renders. Thread-safe.
     */
    public JsonNode treeOrNull(String text) {
        try (JsonParser parser = json.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            JsonNode root = plainTree(parser, token);
            return root == null || parser.nextToken() != null ? null : root;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Iterative as {@link TreeBuilder}, with the same node for every scalar; null on a duplicate key. */
    private static JsonNode plainTree(JsonParser parser, JsonToken first) throws IOException {
        Deque<JsonNode> open = new ArrayDeque<>();
        JsonNode root = null;
        String fieldName = null;
        for (JsonToken token = first; token != null; token = parser.nextToken()) {
            switch (token) {
                case FIELD_NAME -> {
                    fieldName = parser.currentName();
                    if (open.peek().has(fieldName)) {
                        return null;
                    }
                }
                case START_OBJECT, START_ARRAY -> {
                    JsonNode container = token == JsonToken.START_OBJECT
                            ? JsonNodeFactory.instance.objectNode()
                            : JsonNodeFactory.instance.arrayNode();
                    if (open.peek() instanceof ObjectNode object) {
                        object.set(fieldName, container);
                    } else if (open.peek() instanceof ArrayNode array) {
                        array.add(container);
                    }
                    if (root == null) {
                        root = container;
                    }
                    open.push(container);
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    if (open.isEmpty()) {
                        return root;
                    }
                }
                default -> {
                    JsonNode scalar = scalar(parser, token);
                    if (open.peek() instanceof ObjectNode object) {
                        object.set(fieldName, scalar);
                    } else if (open.peek() instanceof ArrayNode array) {
                        array.add(scalar);
                    } else {
                        return scalar;
                    }
                }
            }
        }
        return null;
    }

    /** The node of a scalar token: decimals kept as written ({@code 10.00}), integers in the smallest type that holds them. */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (token) {
            case VALUE_STRING -> f.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> f.numberNode(parser.getIntValue());
                case LONG -> f.numberNode(parser.getLongValue());
                default -> f.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> f.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> f.textNode(parser.getText());
        };
    }

    /** Keeps decimals exact ({@code 10.00} stays 10.00), as the streaming tree builder does. */
    private static final com.fasterxml.jackson.databind.ObjectMapper VALUES = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /**
     * Parses {@code text}; a syntax error comes back as {@link DocumentSyntaxException} with its position. A leading
     * byte order mark is dropped: it is no content, editors show no column for it, and in YAML it would indent
     * the first key (which then parses as something else entirely).
     */
    public ParsedDocument parse(String text, SpecFormat format) throws DocumentSyntaxException {
        text = withoutByteOrderMark(text);
        LineIndex lines = new LineIndex(text);
        List<String> duplicates = new ArrayList<>();
        List<YamlTag> tags = new ArrayList<>();
        JsonFactory factory = format == SpecFormat.JSON ? json : yaml;
        CodePointOffsets codePoints = format == SpecFormat.JSON ? CodePointOffsets.NONE : CodePointOffsets.of(text);
        try (JsonParser parser = factory.createParser(text)) {
            try {
                return read(parser, text, format, lines, duplicates, tags, codePoints);
            } catch (StreamConstraintsException e) {
                // thrown without a location: the parser still knows where it stopped
                throw new DocumentSyntaxException(plain(e.getOriginalMessage()), toPosition(parser.currentLocation(), lines, codePoints));
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            TextPosition position = where == null ? TextPosition.START : toPosition(where, lines, codePoints);
            throw new DocumentSyntaxException(describe(e), position);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some problems (alias limits, bad tags) as its own runtime exceptions.
            throw new DocumentSyntaxException(firstLine(e.getMessage()), TextPosition.START);
        }
    }

    private static ParsedDocument read(JsonParser parser, String text, SpecFormat format, LineIndex lines, List<String> duplicates,
            List<YamlTag> tags, CodePointOffsets codePoints) throws IOException, DocumentSyntaxException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return new ParsedDocument(text, JsonNodeFactory.instance.missingNode(), new SourceMap(), lines, duplicates);
        }
        TreeBuilder builder = new TreeBuilder(parser, text, lines, duplicates, tags, codePoints);
        JsonNode root = builder.build();
        if (format == SpecFormat.JSON && parser.nextToken() != null) {
            throw new DocumentSyntaxException("Unexpected content after the end of the JSON value",
                    toPosition(parser.currentTokenLocation(), lines));
        }
        return new ParsedDocument(text, root, new SourceMap(builder.positions(), lines), lines, duplicates, List.copyOf(tags),
                builder.urlReference(), builder.reuse());
    }

    /** {@code text} without a leading U+FEFF, the byte order mark some Windows editors write. */
    public static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** SnakeYAML's messages span several lines with excerpts; a finding is one line, its position is given apart. */
    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            Mark context = yaml.getContextMark();
            return yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext()
                    + (context == null ? "" : " at line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1)) + ")");
        }
        return plain(firstLine(e.getOriginalMessage()));
    }

    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");
    private static final Pattern NESTING = Pattern.compile("Document nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*");
    private static final Pattern CONSTRAINT_NAME = Pattern.compile(",? from `StreamReadConstraints\\.\\w+\\(\\)`");

    /**
     * Jackson's message without what only a Jackson user can read: "(start marker at [Source: REDACTED
     * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 87])" becomes "(start marker
     * at line 1, column 87)", and a limit is said in words instead of by its getter's name.
     */
    static String plain(String message) {
        if (message == null) {
            return "unreadable content";
        }
        Matcher nesting = NESTING.matcher(message);
        if (nesting.matches()) {
            return "nested more than " + nesting.group(1) + " levels deep (objects and arrays within each other);"
                    + " no API definition needs that";
        }
        String plain = SOURCE_LOCATION.matcher(message).replaceAll("line $1, column $2");
        return CONSTRAINT_NAME.matcher(plain).replaceAll("");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable content";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static TextPosition toPosition(JsonLocation location, LineIndex lines) {
        return toPosition(location, lines, CodePointOffsets.NONE);
    }

    private static TextPosition toPosition(JsonLocation location, LineIndex lines, CodePointOffsets codePoints) {
        long offset = codePoints.toChars(location.getCharOffset());
        if (offset >= 0) {
            return lines.positionOf(offset);
        }
        return new TextPosition(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()), -1);
    }

    /**
     * Builds the tree from the token stream, recording where each element starts as it goes; iterative, so
     * depth is no risk. Pointers are written out only for what is reported (duplicate keys, YAML tags).
     */
    private static final class TreeBuilder {
        private final JsonParser parser;
        private final String text;
        private final LineIndex lines;
        private final List<String> duplicates;
        private final List<YamlTag> tags;
        /** YAML anchors seen so far; an alias shares the anchored node (the tree is read-only afterwards). */
        private final Map<String, JsonNode> anchors = new HashMap<>();
        /** The root value as the only element of an array, so the root is attached like any other value. */
        private final ArrayNode document = JsonNodeFactory.instance.arrayNode(1);
        private final Positions documentPositions = Positions.array();
        private int collectionAliases;
        private long aliasExpansion;
        /** Whether a {@code $ref} member holds a URL: noted while reading, so a spec without one is not walked again. */
        private boolean urlReference;
        private final CodePointOffsets codePoints;
        private final List<String> mergeKeys = new ArrayList<>();
        private final List<String> refusedMerges = new ArrayList<>();
        private final List<String> aliases = new ArrayList<>();

        TreeBuilder(JsonParser parser, String text, LineIndex lines, List<String> duplicates, List<YamlTag> tags,
                CodePointOffsets codePoints) {
            this.codePoints = codePoints;
            this.parser = parser;
            this.text = text;
            this.lines = lines;
            this.duplicates = duplicates;
            this.tags = tags;
        }

        /**
         * An object or array being filled, with the member name or index it has in its parent ({@code function}:
         * the long-form wrapper a short form put between them) and the member whose key was read last.
         */
        private static final class Frame {
            final JsonNode container;
            final Positions positions;
            final Object segment;
            final String function;
            String fieldName;
            int fieldIndex;
            /** The index of a {@code <<} member in {@link #positions}, merged when the mapping ends; -1 for none. */
            int mergeKey = -1;
            /** The values of the mapping's earlier {@code <<} members when it has more than one, else null. */
            List<JsonNode> earlierMerges;

            Frame(JsonNode container, Positions positions, Object segment, String function) {
                this.container = container;
                this.positions = positions;
                this.segment = segment;
                this.function = function;
            }
        }

        Positions positions() {
            return documentPositions;
        }

        boolean urlReference() {
            return urlReference;
        }

        YamlReuse reuse() {
            return mergeKeys.isEmpty() && aliases.isEmpty() && refusedMerges.isEmpty() ? YamlReuse.NONE
                    : new YamlReuse(mergeKeys, aliases, refusedMerges);
        }

        JsonNode build() throws IOException {
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(document, documentPositions, null, null));
            JsonToken token = parser.currentToken();
            while (token != null) {
                Frame top = stack.peek();
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    JsonNode target = alias(yaml, stack);
                    if (!mergesInto(top)) {
                        aliases.add(childPointer(stack, top));
                    }
                    int at = attach(top, target);
                    // the alias stands where it is written; what it shares has its positions at the anchor
                    top.positions.value(at, offset(), null);
                    if (stack.size() == 1) {
                        return document.get(0);
                    }
                    token = parser.nextToken();
                    continue;
                }
                switch (token) {
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        boolean duplicate = top.container.has(name);
                        // a quoted '<<' is a plain key, as in YAML 1.1
                        boolean mergeKey = MERGE_KEY.equals(name) && parser instanceof YAMLParser && !quotedAt(offset());
                        if (mergeKey && duplicate && top.mergeKey >= 0) {
                            // a second '<<': YAML 1.1 tools (SnakeYAML, PyYAML) merge both
                            if (top.earlierMerges == null) {
                                top.earlierMerges = new ArrayList<>();
                            }
                            top.earlierMerges.add(top.container.get(MERGE_KEY));
                        } else if (duplicate) {
                            duplicates.add(pointer(stack) + "/" + JsonPointers.escape(name));
                        }
                        top.fieldName = name;
                        top.fieldIndex = top.positions.member(name, offset(), duplicate);
                        if (mergeKey) {
                            top.mergeKey = top.fieldIndex;
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        boolean object = token == JsonToken.START_OBJECT;
                        JsonNode container = object ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.arrayNode();
                        Positions positions = object ? Positions.object() : Positions.array();
                        long at = offset();
                        Object segment = stack.size() == 1 ? null : top.container.isObject() ? top.fieldName : (Object) top.container.size();
                        String function = attachTagged(stack, top, container, at, positions);
                        anchor(lastAttached(top), false); // a tagged one's long form ({"Fn::If": [...]}), as an alias repeats the tag
                        stack.push(new Frame(container, positions, segment, function));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Frame done = stack.pop();
                        if (done.mergeKey >= 0) {
                            merge(done, stack);
                        }
                        if (stack.size() == 1) {
                            return document.get(0);
                        }
                    }
                    default -> {
                        JsonNode scalar = scalar(parser, token);
                        if (scalar.isTextual() && top.container.isObject() && "$ref".equals(top.fieldName)
                                && RemoteReferences.isUrl(scalar.textValue())) {
                            urlReference = true;
                        }
                        attachTagged(stack, top, scalar, offset(), null);
                        anchor(lastAttached(top), true); // credentials: &role !GetAtt Role.Arn ... *role stands for the GetAtt
                        if (stack.size() == 1) {
                            return document.get(0);
                        }
                    }
                }
                token = parser.nextToken();
            }
            return document.isEmpty() ? JsonNodeFactory.instance.missingNode() : document.get(0);
        }

        /** @param plainValue whether the current token is a plain value, whose anchor Jackson drops */
        private void anchor(JsonNode node, boolean plainValue) {
            if (parser instanceof YAMLParser yaml) {
                String name = yaml.getCurrentAnchor() != null ? yaml.getCurrentAnchor() : plainValue ? scalarAnchor() : null;
                if (name != null) {
                    anchors.put(name, node);
                }
            }
        }

        /**
         * The anchor of the current plain value ({@code role: &role arn:...}), read from the text: Jackson's YAML parser
         * drops it, but a value's token starts at its properties, an anchor and a tag in either order.
         */
        private String scalarAnchor() {
            long at = codePoints.toChars(parser.currentTokenLocation().getCharOffset());
            if (at < 0 || at >= text.length()) {
                return null;
            }
            int i = (int) at;
            for (int property = 0; property < 2 && i < text.length(); property++) {
                char c = text.charAt(i);
                if (c != '&' && c != '!') {
                    return null;
                }
                int end = i + 1;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && ",[]{}".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (c == '&') {
                    return end > i + 1 ? text.substring(i + 1, end) : null;
                }
                i = end;
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
            }
            return null;
        }

        /**
         * Replaces a finished mapping's {@code <<} member by the members of the mapping it names (or of each mapping of
         * a sequence, the first one winning), as YAML 1.1's merge key does: a member the mapping has itself is kept,
         * wherever it was written; of two {@code <<} members, the first one's win, as SnakeYAML merges them (PyYAML lets the
         * later one's win: docs/rules/SPEC007.md).
         * Merged members are positioned at the (last) key. A {@code <<} whose value is no mapping or sequence of mappings
         * is left as it is, and noted: YAML 1.1 tools refuse it ("expected a mapping for merging").
         */
        private void merge(Frame done, Deque<Frame> stack) {
            ObjectNode mapping = (ObjectNode) done.container;
            List<JsonNode> groups = done.earlierMerges == null ? new ArrayList<>() : new ArrayList<>(done.earlierMerges);
            groups.add(mapping.get(MERGE_KEY));
            List<JsonNode> sources = new ArrayList<>();
            for (JsonNode group : groups) {
                if (group instanceof ArrayNode sequence) {
                    sequence.forEach(sources::add);
                } else {
                    sources.add(group);
                }
            }
            stack.push(done);
            String pointer = pointer(stack) + "/" + JsonPointers.escape(MERGE_KEY);
            stack.pop();
            if (!sources.stream().allMatch(JsonNode::isObject)) { // an empty list merges nothing, as in YAML 1.1 tools
                refusedMerges.add(pointer);
                return;
            }
            mergeKeys.add(pointer);
            mapping.remove(MERGE_KEY);
            long at = done.positions.keyAt(done.mergeKey);
            for (JsonNode source : sources) {
                source.fields().forEachRemaining(member -> {
                    if (!mapping.has(member.getKey())) {
                        mapping.set(member.getKey(), member.getValue());
                        done.positions.value(done.positions.member(member.getKey(), at, false), at, null);
                    }
                });
            }
        }

        private boolean quotedAt(long at) {
            return at >= 0 && at < text.length() && (text.charAt((int) at) == '\'' || text.charAt((int) at) == '"');
        }

        /** Whether a value attached to {@code top} now is what a merge key merges (a merge key is reported on its own). */
        private boolean mergesInto(Frame top) {
            return parser instanceof YAMLParser
                    && (top.container.isObject() ? MERGE_KEY.equals(top.fieldName) : MERGE_KEY.equals(top.segment));
        }

        /** The pointer of the innermost container being filled. */
        private static String pointer(Deque<Frame> stack) {
            StringBuilder pointer = new StringBuilder();
            for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
                Frame frame = it.next();
                if (frame.segment != null) {
                    pointer.append('/').append(frame.segment instanceof String name ? JsonPointers.escape(name) : frame.segment);
                }
                if (frame.function != null) {
                    pointer.append('/').append(JsonPointers.escape(frame.function));
                }
            }
            return pointer.toString();
        }

        /** The pointer of the value attached to {@code top} next. */
        private static String childPointer(Deque<Frame> stack, Frame top) {
            if (stack.size() == 1) {
                return "";
            }
            String parent = pointer(stack);
            return parent + "/" + (top.container.isObject() ? JsonPointers.escape(top.fieldName) : top.container.size());
        }

        /** What was attached to {@code top} last: the node, or the long form of a CloudFormation short form around it. */
        private JsonNode lastAttached(Frame top) {
            return top.container instanceof ObjectNode object ? object.get(top.fieldName) : top.container.get(top.container.size() - 1);
        }

        /** Resolves an alias to its anchored node, refusing unknown and recursive aliases and alias bombs. */
        private JsonNode alias(YAMLParser yaml, Deque<Frame> stack) throws IOException {
            String name = yaml.getText();
            JsonNode target = anchors.get(name);
            if (target == null) {
                throw new JsonParseException(parser, "alias *" + name + " refers to no value anchored before it (&" + name + ")");
            }
            if (target.isContainerNode()) {
                for (Frame frame : stack) {
                    // the anchor of a tagged mapping or sequence is its long form, which holds it as its one member
                    if (frame.container == target || target.size() == 1 && frame.function != null && target.get(frame.function) == frame.container) {
                        throw new JsonParseException(parser, "alias *" + name + " refers to a node that contains it (recursive alias)");
                    }
                }
                if (++collectionAliases > MAX_COLLECTION_ALIASES) {
                    throw new JsonParseException(parser, "more than " + MAX_COLLECTION_ALIASES
                            + " aliases to mappings or sequences: refused, as an alias bomb could expand without bound");
                }
                aliasExpansion += size(target, MAX_ALIAS_EXPANSION - aliasExpansion + 1);
                if (aliasExpansion > MAX_ALIAS_EXPANSION) {
                    throw new JsonParseException(parser, "aliases would expand to more than " + MAX_ALIAS_EXPANSION
                            + " nodes: refused as an alias bomb");
                }
            }
            return target;
        }

        /** Number of nodes under {@code node} counting shared ones each time, stopping once past {@code limit}. */
        private static long size(JsonNode node, long limit) {
            long count = 0;
            Deque<JsonNode> work = new ArrayDeque<>();
            work.push(node);
            while (!work.isEmpty() && count <= limit) {
                JsonNode next = work.pop();
                count++;
                if (next.isContainerNode()) {
                    next.elements().forEachRemaining(work::push);
                }
            }
            return count;
        }

        /**
         * Attaches {@code node} (with {@code nested}, its own positions when it is an object or array); a
         * CloudFormation short form ({@code !Sub x}) becomes its long form ({@code {"Fn::Sub": x}}), so the
         * tree is the one CloudFormation sees. Returns the long form's function name, or null.
         */
        private String attachTagged(Deque<Frame> stack, Frame top, JsonNode node, long at, Positions nested) throws IOException {
            long valueAt = nested != null ? at : afterTag(at);
            String tag = localTag();
            String function = tag == null ? null : CloudFormationShortForms.longForm(tag);
            if (tag != null) {
                tags.add(new YamlTag(childPointer(stack, top), tag, function, Positions.decode(at, lines)));
            }
            if (function == null) {
                top.positions.value(attach(top, node), valueAt, nested);
                return null;
            }
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            Positions wrapperPositions = Positions.object();
            top.positions.value(attach(top, wrapper), at, wrapperPositions);
            wrapper.set(function, node);
            wrapperPositions.value(wrapperPositions.member(function, at, false), valueAt, nested);
            return function;
        }

        /** The tag of the current value when it is a local one ({@code !Sub}); YAML's own ({@code !!str}) are not. */
        private String localTag() throws IOException {
            Object typeId = parser.getTypeId();
            String tag = typeId == null ? null : typeId.toString();
            if (tag == null || tag.isEmpty() || tag.startsWith("tag:yaml.org,2002:")) {
                return null;
            }
            return tag.startsWith("!") ? tag.substring(1) : tag;
        }

        /** A tagged scalar's token starts at its tag; its content (quote, block indicator) follows the tag and blanks. */
        private long afterTag(long at) {
            if (at < 0 || at >= text.length() || text.charAt((int) at) != '!') {
                return at;
            }
            int i = (int) at;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i >= text.length() ? at : i;
        }

        /** Attaches {@code node} as the next member or element of {@code top}; returns its index there. */
        private static int attach(Frame top, JsonNode node) {
            if (top.container instanceof ObjectNode object) {
                object.set(top.fieldName, node);
                return top.fieldIndex;
            }
            ((ArrayNode) top.container).add(node);
            return top.positions.element();
        }

        /** Where the current token starts, as {@link Positions} keeps it. */
        private long offset() {
            JsonLocation location = parser.currentTokenLocation();
            long offset = codePoints.toChars(location.getCharOffset());
            return offset >= 0 ? offset
                    : Positions.encode(new TextPosition(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()), -1));
        }
    }
}
