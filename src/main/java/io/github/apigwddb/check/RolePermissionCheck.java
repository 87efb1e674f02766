package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.cloudformation.RolePermissions;
import io.github.apigwddb.cloudformation.TemplateApi;
import io.github.apigwddb.dynamodb.DynamoDbActions;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.LoadedSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DDB014: where an integration's credentials are a role of the same CloudFormation template, the role's
 * policies must allow {@code dynamodb:<Action>} on the table the rendered request names (and on its index
 * for an {@code IndexName}), or each operation of a transaction its item action (see {@link #accessesOf}). Reported once
 * per integration, table and action, at the policy.
 */
final class RolePermissionCheck implements ExampleCheck {

    private final Map<LoadedSpec, TemplateApi> apis = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** Makes the template of an API known to the check, for the integrations of that API. */
    void register(TemplateApi api) {
        apis.put(api.spec(), api);
    }

    @Override
    public void check(ExampleRun run) {
        TemplateApi api = apis.get(run.locator.spec());
        String action = run.action();
        if (api == null || run.requestJson == null || action == null || !DynamoDbActions.isKnown(action)
                || run.integration.credentials() == null) {
            return;
        }
        Optional<RolePermissions> role = RolePermissions.forCredentials(run.integration.credentials().text(), api.template(), api.resolver());
        if (role.isEmpty()) {
            return;
        }
        for (Access access : accessesOf(action, run.requestJson.root(), api)) {
            RolePermissions.Decision decision = role.get().decide(access.iamAction(), access.resource());
            if (decision == RolePermissions.Decision.ALLOWED || decision == RolePermissions.Decision.UNKNOWN) {
                continue;
            }
            String key = System.identityHashCode(api.spec()) + run.integration.pointer() + "|" + access.iamAction() + "|" + access.resource();
            if (!reported.add(key)) {
                continue;
            }
            String why = decision == RolePermissions.Decision.DENIED ? "denies" : "does not allow";
            run.findings.add(new Locator(api.template().spec()).at(Rule.DDB014, "Role " + role.get().role().logicalId()
                    + " (the credentials of this integration) " + why + " " + access.iamAction() + " on " + access.resource()
                    + (access.forWhat() == null ? "" : " (" + access.forWhat() + ")")
                    + ": every call fails with AccessDeniedException", role.get().reportPointer(access.resource()), run.operation(), run.example.name()));
        }
    }

    /** An IAM action on a resource that a request needs, and what in the request needs it (null: the request itself). */
    record Access(String iamAction, String resource, String forWhat) {
    }

    /** The IAM actions of a transaction's operations (transaction-apis-iam: the underlying item actions govern them). */
    private static final Map<String, String> TRANSACTION_ACTIONS = Map.of(
            "Put", "dynamodb:PutItem", "Update", "dynamodb:UpdateItem", "Delete", "dynamodb:DeleteItem",
            "ConditionCheck", "dynamodb:ConditionCheckItem", "Get", "dynamodb:GetItem");

    /**
     * What the request needs the role to allow: {@code dynamodb:<Action>} on its table (and index), or on each table of a
     * batch; a transaction's operations each need the item action they perform (AWS: "Permissions for Put, Update,
     * Delete, and Get actions are governed by the permissions used for the underlying PutItem, UpdateItem, DeleteItem,
     * and GetItem operations"; ConditionCheck needs dynamodb:ConditionCheckItem), not dynamodb:TransactWriteItems.
     */
    static List<Access> accessesOf(String action, JsonNode request, TemplateApi api) {
        List<Access> accesses = new ArrayList<>();
        if (action.startsWith("Transact")) {
            JsonNode items = request.path("TransactItems");
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                items.get(i).fields().forEachRemaining(operation -> {
                    String iamAction = TRANSACTION_ACTIONS.get(operation.getKey());
                    if (iamAction != null && operation.getValue().path("TableName").isTextual()) {
                        accesses.add(new Access(iamAction, api.resolver().tableArn(operation.getValue().path("TableName").asText()),
                                "TransactItems[" + index + "]." + operation.getKey()));
                    }
                });
            }
            return accesses;
        }
        String iamAction = "dynamodb:" + action;
        for (String resource : resourcesOf(request, api)) {
            accesses.add(new Access(iamAction, resource, null));
        }
        return accesses;
    }

    /** The table (and index) ARNs a request acts on. */
    private static List<String> resourcesOf(JsonNode request, TemplateApi api) {
        Set<String> tables = new LinkedHashSet<>();
        if (request.path("TableName").isTextual()) {
            tables.add(request.path("TableName").asText());
        }
        request.path("RequestItems").fieldNames().forEachRemaining(tables::add);
        List<String> resources = new ArrayList<>();
        for (String table : tables) {
            String arn = api.resolver().tableArn(table);
            resources.add(request.path("IndexName").isTextual() ? arn + "/index/" + request.path("IndexName").asText() : arn);
        }
        return resources;
    }
}
