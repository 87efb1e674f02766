package io.github.apigwddb.dynamodb.expression;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.apigwddb.dynamodb.expression.Ast.And;
import io.github.apigwddb.dynamodb.expression.Ast.Arithmetic;
import io.github.apigwddb.dynamodb.expression.Ast.Between;
import io.github.apigwddb.dynamodb.expression.Ast.Comparison;
import io.github.apigwddb.dynamodb.expression.Ast.Condition;
import io.github.apigwddb.dynamodb.expression.Ast.FunctionCall;
import io.github.apigwddb.dynamodb.expression.Ast.FunctionCondition;
import io.github.apigwddb.dynamodb.expression.Ast.In;
import io.github.apigwddb.dynamodb.expression.Ast.Index;
import io.github.apigwddb.dynamodb.expression.Ast.Name;
import io.github.apigwddb.dynamodb.expression.Ast.Not;
import io.github.apigwddb.dynamodb.expression.Ast.Operand;
import io.github.apigwddb.dynamodb.expression.Ast.Or;
import io.github.apigwddb.dynamodb.expression.Ast.ParenthesizedCondition;
import io.github.apigwddb.dynamodb.expression.Ast.ParenthesizedOperand;
import io.github.apigwddb.dynamodb.expression.Ast.Path;
import io.github.apigwddb.dynamodb.expression.Ast.PathElement;
import io.github.apigwddb.dynamodb.expression.Ast.ProjectionExpression;
import io.github.apigwddb.dynamodb.expression.Ast.Section;
import io.github.apigwddb.dynamodb.expression.Ast.UpdateAction;
import io.github.apigwddb.dynamodb.expression.Ast.UpdateExpression;
import io.github.apigwddb.dynamodb.expression.Ast.ValueRef;

/**
 * Recursive-descent parser for DynamoDB condition, key condition, filter, update and projection expressions,
 * following the AWS DAX grammar (dynamodb-facts.md §8.3). Precedence, low to high: OR, AND, NOT, then
 * comparisons, IN, BETWEEN and functions. Syntax errors name the offending token and the text around it the way
 * DynamoDB does: {@code near} runs from the previous token to the next one.
 */
public final class ExpressionParser {

    /** Deeper nesting than this is reported as a syntax error instead of risking the stack. */
    static final int MAX_NESTING = 200;

