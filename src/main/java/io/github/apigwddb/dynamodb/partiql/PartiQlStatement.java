package io.github.apigwddb.dynamodb.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PartiQL statement read for what a static check can know: its tokens, its kind by the leading keyword, the table
 * it names, and the first thing that keeps DynamoDB from reading it. The forms are DynamoDB's (DDBDG, ql-reference):
 * {@code SELECT ... FROM table[.index]}, {@code INSERT INTO table VALUE item}, {@code UPDATE table SET|REMOVE ...},
 * {@code DELETE FROM table}, and in a transaction {@code EXISTS(SELECT ...)}. Immutable.
 */
public final class PartiQlStatement {

    /** What a statement does, by its leading keyword. */
    public enum Kind {
        SELECT, INSERT, UPDATE, DELETE, EXISTS;

        public boolean reads() {
            return this == SELECT;
        }
    }

    private final List<PartiQlToken> tokens;
    private final PartiQlSyntaxException syntax;

    private PartiQlStatement(List<PartiQlToken> tokens, PartiQlSyntaxException syntax) {
        this.tokens = tokens;
        this.syntax = syntax;
    }

    public static PartiQlStatement read(String text) {
        try {
            return new PartiQlStatement(PartiQlLexer.tokens(text), null);
        } catch (PartiQlSyntaxException e) {
            return new PartiQlStatement(List.of(), e);
        }
    }

    /** The tokens; empty when the statement cannot be split into tokens ({@link #problem}). */
    public List<PartiQlToken> tokens() {
        return tokens;
    }

    public boolean lexes() {
        return syntax == null;
    }

    /** The number of {@code ?} markers; -1 when the statement cannot be split into tokens. */
    public int parameterMarkers() {
        return syntax != null ? -1 : (int) tokens.stream().filter(t -> t.type() == PartiQlToken.Type.PARAMETER).count();
    }

    /** By the leading keyword (after any opening parentheses); null when there is none that DynamoDB knows. */
    public Kind kind() {
        int first = firstWord();
        if (first < 0) {
            return null;
        }
        try {
            return Kind.valueOf(tokens.get(first).text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The index of the leading word, after opening parentheses (whether DynamoDB takes them is not known: not refused). */
    private int firstWord() {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).type() == PartiQlToken.Type.SYMBOL && tokens.get(i).text().equals("(")) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).type() == PartiQlToken.Type.WORD ? i : -1;
    }

    /** The table the statement names (after FROM, INTO or UPDATE); null when it names none as text. */
    public String table() {
        return nameAt(tableAt(), "table");
    }

    /** The index a SELECT reads ({@code FROM "Orders"."byAccount"}); null when it names none as text. */
    public String index() {
        Kind kind = kind();
        return kind == Kind.SELECT || kind == Kind.EXISTS ? nameAt(indexAt(), "index") : null;
    }

    /** Where the table's name stands (after FROM, INTO or UPDATE); -1 when nowhere. */
    private int tableAt() {
        Kind kind = kind();
        if (kind == null) {
            return -1;
        }
        int at = switch (kind) {
            case SELECT, DELETE, EXISTS -> indexOfWord("FROM");
            case INSERT -> indexOfWord("INTO");
            case UPDATE -> firstWord();
        };
        return at < 0 || at + 1 >= tokens.size() ? -1 : at + 1;
    }

    /** Where the index's name stands, after the table's and a dot; -1 when nowhere. */
    private int indexAt() {
        int table = tableAt();
        if (table < 0 || table + 2 >= tokens.size() || !tokens.get(table + 1).text().equals(".")
                || tokens.get(table + 1).type() != PartiQlToken.Type.SYMBOL) {
            return -1;
        }
        return table + 2;
    }

    /** The name at that place; null when there is none, or it is one DynamoDB would not read as one ({@link #problem}). */
    private String nameAt(int at, String what) {
        if (at < 0 || unquotedName(at, what) != null) {
            return null;
        }
        PartiQlToken name = tokens.get(at);
        return name.type() == PartiQlToken.Type.WORD || name.type() == PartiQlToken.Type.QUOTED_NAME ? name.text() : null;
    }

    /**
     * The first thing that keeps DynamoDB from reading the statement: a string, quoted name or comment left open, a
     * leading word that starts no statement, or a keyword its form needs missing. Null when none is found; the check
     * is of the form only, not a full grammar.
     *
     * @param inTransaction whether {@code EXISTS} may lead (ExecuteTransaction's condition checks)
     */
    public String problem(boolean inTransaction) {
        if (syntax != null) {
            return "The statement cannot be read: " + syntax.getMessage();
        }
        if (tokens.isEmpty()) {
            return "The statement is empty (or holds only a comment)";
        }
        Kind kind = kind();
        if (kind == null || (kind == Kind.EXISTS && !inTransaction)) {
            int first = Math.max(0, firstWord());
            return "The statement starts with '" + tokens.get(first).text() + "': a statement starts with SELECT, INSERT, UPDATE or"
                    + " DELETE" + (inTransaction ? " (or EXISTS in a transaction)" : "");
        }
        int keyword = firstWord();
        String form = switch (kind) {
            case SELECT, EXISTS -> indexOfWord("FROM") < 0 ? "A SELECT names its table after FROM, and this one has no FROM" : null;
            case DELETE -> indexOfWord("FROM") != keyword + 1 ? "A DELETE is written DELETE FROM table WHERE ..., and this one has no"
                    + " FROM after DELETE" : null;
            case INSERT -> indexOfWord("INTO") != keyword + 1 ? "An INSERT is written INSERT INTO table VALUE {...}, and this one has no"
                    + " INTO after INSERT" : indexOfWord("VALUE") < 0 ? "An INSERT gives its item after VALUE, and this one has no VALUE" : null;
            case UPDATE -> indexOfWord("SET") < 0 && indexOfWord("REMOVE") < 0
                    ? "An UPDATE changes its item with SET or REMOVE, and this one has neither" : null;
        };
        if (form != null) {
            return form;
        }
        int table = tableAt();
        String tableName = table < 0 ? null : unquotedName(table, "table");
        int index = kind == Kind.SELECT || kind == Kind.EXISTS ? indexAt() : -1;
        return tableName != null ? tableName : index < 0 ? null : unquotedName(index, "index");
    }

