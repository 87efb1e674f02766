package io.github.apigwddb.dynamodb.expression;

import java.util.List;

/** The syntax tree of DynamoDB expressions. Every node keeps the source offset it starts at. */
public final class Ast {

    private Ast() {
    }

    /** Anything that yields a value: a document path, a {@code :value}, a function call or arithmetic. */
    public sealed interface Operand permits Path, ValueRef, FunctionCall, Arithmetic, ParenthesizedOperand {
        int position();
    }

    /** A condition (ConditionExpression, FilterExpression, KeyConditionExpression). */
    public sealed interface Condition permits Comparison, Between, In, FunctionCondition, And, Or, Not, ParenthesizedCondition {
        int position();
    }

    /** One step of a document path: a name (bare or {@code #placeholder}) or a list index. */
    public sealed interface PathElement permits Name, Index {
    }

    public record Name(String text, boolean placeholder, int position) implements PathElement {
    }

    public record Index(int value, int position) implements PathElement {
    }

    public record Path(List<PathElement> elements, int position) implements Operand {
        public boolean isNested() {
            return elements.size() > 1;
        }
    }

    public record ValueRef(String name, int position) implements Operand {
    }

    public record FunctionCall(String name, List<Operand> arguments, int position) implements Operand {
    }

    /** {@code a + b} or {@code a - b}, only in SET actions. */
    public record Arithmetic(Operand left, String operator, Operand right, int position) implements Operand {
    }

    public record ParenthesizedOperand(Operand inner, int position) implements Operand {
    }

    public record Comparison(Operand left, String operator, Operand right, int position) implements Condition {
    }

    public record Between(Operand operand, Operand lower, Operand upper, int position) implements Condition {
    }

    public record In(Operand operand, List<Operand> candidates, int position) implements Condition {
    }

    /** A function used as a condition, e.g. {@code attribute_exists(a)}. */
    public record FunctionCondition(FunctionCall call, int position) implements Condition {
    }

    public record And(Condition left, Condition right, int position) implements Condition {
    }

    public record Or(Condition left, Condition right, int position) implements Condition {
    }

    public record Not(Condition inner, int position) implements Condition {
    }

    public record ParenthesizedCondition(Condition inner, int position) implements Condition {
    }

    /** One UpdateExpression section keyword. */
    public enum Section { SET, REMOVE, ADD, DELETE }

    /** One action of an update section: SET path = value, REMOVE path, ADD path :v, DELETE path :v. */
    public record UpdateAction(Section section, Path path, Operand value, int position) {
    }

    public record UpdateExpression(List<Section> sections, List<UpdateAction> actions) {
    }

    public record ProjectionExpression(List<Path> paths) {
    }
}
