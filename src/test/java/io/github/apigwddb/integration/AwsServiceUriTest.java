package io.github.apigwddb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsServiceUriTest {

    @Test
    void parsesADynamoDbActionUri() {
        AwsServiceUri uri = AwsServiceUri.parse("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem").orElseThrow();
        assertThat(uri).isEqualTo(new AwsServiceUri("aws", "us-east-1", "dynamodb", "action", "PutItem"));
        assertThat(uri.isDynamoDb()).isTrue();
        assertThat(uri.isAction()).isTrue();
    }

    @Test
    void keepsCloudFormationPlaceholdersWhole() {
        AwsServiceUri uri = AwsServiceUri.parse("arn:${AWS::Partition}:apigateway:${AWS::Region}:dynamodb:action/Query").orElseThrow();
        assertThat(uri.partition()).isEqualTo("${AWS::Partition}");
        assertThat(uri.region()).isEqualTo("${AWS::Region}");
        assertThat(uri.target()).isEqualTo("Query");
    }

    @Test
    void dropsActionQueryParameters() {
        assertThat(AwsServiceUri.parse("arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem&x=1").orElseThrow().target()).isEqualTo("GetItem");
    }

    @Test
    void rejectsOtherShapes() {
        assertThat(AwsServiceUri.parse("https://example.com/")).isEmpty();
        assertThat(AwsServiceUri.parse("arn:aws:lambda:us-east-1:123:function:f")).isEmpty();
        assertThat(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/x/invocations").orElseThrow().isDynamoDb()).isFalse();
    }
}
