package io.github.apigwddb.dynamodb.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSchemaReaderTest {

    @TempDir
    Path dir;

    private TableSchemas read(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new TableSchemaReader().read(List.of(file));
    }

    @Test
    void readsACreateTableRequestInYamlWithIndexes() throws IOException {
        TableSchemas tables = read("orders.yaml", """
                TableName: Orders
                AttributeDefinitions:
                  - {AttributeName: customerId, AttributeType: S}
                  - {AttributeName: orderId, AttributeType: N}
                  - {AttributeName: day, AttributeType: S}
                KeySchema:
                  - {AttributeName: customerId, KeyType: HASH}
                  - {AttributeName: orderId, KeyType: RANGE}
                GlobalSecondaryIndexes:
                  - IndexName: byDay
                    KeySchema: [{AttributeName: day, KeyType: HASH}]
                    Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [total]}
                """);
        assertThat(tables.problems()).isEmpty();
        TableSchema orders = tables.find("Orders").orElseThrow();
        assertThat(orders.partitionKey()).isEqualTo(new KeyAttribute("customerId", "S"));
        assertThat(orders.sortKey()).isEqualTo(new KeyAttribute("orderId", "N"));
        SecondaryIndex byDay = orders.index("byDay").orElseThrow();
        assertThat(byDay.global()).isTrue();
        assertThat(byDay.partitionKey()).isEqualTo(new KeyAttribute("day", "S"));
        assertThat(byDay.sortKey()).isNull();
        assertThat(byDay.projectionType()).isEqualTo("INCLUDE");
        assertThat(byDay.nonKeyAttributes()).containsExactly("total");
        assertThat(orders.position().line()).isEqualTo(1);
    }

    @Test
    void readsAnArrayAndADescribeTableResponse() throws IOException {
        TableSchemas array = read("tables.json", """
                [{"TableName": "A1x", "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}]},
                 {"TableName": "B2y", "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "B"}],
                  "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}]}]
                """);
        assertThat(array.names()).containsExactly("A1x", "B2y");
        TableSchemas described = read("describe.json", """
                {"Table": {"TableName": "Widgets", "TableStatus": "ACTIVE",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}
                """);
        assertThat(described.find("arn:aws:dynamodb:eu-west-1:123456789012:table/Widgets")).isPresent();
    }

    @Test
    void readsCloudFormationTablesWithShortFormTagsAndParameterDefaults() throws IOException {
        TableSchemas tables = read("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: {Type: String, Default: dev}
                  TableName: {Type: String}
                Resources:
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "items-${Stage}"
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  Named:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Ref TableName
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: N}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  Simple:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: simple
                      PrimaryKey: {Name: code, Type: Number}
                  Global:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      TableName: global
                      AttributeDefinitions: [{AttributeName: g, AttributeType: S}]
                      KeySchema: [{AttributeName: g, KeyType: HASH}]
                  Bucket:
                    Type: AWS::S3::Bucket
                """);
        assertThat(tables.problems()).isEmpty();
        assertThat(tables.names()).containsExactly("items-dev", "Named", "simple", "global");
        assertThat(tables.find("simple").orElseThrow().partitionKey()).isEqualTo(new KeyAttribute("code", "N"));
        // a Ref to a parameter without default: the name is unknown, so no table name can be called unknown
        assertThat(tables.allNamesKnown()).isFalse();
    }

    @Test
    void readsLongFormCloudFormationJson() throws IOException {
        TableSchemas tables = read("template.json", """
                {"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {
                  "TableName": {"Fn::Sub": "${AWS::StackName}-t"},
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}}}
                """);
        assertThat(tables.tables()).singleElement().satisfies(t -> {
            assertThat(t.name()).isNull();
            assertThat(t.label()).isEqualTo("T");
        });
    }

    @Test
    void reportsSyntaxErrorsAndInvalidDefinitionsWithPositions() throws IOException {
        TableSchemas broken = read("broken.json", "{\"TableName\": \"X\",\n  \"KeySchema\": [}\n");
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.syntax()).isTrue();
            assertThat(p.position().line()).isEqualTo(2);
            assertThat(p.message()).startsWith("The table definition file is not valid JSON");
        });
        TableSchemas undefined = read("undefined.yaml", """
                TableName: Things
                AttributeDefinitions:
                  - {AttributeName: id, AttributeType: S}
                KeySchema:
                  - {AttributeName: id, KeyType: HASH}
                  - {AttributeName: sk, KeyType: RANGE}
                """);
        assertThat(undefined.tables()).isEmpty();
        assertThat(undefined.problems()).singleElement().satisfies(p -> {
            assertThat(p.syntax()).isFalse();
            assertThat(p.position().line()).isEqualTo(6);
            assertThat(p.message()).contains("Some index key attributes are not defined in AttributeDefinitions. Keys: [sk]");
        });
        TableSchemas other = read("other.json", "{\"openapi\": \"3.0.1\"}");
        assertThat(other.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("Not a table definition"));
    }
}
