package io.github.apigwddb.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where every JSON pointer of a document stands in its file: the position of the member's key (what a
 * finding about the member points at) and of its value (where a string's content starts).
 *
 * <p>A parsed document's positions are kept as a tree of {@link Positions}, one per object or array, holding
 * character offsets: no pointer string is built while parsing, and a line and column are worked out only for
 * the few elements a finding points at. A 16 MB definition has over a million elements, so this is what keeps
 * its loading fast and its memory small. Documents derived from parts of others (an API inside a template) add
 * single positions and whole borrowed subtrees on top. Safe to read from several threads once built.
 */
public final class SourceMap {

    /** Positions of the parsed tree, as the one element of an array around the root; null for explicit entries only. */
    private Positions document;
    private LineIndex lines;
    private final Map<String, TextPosition> keys = new HashMap<>();
    private final Map<String, TextPosition> values = new HashMap<>();
    /** String values assembled from several written strings (an Fn::Join), by pointer. */
    private final Map<String, List<Piece>> pieces = new HashMap<>();
    private final Map<String, Rewritten> rewritten = new HashMap<>();
    /** Values that are wholly a stand-in for one known only at deployment. */
    private final java.util.Set<String> standIns = new java.util.HashSet<>();
    /** Subtrees of other documents' maps that stand at a pointer of this one. */
    private final List<Mount> mounts = new ArrayList<>();
    /** Parts of the tree read from other files ({@link ExternalReferences}), by where they stand in it. */
    private final Map<String, Inlined> inlined = new HashMap<>();
    /** For a map built only when first asked: most rendered requests never need a position. */
    private Supplier<SourceMap> deferred;

    public SourceMap() {
    }

    /**
     * The positions of a parsed tree, whose offsets {@code lines} turns into lines and columns.
     *
     * @param document an array whose only element is the root value
     */
    SourceMap(Positions document, LineIndex lines) {
        this.document = document;
        this.lines = lines;
    }

    /** A map filled from {@code builder} the first time a position is asked for. */
    static SourceMap deferred(Supplier<SourceMap> builder) {
        SourceMap map = new SourceMap();
        map.deferred = builder;
        return map;
    }

    private synchronized void fill() {
        if (deferred != null) {
            SourceMap built = deferred.get();
            deferred = null;
            document = built.document;
            lines = built.lines;
            keys.putAll(built.keys);
            values.putAll(built.values);
            pieces.putAll(built.pieces);
            mounts.addAll(built.mounts);
            inlined.putAll(built.inlined);
        }
    }

    public void putKey(String pointer, TextPosition position) {
        keys.put(pointer, position);
    }

    public void putValue(String pointer, TextPosition position) {
        values.put(pointer, position);
    }

    /**
     * The position to report for the element at {@code pointer}: its key when it is an object member, else
     * its value; for a pointer that does not exist, the closest existing ancestor (so a missing member is
     * reported at the object that lacks it), or that ancestor's {@code $ref} when it has one (the place is in what the
     * reference brings).
     */
    public TextPosition locate(String pointer) {
        fill();
        String p = pointer;
        while (true) {
            // a place inside what a $ref brings from another file: the $ref is where it comes from
            TextPosition ref = p.equals(pointer) ? null : find(p + "/$ref", false);
            if (ref != null) {
                return ref;
            }
            TextPosition key = find(p, true);
            if (key != null) {
                return key;
            }
            TextPosition value = find(p, false);
            if (value != null) {
                return value;
            }
            if (p.isEmpty()) {
                return TextPosition.START;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** The position where the value at {@code pointer} starts, or null when there is no such value. */
    public TextPosition valueStart(String pointer) {
        fill();
        return find(pointer, false);
    }

    /** The key position recorded for exactly {@code pointer}, or null. */
    public TextPosition keyAt(String pointer) {
        fill();
        return find(pointer, true);
    }

    /**
     * A part of a string value that was assembled from several (CloudFormation's {@code Fn::Join}).
     *
     * @param offset  where the part's text begins in the assembled string
     * @param start   where the part is written: the opening quote of a string, else the value it was computed from
     * @param literal whether the part is a string as written, so a position inside it can be counted
     */
    public record Piece(int offset, TextPosition start, boolean literal) {
    }

    /** Says that the string at {@code pointer} was assembled from {@code parts}, in order. */
    public void putPieces(String pointer, List<Piece> parts) {
        pieces.put(pointer, List.copyOf(parts));
    }

    /** The parts the string at {@code pointer} was assembled from; empty when it is written as one string. */
    public List<Piece> pieces(String pointer) {
        fill();
        return pieces.getOrDefault(pointer, List.of());
    }

    /**
     * A string value that was rewritten from the text written in the file (CloudFormation's {@code Fn::Sub} filled in,
     * deployment placeholders filled), so that a position in the value can be turned back into one in the text as written.
     *
     * @param unknownBlock whether a part of it stands in for a block of text not known here, which a placeholder alone
     *     on its line inserts at deployment
     */
    public record Rewritten(String written, TextEdits edits, boolean unknownBlock) {
    }

    /** Says that the string at {@code pointer} is {@code written} with {@code edits} applied. */
    public void putRewritten(String pointer, String written, TextEdits edits, boolean unknownBlock) {
        rewritten.put(pointer, new Rewritten(written, edits, unknownBlock));
    }

    /**
     * Says that the value at {@code pointer} is wholly a stand-in for one known only at deployment (a placeholder without
     * value, a CloudFormation parameter without Default): rules that judge the value itself have nothing to judge there.
     */
    public void putStandIn(String pointer) {
        standIns.add(pointer);
    }

    /** Whether the value at {@code pointer} is wholly a stand-in (see {@link #putStandIn}). */
    public boolean isStandIn(String pointer) {
        if (standIns.contains(pointer)) {
            return true;
        }
        for (Mount mount : mounts) {
            if (pointer.equals(mount.at()) || pointer.startsWith(mount.at()) && pointer.charAt(mount.at().length()) == '/') {
                if (mount.source().isStandIn(mount.from() + pointer.substring(mount.at().length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How the string at {@code pointer} was rewritten from its text as written; null when it is that text. */
    public Rewritten rewritten(String pointer) {
        fill();
        return rewritten.get(pointer);
    }

    /** Where an element of a part read from another file is written: that file, its parsed text, and the pointer there. */
    public record Inlined(Path file, ParsedDocument document, String pointer) {
    }

    /** Says that the value at {@code at} was read from {@code pointer} of another file's {@code document}. */
    public void putInlined(String at, Path file, ParsedDocument document, String pointer) {
        inlined.put(at, new Inlined(file, document, pointer));
    }

    /**
     * Where the element at {@code pointer} is written when it lies inside a part read from another file (the innermost
     * such part); null when it is written in this map's own file. The part's own pointer is not inside it: its
     * {@code $ref} is written here.
     */
    public Inlined inlinedFrom(String pointer) {
        fill();
        if (!inlined.isEmpty()) {
            for (int slash = pointer.lastIndexOf('/'); slash >= 0; slash = pointer.lastIndexOf('/', slash - 1)) {
                Inlined part = inlined.get(pointer.substring(0, slash));
                if (part != null) {
                    return new Inlined(part.file(), part.document(), part.pointer() + pointer.substring(slash));
                }
                if (slash == 0) {
                    break;
                }
            }
        }
        for (int i = mounts.size() - 1; i >= 0; i--) {
            Mount mount = mounts.get(i);
            if (pointer.startsWith(mount.at()) && pointer.length() > mount.at().length() && pointer.charAt(mount.at().length()) == '/') {
                Inlined borrowed = mount.source().inlinedFrom(mount.from() + pointer.substring(mount.at().length()));
                if (borrowed != null) {
                    return borrowed;
                }
            }
        }
        return null;
    }

    /**
     * Lets the positions of {@code source}'s subtree at {@code from} stand for the pointers under {@code to}: a
     * tree derived from a part of another document (an API body inside a template) keeps that document's positions.
     */
    public void copySubtree(SourceMap source, String from, String to) {
        source.fill();
        mounts.add(new Mount(to, source, from));
    }

    private record Mount(String at, SourceMap source, String from) {
    }

    /** The key or value position recorded for exactly {@code pointer}: explicit entries first, then mounts, then the tree. */
    private TextPosition find(String pointer, boolean key) {
        TextPosition explicit = (key ? keys : values).get(pointer);
        if (explicit != null) {
            return explicit;
        }
        for (int i = mounts.size() - 1; i >= 0; i--) {
            Mount mount = mounts.get(i);
            if (pointer.equals(mount.at()) || pointer.startsWith(mount.at()) && pointer.charAt(mount.at().length()) == '/') {
                TextPosition borrowed = mount.source().find(mount.from() + pointer.substring(mount.at().length()), key);
                if (borrowed != null) {
                    return borrowed;
                }
            }
        }
        return document == null || document.size() == 0 ? null : inTree(pointer, key);
    }

    private TextPosition inTree(String pointer, boolean key) {
        if (pointer.isEmpty()) {
            return key ? null : position(document.valueAt(0));
        }
        if (pointer.charAt(0) != '/') {
            return null;
        }
        Positions container = document.childAt(0);
        int start = 1;
        while (container != null) {
            int end = pointer.indexOf('/', start);
            String segment = pointer.substring(start, end < 0 ? pointer.length() : end);
            int index = container.indexOf(segment);
            if (index < 0) {
                return null;
            }
            if (end < 0) {
                return position(key ? container.keyAt(index) : container.valueAt(index));
            }
            container = container.childAt(index);
            start = end + 1;
        }
        return null;
    }

    private TextPosition position(long encoded) {
        return encoded == Positions.NONE ? null : Positions.decode(encoded, lines);
    }
}
