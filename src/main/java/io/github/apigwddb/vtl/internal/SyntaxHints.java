package io.github.apigwddb.vtl.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.Token;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTIfStatement;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * What a Velocity syntax error most likely means where the parser's words do not say it: which directive an "unexpected
 * end of template" leaves open (found by parsing again with {@code #end}s added, so the parser itself says which block
 * each closes), and a method called on a string literal, which Velocity's lexer cannot read. Only on the error path.
 */
final class SyntaxHints {

    private static final Set<String> BLOCK_DIRECTIVES = Set.of("foreach", "macro", "define");
    /** More open blocks than this are not looked for: the template is then read no further. */
    private static final int MAX_MISSING_ENDS = 8;

    private SyntaxHints() {
    }

    /** A hint, and the place it is about (1-based line and parser column). */
    record Hint(String text, int line, int column) {
    }

    /**
     * "the #if at line 3 has no #end" for a template that ends inside blocks, at that directive; null when adding
     * {@code #end}s does not help.
     */
    static Hint unclosedBlock(RuntimeInstance velocity, String text) {
        StringBuilder closed = new StringBuilder(text);
        for (int missing = 1; missing <= MAX_MISSING_ENDS; missing++) {
            closed.append("#end");
            Node root;
            try {
                Template scratch = new Template();
                scratch.setName("syntax-hint");
                scratch.setRuntimeServices(velocity);
                root = velocity.parse(new StringReader(closed.toString()), scratch);
            } catch (ParseException | RuntimeException e) {
                continue;
            }
            // the blocks the added #ends close are those that end last
            List<Node> blocks = new ArrayList<>();
            collectBlocks(root, blocks);
            blocks.sort(Comparator.comparing((Node block) -> block.getLastToken().beginLine)
                    .thenComparing(block -> block.getLastToken().beginColumn).reversed());
            if (blocks.size() < missing) {
                return null;
            }
            // the outermost of them ends last
            Token opening = blocks.get(0).getFirstToken();
            return new Hint("the " + name(blocks.get(0)) + " at line " + opening.beginLine + " has no #end"
                    + (missing > 1 ? " (nor " + (missing - 1) + " block" + (missing > 2 ? "s" : "") + " opened inside it)" : ""),
                    opening.beginLine, opening.beginColumn);
        }
        return null;
    }

    private static void collectBlocks(Node node, List<Node> blocks) {
        if ((node instanceof ASTIfStatement || node instanceof ASTDirective directive && BLOCK_DIRECTIVES.contains(directive.getDirectiveName()))
                && node.getFirstToken() != null && node.getLastToken() != null) {
            blocks.add(node);
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            collectBlocks(node.jjtGetChild(i), blocks);
        }
    }

    private static String name(Node block) {
        return block instanceof ASTDirective directive ? "#" + directive.getDirectiveName() : "#if";
    }

    /**
     * A hint for a lexical error right after {@code "...".} or {@code '...'.}: Velocity 2's lexer reads no method call on
     * a string literal ({@code #if("$t".endsWith('x'))}); null for any other place.
     *
     * @param parserColumn the error's column as the parser counts (tabs to the next multiple of 8)
     */
    static String literalMethodCall(String text, int line, int parserColumn) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return null;
        }
        int at = new ParserColumns(text).column(line, parserColumn) - 1; // the character the lexer stopped at
        String row = lines[line - 1];
        boolean afterLiteral = at >= 2 && at <= row.length() && row.charAt(at - 1) == '.'
                && (row.charAt(at - 2) == '"' || row.charAt(at - 2) == '\'');
        return afterLiteral ? "a method cannot be called on a string literal (\"...\".endsWith(...)): #set the string to a"
                + " variable first (#set($type = \"$input.path('$.__type')\")) and call the method on it" : null;
    }
}
