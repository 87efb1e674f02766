package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where findings on the rendered DynamoDB request point in the template. */
class DynamoDbRequestCheckTest {

    @TempDir
    Path dir;

    @Test
    void aFindingPointsAtTheMemberItIsAboutNotAtTheStartOfItsLine() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /orders/{id}:
                    patch:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      x-apigw-examples: [{name: one, path: {id: "1"}}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/UpdateItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            {
                              "TableName": "Orders", "Key": {"id": {"S": "$input.params('id')"}},
                              "UpdateExpression": "SET status = :s", "ExpressionAttributeValues": {":s": {"S": "paid"}}
                            }
                        responses: {default: {statusCode: "200"}}
                """);
        List<Finding> findings = new CheckEngine().run(new CheckRequest(List.of(spec), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT)
                .findings();

        String line = Files.readAllLines(spec).get(18);
        assertThat(findings).filteredOn(f -> f.rule() == Rule.DDX005).singleElement().satisfies(f -> {
            assertThat(f.position().line()).isEqualTo(19);
            assertThat(f.position().column()).isEqualTo(line.indexOf("\"UpdateExpression\"") + 1);
        });
    }

    @Test
    void theColumnIsTheInnermostMemberWrittenOnceOnTheLine() {
        String[] lines = {"{\"Key\": {\"id\": {\"S\": \"1\"}, \"sk\": {\"S\": \"2\"}}}", "#foreach($k in $keys)\"$k\": {\"S\": \"x\"}#end"};
        // "S" is written twice: the member holding it is what the line names once
        assertThat(DynamoDbRequestCheck.memberColumn(lines[0], "/Key/sk/S")).isEqualTo(lines[0].indexOf("\"sk\"") + 1);
        assertThat(DynamoDbRequestCheck.memberColumn(lines[0], "/Key/id")).isEqualTo(lines[0].indexOf("\"id\"") + 1);
        // a name a loop writes is on no line as text: the start of the line
        assertThat(DynamoDbRequestCheck.memberColumn(lines[1], "/Item/tags")).isEqualTo(1);
        assertThat(DynamoDbRequestCheck.memberColumn("", "/Key")).isEqualTo(1);
    }
}
