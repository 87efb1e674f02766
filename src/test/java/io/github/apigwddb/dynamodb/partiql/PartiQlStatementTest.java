package io.github.apigwddb.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer and what a statement's tokens tell; the rule's verdicts are in the request cases (ddx012, ddx013). */
class PartiQlStatementTest {

    @Test
    void quotesCommentsMarkersAndSymbolsAreTokensAsDynamoDbReadsThem() throws Exception {
        List<PartiQlToken> tokens = PartiQlLexer.tokens(
                "/* list */ INSERT INTO \"My \"\"T\"\"\" VALUE {'a': 'it''s ?', 'b': <<1.5e2, ?>>} -- done?\n");
        assertThat(tokens).extracting(PartiQlToken::structure).containsExactly("WORD INSERT", "WORD INTO", "QUOTED_NAME", "WORD VALUE",
                "SYMBOL {", "STRING", "SYMBOL :", "STRING", "SYMBOL ,", "STRING", "SYMBOL :", "SYMBOL <<", "NUMBER", "SYMBOL ,",
                "PARAMETER ?", "SYMBOL >>", "SYMBOL }");
        assertThat(tokens.get(2).text()).isEqualTo("My \"T\"");
        assertThat(tokens.get(7).text()).isEqualTo("it's ?");
        assertThat(PartiQlStatement.read("SELECT * FROM T WHERE a = 'why?' AND b = ?").parameterMarkers()).isEqualTo(1);
        assertThatThrownBy(() -> PartiQlLexer.tokens("SELECT * FROM T WHERE a = 'it''s")).isInstanceOf(PartiQlSyntaxException.class)
                .hasMessageStartingWith("the string opened at character 27 is not closed");
    }

    @Test
    void theTableIsTheNameAfterFromIntoOrUpdate() {
        assertThat(PartiQlStatement.read("select * from \"Orders\".\"byAccount\" where a = ?").table()).isEqualTo("Orders");
        assertThat(PartiQlStatement.read("INSERT INTO Orders VALUE {'id': ?}").table()).isEqualTo("Orders");
        assertThat(PartiQlStatement.read("UPDATE \"Orders\" SET a = 1 WHERE id = ?").table()).isEqualTo("Orders");
        assertThat(PartiQlStatement.read("EXISTS(SELECT * FROM \"Stock\" WHERE sku = ?)").table()).isEqualTo("Stock");
        assertThat(PartiQlStatement.read("DELETE FROM ? WHERE id = 1").table()).isNull();
    }

    @Test
    void aStatementsStructureIsItsWordsSymbolsAndMarkersNotItsLiterals() {
        PartiQlStatement reference = PartiQlStatement.read("SELECT * FROM T WHERE pk = 'zq1x' AND n > 5");
        assertThat(reference.structuralDifference(PartiQlStatement.read("SELECT * FROM T WHERE pk = 'a\"b' AND n > 7"))).isNull();
        assertThat(reference.structuralDifference(PartiQlStatement.read("SELECT * FROM T WHERE pk = 'x' OR pk <> 'y' AND n > 5")))
                .isEqualTo("'OR' appears where it had 'AND'");
        assertThat(reference.structuralDifference(PartiQlStatement.read("SELECT * FROM T WHERE pk = ''' AND n > 5")))
                .startsWith("the string opened at character 28 is not closed");

        // a loop over the client's list makes more markers: its logic, when lists may grow
        PartiQlStatement list = PartiQlStatement.read("SELECT * FROM T WHERE pk IN [?]");
        PartiQlStatement longer = PartiQlStatement.read("SELECT * FROM T WHERE pk IN [?, ?, ?]");
        assertThat(list.structuralDifference(longer, true)).isNull();
        assertThat(list.structuralDifference(longer, false)).isEqualTo("',' appears where it had ']'");
    }
}
