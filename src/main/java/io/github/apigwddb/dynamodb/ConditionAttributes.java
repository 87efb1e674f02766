package io.github.apigwddb.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.expression.Ast;
import io.github.apigwddb.dynamodb.expression.ExpressionParser;
import io.github.apigwddb.dynamodb.expression.ExpressionSyntaxException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level attributes an item must have for a condition to hold (a Query's KeyConditionExpression, its
 * FilterExpression): every item DynamoDB returns for it has them. A comparison, a range, {@code IN} and the functions
 * but {@code attribute_not_exists} need their attributes; {@code AND} needs both sides', {@code OR} what both sides
 * need, {@code NOT} and {@code <>} nothing (a missing attribute's place there is not in the facts).
 */
public final class ConditionAttributes {

    private ConditionAttributes() {
    }

    /**
     * @param names the request's ExpressionAttributeNames, for {@code #placeholders}
     * @return empty when the expression does not parse (DDX001 says why)
     */
    public static Set<String> required(String expression, JsonNode names) {
        try {
            return required(ExpressionParser.parseCondition(expression), names);
        } catch (ExpressionSyntaxException e) {
            return Set.of();
        }
    }

    private static Set<String> required(Ast.Condition condition, JsonNode names) {
        Set<String> out = new LinkedHashSet<>();
        if (condition instanceof Ast.And and) {
            out.addAll(required(and.left(), names));
            out.addAll(required(and.right(), names));
        } else if (condition instanceof Ast.Or or) {
            Set<String> left = new HashSet<>(required(or.left(), names));
            required(or.right(), names).stream().filter(left::contains).forEach(out::add);
        } else if (condition instanceof Ast.ParenthesizedCondition inner) {
            out.addAll(required(inner.inner(), names));
        } else if (condition instanceof Ast.Comparison comparison) {
            if (!comparison.operator().equals("<>")) {
                operand(comparison.left(), names, out);
                operand(comparison.right(), names, out);
            }
        } else if (condition instanceof Ast.Between between) {
            operand(between.operand(), names, out);
        } else if (condition instanceof Ast.In in) {
            operand(in.operand(), names, out);
        } else if (condition instanceof Ast.FunctionCondition function) {
            if (!function.call().name().equals("attribute_not_exists") && !function.call().arguments().isEmpty()) {
                operand(function.call().arguments().get(0), names, out);
            }
        }
        return out; // NOT: nothing
    }

    private static void operand(Ast.Operand operand, JsonNode names, Set<String> out) {
        if (operand instanceof Ast.Path path) {
            if (!path.elements().isEmpty() && path.elements().get(0) instanceof Ast.Name name) {
                String resolved = name.placeholder() ? names.path(name.text()).asText(null) : name.text();
                if (resolved != null) {
                    out.add(resolved);
                }
            }
        } else if (operand instanceof Ast.FunctionCall call) {
            if (call.name().equals("size") && !call.arguments().isEmpty()) {
                operand(call.arguments().get(0), names, out);
            }
        } else if (operand instanceof Ast.ParenthesizedOperand inner) {
            operand(inner.inner(), names, out);
        } else if (operand instanceof Ast.Arithmetic arithmetic) {
            operand(arithmetic.left(), names, out);
            operand(arithmetic.right(), names, out);
        }
    }
}
