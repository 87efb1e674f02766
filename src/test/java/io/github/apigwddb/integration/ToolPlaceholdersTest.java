package io.github.apigwddb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolPlaceholdersTest {

    @Test
    void findsOnlyNamesTheTemplateDoesNotDefineAndApiGatewayDoesNotKnow() {
        String template = "#set($id = $input.params('id'))\n{\"TableName\": \"${table_name}\", \"Key\": {\"id\": {\"S\": \"${id}\"}},"
                + " \"Stage\": \"${stageVariables.x}\", \"Ctx\": \"${context.requestId}\"}";
        assertThat(ToolPlaceholders.find(template)).containsExactly("table_name");
    }

    @Test
    void fillsValuesOrStandIns() {
        Set<String> names = Set.of("table", "index");
        assertThat(ToolPlaceholders.substitute("${table}/${index}/${kept}", names, Map.of("table", "Books")))
                .isEqualTo("Books/index/${kept}");
    }

    @Test
    void recognisesATemplateThatIsOnlyAPlaceholder() {
        assertThat(ToolPlaceholders.isWholeTemplate(" ${request_mapping}\n", Set.of("request_mapping"))).isTrue();
        assertThat(ToolPlaceholders.isWholeTemplate("{\"T\": \"${t}\"}", Set.of("t"))).isFalse();
    }
}
