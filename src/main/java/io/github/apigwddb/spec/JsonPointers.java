package io.github.apigwddb.spec;

/** RFC 6901 pointer helpers. */
public final class JsonPointers {

    private JsonPointers() {
    }

    public static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String segment) {
        return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
    }

    public static String child(String parent, String member) {
        return parent + "/" + escape(member);
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
