package io.github.apigwddb.dynamodb;

import static io.github.apigwddb.dynamodb.OutputShape.any;
import static io.github.apigwddb.dynamodb.OutputShape.item;
import static io.github.apigwddb.dynamodb.OutputShape.listOf;
import static io.github.apigwddb.dynamodb.OutputShape.mapOf;
import static io.github.apigwddb.dynamodb.OutputShape.scalar;
import static io.github.apigwddb.dynamodb.OutputShape.structure;

import java.util.Map;
import java.util.Optional;

/**
 * What each data-plane action answers on success, and the body of its errors (dynamodb-facts §9, from the
 * service model): what response templates can navigate.
 */
public final class DynamoDbOutputs {

    private static final Map<String, OutputShape> OUTPUTS = Map.ofEntries(
            Map.entry("GetItem", structure("Item", item(), "ConsumedCapacity", any())),
            Map.entry("PutItem", write()),
            Map.entry("UpdateItem", write()),
            Map.entry("DeleteItem", write()),
            Map.entry("Query", readMany()),
            Map.entry("Scan", readMany()),
            Map.entry("BatchGetItem", structure("Responses", mapOf(listOf(item())), "UnprocessedKeys", any(), "ConsumedCapacity", any())),
            Map.entry("BatchWriteItem", structure("UnprocessedItems", any(), "ItemCollectionMetrics", any(), "ConsumedCapacity", any())),
            Map.entry("TransactGetItems", structure("Responses", listOf(structure("Item", item())), "ConsumedCapacity", any())),
            Map.entry("TransactWriteItems", structure("ConsumedCapacity", any(), "ItemCollectionMetrics", any())),
            Map.entry("ExecuteStatement", structure("Items", listOf(item()), "NextToken", scalar(), "LastEvaluatedKey", item(),
                    "ConsumedCapacity", any())),
            Map.entry("BatchExecuteStatement", structure("Responses", listOf(structure("Error", any(), "TableName", scalar(), "Item", item())),
                    "ConsumedCapacity", any())),
            Map.entry("ExecuteTransaction", structure("Responses", listOf(structure("Item", item())), "ConsumedCapacity", any())),
            Map.entry("DescribeTable", structure("Table", any())),
            Map.entry("DescribeTimeToLive", structure("TimeToLiveDescription", any())),
            Map.entry("ListTables", structure("TableNames", listOf(scalar()), "LastEvaluatedTableName", scalar())));

    /**
     * Every error body: {@code __type} and {@code message} ({@code Message} in some, SerializationException's and
     * TransactionCanceledException's).
     */
    private static final OutputShape ERROR = structure("__type", scalar(), "message", scalar(), "Message", scalar());
    /**
     * The writes with a condition: their ConditionalCheckFailedException carries the {@code Item} when the request
     * asks for it ({@code ReturnValuesOnConditionCheckFailure: ALL_OLD}).
     */
    private static final OutputShape CONDITIONAL_ERROR = structure("__type", scalar(), "message", scalar(), "Message", scalar(),
            "Item", item());
    /**
     * The transactions: TransactionCanceledException carries {@code CancellationReasons}, one per request in order, each
     * with its {@code Code} ({@code None} for one that did not fail), {@code Message} and, when asked for, {@code Item}.
     */
    private static final OutputShape CANCELLATION_REASONS = listOf(structure("Code", scalar(), "Message", scalar(), "Item", item()));
    private static final OutputShape TRANSACTION_ERROR = structure("__type", scalar(), "message", scalar(), "Message", scalar(),
            "CancellationReasons", CANCELLATION_REASONS);
    private static final OutputShape ANY_ERROR = structure("__type", scalar(), "message", scalar(), "Message", scalar(),
            "Item", item(), "CancellationReasons", CANCELLATION_REASONS);

    private DynamoDbOutputs() {
    }

    /** The success output of an action; empty when the action is not modelled here. */
    public static Optional<OutputShape> output(String action) {
        return Optional.ofNullable(action == null ? null : OUTPUTS.get(action));
    }

    /** What DynamoDB's error bodies for the action may hold; for an unknown action (null), any error body. */
    public static OutputShape error(String action) {
        if (action == null || !OUTPUTS.containsKey(action)) {
            return ANY_ERROR;
        }
        return switch (action) {
            case "PutItem", "UpdateItem", "DeleteItem", "ExecuteStatement" -> CONDITIONAL_ERROR;
            case "TransactWriteItems", "TransactGetItems", "ExecuteTransaction" -> TRANSACTION_ERROR;
            default -> ERROR;
        };
    }

    private static OutputShape write() {
        return structure("Attributes", item(), "ConsumedCapacity", any(), "ItemCollectionMetrics", any());
    }

    private static OutputShape readMany() {
        return structure("Items", listOf(item()), "Count", scalar(), "ScannedCount", scalar(), "LastEvaluatedKey", item(),
                "ConsumedCapacity", any());
    }
}
