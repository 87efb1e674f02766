package io.github.apigwddb.dynamodb;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.apigwddb.dynamodb.Shape.Role;

/**
 * The request model of the DynamoDB 2012-08-10 API, transcribed from the botocore service model
 * (dynamodb-facts.md §2–§3). Data-plane operations are modelled member by member; every other operation
 * by its member names and required members only, so unknown and missing members are still found.
 */
final class DynamoDbModel {

    private static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};
    private static final String[] COMPARISON_OPERATORS = {"EQ", "NE", "IN", "LE", "LT", "GE", "GT", "BETWEEN",
            "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH"};

    /** Operation name → input shape, in the order of the service model. */
    private static final Map<String, Shape> INPUTS = buildInputs();

    private DynamoDbModel() {
    }

    static Shape input(String action) {
        return INPUTS.get(action);
    }

    static Map<String, Shape> inputs() {
        return Collections.unmodifiableMap(INPUTS);
    }

    // ---- shared shapes; factories rather than constants where a shape carries a role or a rule id -------

    private static Shape tableArn() {
        return Shape.string("TableArn").length(1, 1024).tableNameOrArn();
    }

    private static Shape tableName() {
        return Shape.string("TableName").length(3, 255).pattern("[a-zA-Z0-9_.-]+");
    }

    private static Shape indexName() {
        return Shape.string("IndexName").length(3, 255).pattern("[a-zA-Z0-9_.-]+");
    }

    private static Shape attributeName() {
        return Shape.string("AttributeName").maxLength(65535);
    }

    private static Shape attributeMap(String name, Role role) {
        return Shape.map(name, attributeName(), Shape.attributeValue()).role(role);
    }

    private static Shape key() {
        return attributeMap("Key", Role.KEY);
    }

    private static Shape item() {
        return attributeMap("PutItemInputAttributeMap", Role.ITEM);
    }

    private static Shape attributesToGet() {
        return Shape.list("AttributeNameList", attributeName()).minLength(1);
    }

    private static Shape expressionAttributeNames() {
        return Shape.map("ExpressionAttributeNameMap", Shape.string("ExpressionAttributeNameVariable"), attributeName());
    }

    private static Shape expressionAttributeValues() {
        return Shape.map("ExpressionAttributeValueMap", Shape.string("ExpressionAttributeValueVariable"),
                Shape.attributeValue()).role(Role.EXPRESSION_VALUES);
    }

    private static Shape returnConsumedCapacity() {
        return Shape.string("ReturnConsumedCapacity").enumOf(RETURN_CONSUMED_CAPACITY);
    }

    private static Shape returnItemCollectionMetrics() {
        return Shape.string("ReturnItemCollectionMetrics").enumOf("SIZE", "NONE");
    }

    private static Shape returnValues() {
        return Shape.string("ReturnValue").enumOf("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    }

    private static Shape returnValuesOnConditionCheckFailure() {
        return Shape.string("ReturnValuesOnConditionCheckFailure").enumOf("ALL_OLD", "NONE");
    }

    private static Shape conditionalOperator() {
        return Shape.string("ConditionalOperator").enumOf("AND", "OR");
    }

    private static Shape select() {
        return Shape.string("Select").enumOf("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
    }

    private static Shape expression(String name) {
        return Shape.string(name);
    }

    private static Shape attributeValueList() {
        return Shape.list("AttributeValueList", Shape.attributeValue());
    }

    private static Shape comparisonOperator() {
        return Shape.string("ComparisonOperator").enumOf(COMPARISON_OPERATORS);
    }

    private static Shape expected() {
        Shape expectedValue = Shape.structure("ExpectedAttributeValue")
                .opt("Value", Shape.attributeValue())
                .opt("Exists", Shape.bool("BooleanObject"))
                .opt("ComparisonOperator", comparisonOperator())
                .opt("AttributeValueList", attributeValueList());
        return Shape.map("ExpectedAttributeMap", attributeName(), expectedValue);
    }

    private static Shape conditions(String name) {
        Shape condition = Shape.structure("Condition")
                .opt("AttributeValueList", attributeValueList())
                .req("ComparisonOperator", comparisonOperator());
        return Shape.map(name, attributeName(), condition);
    }

    private static Shape partiQlStatement() {
        return Shape.string("PartiQLStatement").length(1, 8192);
    }

    private static Shape parameters() {
        return Shape.list("PreparedStatementParameters", Shape.attributeValue()).minLength(1);
    }

    private static Shape clientRequestToken() {
        return Shape.string("ClientRequestToken").length(1, 36);
    }

    // ---- operations ---------------------------------------------------------------------------------

    private static Map<String, Shape> buildInputs() {
        Map<String, Shape> inputs = new LinkedHashMap<>();

        inputs.put("GetItem", Shape.structure("GetItemInput")
                .req("TableName", tableArn())
                .req("Key", key())
                .opt("AttributesToGet", attributesToGet())
                .opt("ConsistentRead", Shape.bool("ConsistentRead"))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("ProjectionExpression", expression("ProjectionExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames()));

        inputs.put("PutItem", Shape.structure("PutItemInput")
                .req("TableName", tableArn())
                .req("Item", item())
                .opt("Expected", expected())
                .opt("ReturnValues", returnValues())
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("ReturnItemCollectionMetrics", returnItemCollectionMetrics())
                .opt("ConditionalOperator", conditionalOperator())
                .opt("ConditionExpression", expression("ConditionExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames())
                .opt("ExpressionAttributeValues", expressionAttributeValues())
                .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()));

        Shape attributeValueUpdate = Shape.structure("AttributeValueUpdate")
                .opt("Value", Shape.attributeValue())
                .opt("Action", Shape.string("AttributeAction").enumOf("ADD", "PUT", "DELETE"));
        inputs.put("UpdateItem", Shape.structure("UpdateItemInput")
                .req("TableName", tableArn())
                .req("Key", key())
                .opt("AttributeUpdates", Shape.map("AttributeUpdates", attributeName(), attributeValueUpdate))
                .opt("Expected", expected())
                .opt("ConditionalOperator", conditionalOperator())
                .opt("ReturnValues", returnValues())
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("ReturnItemCollectionMetrics", returnItemCollectionMetrics())
                .opt("UpdateExpression", expression("UpdateExpression"))
                .opt("ConditionExpression", expression("ConditionExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames())
                .opt("ExpressionAttributeValues", expressionAttributeValues())
                .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()));

        inputs.put("DeleteItem", Shape.structure("DeleteItemInput")
                .req("TableName", tableArn())
                .req("Key", key())
                .opt("Expected", expected())
                .opt("ConditionalOperator", conditionalOperator())
                .opt("ReturnValues", returnValues())
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("ReturnItemCollectionMetrics", returnItemCollectionMetrics())
                .opt("ConditionExpression", expression("ConditionExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames())
                .opt("ExpressionAttributeValues", expressionAttributeValues())
                .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()));

        inputs.put("Query", Shape.structure("QueryInput")
                .req("TableName", tableArn())
                .opt("IndexName", indexName())
                .opt("Select", select())
                .opt("AttributesToGet", attributesToGet())
                .opt("Limit", Shape.integer("PositiveIntegerObject").range(1, Integer.MAX_VALUE))
                .opt("ConsistentRead", Shape.bool("ConsistentRead"))
                .opt("KeyConditions", conditions("KeyConditions"))
                .opt("QueryFilter", conditions("FilterConditionMap"))
                .opt("ConditionalOperator", conditionalOperator())
                .opt("ScanIndexForward", Shape.bool("BooleanObject"))
                .opt("ExclusiveStartKey", attributeMap("Key", Role.START_KEY))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("ProjectionExpression", expression("ProjectionExpression"))
                .opt("FilterExpression", expression("ConditionExpression"))
                .opt("KeyConditionExpression", expression("KeyExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames())
                .opt("ExpressionAttributeValues", expressionAttributeValues()));

        inputs.put("Scan", Shape.structure("ScanInput")
                .req("TableName", tableArn())
                .opt("IndexName", indexName())
                .opt("AttributesToGet", attributesToGet())
                .opt("Limit", Shape.integer("PositiveIntegerObject").range(1, Integer.MAX_VALUE))
                .opt("Select", select())
                .opt("ScanFilter", conditions("FilterConditionMap"))
                .opt("ConditionalOperator", conditionalOperator())
                .opt("ExclusiveStartKey", attributeMap("Key", Role.START_KEY))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("TotalSegments", Shape.integer("ScanTotalSegments").range(1, 1_000_000))
                .opt("Segment", Shape.integer("ScanSegment").range(0, 999_999))
                .opt("ProjectionExpression", expression("ProjectionExpression"))
                .opt("FilterExpression", expression("ConditionExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames())
                .opt("ExpressionAttributeValues", expressionAttributeValues())
                .opt("ConsistentRead", Shape.bool("ConsistentRead")));

        Shape keysAndAttributes = Shape.structure("KeysAndAttributes")
                .req("Keys", Shape.list("KeyList", key()).length(1, 100).lengthRule(RuleIds.BATCH_TRANSACTION))
                .opt("AttributesToGet", attributesToGet())
                .opt("ConsistentRead", Shape.bool("ConsistentRead"))
                .opt("ProjectionExpression", expression("ProjectionExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames());
        inputs.put("BatchGetItem", Shape.structure("BatchGetItemInput")
                .req("RequestItems", Shape.map("BatchGetRequestMap", tableArn(), keysAndAttributes)
                        .length(1, 100).lengthRule(RuleIds.BATCH_TRANSACTION))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity()));

        // DynamoDB answers an empty WriteRequest with the AttributeValue wording (DYN batchWriteItem.js);
        // for both members set it follows the model documentation.
        Shape writeRequest = Shape.structure("WriteRequest")
                .opt("PutRequest", Shape.structure("PutRequest").req("Item", item()))
                .opt("DeleteRequest", Shape.structure("DeleteRequest").req("Key", key()))
                .exactlyOne("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
                        "You can only request one of these operations, not both, in a single WriteRequest");
        inputs.put("BatchWriteItem", Shape.structure("BatchWriteItemInput")
                .req("RequestItems", Shape.map("BatchWriteItemRequestMap", tableArn(),
                                Shape.list("WriteRequests", writeRequest).length(1, 25).lengthRule(RuleIds.BATCH_TRANSACTION))
                        .length(1, 25).lengthRule(RuleIds.BATCH_TRANSACTION))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("ReturnItemCollectionMetrics", returnItemCollectionMetrics()));

        Shape get = Shape.structure("Get")
                .req("Key", key())
                .req("TableName", tableArn())
                .opt("ProjectionExpression", expression("ProjectionExpression"))
                .opt("ExpressionAttributeNames", expressionAttributeNames());
        inputs.put("TransactGetItems", Shape.structure("TransactGetItemsInput")
                .req("TransactItems", Shape.list("TransactGetItemList", Shape.structure("TransactGetItem").req("Get", get))
                        .length(1, 100).lengthRule(RuleIds.BATCH_TRANSACTION))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity()));

        Shape transactWriteItem = Shape.structure("TransactWriteItem")
                .opt("ConditionCheck", Shape.structure("ConditionCheck")
                        .req("Key", key())
                        .req("TableName", tableArn())
                        .req("ConditionExpression", expression("ConditionExpression"))
                        .opt("ExpressionAttributeNames", expressionAttributeNames())
                        .opt("ExpressionAttributeValues", expressionAttributeValues())
                        .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()))
                .opt("Put", Shape.structure("Put")
                        .req("Item", item())
                        .req("TableName", tableArn())
                        .opt("ConditionExpression", expression("ConditionExpression"))
                        .opt("ExpressionAttributeNames", expressionAttributeNames())
                        .opt("ExpressionAttributeValues", expressionAttributeValues())
                        .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()))
                .opt("Delete", Shape.structure("Delete")
                        .req("Key", key())
                        .req("TableName", tableArn())
                        .opt("ConditionExpression", expression("ConditionExpression"))
                        .opt("ExpressionAttributeNames", expressionAttributeNames())
                        .opt("ExpressionAttributeValues", expressionAttributeValues())
                        .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()))
                .opt("Update", Shape.structure("Update")
                        .req("Key", key())
                        .req("UpdateExpression", expression("UpdateExpression"))
                        .req("TableName", tableArn())
                        .opt("ConditionExpression", expression("ConditionExpression"))
                        .opt("ExpressionAttributeNames", expressionAttributeNames())
                        .opt("ExpressionAttributeValues", expressionAttributeValues())
                        .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()))
                // MOTO, validated against AWS
                .exactlyOne("TransactItems can only contain one of Check, Put, Update or Delete",
                        "TransactItems can only contain one of Check, Put, Update or Delete");
        inputs.put("TransactWriteItems", Shape.structure("TransactWriteItemsInput")
                .req("TransactItems", Shape.list("TransactWriteItemList", transactWriteItem)
                        .length(1, 100).lengthRule(RuleIds.BATCH_TRANSACTION))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("ReturnItemCollectionMetrics", returnItemCollectionMetrics())
                .opt("ClientRequestToken", clientRequestToken()));

        inputs.put("ExecuteStatement", Shape.structure("ExecuteStatementInput")
                .req("Statement", partiQlStatement())
                .opt("Parameters", parameters())
                .opt("ConsistentRead", Shape.bool("ConsistentRead"))
                .opt("NextToken", Shape.string("PartiQLNextToken").length(1, 32768))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity())
                .opt("Limit", Shape.integer("PositiveIntegerObject").range(1, Integer.MAX_VALUE))
                .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()));

        inputs.put("BatchExecuteStatement", Shape.structure("BatchExecuteStatementInput")
                .req("Statements", Shape.list("PartiQLBatchRequest", Shape.structure("BatchStatementRequest")
                                .req("Statement", partiQlStatement())
                                .opt("Parameters", parameters())
                                .opt("ConsistentRead", Shape.bool("ConsistentRead"))
                                .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()))
                        .length(1, 25).lengthRule(RuleIds.BATCH_TRANSACTION))
                .opt("ReturnConsumedCapacity", returnConsumedCapacity()));

        inputs.put("ExecuteTransaction", Shape.structure("ExecuteTransactionInput")
                .req("TransactStatements", Shape.list("ParameterizedStatements", Shape.structure("ParameterizedStatement")
                                .req("Statement", partiQlStatement())
                                .opt("Parameters", parameters())
                                .opt("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure()))
                        .length(1, 100).lengthRule(RuleIds.BATCH_TRANSACTION))
                .opt("ClientRequestToken", clientRequestToken())
                .opt("ReturnConsumedCapacity", returnConsumedCapacity()));

        inputs.put("DescribeTable", Shape.structure("DescribeTableInput").req("TableName", tableArn()));
        inputs.put("DescribeTimeToLive", Shape.structure("DescribeTimeToLiveInput").req("TableName", tableArn()));
        inputs.put("ListTables", Shape.structure("ListTablesInput")
                .opt("ExclusiveStartTableName", tableName())
                .opt("Limit", Shape.integer("ListTablesInputLimit").range(1, 100)));

        // Operations checked by member names only: "required|all members" (dynamodb-facts.md §2.1).
        String[] namesOnly = {
            "CreateBackup", "TableName,BackupName|",
            "CreateGlobalTable", "GlobalTableName,ReplicationGroup|",
            "CreateTable", "TableName|AttributeDefinitions,KeySchema,LocalSecondaryIndexes,GlobalSecondaryIndexes,BillingMode,"
                + "ProvisionedThroughput,StreamSpecification,SSESpecification,Tags,TableClass,DeletionProtectionEnabled,"
                + "WarmThroughput,ResourcePolicy,OnDemandThroughput,GlobalTableSourceArn,GlobalTableSettingsReplicationMode,VectorIndexes",
            "DeleteBackup", "BackupArn|",
            "DeleteResourcePolicy", "ResourceArn|ExpectedRevisionId",
            "DeleteTable", "TableName|",
            "DescribeBackup", "BackupArn|",
            "DescribeContinuousBackups", "TableName|",
            "DescribeContributorInsights", "TableName|IndexName",
            "DescribeEndpoints", "|",
            "DescribeExport", "ExportArn|",
            "DescribeGlobalTable", "GlobalTableName|",
            "DescribeGlobalTableSettings", "GlobalTableName|",
            "DescribeImport", "ImportArn|",
            "DescribeKinesisStreamingDestination", "TableName|",
            "DescribeLimits", "|",
            "DescribeTableReplicaAutoScaling", "TableName|",
            "DisableKinesisStreamingDestination", "TableName,StreamArn|EnableKinesisStreamingConfiguration",
            "EnableKinesisStreamingDestination", "TableName,StreamArn|EnableKinesisStreamingConfiguration",
            "ExportTableToPointInTime", "TableArn,S3Bucket|ExportTime,ClientToken,S3BucketOwner,S3Prefix,S3SseAlgorithm,"
                + "S3SseKmsKeyId,ExportFormat,ExportType,IncrementalExportSpecification",
            "GetResourcePolicy", "ResourceArn|",
            "ImportTable", "S3BucketSource,InputFormat,TableCreationParameters|ClientToken,InputFormatOptions,InputCompressionType",
            "ListBackups", "|TableName,Limit,TimeRangeLowerBound,TimeRangeUpperBound,ExclusiveStartBackupArn,BackupType",
            "ListContributorInsights", "|TableName,NextToken,MaxResults",
            "ListExports", "|TableArn,MaxResults,NextToken",
            "ListGlobalTables", "|ExclusiveStartGlobalTableName,Limit,RegionName",
            "ListImports", "|TableArn,PageSize,NextToken",
            "ListTagsOfResource", "ResourceArn|NextToken",
            "PutResourcePolicy", "ResourceArn,Policy|ExpectedRevisionId,ConfirmRemoveSelfResourceAccess",
            "RestoreTableFromBackup", "TargetTableName,BackupArn|BillingModeOverride,GlobalSecondaryIndexOverride,"
                + "LocalSecondaryIndexOverride,ProvisionedThroughputOverride,OnDemandThroughputOverride,"
                + "SSESpecificationOverride,VectorIndexOverride",
            "RestoreTableToPointInTime", "TargetTableName|SourceTableArn,SourceTableName,UseLatestRestorableTime,"
                + "RestoreDateTime,BillingModeOverride,GlobalSecondaryIndexOverride,LocalSecondaryIndexOverride,"
                + "ProvisionedThroughputOverride,OnDemandThroughputOverride,SSESpecificationOverride,VectorIndexOverride",
            "SearchVectors", "TableName,IndexName,SearchVector,TopK|ReturnConsumedCapacity,ExpressionAttributeNames,"
                + "ExpressionAttributeValues,ProjectionExpression,SearchConditionExpression",
            "TagResource", "ResourceArn,Tags|",
            "UntagResource", "ResourceArn,TagKeys|",
            "UpdateContinuousBackups", "TableName,PointInTimeRecoverySpecification|",
            "UpdateContributorInsights", "TableName,ContributorInsightsAction|IndexName,ContributorInsightsMode",
            "UpdateGlobalTable", "GlobalTableName,ReplicaUpdates|",
            "UpdateGlobalTableSettings", "GlobalTableName|GlobalTableBillingMode,GlobalTableProvisionedWriteCapacityUnits,"
                + "GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate,"
                + "GlobalTableGlobalSecondaryIndexSettingsUpdate,ReplicaSettingsUpdate",
            "UpdateKinesisStreamingDestination", "TableName,StreamArn|UpdateKinesisStreamingConfiguration",
            "UpdateTable", "TableName|AttributeDefinitions,BillingMode,ProvisionedThroughput,GlobalSecondaryIndexUpdates,"
                + "StreamSpecification,SSESpecification,ReplicaUpdates,TableClass,DeletionProtectionEnabled,"
                + "MultiRegionConsistency,GlobalTableWitnessUpdates,OnDemandThroughput,WarmThroughput,"
                + "GlobalTableSettingsReplicationMode,VectorIndexUpdates",
            "UpdateTableReplicaAutoScaling", "TableName|GlobalSecondaryIndexUpdates,ProvisionedWriteCapacityAutoScalingUpdate,ReplicaUpdates",
            "UpdateTimeToLive", "TableName,TimeToLiveSpecification|",
        };
        for (int i = 0; i < namesOnly.length; i += 2) {
            inputs.put(namesOnly[i], namesOnlyShape(namesOnly[i], namesOnly[i + 1]));
        }
        return inputs;
    }

    private static Shape namesOnlyShape(String operation, String spec) {
        String[] parts = spec.split("\\|", -1);
        Shape shape = Shape.structure(operation + "Input");
        for (String member : split(parts[0])) {
            shape.req(member, Shape.any(member));
        }
        for (String member : split(parts[1])) {
            shape.opt(member, Shape.any(member));
        }
        return shape;
    }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
