package io.github.apigwddb.dynamodb.expression;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.apigwddb.dynamodb.expression.Ast.Condition;
import io.github.apigwddb.dynamodb.expression.Ast.ProjectionExpression;
import io.github.apigwddb.dynamodb.expression.Ast.UpdateExpression;

/**
 * {@link ExpressionParser}'s trees by grammar and text. The same expressions are checked again and again (the
 * injection probe validates every hostile render of a template, and templates rarely build their expressions
 * from client input). Only successful parses are kept: a syntax error is parsed again for its exception. The
 * trees are never changed after parsing, so threads share them. Bounded, so hostile requests cannot fill it.
 */
final class ParsedExpressions {

    private static final int MAX_ENTRIES = 1024;
    private static final int MAX_TEXT_CHARS = 1024;

    private enum Grammar { CONDITION, UPDATE, PROJECTION }

    private record Key(Grammar grammar, String text) {
    }

    private interface Parser<T> {
        T parse(String text) throws ExpressionSyntaxException;
    }

    private static final Map<Key, Object> TREES = new ConcurrentHashMap<>();

    private ParsedExpressions() {
    }

    static Condition condition(String text) throws ExpressionSyntaxException {
        return parsed(Grammar.CONDITION, text, ExpressionParser::parseCondition);
    }

    static UpdateExpression update(String text) throws ExpressionSyntaxException {
        return parsed(Grammar.UPDATE, text, ExpressionParser::parseUpdate);
    }

    static ProjectionExpression projection(String text) throws ExpressionSyntaxException {
        return parsed(Grammar.PROJECTION, text, ExpressionParser::parseProjection);
    }

    @SuppressWarnings("unchecked")
    private static <T> T parsed(Grammar grammar, String text, Parser<T> parser) throws ExpressionSyntaxException {
        Key key = new Key(grammar, text);
        Object tree = TREES.get(key);
        if (tree == null) {
            tree = parser.parse(text);
            if (text.length() <= MAX_TEXT_CHARS && TREES.size() < MAX_ENTRIES) {
                TREES.put(key, tree);
            }
        }
        return (T) tree;
    }
}
