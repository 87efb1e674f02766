package io.github.apigwddb.dynamodb;

/** The rule ids this package reports (catalogue §3.4 and §3.5). */
final class RuleIds {
    static final String INTERNAL = "DDB000";
    static final String REQUIRED = "DDB001";
    static final String UNKNOWN_MEMBER = "DDB002";
    static final String JSON_TYPE = "DDB003";
    static final String CONSTRAINT = "DDB004";
    static final String OPERATION_ENUM = "DDB005";
    static final String ATTRIBUTE_VALUE_TYPE = "DDB006";
    static final String NUMBER = "DDB007";
    static final String SET_NULL_BINARY = "DDB008";
    static final String SIZE_DEPTH_KEY = "DDB009";
    static final String BATCH_TRANSACTION = "DDB010";
    static final String SEGMENTS = "DDB011";
    static final String LEGACY_MIXED = "DDB012";

    private RuleIds() {
    }
}
