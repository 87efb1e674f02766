package io.github.apigwddb.rules;

import static io.github.apigwddb.rules.Severity.ERROR;
import static io.github.apigwddb.rules.Severity.INFO;
import static io.github.apigwddb.rules.Severity.WARNING;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rule catalogue: every finding the plugin can report, with its stable id (the enum name), default
 * severity and a one-line title. Ids are grouped by prefix (architecture contract §4); each has a docs
 * page {@code docs/rules/<ID>.md}.
 */
public enum Rule {
    // SPEC: loading and OpenAPI validity
    SPEC001(ERROR, "The file cannot be read as JSON or YAML"),
    SPEC002(WARNING, "The document is not a valid OpenAPI/Swagger definition"),
    SPEC004(ERROR, "A reference cannot be resolved"),
    SPEC005(WARNING, "x-apigw-ignore entry has no reason or names an unknown rule"),
    SPEC006(WARNING, "OpenAPI version outside those API Gateway imports"),
    SPEC007(WARNING, "YAML merge key or alias that the deployment may not expand"),

    // AGW: the integration object
    AGW001(ERROR, "Integration type is missing or unknown"),
    AGW002(ERROR, "A DynamoDB integration must be of type aws"),
    AGW003(ERROR, "Integration uri is not a DynamoDB action ARN"),
    AGW004(ERROR, "Unknown DynamoDB action"),
    AGW005(WARNING, "Region is not a valid AWS region"),
    AGW006(ERROR, "Integration httpMethod must be POST"),
    AGW007(ERROR, "Integration credentials are missing"),
    AGW008(ERROR, "Integration credentials are not an IAM role ARN"),
    AGW009(ERROR, "Caller credentials need IAM authorization"),
    AGW010(ERROR, "Unknown passthroughBehavior"),
    AGW011(WARNING, "Client bodies can pass through to DynamoDB untransformed"),
    AGW012(ERROR, "No application/json request template"),
    AGW013(WARNING, "Template key is not a media type, or repeats one"),
    AGW014(ERROR, "Integration timeout is outside API Gateway's limits"),
    AGW015(ERROR, "Unknown contentHandling"),
    AGW016(WARNING, "Setting of an HTTP API or HTTP integration on a DynamoDB integration"),
    AGW017(WARNING, "Unknown key in the integration or an integration response"),
    AGW018(ERROR, "The integration or a mapping template is a $ref, which REST APIs do not resolve"),
    AGW019(ERROR, "An operation's API Gateway extension is written on the path item"),
    // AGW020 only where the definition has integrations elsewhere (it is imported into API Gateway), on REST APIs: a method
    // without integration is a warning of the import and fails every deployment of the API ("No integration defined for method")
    AGW020(ERROR, "Method has no integration"),

    // MAP: parameter and response mappings
    MAP001(ERROR, "Request parameter mapping is invalid or its source undeclared"),
    MAP005(ERROR, "Cache key parameter is not a declared method request parameter"),
    MAP006(ERROR, "No default integration response"),
    MAP007(ERROR, "Integration response status has no method response"),
    MAP008(ERROR, "Selection pattern is not a valid regular expression"),
    MAP009(WARNING, "Selection pattern matches no status DynamoDB answers with"),
    MAP010(WARNING, "DynamoDB errors are not mapped to 4xx/5xx"),
    MAP011(ERROR, "Response parameter maps onto an undeclared or invalid header"),
    MAP012(WARNING, "Read action returns DynamoDB-typed JSON to the client"),
    MAP013(ERROR, "Request validator is not defined or misconfigured"),
    MAP015(ERROR, "Invalid gateway response"),
    MAP016(WARNING, "Binary media types cover the JSON of DynamoDB requests"),
    MAP017(ERROR, "Two integration responses of a method cannot both take effect"),

    // VTL: template parsing and rendering
    VTL001(ERROR, "Template does not parse"),
    VTL002(ERROR, "Rendered request is not valid JSON"),
    VTL003(WARNING, "Template names a variable or function API Gateway does not have"),
    VTL007(ERROR, "Template exceeds a limit of API Gateway or of the check's renderer"),
    VTL008(INFO, "Template overrides the status to one the operation does not declare"),
    VTL009(WARNING, "Template breaks when optional inputs are absent"),
    VTL010(ERROR, "Template fails while rendering"),
    VTL011(ERROR, "Template reaches outside the sandbox"),
    VTL012(INFO, "Template reads a stage variable the check has no value for"),
    VTL013(WARNING, "Template reads $context.authorizer values that no authorizer of the operation fills"),
    VTL014(WARNING, "Template reads a request parameter the operation does not declare"),
    VTL015(WARNING, "Template writes a JSON object as Java's map text"),
    VTL016(WARNING, "A #foreach goes over text, so it never runs"),
    VTL017(WARNING, "Template reads a body a GET or HEAD request does not carry"),

