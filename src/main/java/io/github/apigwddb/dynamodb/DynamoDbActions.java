package io.github.apigwddb.dynamodb;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** The operations of the DynamoDB 2012-08-10 API, as API Gateway's {@code dynamodb:action/<Op>} selects them. */
public final class DynamoDbActions {

    private static final Set<String> ALL = Collections.unmodifiableSet(new TreeSet<>(DynamoDbModel.inputs().keySet()));

    /** Operations modelled member by member (types, constraints, AttributeValues), not only by member names. */
    private static final Set<String> VALIDATED = Set.of(
            "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem",
            "TransactGetItems", "TransactWriteItems", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction",
            "DescribeTable", "DescribeTimeToLive", "ListTables");

    /**
     * Operations that never change data. The PartiQL operations are included because they read when their
     * statements are SELECTs; whether a given request writes can only be told from its statements.
     */
    private static final Set<String> READ = Set.of(
            "GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems",
            "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction",
            "DescribeTable", "DescribeTimeToLive", "DescribeContinuousBackups", "DescribeContributorInsights",
            "DescribeEndpoints", "DescribeLimits", "DescribeBackup", "DescribeExport", "DescribeGlobalTable",
            "DescribeGlobalTableSettings", "DescribeImport", "DescribeKinesisStreamingDestination",
            "DescribeTableReplicaAutoScaling", "GetResourcePolicy", "ListBackups", "ListContributorInsights",
            "ListExports", "ListGlobalTables", "ListImports", "ListTables", "ListTagsOfResource");

    private DynamoDbActions() {
    }

    /** Every operation of the DynamoDB 2012-08-10 API, exact case. */
    public static Set<String> all() {
        return ALL;
    }

    public static boolean isKnown(String action) {
        return action != null && ALL.contains(action);
    }

    /** Actions whose requests the validator checks member by member. */
    public static boolean isValidated(String action) {
        return action != null && VALIDATED.contains(action);
    }

    /** Read-only actions; see {@link #READ} for the PartiQL caveat. */
    public static boolean isRead(String action) {
        return action != null && READ.contains(action);
    }

    /** Case-insensitive nearest known action name, for "did you mean" (null if none is close). */
    public static String suggest(String action) {
        return Suggestions.nearest(action, ALL);
    }
}
