package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.apigwddb.spec.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@code AWS::IAM::Role} of a template allows: the statements of its inline {@code Policies}, of
 * {@code AWS::IAM::Policy}/{@code AWS::IAM::ManagedPolicy} resources attached to it, and of the AWS-managed
 * policies known by name. Evaluated as IAM does for identity policies (an explicit Deny wins, else an Allow
 * is needed); conditions are taken as met. Policies this class cannot see (customer-managed ARNs from outside
 * the template) make the answer "unknown".
 */
public final class RolePermissions {

    /** One statement, resolved, and the pointer of the policy that holds it. */
    record Statement(String effect, JsonNode action, JsonNode notAction, JsonNode resource, JsonNode notResource, String policyPointer) {
    }

    /** The answer for one action on one resource. */
    public enum Decision { ALLOWED, DENIED, NOT_ALLOWED, UNKNOWN }

    /** DynamoDB read actions of the AWS-managed AmazonDynamoDBReadOnlyAccess policy. */
    private static final Set<String> READ_ONLY = Set.of("dynamodb:batchgetitem", "dynamodb:conditioncheckitem", "dynamodb:getitem",
            "dynamodb:query", "dynamodb:scan", "dynamodb:partiqlselect");

    private final CloudFormationTemplate.Resource role;
    private final List<Statement> statements = new ArrayList<>();
    private final List<String> policyPointers = new ArrayList<>();
    private boolean unseenPolicies;

    private RolePermissions(CloudFormationTemplate.Resource role) {
        this.role = role;
    }

    /** The role of the template whose ARN is {@code credentials}, with its permissions; empty when it is none of the template's. */
    public static Optional<RolePermissions> forCredentials(String credentials, CloudFormationTemplate template, IntrinsicResolver resolver) {
        for (CloudFormationTemplate.Resource role : template.resourcesOfType("AWS::IAM::Role")) {
            String arn = resolver.attribute(role.logicalId(), "Arn", null);
            if (arn.equals(credentials)) {
                return Optional.of(read(role, template, resolver));
            }
        }
        return Optional.empty();
    }

    private static RolePermissions read(CloudFormationTemplate.Resource role, CloudFormationTemplate template, IntrinsicResolver resolver) {
        RolePermissions permissions = new RolePermissions(role);
        JsonNode inline = role.properties().path("Policies");
        for (int i = 0; i < inline.size(); i++) {
            String pointer = JsonPointers.child(role.property("Policies"), i);
            permissions.add(resolver.resolve(inline.get(i).path("PolicyDocument"), pointer + "/PolicyDocument"), pointer);
        }
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            for (CloudFormationTemplate.Resource policy : template.resourcesOfType(type)) {
                for (JsonNode attached : policy.properties().path("Roles")) {
                    if (role.logicalId().equals(MethodResourceAssembler.logicalIdIn(attached))
                            || resolver.physicalName(role, null).equals(attached.asText())) {
                        permissions.add(resolver.resolve(policy.properties().path("PolicyDocument"), policy.property("PolicyDocument")),
                                policy.pointer());
                    }
                }
            }
        }
        JsonNode managed = role.properties().path("ManagedPolicyArns");
        for (int i = 0; i < managed.size(); i++) {
            String pointer = JsonPointers.child(role.property("ManagedPolicyArns"), i);
            JsonNode arnNode = managed.get(i);
            String logicalId = MethodResourceAssembler.logicalIdIn(arnNode);
            CloudFormationTemplate.Resource local = logicalId.isEmpty() ? null : template.resource(logicalId);
            if (local != null && "AWS::IAM::ManagedPolicy".equals(local.type())) {
                permissions.add(resolver.resolve(local.properties().path("PolicyDocument"), local.property("PolicyDocument")), local.pointer());
                continue;
            }
            String arn = resolver.resolveText(arnNode, pointer);
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            switch (arn.contains(":iam::aws:policy/") ? name : "") {
                case "AmazonDynamoDBFullAccess", "AdministratorAccess", "PowerUserAccess" ->
                        permissions.allowAll("dynamodb:*", pointer);
                case "AmazonDynamoDBReadOnlyAccess" -> READ_ONLY.forEach(action -> permissions.allowAll(action, pointer));
                default -> {
                    if (!arn.contains(":iam::aws:policy/")) {
                        permissions.unseenPolicies = true; // a customer-managed policy from elsewhere
                    }
                }
            }
        }
        return permissions;
    }

    private void allowAll(String action, String pointer) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        statements.add(new Statement("Allow", f.textNode(action), null, f.textNode("*"), null, pointer));
    }

    private void add(JsonNode document, String policyPointer) {
        policyPointers.add(policyPointer);
        JsonNode list = document.path("Statement");
        for (JsonNode statement : list.isArray() ? list : List.of(list)) {
            if (statement.isObject()) {
                statements.add(new Statement(statement.path("Effect").asText(), statement.get("Action"), statement.get("NotAction"),
                        statement.get("Resource"), statement.get("NotResource"), policyPointer));
            }
        }
    }

    public CloudFormationTemplate.Resource role() {
        return role;
    }

    /** Whether {@code action} (e.g. {@code dynamodb:PutItem}) is allowed on {@code resourceArn}. */
    public Decision decide(String action, String resourceArn) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (!applies(statement, action, resourceArn)) {
                continue;
            }
            if ("Deny".equals(statement.effect())) {
                return Decision.DENIED;
            }
            allowed |= "Allow".equals(statement.effect());
        }
        return allowed ? Decision.ALLOWED : unseenPolicies ? Decision.UNKNOWN : Decision.NOT_ALLOWED;
    }

    /**
     * Where to report a missing permission on {@code resourceArn}: the policy that already grants DynamoDB actions on
     * that resource (where the action belongs: a separate {@code AWS::IAM::Policy} for one table), else one that grants
     * DynamoDB actions, else the role's first policy, else the role.
     */
    public String reportPointer(String resourceArn) {
        String anyDynamoDb = null;
        for (Statement statement : statements) {
            if ("Allow".equals(statement.effect()) && statement.action() != null && statement.action().toString().contains("dynamodb:")) {
                if (statement.resource() != null && anyMatches(statement.resource(), resourceArn, false)) {
                    return statement.policyPointer();
                }
                anyDynamoDb = anyDynamoDb == null ? statement.policyPointer() : anyDynamoDb;
            }
        }
        return anyDynamoDb != null ? anyDynamoDb : policyPointers.isEmpty() ? role.pointer() : policyPointers.get(0);
    }

    private static boolean applies(Statement statement, String action, String resourceArn) {
        boolean actionMatches = statement.action() != null ? anyMatches(statement.action(), action, true)
                : statement.notAction() != null && !anyMatches(statement.notAction(), action, true);
        if (!actionMatches) {
            return false;
        }
        return statement.resource() != null ? anyMatches(statement.resource(), resourceArn, false)
                : statement.notResource() != null && !anyMatches(statement.notResource(), resourceArn, false);
    }

    private static boolean anyMatches(JsonNode patterns, String value, boolean ignoreCase) {
        for (JsonNode pattern : patterns.isArray() ? patterns : List.of(patterns)) {
            if (wildcardMatches(pattern.asText(), value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character; action names are case-insensitive. */
    static boolean wildcardMatches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