    // DDB: DynamoDB request members and values
    DDB000(ERROR, "Internal error while validating a DynamoDB request"),
    DDB001(ERROR, "Required DynamoDB request member is missing"),
    DDB002(WARNING, "Unknown DynamoDB request member"),
    DDB003(ERROR, "DynamoDB request member has the wrong JSON type"),
    DDB004(ERROR, "DynamoDB request member violates a constraint"),
    DDB005(ERROR, "Value not allowed for this action"),
    DDB006(ERROR, "AttributeValue must have exactly one data type"),
    DDB007(ERROR, "Invalid number in an AttributeValue"),
    DDB008(ERROR, "Invalid set, NULL or binary AttributeValue"),
    DDB009(ERROR, "DynamoDB size, nesting or key value limit exceeded"),
    DDB010(ERROR, "Invalid batch or transaction request"),
    DDB011(ERROR, "Invalid Scan segment"),
    DDB012(ERROR, "Legacy and expression parameters mixed"),
    // DDB013 reports against tables apigw.tables or the API's own template defines (another stack's table, unknown there, is
    // not reported unless its name is a typo of a defined one), where DynamoDB would reject the request: error
    DDB013(ERROR, "Request does not match the table schema"),
    // DDB014 reports a role of the same template that allows no such call: AccessDenied on every call
    DDB014(ERROR, "The integration role lacks the DynamoDB permission"),
    DDB015(WARNING, "A client's array can make a batch or transaction exceed DynamoDB's limit"),

    // DDX: DynamoDB expressions
    DDX001(ERROR, "Expression syntax error"),
    DDX002(ERROR, "Expression placeholder is not defined"),
    DDX003(ERROR, "Expression placeholder is defined but not used"),
    DDX004(ERROR, "Invalid expression placeholder map"),
    DDX005(ERROR, "Reserved word used as an attribute name"),
    DDX006(ERROR, "Invalid function in an expression"),
    DDX007(ERROR, "Invalid key condition"),
    DDX008(ERROR, "Invalid update expression"),
    DDX009(ERROR, "Overlapping projection paths"),
    DDX010(ERROR, "Invalid BETWEEN bounds"),
    DDX011(ERROR, "Expression limit exceeded"),
    DDX012(WARNING, "PartiQL parameters do not match the statement"),
    DDX013(ERROR, "PartiQL statement is not well formed"),

    // RSP: the response side
    RSP001(WARNING, "Response template JSONPath never matches the action's output"),
    RSP002(WARNING, "GetItem response cannot tell a missing item from a found one"),
    RSP003(ERROR, "Rendered client response is not valid JSON"),
    RSP004(WARNING, "Error template gives the client DynamoDB's error type"),
    RSP005(WARNING, "A string DynamoDB returns can break the client's JSON"),
    RSP006(WARNING, "An item without one of its attributes breaks the client's JSON"),

    // SEC: injection and exposure
    SEC001(WARNING, "Client input can break or rewrite the DynamoDB request"),
    SEC002(WARNING, "An apostrophe breaks the request after $util.escapeJavaScript"),
    SEC003(WARNING, "The client's body is sent to DynamoDB as the request"),
    SEC004(WARNING, "The client chooses attribute or key names in the request"),

    // EXM: examples and their expectations
    EXM001(ERROR, "Example expectation not met"),
    EXM002(WARNING, "Operation has no example"),
    EXM003(WARNING, "Example parameter is not declared by the operation"),
    EXM004(ERROR, "Example cannot be read"),
    EXM005(WARNING, "Example body would be rejected by API Gateway"),
    EXM006(WARNING, "Two examples of an operation have the same name"),
    EXM007(WARNING, "Example file names no operation"),
    EXM008(WARNING, "Example gives no value for a path parameter"),

    // CFN: CloudFormation/SAM embedding
    CFN001(WARNING, "An API of the template cannot be read"),
    CFN002(ERROR, "YAML short form in a file pulled in by AWS::Include"),
    CFN003(ERROR, "Intrinsic function in a file CloudFormation does not process"),
    CFN004(ERROR, "Fn::Sub takes a VTL reference for its own variable"),
    CFN005(INFO, "Value not known before deployment: a placeholder is used"),
    CFN007(WARNING, "Unknown YAML tag"),
    CFN008(INFO, "API not checked: HTTP APIs are out of scope"),
    CFN009(ERROR, "Ref or Fn::GetAtt names no parameter or resource of the template"),
    CFN010(ERROR, "Circular reference between resources, conditions or parameters");

    private final Severity defaultSeverity;
    private final String title;

    Rule(Severity defaultSeverity, String title) {
        this.defaultSeverity = defaultSeverity;
        this.title = title;
    }

    public String id() {
        return name();
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String title() {
        return title;
    }

    /** A few sentences on what the rule checks and why (SARIF fullDescription and help text). */
    public String description() {
        return RuleDescriptions.of(this);
    }

    /** Where the rule's documentation lives (SARIF helpUri, console hints). */
    public String docsUrl() {
        return "https://github.com/apigwddb/apigw-dynamodb-maven-plugin/blob/main/docs/rules/" + name() + ".md";
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }
}