    /**
     * A table or index name that DynamoDB cannot read as one name because it is not in double quotes: one with a hyphen
     * ({@code FROM orders-prod} reads as {@code orders - prod}) or one starting with a digit. Such names are valid
     * DynamoDB names, which PartiQL takes in double quotes only (DDBDG, ql-reference.select; the SDKs' users who tried
     * report a ValidationException, the statement "wasn't well formed").
     */
    private String unquotedName(int at, String what) {
        PartiQlToken first = tokens.get(at);
        if (first.type() != PartiQlToken.Type.WORD && first.type() != PartiQlToken.Type.NUMBER) {
            return null;
        }
        StringBuilder name = new StringBuilder(first.text());
        StringBuilder read = new StringBuilder(first.text());
        boolean hyphen = false;
        int end = first.offset() + first.text().length();
        for (int i = at + 1; i < tokens.size(); i++) {
            PartiQlToken next = tokens.get(i);
            boolean joins = next.offset() == end && (next.type() == PartiQlToken.Type.WORD || next.type() == PartiQlToken.Type.NUMBER
                    || next.type() == PartiQlToken.Type.SYMBOL && next.text().equals("-"));
            if (!joins) {
                break;
            }
            hyphen |= next.type() == PartiQlToken.Type.SYMBOL;
            name.append(next.text());
            read.append(next.type() == PartiQlToken.Type.SYMBOL ? " - " : next.text());
            end = next.offset() + next.text().length();
        }
        if (!hyphen && first.type() != PartiQlToken.Type.NUMBER) {
            return null;
        }
        String why = hyphen ? "a hyphen outside double quotes is a minus, so DynamoDB reads " + read
                : "a word starting with a digit is read as a number";
        return "The " + what + " name " + name + " is not in double quotes: " + why + "; write \"" + name + "\"";
    }

    private int indexOfWord(String word) {
        for (int i = 0; i < tokens.size(); i++) {
            PartiQlToken token = tokens.get(i);
            if (token.type() == PartiQlToken.Type.WORD && token.text().equalsIgnoreCase(word)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first difference of structure between this statement and {@code other} (a word, symbol or marker that appears
     * where another was, or a literal that becomes something else), in words; null when both have the same structure.
     * A client value that changes it has left the literal it was meant to fill.
     */
    public String structuralDifference(PartiQlStatement other) {
        return structuralDifference(other, false);
    }

    /**
     * @param listsMayGrow whether a list of literals or markers may have another length ({@code IN ['a', 'b']} for
     *     {@code IN ['a']}): a template that loops over the client's list makes one element per item, which is its logic,
     *     not the client's text among the statement's words
     * @see #structuralDifference(PartiQlStatement)
     */
    public String structuralDifference(PartiQlStatement other, boolean listsMayGrow) {
        if (lexes() != other.lexes()) {
            return lexes() ? other.syntax.getMessage() : "the statement becomes readable";
        }
        List<PartiQlToken> mineAll = listsMayGrow ? withListsAsOne(tokens) : tokens;
        List<PartiQlToken> theirsAll = listsMayGrow ? withListsAsOne(other.tokens) : other.tokens;
        for (int i = 0; i < Math.max(mineAll.size(), theirsAll.size()); i++) {
            PartiQlToken mine = i < mineAll.size() ? mineAll.get(i) : null;
            PartiQlToken theirs = i < theirsAll.size() ? theirsAll.get(i) : null;
            if (mine == null || theirs == null || !mine.structure().equals(theirs.structure())) {
                return (theirs == null ? "the statement ends" : describe(theirs) + " appears") + " where it had "
                        + (mine == null ? "its end" : describe(mine));
            }
        }
        return null;
    }

    /** The tokens with each run of like values separated by commas ({@code 'a', 'b'}, {@code ?, ?}) as its first value. */
    private static List<PartiQlToken> withListsAsOne(List<PartiQlToken> tokens) {
        List<PartiQlToken> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            PartiQlToken token = tokens.get(i);
            out.add(token);
            if (token.type() == PartiQlToken.Type.WORD || token.type() == PartiQlToken.Type.SYMBOL) {
                continue;
            }
            while (i + 2 < tokens.size() && tokens.get(i + 1).type() == PartiQlToken.Type.SYMBOL && tokens.get(i + 1).text().equals(",")
                    && tokens.get(i + 2).structure().equals(token.structure())) {
                i += 2;
            }
        }
        return out;
    }

    private static String describe(PartiQlToken token) {
        return switch (token.type()) {
            case WORD, SYMBOL, PARAMETER -> "'" + token.text() + "'";
            case STRING -> "a string";
            case QUOTED_NAME -> "a quoted name";
            case NUMBER -> "a number";
        };
    }
}
