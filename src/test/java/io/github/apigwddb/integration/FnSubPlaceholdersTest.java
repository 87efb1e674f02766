package io.github.apigwddb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FnSubPlaceholdersTest {

    @Test
    void substitutesWhatCloudFormationWouldAndKeepsEscapedLiterals() {
        assertThat(FnSubPlaceholders.substitute("{\"TableName\": \"${CrudDDB}\", \"r\": \"${AWS::Region}\", \"v\": \"${!stageVariables.x}\"}"))
                .isEqualTo("{\"TableName\": \"CrudDDB\", \"r\": \"us-east-1\", \"v\": \"${stageVariables.x}\"}");
        assertThat(FnSubPlaceholders.substitute("${Role.Arn}")).isEqualTo("arn:aws:iam::123456789012:role/Role");
        assertThat(FnSubPlaceholders.substitute("$input.path('$.id') ${unclosed")).isEqualTo("$input.path('$.id') ${unclosed");
    }

    @Test
    void quotesAPlaceholderThatStandsInADirectiveSoTheTemplateStillParses() {
        assertThat(FnSubPlaceholders.substitute("#set($ttl = ${TTL}) {\"T\": \"${Table}\"} #if($x == ${Max})y#end"))
                .isEqualTo("#set($ttl = \"TTL\") {\"T\": \"Table\"} #if($x == \"Max\")y#end");
    }

    @Test
    void aVariableAloneOnItsLineStandsForAnUnknownBlockOfTemplateText() {
        assertThat(FnSubPlaceholders.substitute("${macros}\n{\"T\": \"${Table}\"}")).isEqualTo("\n{\"T\": \"Table\"}");
    }
}
