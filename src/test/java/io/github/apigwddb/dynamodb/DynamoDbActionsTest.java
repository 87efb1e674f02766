package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DynamoDbActionsTest {

    @Test
    void listsEveryOperationOfTheApi() {
        assertThat(DynamoDbActions.all()).hasSize(58)
                .contains("GetItem", "PutItem", "TransactWriteItems", "ExecuteTransaction", "DescribeEndpoints", "SearchVectors");
        assertThat(DynamoDbActions.isKnown("Query")).isTrue();
        assertThat(DynamoDbActions.isKnown("query")).isFalse();
        assertThat(DynamoDbActions.isKnown(null)).isFalse();
    }

    @Test
    void distinguishesValidatedAndReadActions() {
        assertThat(DynamoDbActions.isValidated("UpdateItem")).isTrue();
        assertThat(DynamoDbActions.isValidated("CreateTable")).isFalse();
        assertThat(DynamoDbActions.isRead("GetItem")).isTrue();
        assertThat(DynamoDbActions.isRead("BatchGetItem")).isTrue();
        assertThat(DynamoDbActions.isRead("PutItem")).isFalse();
        assertThat(DynamoDbActions.isRead("TransactWriteItems")).isFalse();
    }

    @Test
    void suggestsTheNearestAction() {
        assertThat(DynamoDbActions.suggest("getitem")).isEqualTo("GetItem");
        assertThat(DynamoDbActions.suggest("PutItems")).isEqualTo("PutItem");
        assertThat(DynamoDbActions.suggest("Querry")).isEqualTo("Query");
        assertThat(DynamoDbActions.suggest("BatchWriteItems")).isEqualTo("BatchWriteItem");
        assertThat(DynamoDbActions.suggest("Completely different")).isNull();
        assertThat(DynamoDbActions.suggest(null)).isNull();
    }
}