    private static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "BETWEEN");
    private static final Set<String> UPDATE_KEYWORDS =
            Set.of("AND", "OR", "NOT", "IN", "BETWEEN", "SET", "ADD", "DELETE", "REMOVE");
    private static final Set<TokenType> COMPARATORS =
            EnumSet.of(TokenType.EQ, TokenType.NE, TokenType.LT, TokenType.LE, TokenType.GT, TokenType.GE);

    private final String text;
    private final List<Token> tokens;
    private final Set<String> keywords;
    private int index;
    private int nesting;

    private ExpressionParser(String text, Set<String> keywords) {
        this.text = text;
        this.tokens = Tokenizer.tokenize(text);
        this.keywords = keywords;
    }

    /** Parses a ConditionExpression, FilterExpression or KeyConditionExpression. */
    /**
     * DynamoDB reads no expression over 4096 bytes (DDX011), and the parser recurses on each {@code AND} of a chain: one
     * of thousands of terms, which a template's loop can write, would exhaust the stack. Not read: a syntax error at its
     * start, which no finding shows (the analyzer says DDX011 and stops; the other readers skip what does not parse).
     */
    private static String withinLimit(String text) throws ExpressionSyntaxException {
        if (text.length() > ExpressionAnalyzer.MAX_EXPRESSION_BYTES) {
            throw new ExpressionSyntaxException(text.substring(0, 1), text.substring(0, Math.min(20, text.length())), 0);
        }
        return text;
    }

    public static Condition parseCondition(String text) throws ExpressionSyntaxException {
        ExpressionParser parser = new ExpressionParser(withinLimit(text), CONDITION_KEYWORDS);
        Condition condition = parser.condition();
        parser.expect(TokenType.EOF);
        return condition;
    }

    public static UpdateExpression parseUpdate(String text) throws ExpressionSyntaxException {
        return new ExpressionParser(withinLimit(text), UPDATE_KEYWORDS).update();
    }

    public static ProjectionExpression parseProjection(String text) throws ExpressionSyntaxException {
        ExpressionParser parser = new ExpressionParser(withinLimit(text), CONDITION_KEYWORDS);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (parser.accept(TokenType.COMMA));
        parser.expect(TokenType.EOF);
        return new ProjectionExpression(paths);
    }

    // ---- conditions -----------------------------------------------------------------------------------

    private Condition condition() throws ExpressionSyntaxException {
        enter();
        try {
            Condition left = conjunction();
            while (peek().isKeyword("OR")) {
                next();
                left = new Or(left, conjunction(), left.position());
            }
            return left;
        } finally {
            nesting--;
        }
    }

    private Condition conjunction() throws ExpressionSyntaxException {
        Condition left = negation();
        while (peek().isKeyword("AND")) {
            next();
            left = new And(left, negation(), left.position());
        }
        return left;
    }

    private Condition negation() throws ExpressionSyntaxException {
        if (peek().isKeyword("NOT")) {
            Token not = next();
            enter();
            try {
                return new Not(negation(), not.start());
            } finally {
                nesting--;
            }
        }
        return predicate();
    }

    /**
     * A parenthesis may open a nested condition or a parenthesised operand ({@code (a) = :v}); try the
     * condition first and fall back to the operand, reporting whichever attempt got further.
     */
    private Condition predicate() throws ExpressionSyntaxException {
        if (peek().type() != TokenType.LPAREN) {
            return operandPredicate();
        }
        int start = index;
        ExpressionSyntaxException conditionError;
        try {
            Token open = next();
            Condition inner = condition();
            expect(TokenType.RPAREN);
            if (!startsOperatorTail(peek())) {
                return new ParenthesizedCondition(inner, open.start());
            }
            conditionError = null;
        } catch (ExpressionSyntaxException e) {
            conditionError = e;
        }
        index = start;
        try {
            return operandPredicate();
        } catch (ExpressionSyntaxException operandError) {
            throw conditionError != null && conditionError.position() > operandError.position() ? conditionError : operandError;
        }
    }

    private boolean startsOperatorTail(Token token) {
        return COMPARATORS.contains(token.type()) || token.isKeyword("BETWEEN") || token.isKeyword("IN");
    }

    private Condition operandPredicate() throws ExpressionSyntaxException {
        Operand left = operand(false);
        Token token = peek();
        if (COMPARATORS.contains(token.type())) {
            next();
            return new Comparison(left, token.text(), operand(false), left.position());
        }
        if (token.isKeyword("BETWEEN")) {
            next();
            Operand lower = operand(false);
            if (!peek().isKeyword("AND")) {
                throw error(peek());
            }
            next();
            return new Between(left, lower, operand(false), left.position());
        }
        if (token.isKeyword("IN")) {
            next();
            expect(TokenType.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand(false));
            } while (accept(TokenType.COMMA));
            expect(TokenType.RPAREN);
            return new In(left, candidates, left.position());
        }
        if (left instanceof FunctionCall call) {
            return new FunctionCondition(call, call.position());
        }
        throw error(token);
    }

    // ---- operands -------------------------------------------------------------------------------------

    /** An operand; with {@code arithmetic} (SET values) {@code a + b} and {@code a - b} are allowed. */
    private Operand operand(boolean arithmetic) throws ExpressionSyntaxException {
        enter();
        try {
            Operand left = simpleOperand(arithmetic);
            if (arithmetic && (peek().type() == TokenType.PLUS || peek().type() == TokenType.MINUS)) {
                Token operator = next();
                return new Arithmetic(left, operator.text(), simpleOperand(arithmetic), left.position());
            }
            return left;
        } finally {
            nesting--;
        }
    }

    private Operand simpleOperand(boolean arithmetic) throws ExpressionSyntaxException {
        Token token = peek();
        switch (token.type()) {
            case LPAREN -> {
                next();
                Operand inner = operand(arithmetic);
                expect(TokenType.RPAREN);
                return new ParenthesizedOperand(inner, token.start());
            }
            case VALUE_PLACEHOLDER -> {
                next();
                return new ValueRef(token.text(), token.start());
            }
            case IDENTIFIER -> {
                if (isKeyword(token)) {
                    throw error(token);
                }
                if (peekAt(1).type() == TokenType.LPAREN) {
                    return functionCall(arithmetic);
                }
                return path();
            }
            case NAME_PLACEHOLDER -> {
                return path();
            }
            default -> throw error(token);
        }
    }

    private FunctionCall functionCall(boolean arithmetic) throws ExpressionSyntaxException {
        Token name = next();
        next(); // the opening parenthesis
        List<Operand> arguments = new ArrayList<>();
        do {
            arguments.add(operand(arithmetic));
        } while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        return new FunctionCall(name.text(), arguments, name.start());
    }

    private Path path() throws ExpressionSyntaxException {
        Token first = peek();
        List<PathElement> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(TokenType.DOT)) {
                elements.add(pathName());
            } else if (peek().type() == TokenType.LBRACKET) {
                next();
                Token number = peek();
                if (number.type() != TokenType.INDEX || (number.text().length() > 1 && number.text().startsWith("0"))
                        || number.text().length() > 9) {
                    throw error(number);
                }
                next();
                expect(TokenType.RBRACKET);
                elements.add(new Index(Integer.parseInt(number.text()), number.start()));
            } else {
                return new Path(elements, first.start());
            }
        }
    }

    private Name pathName() throws ExpressionSyntaxException {
        Token token = peek();
        if (token.type() == TokenType.NAME_PLACEHOLDER) {
            next();
            return new Name(token.text(), true, token.start());
        }
        if (token.type() == TokenType.IDENTIFIER && !isKeyword(token)) {
            next();
            return new Name(token.text(), false, token.start());
        }
        throw error(token);
    }

    // ---- update ---------------------------------------------------------------------------------------

    private UpdateExpression update() throws ExpressionSyntaxException {
        List<Section> sections = new ArrayList<>();
        List<UpdateAction> actions = new ArrayList<>();
        do {
            Token keyword = peek();
            Section section = sectionOf(keyword);
            if (section == null) {
                throw error(keyword);
            }
            next();
            sections.add(section);
            do {
                actions.add(updateAction(section));
            } while (accept(TokenType.COMMA));
        } while (peek().type() != TokenType.EOF);
        return new UpdateExpression(sections, actions);
    }

    private static Section sectionOf(Token token) {
        for (Section section : Section.values()) {
            if (token.isKeyword(section.name())) {
                return section;
            }
        }
        return null;
    }

    private UpdateAction updateAction(Section section) throws ExpressionSyntaxException {
        Path path = path();
        switch (section) {
            case SET -> {
                expect(TokenType.EQ);
                return new UpdateAction(section, path, operand(true), path.position());
            }
            case REMOVE -> {
                return new UpdateAction(section, path, null, path.position());
            }
            default -> {
                Token value = peek();
                if (value.type() != TokenType.VALUE_PLACEHOLDER) {
                    throw error(value);
                }
                next();
                return new UpdateAction(section, path, new ValueRef(value.text(), value.start()), path.position());
            }
        }
    }

    // ---- token helpers --------------------------------------------------------------------------------

    private boolean isKeyword(Token token) {
        return token.type() == TokenType.IDENTIFIER && keywords.contains(token.upper());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(index + offset, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.EOF) {
            index++;
        }
        return token;
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            next();
            return true;
        }
        return false;
    }

    private void expect(TokenType type) throws ExpressionSyntaxException {
        if (peek().type() != type) {
            throw error(peek());
        }
        next();
    }

    private void enter() throws ExpressionSyntaxException {
        if (++nesting > MAX_NESTING) {
            nesting--;
            throw error(peek());
        }
    }

    private ExpressionSyntaxException error(Token token) {
        int at = tokens.indexOf(token);
        int from = at > 0 ? tokens.get(at - 1).start() : token.start();
        Token following = at + 1 < tokens.size() ? tokens.get(at + 1) : token;
        int to = following.type() == TokenType.EOF ? Math.max(token.end(), following.start()) : following.end();
        if (token.type() == TokenType.EOF) {
            to = text.length();
        }
        return new ExpressionSyntaxException(token.display(), text.substring(from, Math.max(from, to)), token.start());
    }
}
