package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConditionAttributesTest {

    @Test
    void whatAConditionNeedsEveryItemItLetsThroughToHave() throws Exception {
        var names = new ObjectMapper().readTree("{\"#l\": \"lines\", \"#s\": \"status\"}");
        assertThat(ConditionAttributes.required("pk = :p AND begins_with(sk, :s)", names)).containsExactly("pk", "sk");
        assertThat(ConditionAttributes.required("size(#l) > :zero AND attribute_exists(paidAt) AND total BETWEEN :a AND :b", names))
                .containsExactly("lines", "paidAt", "total");
        // either side may hold: only what both need; NOT, <> and attribute_not_exists need nothing
        assertThat(ConditionAttributes.required("(#s = :a AND x = :b) OR (#s = :c)", names)).containsExactly("status");
        assertThat(ConditionAttributes.required("NOT a = :v AND b <> :w AND attribute_not_exists(c)", names)).isEmpty();
        assertThat(ConditionAttributes.required("a = = b", names)).isEmpty();
    }
}
