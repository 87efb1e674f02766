package io.github.apigwddb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FnSubPlaceholdersTest {

    private static String substitute(String text) {
        return FnSubPlaceholders.substitute(text, Map.of()).text();
    }

    @Test
    void substitutesWhatCloudFormationWouldAndKeepsEscapedLiterals() {
        assertThat(substitute("{\"TableName\": \"${CrudDDB}\", \"r\": \"${AWS::Region}\", \"v\": \"${!stageVariables.x}\"}"))
                .isEqualTo("{\"TableName\": \"CrudDDB\", \"r\": \"us-east-1\", \"v\": \"${stageVariables.x}\"}");
        assertThat(substitute("${Role.Arn}")).isEqualTo("arn:aws:iam::123456789012:role/Role");
        assertThat(substitute("$input.path('$.id') ${unclosed")).isEqualTo("$input.path('$.id') ${unclosed");
    }

    @Test
    void aPlaceholderInADirectiveStandsForANumberSoTheTemplateStillParsesAndComputes() {
        // #set($ttl = ${TTL}) only parses after deployment if the value is a VTL literal: a word would not be one
        assertThat(substitute("#set($ttl = ${TTL}) {\"T\": \"${Table}\"} #if($x == ${Max})y#end"))
                .isEqualTo("#set($ttl = 1) {\"T\": \"Table\"} #if($x == 1)y#end");
    }

    @Test
    void aVariableAloneOnItsLineStandsForAnUnknownBlockOfTemplateText() {
        assertThat(substitute("${macros}\n{\"T\": \"${Table}\"}")).isEqualTo("\n{\"T\": \"Table\"}");
    }

    @Test
    void givenValuesWinAndOnlyTheOthersAreListedAsStandIns() {
        FnSubPlaceholders.Substitution deployed = FnSubPlaceholders.substitute(
                "#set($ttl = ${TTL}) {\"T\": \"${LinkTable}\", \"r\": \"${AWS::Region}\", \"s\": \"${!stage}\"}",
                Map.of("TTL", "86400"));
        assertThat(deployed.text()).isEqualTo("#set($ttl = 86400) {\"T\": \"LinkTable\", \"r\": \"us-east-1\", \"s\": \"${stage}\"}");
        assertThat(deployed.standIns()).containsExactly(Map.entry("LinkTable", "LinkTable"));
    }
}
