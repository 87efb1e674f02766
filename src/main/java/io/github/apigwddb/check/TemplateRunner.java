package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.FnSubPlaceholders;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.RenderProblem;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateSyntaxException;

/** Compiles and renders a mapping template for a run, turning template problems into findings. */
final class TemplateRunner {

    private final ApiGatewayTemplateEngine engine;

    TemplateRunner(ApiGatewayTemplateEngine engine) {
        this.engine = engine;
    }

    /** The compiled template, or null when it does not compile (reported where it is rendered). */
    CompiledTemplate compiled(MappingTemplate template) {
        try {
            return engine.compile(template.pointer(), template.text());
        } catch (TemplateSyntaxException e) {
            return null;
        }
    }

    /** @return the render result, or null when the template does not compile or the render failed (findings added) */
    RenderResult render(ExampleRun run, MappingTemplate template, String body) {
        CompiledTemplate compiled;
        try {
            // Fn::Sub templates reach API Gateway with CloudFormation's substitutions made.
            String text = template.fromIntrinsic() ? FnSubPlaceholders.substitute(template.text()) : template.text();
            compiled = engine.compile(template.pointer(), text);
        } catch (TemplateSyntaxException e) {
            run.inTemplate(Rule.VTL001, "Template does not parse: " + e.getMessage(), template, e.line(), e.column());
            return null;
        }
        Example example = run.example;
        TemplateInput input = new TemplateInput(body, example.path(), example.querystring(), example.headers(),
                run.stageVariables, example.context());
        RenderResult result = engine.render(compiled, input);
        if (!result.ok()) {
            report(run, template, result.problem());
            return null;
        }
        return result;
    }

    private static void report(ExampleRun run, MappingTemplate template, RenderProblem problem) {
        switch (problem.kind()) {
            case BAD_BODY -> run.atExample(Rule.EXM005, "API Gateway would answer 400 before calling DynamoDB: " + problem.message(), "body");
            case LIMIT -> run.inTemplate(Rule.VTL007, problem.message(), template, problem.line(), problem.column());
            case SANDBOX -> run.inTemplate(Rule.VTL011, problem.message(), template, problem.line(), problem.column());
            default -> run.inTemplate(Rule.VTL010, problem.message(), template, problem.line(), problem.column());
        }
    }
}
