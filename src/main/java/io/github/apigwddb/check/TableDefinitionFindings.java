package io.github.apigwddb.check;

import io.github.apigwddb.dynamodb.schema.TableSchemaProblem;
import io.github.apigwddb.dynamodb.schema.TableSchemas;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.util.List;

/** The table definition files that could not be read (SPEC001) or hold an invalid definition (DDB013), as findings. */
final class TableDefinitionFindings {

    private TableDefinitionFindings() {
    }

    static List<Finding> of(TableSchemas tables) {
        return tables.problems().stream().map(TableDefinitionFindings::finding).toList();
    }

    private static Finding finding(TableSchemaProblem problem) {
        Rule rule = problem.syntax() ? Rule.SPEC001 : Rule.DDB013;
        return new Finding(rule, rule.defaultSeverity(), problem.message(), Locator.position(problem.file(), problem.position()), null, null);
    }
}
