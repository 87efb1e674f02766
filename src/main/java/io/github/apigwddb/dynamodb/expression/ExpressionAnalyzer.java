package io.github.apigwddb.dynamodb.expression;

import io.github.apigwddb.dynamodb.Suggestions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

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
import io.github.apigwddb.dynamodb.expression.Ast.Section;
import io.github.apigwddb.dynamodb.expression.Ast.UpdateAction;
import io.github.apigwddb.dynamodb.expression.Ast.UpdateExpression;
import io.github.apigwddb.dynamodb.expression.Ast.ValueRef;

/**
 * Parses the expressions of one request structure and checks them against DynamoDB's rules: syntax (DDX001),
 * undefined placeholders (DDX002), reserved words (DDX005), functions (DDX006), key conditions (DDX007),
 * update sections and paths (DDX008), projection paths (DDX009), BETWEEN bounds (DDX010) and limits (DDX011).
 * Remembers which placeholders the expressions use so the caller can report unused ones (DDX003).
 * Messages follow dynamodb-facts.md §8; one analyzer per request structure, not thread-safe.
 */
public final class ExpressionAnalyzer {

    static final int MAX_EXPRESSION_BYTES = 4096;
    static final int MAX_IN_OPERANDS = 100;
    static final int MAX_UPDATE_OPERATORS = 300;

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Map<String, Integer> ARITY = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
            "attribute_type", 2, "begins_with", 2, "contains", 2, "size", 1, "if_not_exists", 2, "list_append", 2);
    private static final Set<String> ATTRIBUTE_TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final Map<String, String> names;
    private final Map<String, JsonNode> values;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    private ExpressionKind kind;
    private List<ExpressionProblem> problems;

    /**
     * @param names  the request's ExpressionAttributeNames (empty when absent)
     * @param values the request's ExpressionAttributeValues, placeholder to AttributeValue JSON (empty when absent)
     */
    public ExpressionAnalyzer(Map<String, String> names, Map<String, JsonNode> values) {
        this.names = Map.copyOf(names);
        this.values = Map.copyOf(values);
    }

    public Set<String> usedNames() {
        return usedNames;
    }

    public Set<String> usedValues() {
        return usedValues;
    }

    /** Parses and checks one expression; a syntax error is returned as a single DDX001 problem. */
    public List<ExpressionProblem> analyze(ExpressionKind expressionKind, String text) {
        this.kind = expressionKind;
        this.problems = new ArrayList<>();
        if (text.isBlank()) {
            add("DDX001", expressionKind.prefix() + "The expression can not be empty;", 0);
            return problems;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            add("DDX011", expressionKind.member() + " is " + bytes + " bytes; DynamoDB allows at most "
                    + MAX_EXPRESSION_BYTES + " bytes per expression", 0);
            return problems; // DynamoDB reads no further, and neither does the parser
        }
        try {
            switch (expressionKind) {
                case UPDATE -> checkUpdate(ParsedExpressions.update(text));
                case PROJECTION -> checkPaths(ParsedExpressions.projection(text).paths(), "DDX009");
                case KEY_CONDITION -> {
                    Condition condition = ParsedExpressions.condition(text);
                    checkCondition(condition);
                    checkKeyCondition(condition);
                }
                default -> checkCondition(ParsedExpressions.condition(text));
            }
        } catch (ExpressionSyntaxException e) {
            add("DDX001", expressionKind.prefix() + e.getMessage(), e.position());
        }
        return problems;
    }

    // ---- conditions -----------------------------------------------------------------------------------

    private void checkCondition(Condition condition) {
        if (condition instanceof ParenthesizedCondition parenthesized) {
            if (parenthesized.inner() instanceof ParenthesizedCondition) {
                add("DDX006", kind.prefix() + "The expression has redundant parentheses;", parenthesized.position());
            }
            checkCondition(parenthesized.inner());
        } else if (condition instanceof And and) {
            checkCondition(and.left());
            checkCondition(and.right());
        } else if (condition instanceof Or or) {
            checkCondition(or.left());
            checkCondition(or.right());
        } else if (condition instanceof Not not) {
            checkCondition(not.inner());
        } else if (condition instanceof Comparison comparison) {
            checkComparisonOperand(comparison.left());
            checkComparisonOperand(comparison.right());
        } else if (condition instanceof Between between) {
            checkComparisonOperand(between.operand());
            checkComparisonOperand(between.lower());
            checkComparisonOperand(between.upper());
            checkBetweenBounds(between);
        } else if (condition instanceof In in) {
            checkComparisonOperand(in.operand());
            in.candidates().forEach(this::checkComparisonOperand);
            if (in.candidates().size() > MAX_IN_OPERANDS) {
                add("DDX011", kind.prefix() + "IN has " + in.candidates().size() + " operands; DynamoDB allows at most "
                        + MAX_IN_OPERANDS, in.position());
            }
        } else if (condition instanceof FunctionCondition functionCondition) {
            FunctionCall call = functionCondition.call();
            if (call.name().equals("size")) {
                add("DDX006", kind.prefix() + "The function is not allowed to be used this way in an expression; function: size",
                        call.position());
            }
            checkFunction(call);
        }
    }

    /** An operand of a comparison, BETWEEN or IN: of the functions only {@code size} may appear here. */
    private void checkComparisonOperand(Operand operand) {
        if (operand instanceof FunctionCall call) {
            if (CONDITION_FUNCTIONS.contains(call.name()) && !call.name().equals("size")) {
                add("DDX006", kind.prefix() + "The function is not allowed to be used this way in an expression; function: "
                        + call.name(), call.position());
            }
            checkFunction(call);
        } else if (operand instanceof ParenthesizedOperand parenthesized) {
            checkComparisonOperand(parenthesized.inner());
        } else {
            checkOperand(operand);
        }
    }

    private void checkOperand(Operand operand) {
        if (operand instanceof Path path) {
            checkPath(path);
        } else if (operand instanceof ValueRef value) {
            checkValue(value);
        } else if (operand instanceof FunctionCall call) {
            checkFunction(call);
        } else if (operand instanceof Arithmetic arithmetic) {
            checkArithmetic(arithmetic);
        } else if (operand instanceof ParenthesizedOperand parenthesized) {
            checkOperand(parenthesized.inner());
        }
    }

    private void checkFunction(FunctionCall call) {
        String name = call.name();
        boolean conditionKind = kind != ExpressionKind.UPDATE;
        if (!CONDITION_FUNCTIONS.contains(name) && !UPDATE_FUNCTIONS.contains(name)) {
            String near = Suggestions.nearest(name, conditionKind ? CONDITION_FUNCTIONS : UPDATE_FUNCTIONS);
            add("DDX006", kind.prefix() + "Invalid function name; function: " + name + (near == null ? "" : "; did you mean " + near + "?"),
                    call.position());
        } else if (conditionKind != CONDITION_FUNCTIONS.contains(name)) {
            add("DDX006", kind.prefix() + "The function '" + name + "' is not allowed in a "
                    + label(kind) + " expression", call.position());
        } else {
            int expected = ARITY.get(name);
            if (call.arguments().size() != expected) {
                add("DDX006", kind.prefix() + "Incorrect number of operands for operator or function; operator or function: "
                        + name + ", number of operands: " + call.arguments().size(), call.position());
            } else {
                checkFunctionArguments(call);
            }
        }
        for (Operand argument : call.arguments()) {
            Operand inner = unwrap(argument);
            if (inner instanceof FunctionCall innerCall) {
                if (conditionKind && !innerCall.name().equals("size")) {
                    add("DDX006", kind.prefix() + "Only size() function can be nested", innerCall.position());
                } else if (!conditionKind && !innerCall.name().equals("if_not_exists")) {
                    add("DDX006", kind.prefix() + "Only if_not_exists() function can be nested", innerCall.position());
                }
            }
            checkOperand(argument);
        }
    }

    private void checkFunctionArguments(FunctionCall call) {
        String name = call.name();
        List<Operand> arguments = call.arguments();
        if (!name.equals("list_append") && !(unwrap(arguments.get(0)) instanceof Path)) {
            add("DDX006", kind.prefix() + "Operator or function requires a document path; operator or function: " + name,
                    call.position());
        }
        switch (name) {
            case "attribute_type" -> {
                String type = valueType(arguments.get(1));
                if (!(unwrap(arguments.get(1)) instanceof ValueRef)) {
                    add("DDX006", kind.prefix() + "Incorrect operand type for operator or function; operator or function: "
                            + "attribute_type, operand type: PATH", call.position());
                } else if (type != null && !type.equals("S")) {
                    add("DDX006", kind.prefix() + "Incorrect operand type for operator or function; operator or function: "
                            + "attribute_type, operand type: " + type, call.position());
                } else if (type != null) {
                    String typeName = values.get(((ValueRef) unwrap(arguments.get(1))).name()).get("S").asText();
                    if (!ATTRIBUTE_TYPES.contains(typeName)) {
                        add("DDX006", kind.prefix() + "Invalid attribute type name found; type: " + typeName
                                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}", call.position());
                    }
                }
            }
            case "begins_with" -> {
                String type = valueType(arguments.get(1));
                if (type != null && !type.equals("S") && !type.equals("B")) {
                    add("DDX006", kind.prefix() + "Incorrect operand type for operator or function; operator or function: "
                            + "begins_with, operand type: " + type, call.position());
                }
            }
            case "contains" -> {
                if (unwrap(arguments.get(0)) instanceof Path first && unwrap(arguments.get(1)) instanceof Path second
                        && render(first).equals(render(second))) {
                    add("DDX006", kind.prefix() + "The first operand must be distinct from the remaining operands for this "
                            + "operator or function; operator: contains, first operand: " + render(first), call.position());
                }
            }
            case "list_append" -> {
                for (Operand argument : arguments) {
                    String type = valueType(argument);
                    if (type != null && !type.equals("L")) {
                        add("DDX008", kind.prefix() + "Incorrect operand type for operator or function; operator or function: "
                                + "list_append, operand type: " + type, call.position());
                    }
                }
            }
            default -> { }
        }
    }

    private void checkBetweenBounds(Between between) {
        JsonNode lower = valueOf(between.lower());
        JsonNode upper = valueOf(between.upper());
        String lowerType = singleType(lower);
        String upperType = singleType(upper);
        if (lowerType == null || upperType == null) {
            return;
        }
        String operands = "; lower bound operand: AttributeValue: " + renderValue(lower, lowerType)
                + ", upper bound operand: AttributeValue: " + renderValue(upper, upperType);
        if (!lowerType.equals(upperType)) {
            add("DDX010", kind.prefix() + "The BETWEEN operator requires same data type for lower and upper bounds" + operands,
                    between.position());
        } else if (compare(lowerType, lower.get(lowerType).asText(), upper.get(upperType).asText()) > 0) {
            // a client that sends its range the wrong way round gets this from any template
            problems.add(new ExpressionProblem("DDX010", kind.prefix() + "The BETWEEN operator requires upper bound to be greater than"
                    + " or equal to lower bound" + operands, between.position(), true));
        }
    }

    /** DynamoDB orders N numerically, S by UTF-8 bytes and B by unsigned bytes. Unparseable values compare equal. */
    private static int compare(String type, String lower, String upper) {
        try {
            return switch (type) {
                case "N" -> new BigDecimal(lower.startsWith("+") ? lower.substring(1) : lower)
                        .compareTo(new BigDecimal(upper.startsWith("+") ? upper.substring(1) : upper));
                case "S" -> compareBytes(lower.getBytes(StandardCharsets.UTF_8), upper.getBytes(StandardCharsets.UTF_8));
                case "B" -> compareBytes(Base64.getDecoder().decode(lower), Base64.getDecoder().decode(upper));
                default -> 0;
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            return 0;
        }
    }

    private static int compareBytes(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    // ---- key conditions (DDX007) ----------------------------------------------------------------------

    private void checkKeyCondition(Condition condition) {
        List<Condition> leaves = new ArrayList<>();
        if (!collectKeyConditions(condition, leaves)) {
            return;
        }
        Set<String> keys = new HashSet<>();
        boolean equality = false;
        for (Condition leaf : leaves) {
            String key = keyOf(leaf);
            if (key == null) {
                return;
            }
            if (!keys.add(key) || leaves.size() > 2) {
                add("DDX007", "KeyConditionExpressions must only contain one condition per key", leaf.position());
                return;
            }
            equality |= leaf instanceof Comparison comparison && comparison.operator().equals("=");
        }
        if (!equality) {
            // without a table schema: the partition key needs an equality condition, so some condition must be "="
            add("DDX007", "Query key condition not supported: the partition key takes only an equality condition (pk = :v),"
                    + " and this has none; begins_with, BETWEEN and the ranges are for the sort key", condition.position());
        }
    }

    /** Flattens AND-ed conditions; reports and returns false at the first operator a key condition cannot use. */
    private boolean collectKeyConditions(Condition condition, List<Condition> leaves) {
        if (condition instanceof ParenthesizedCondition parenthesized) {
            return collectKeyConditions(parenthesized.inner(), leaves);
        }
        if (condition instanceof And and) {
            return collectKeyConditions(and.left(), leaves) && collectKeyConditions(and.right(), leaves);
        }
        if (condition instanceof Or) {
            return invalidKeyOperator("OR", condition.position());
        }
        if (condition instanceof Not) {
            return invalidKeyOperator("NOT", condition.position());
        }
        if (condition instanceof In) {
            return invalidKeyOperator("IN", condition.position());
        }
        if (condition instanceof Comparison comparison && comparison.operator().equals("<>")) {
            return invalidKeyOperator("<>", comparison.position());
        }
        if (condition instanceof FunctionCondition function && !function.call().name().equals("begins_with")) {
            return invalidKeyOperator(function.call().name(), function.position());
        }
        leaves.add(condition);
        return true;
    }

    private boolean invalidKeyOperator(String operator, int position) {
        add("DDX007", "Invalid operator used in KeyConditionExpression: " + operator, position);
        return false;
    }

    /** The key attribute a single key condition constrains, or null after reporting why there is none. */
    private String keyOf(Condition leaf) {
        List<Operand> operands;
        Operand first;
        String operator;
        if (leaf instanceof Comparison comparison) {
            operands = List.of(comparison.left(), comparison.right());
            first = null;
            operator = null;
        } else if (leaf instanceof Between between) {
            operands = List.of(between.operand(), between.lower(), between.upper());
            first = between.operand();
            operator = "BETWEEN";
        } else if (leaf instanceof FunctionCondition function) {
            operands = function.call().arguments();
            first = operands.isEmpty() ? null : operands.get(0);
            operator = "begins_with";
        } else {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (Operand operand : operands) {
            Operand inner = unwrap(operand);
            if (inner instanceof FunctionCall) {
                add("DDX007", "KeyConditionExpressions cannot contain nested operations", leaf.position());
                return null;
            }
            if (inner instanceof Path path) {
                paths.add(path);
            }
        }
        if (operator != null && !(unwrap(first) instanceof Path)) {
            add("DDX007", "Invalid condition in KeyConditionExpression: " + operator
                    + " operator must have the key attribute as its first operand", leaf.position());
            return null;
        }
        if (paths.size() > 1) {
            add("DDX007", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
                    leaf.position());
            return null;
        }
        if (paths.isEmpty()) {
            add("DDX007", "Invalid condition in KeyConditionExpression: No key attribute specified", leaf.position());
            return null;
        }
        if (paths.get(0).isNested()) {
            add("DDX007", "KeyConditionExpressions cannot have conditions on nested attributes", leaf.position());
            return null;
        }
        return render(paths.get(0));
    }

    // ---- update (DDX008) ------------------------------------------------------------------------------

    private void checkUpdate(UpdateExpression update) {
        Set<Section> seen = EnumSet.noneOf(Section.class);
        for (Section section : update.sections()) {
            if (!seen.add(section)) {
                add("DDX008", kind.prefix() + "The \"" + section + "\" section can only be used once in an update expression;", 0);
            }
        }
        List<Path> paths = new ArrayList<>();
        int operators = 0;
        for (UpdateAction action : update.actions()) {
            paths.add(action.path());
            operators += 1 + countOperators(action.value());
            if (action.value() == null) {
                continue;
            }
            if (action.section() == Section.ADD || action.section() == Section.DELETE) {
                checkValue((ValueRef) action.value());
                String type = valueType(action.value());
                boolean allowed = type == null || type.equals("SS") || type.equals("NS") || type.equals("BS")
                        || (action.section() == Section.ADD && type.equals("N"));
                if (!allowed) {
                    add("DDX008", kind.prefix() + "Incorrect operand type for operator or function; operator: "
                            + action.section() + ", operand type: " + longTypeName(type), action.position());
                }
            } else {
                Operand value = unwrap(action.value());
                if (value instanceof FunctionCall call) {
                    checkFunction(call);
                } else {
                    checkOperand(action.value());
                }
            }
        }
        if (operators > MAX_UPDATE_OPERATORS) {
            add("DDX011", kind.prefix() + "the expression uses " + operators + " operators and functions; DynamoDB allows at most "
                    + MAX_UPDATE_OPERATORS, 0);
        }
        checkPaths(paths, "DDX008");
    }

    private void checkArithmetic(Arithmetic arithmetic) {
        for (Operand side : List.of(arithmetic.left(), arithmetic.right())) {
            String type = valueType(side);
            if (type != null && !type.equals("N")) {
                add("DDX008", kind.prefix() + "Incorrect operand type for operator or function; operator or function: "
                        + arithmetic.operator() + ", operand type: " + type, arithmetic.position());
            }
            Operand inner = unwrap(side);
            if (inner instanceof FunctionCall call && !call.name().equals("if_not_exists")) {
                add("DDX006", kind.prefix() + "Only if_not_exists() function can be nested", call.position());
            }
            checkOperand(side);
        }
    }

    private static int countOperators(Operand operand) {
        if (operand instanceof FunctionCall call) {
            return 1 + call.arguments().stream().mapToInt(ExpressionAnalyzer::countOperators).sum();
        }
        if (operand instanceof Arithmetic arithmetic) {
            return 1 + countOperators(arithmetic.left()) + countOperators(arithmetic.right());
        }
        if (operand instanceof ParenthesizedOperand parenthesized) {
            return countOperators(parenthesized.inner());
        }
        return 0;
    }

    // ---- paths and placeholders -----------------------------------------------------------------------

    /** Checks each path, then reports overlapping or conflicting pairs with the given rule id. */
    private void checkPaths(List<Path> paths, String overlapRule) {
        paths.forEach(this::checkPath);
        for (int i = 1; i < paths.size(); i++) {
            for (int j = 0; j < i; j++) {
                String relation = relation(resolved(paths.get(j)), resolved(paths.get(i)));
                if (relation != null) {
                    add(overlapRule, kind.prefix() + "Two document paths " + relation + " with each other; must remove or "
                            + "rewrite one of these paths; path one: " + render(paths.get(j)) + ", path two: "
                            + render(paths.get(i)), paths.get(i).position());
                }
            }
        }
    }

    /** "overlap" when one path is a prefix of the other, "conflict" when they part as a name against an index. */
    private static String relation(List<String> one, List<String> two) {
        for (int i = 0; i < Math.min(one.size(), two.size()); i++) {
            if (!one.get(i).equals(two.get(i))) {
                boolean oneIndex = one.get(i).startsWith("[");
                boolean twoIndex = two.get(i).startsWith("[");
                return oneIndex != twoIndex ? "conflict" : null;
            }
        }
        return "overlap";
    }

    private void checkPath(Path path) {
        for (PathElement element : path.elements()) {
            if (!(element instanceof Name name)) {
                continue;
            }
            if (name.placeholder()) {
                usedNames.add(name.text());
                if (!names.containsKey(name.text())) {
                    add("DDX002", kind.prefix() + "An expression attribute name used in the document path is not defined; "
                            + "attribute name: " + name.text(), name.position());
                }
            } else if (ReservedWords.isReserved(name.text())) {
                add("DDX005", kind.prefix() + "Attribute name is a reserved keyword; reserved keyword: " + name.text(),
                        name.position());
            } else if (name.text().startsWith("_")) {
                add("DDX005", kind.prefix() + "Attribute name '" + name.text() + "' does not start with a letter; "
                        + "use an expression attribute name placeholder (#name) for it", name.position());
            }
        }
    }

    private void checkValue(ValueRef value) {
        usedValues.add(value.name());
        if (!values.containsKey(value.name())) {
            add("DDX002", kind.prefix() + "An expression attribute value used in expression is not defined; attribute value: "
                    + value.name(), value.position());
        }
    }

    /** Path elements with placeholders replaced by the names they stand for, indexes as {@code [i]}. */
    private List<String> resolved(Path path) {
        List<String> parts = new ArrayList<>();
        for (PathElement element : path.elements()) {
            if (element instanceof Name name) {
                parts.add(name.placeholder() ? names.getOrDefault(name.text(), name.text()) : name.text());
            } else if (element instanceof Index index) {
                parts.add("[" + index.value() + "]");
            }
        }
        return parts;
    }

    /** DynamoDB's rendering of a path in messages: {@code [a, b, [0]]}. */
    private String render(Path path) {
        return "[" + String.join(", ", resolved(path)) + "]";
    }

    // ---- value helpers --------------------------------------------------------------------------------

    private JsonNode valueOf(Operand operand) {
        return unwrap(operand) instanceof ValueRef ref ? values.get(ref.name()) : null;
    }

    /** The data type of a {@code :value} operand when it is defined with exactly one type, else null. */
    private String valueType(Operand operand) {
        return singleType(valueOf(operand));
    }

    private static String singleType(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            return null;
        }
        String type = value.fieldNames().next();
        return ATTRIBUTE_TYPES.contains(type) ? type : null;
    }

    private static String renderValue(JsonNode value, String type) {
        JsonNode content = value.get(type);
        return "{" + type + ":" + (content.isValueNode() ? content.asText() : content.toString()) + "}";
    }

    /** Type names as DynamoDB prints them for ADD and DELETE operands. */
    private static String longTypeName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }

    private static Operand unwrap(Operand operand) {
        Operand current = operand;
        while (current instanceof ParenthesizedOperand parenthesized) {
            current = parenthesized.inner();
        }
        return current;
    }

    private static String label(ExpressionKind kind) {
        return switch (kind) {
            case UPDATE -> "update";
            case PROJECTION -> "projection";
            case KEY_CONDITION -> "key condition";
            case FILTER -> "filter";
            case CONDITION -> "condition";
        };
    }

    private void add(String ruleId, String message, int position) {
        problems.add(new ExpressionProblem(ruleId, message, position));
    }
}
