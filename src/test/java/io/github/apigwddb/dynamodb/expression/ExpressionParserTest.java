package io.github.apigwddb.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.github.apigwddb.dynamodb.expression.Ast.Between;
import io.github.apigwddb.dynamodb.expression.Ast.Or;
import io.github.apigwddb.dynamodb.expression.Ast.Path;

class ExpressionParserTest {

    @Test
    void bindsAndTighterThanOr() throws Exception {
        assertThat(ExpressionParser.parseCondition("a = :a OR b = :b AND c = :c")).isInstanceOf(Or.class);
    }

    @Test
    void keepsPositions() throws Exception {
        Between between = (Between) ExpressionParser.parseCondition("  #n BETWEEN :a AND :b");
        assertThat(between.position()).isEqualTo(2);
        assertThat(between.lower().position()).isEqualTo(13);
    }

    @Test
    void parsesNestedPaths() throws Exception {
        List<Path> paths = ExpressionParser.parseProjection("a.b[3].#c, d").paths();
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).elements()).hasSize(4);
    }

    @Test
    void rejectsKeywordsAsPathsInUpdates() {
        assertThatThrownBy(() -> ExpressionParser.parseUpdate("SET remove = :v"))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessage("Syntax error; token: \"remove\", near: \"SET remove =\"");
    }

    @Test
    void loadsAllReservedWords() {
        assertThat(ReservedWords.count()).isEqualTo(573);
        assertThat(ReservedWords.isReserved("timestamp")).isTrue();
        assertThat(ReservedWords.isReserved("widget")).isFalse();
    }

    @Test
    void reportsLimits() {
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(Map.of(), Map.of(":v", JsonNodeFactory.instance.objectNode().put("S", "x")));
        String longIn = "a IN (" + ":v, ".repeat(100) + ":v)";
        assertThat(analyzer.analyze(ExpressionKind.FILTER, longIn))
                .extracting(ExpressionProblem::ruleId).containsExactly("DDX011");
        String huge = "attribute_exists(a)" + " AND attribute_exists(a)".repeat(200);
        assertThat(analyzer.analyze(ExpressionKind.CONDITION, huge))
                .extracting(ExpressionProblem::ruleId).containsExactly("DDX011");
    }

    /** Deep nesting is a syntax error, not a stack overflow. */
    @Test
    void survivesDeepNesting() {
        assertThatThrownBy(() -> ExpressionParser.parseCondition("(".repeat(5000) + "a = :v" + ")".repeat(5000)))
                .isInstanceOf(ExpressionSyntaxException.class);
        assertThatThrownBy(() -> ExpressionParser.parseCondition("NOT ".repeat(5000) + "a = :v"))
                .isInstanceOf(ExpressionSyntaxException.class);
    }

    private static final String[] FRAGMENTS = {"a", "b.c", "#n", ":v", "[0]", "[", "]", "(", ")", ",", ".", "=", "<>", "<",
            "<=", ">", ">=", "+", "-", "AND", "OR", "NOT", "IN", "BETWEEN", "SET", "REMOVE", "ADD", "DELETE", "size",
            "attribute_exists", "begins_with", "if_not_exists", "list_append", "contains", "#", ":", "0", "12", "$", "é",
            "status", "_x", " ", "\t"};

    /**
     * Property: for random token soup from a fixed seed, every parser entry point and the analyzer terminate
     * quickly and throw nothing but {@link ExpressionSyntaxException} (the analyzer throws nothing at all).
     */
    @Test
    void neverThrowsAnythingButItsSyntaxErrorOnRandomInput() {
        Random random = new Random(8_2026L);
        JsonNode value = JsonNodeFactory.instance.objectNode().put("N", "1");
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(Map.of("#n", "name"), Map.of(":v", value));
        // The bound only guards against a hang (a parser loop); it is no performance assertion.
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            for (int i = 0; i < 5_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(25); n > 0; n--) {
                    text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(random.nextBoolean() ? " " : "");
                }
                String expression = text.toString();
                for (ExpressionKind kind : ExpressionKind.values()) {
                    try {
                        switch (kind) {
                            case UPDATE -> ExpressionParser.parseUpdate(expression);
                            case PROJECTION -> ExpressionParser.parseProjection(expression);
                            default -> ExpressionParser.parseCondition(expression);
                        }
                    } catch (ExpressionSyntaxException expected) {
                        assertThat(expected.getMessage()).startsWith("Syntax error; token: ");
                    }
                    assertThat(analyzer.analyze(kind, expression)).allSatisfy(problem ->
                            assertThat(problem.ruleId()).startsWith("DDX"));
                }
            }
        });
    }
}
