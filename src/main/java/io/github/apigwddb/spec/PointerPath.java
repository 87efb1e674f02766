package io.github.apigwddb.spec;

/**
 * Where a walk over a JSON tree is, as a chain of steps from the root; spelled out as a JSON pointer only when
 * asked, because a walk visits many elements and reports few.
 */
public final class PointerPath {

    public static final PointerPath ROOT = new PointerPath(null, null, 0);

    private final PointerPath parent;
    private final String member;
    private final int index;

    private PointerPath(PointerPath parent, String member, int index) {
        this.parent = parent;
        this.member = member;
        this.index = index;
    }

    /** The member {@code name} of the object here. */
    public PointerPath member(String name) {
        return new PointerPath(this, name, 0);
    }

    /** Element {@code i} of the array here. */
    public PointerPath element(int i) {
        return new PointerPath(this, null, i);
    }

    /** The RFC 6901 pointer, {@code ""} for the root. */
    public String pointer() {
        if (parent == null) {
            return "";
        }
        return member == null ? JsonPointers.child(parent.pointer(), index) : JsonPointers.child(parent.pointer(), member);
    }
}
