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
 * for an {@code IndexName}). Reported once per integration, table and action, at the policy.
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
        for (String resource : resourcesOf(run.requestJson.root(), api)) {
            String iamAction = "dynamodb:" + action;
            RolePermissions.Decision decision = role.get().decide(iamAction, resource);
            if (decision == RolePermissions.Decision.ALLOWED || decision == RolePermissions.Decision.UNKNOWN) {
                continue;
            }
            String key = System.identityHashCode(api.spec()) + run.integration.pointer() + "|" + iamAction + "|" + resource;
            if (!reported.add(key)) {
                continue;
            }
            String why = decision == RolePermissions.Decision.DENIED ? "denies" : "does not allow";
            run.findings.add(new Locator(api.template().spec()).at(Rule.DDB014, "Role " + role.get().role().logicalId()
                    + " (the credentials of this integration) " + why + " " + iamAction + " on " + resource
                    + ": every call fails with AccessDeniedException", role.get().reportPointer(), run.operation(), run.example.name()));
        }
    }

    /** The table (and index) ARNs a request acts on. */
    private static List<String> resourcesOf(JsonNode request, TemplateApi api) {
        Set<String> tables = new LinkedHashSet<>();
        if (request.path("TableName").isTextual()) {
            tables.add(request.path("TableName").asText());
        }
        request.path("RequestItems").fieldNames().forEachRemaining(tables::add);
        for (JsonNode item : request.path("TransactItems")) {
            item.elements().forEachRemaining(operation -> {
                if (operation.path("TableName").isTextual()) {
                    tables.add(operation.path("TableName").asText());
                }
            });
        }
        List<String> resources = new ArrayList<>();
        for (String table : tables) {
            String arn = api.resolver().tableArn(table);
            resources.add(request.path("IndexName").isTextual() ? arn + "/index/" + request.path("IndexName").asText() : arn);
        }
        return resources;
    }
}
