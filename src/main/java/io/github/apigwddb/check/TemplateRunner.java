package io.github.apigwddb.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.FnSubPlaceholders;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.integration.ToolPlaceholders;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.TextEdits;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.ObjectText;
import io.github.apigwddb.vtl.RenderProblem;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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

    /**
     * The compiled text API Gateway receives (see {@link #asDeployed}), for reading the template before any example
     * renders it. Null when it does not compile (reported where it renders).
     */
    CompiledTemplate compiledAsDeployed(MappingTemplate template, boolean fromCloudFormation, Map<String, String> templateValues) {
        return compiled(template, asDeployed(template, fromCloudFormation, templateValues));
    }

    /** A template of the integration as deployed, compiled, for the rules that read it without rendering. */
    record Readable(MappingTemplate template, Deployed deployed, CompiledTemplate compiled) {
    }

    /**
     * The integration's templates that can be read: those that compile, and are not wholly another tool's placeholder
     * without a value (VTL001 or CFN005 says why of the others).
     */
    List<Readable> readable(ExampleRun run) {
        List<Readable> readable = new ArrayList<>();
        for (MappingTemplate template : run.integration.templates()) {
            Deployed deployed = asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            CompiledTemplate compiled = deployed.wholePlaceholder(template) ? null : compiled(template, deployed);
            if (compiled != null) {
                readable.add(new Readable(template, deployed, compiled));
            }
        }
        return readable;
    }

    /** The template's deployed text compiled; null when it does not compile (reported where it renders). */
    CompiledTemplate compiled(MappingTemplate template, Deployed deployed) {
        try {
            return engine.compile(template.pointer(), deployed.text());
        } catch (TemplateSyntaxException e) {
            return null;
        }
    }

    /**
     * A template's text as API Gateway receives it, and what the substitution did: the spans it changed, to place
     * findings in the text as written, and the placeholders it gave stand-ins for want of a value.
     *
     * @param standIns placeholder name → its stand-in, for those without a value
     * @param toolPlaceholders whether the placeholders are another tool's ({@code ${name}} outside CloudFormation)
     */
    record Deployed(String text, TextEdits edits, Map<String, String> standIns, boolean toolPlaceholders) {

        /** The 1-based line and column in {@code written} of a line and column in {@link #text}. */
        int[] written(String written, int line, int column) {
            if (edits.isEmpty()) {
                return new int[] {line, column};
            }
            TextPosition at = edits.writtenPosition(text, written, line, column);
            return new int[] {at.line(), at.column()};
        }

        /** Whether the whole template is a placeholder of another tool without a value: there is nothing to read. */
        boolean wholePlaceholder(MappingTemplate template) {
            return toolPlaceholders && !standIns.isEmpty() && ToolPlaceholders.isWholeTemplate(template.text(), standIns.keySet());
        }

        /**
         * The placeholders without a value that stand for a block of template text, which may set variables: another
         * tool's, and an Fn::Sub variable alone on its line (its stand-in is empty); elsewhere an Fn::Sub one is a word.
         */
        Set<String> unknownBlocks() {
            Set<String> blocks = new LinkedHashSet<>();
            standIns.forEach((name, standIn) -> {
                if (toolPlaceholders || standIn.isEmpty()) {
                    blocks.add(name);
                }
            });
            return blocks;
        }
    }

    /**
     * The text API Gateway receives: Fn::Sub templates with CloudFormation's substitutions made, other tools'
     * {@code ${name}} placeholders filled from {@code apigw.parameters} (a value not given gets the name as a
     * stand-in); a template CloudFormation resolved already is VTL as it stands.
     */
    static Deployed asDeployed(MappingTemplate template, boolean fromCloudFormation, Map<String, String> templateValues) {
        String text = template.text();
        if (template.fromIntrinsic()) {
            FnSubPlaceholders.Substitution substituted = FnSubPlaceholders.substitute(text, templateValues);
            return new Deployed(substituted.text(), substituted.edits(), substituted.standIns(), false);
        }
        Set<String> names = fromCloudFormation ? Set.of() : ToolPlaceholders.find(text);
        if (names.isEmpty()) {
            return new Deployed(text, new TextEdits(), Map.of(), false);
        }
        Map<String, String> standIns = new LinkedHashMap<>();
        names.stream().filter(name -> !templateValues.containsKey(name)).forEach(name -> standIns.put(name, name));
        TextEdits edits = new TextEdits();
        return new Deployed(ToolPlaceholders.substitute(text, names, templateValues, edits), edits, standIns, true);
    }

    /** @return the render result, or null when the template does not compile or the render failed (findings added) */
    RenderResult render(ExampleRun run, MappingTemplate template, String body) {
        return render(run, template, body, false);
    }

    /** A response template's render of DynamoDB's answer {@code body}; see {@link #render(ExampleRun, MappingTemplate, String)}. */
    RenderResult renderResponse(ExampleRun run, MappingTemplate template, String body) {
        return render(run, template, body, true);
    }

    private RenderResult render(ExampleRun run, MappingTemplate template, String body, boolean response) {
        CompiledTemplate compiled;
        Deployed deployed = deployed(run, template, run::once);
        if (deployed == null) {
            return null;
        }
        try {
            compiled = engine.compile(template.pointer(), deployed.text());
        } catch (TemplateSyntaxException e) {
            // the template's own problem, whatever the example: said once per integration
            int[] at = deployed.written(template.text(), e.line(), e.column());
            run.once(run.locator.inTemplate(Rule.VTL001, "Template does not parse: " + e.getMessage(), template, at[0], at[1],
                    run.operation(), null));
            return null;
        }
        Example example = run.example;
        TemplateInput input = new TemplateInput(body, example.path(), example.querystring(), example.headers(),
                run.stageVariables, example.context());
        RenderResult result = engine.render(compiled, input);
        if (!result.ok()) {
            report(run, template, result.problem(), response, deployed.written(template.text(), result.problem().line(),
                    result.problem().column()));
            return null;
        }
        if (!result.objectTexts().isEmpty()) {
            // inside quotes the output is still JSON and nothing else says it; outside, the render checks say the output is
            // no JSON, and this says why (message-to-fix trial: three RSP003 without the cause)
            boolean json = JSON.treeOrNull(result.output()) != null;
            if (json || brokenByMapText(result.output())) {
                ObjectText first = result.objectTexts().get(0);
                int[] at = deployed.written(template.text(), first.line(), first.column());
                Finding finding = run.locator.inTemplate(Rule.VTL015, "The template writes a JSON object as text (" + first.written()
                        + "): API Gateway writes it as Java's map text, {key=value}, " + (json ? "which no JSON reader takes back (a"
                        + " pagination cursor made of it cannot be read in the next request)" : "which is no JSON, so the output is not")
                        + "; write $input.json('...') for the object as JSON, or its members one by one", template, at[0], at[1],
                        run.operation(), null);
                run.once(objectTextKey(finding), finding);
            }
        }
        return result;
    }

    private static final ObjectMapper STRICT = new ObjectMapper();

    /**
     * Whether the output stops being JSON where map text begins: an unquoted name and '=' ({@code {id={S=1}}}), which JSON
     * never has.
     */
    private static boolean brokenByMapText(String output) {
        try {
            STRICT.readTree(output);
            return false;
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            for (long i = offset; i >= 0 && i < output.length() && i < offset + 256; i++) {
                char c = output.charAt((int) i);
                if (c == '=') {
                    return i > offset;
                }
                if (c == ',' || c == '{' || c == '}' || c == '[' || c == ']' || c == '"' || c == ':' || c == '\n') {
                    return false;
                }
            }
            return false;
        }
    }

    private static final DocumentParser JSON = new DocumentParser();

    /** VTL015 is the template's, whatever the answer or example that showed it: said once per place. */
    static String objectTextKey(Finding finding) {
        return "VTL015|" + finding.position();
    }

    /**
     * The text API Gateway receives ({@link #asDeployed}), with its stand-ins said once, as info. Null when the whole
     * template is another tool's placeholder without a value: there is nothing to render.
     */
    static String deployedText(ExampleRun run, MappingTemplate template) {
        Deployed deployed = deployed(run, template, run::once);
        return deployed == null ? null : deployed.text();
    }

    /** The 1-based line and column in the template as written of a line and column in its text as deployed (see {@link #deployedText}). */
    static int[] writtenAt(ExampleRun run, MappingTemplate template, int line, int column) {
        return asDeployed(template, run.locator.fromTemplate(), run.templateValues).written(template.text(), line, column);
    }

    /**
     * {@link #deployedText(ExampleRun, MappingTemplate)} without its CFN005 findings: for a template the example does
     * not select, which is reported where an example selects it.
     */
    static String deployedTextUnreported(ExampleRun run, MappingTemplate template) {
        Deployed deployed = deployed(run, template, finding -> { });
        return deployed == null ? null : deployed.text();
    }

    private static Deployed deployed(ExampleRun run, MappingTemplate template, Consumer<Finding> report) {
        Deployed deployed = asDeployed(template, run.locator.fromTemplate(), run.templateValues);
        if (deployed.standIns().isEmpty()) {
            return deployed;
        }
        if (!deployed.toolPlaceholders()) {
            report.accept(run.locator.inTemplate(Rule.CFN005, "Fn::Sub variables " + deployed.standIns().keySet().stream()
                    .map(n -> "${" + n + "}").toList() + " are filled in by CloudFormation at deployment; rendered with"
                    + " stand-ins " + standIns(deployed.standIns()) + ". Give their values with apigw.parameters",
                    template, 1, 1, run.operation(), null));
            return deployed;
        }
        if (deployed.wholePlaceholder(template)) {
            report.accept(run.locator.inTemplate(Rule.CFN005, "The template is a placeholder of another templating tool ("
                    + template.text().strip() + "), filled in before deployment; it is not rendered. Give its text with"
                    + " apigw.parameters to check it", template, 1, 1, run.operation(), null));
            return null;
        }
        report.accept(run.locator.inTemplate(Rule.CFN005, "Placeholders " + deployed.standIns().keySet().stream()
                .map(n -> "${" + n + "}").toList() + " are no VTL variables of this template but another tool's (e.g. Terraform"
                + " templatefile), filled in before deployment; rendered with their names as stand-ins. Give their values with"
                + " apigw.parameters", template, 1, 1, run.operation(), null));
        return deployed;
    }

    private static String standIns(Map<String, String> standIns) {
        return standIns.entrySet().stream().map(e -> e.getKey() + " = '" + e.getValue() + "'").toList().toString();
    }

    /** @param at the problem's line and column in the template as written */
    private static void report(ExampleRun run, MappingTemplate template, RenderProblem problem, boolean response, int[] at) {
        switch (problem.kind()) {
            // DynamoDB answers JSON: an answer that is not is the example's own dynamodbResponse
            case BAD_BODY -> run.atExample(response ? Rule.EXM004 : Rule.EXM005, response
                    ? "The example's dynamodbResponse body is not the JSON DynamoDB answers, so the response template cannot read it: "
                            + problem.message()
                    : "API Gateway would answer 400 before calling DynamoDB: the body starts like JSON but is not valid JSON, and the"
                            + " template reads it as JSON (API Gateway's answer, json-smart's message included: \"" + problem.message()
                            + "\")", response ? "dynamodbResponse" : "body");
            case LIMIT -> run.inTemplate(Rule.VTL007, problem.message(), template, at[0], at[1]);
            case SANDBOX -> run.inTemplate(Rule.VTL011, problem.message(), template, at[0], at[1]);
            default -> run.inTemplate(Rule.VTL010, problem.message(), template, at[0], at[1]);
        }
    }
}
