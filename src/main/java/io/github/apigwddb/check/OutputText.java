package io.github.apigwddb.check;

/** Small helpers to quote rendered output in messages. */
final class OutputText {

    private OutputText() {
    }

    static String line(String text, int line) {
        String[] lines = text.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    /**
     * The output line a JSON error belongs to: its own, or, when it stands at the start of its line and the line before
     * ends with a member's colon, that one, where the value is missing ({@code "older": $input.path('$.x')} rendered
     * empty breaks at the next line's {@code }}).
     */
    static int blamedLine(String text, int line, int column) {
        String here = line(text, line);
        int firstChar = here.length() - here.stripLeading().length() + 1;
        if (column > firstChar) {
            return line;
        }
        for (int before = line - 1; before >= 1; before--) {
            String previous = line(text, before).strip();
            if (!previous.isEmpty()) {
                return previous.endsWith(":") ? before : line;
            }
        }
        return line;
    }

    /** The output line around a column, with a marker, short enough for a console line. */
    static String excerpt(String line, int column) {
        int at = Math.max(0, Math.min(line.length(), column - 1));
        int from = Math.max(0, at - 40);
        int to = Math.min(line.length(), at + 20);
        return (from > 0 ? "..." : "") + line.substring(from, at).stripLeading() + " >>>" + line.substring(at, to)
                + (to < line.length() ? "..." : "");
    }

    static String quote(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
