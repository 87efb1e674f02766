// The seed guide's three mistakes each fail the build with their rule, at the right place; and
// `$input.path('$')` as a response template prints a Java map ({Item={}}), not JSON (RSP003, and VTL015 says why); the other GetItem
// response cannot tell a missing item (RSP002), and its escapeJavaScript without replaceAll breaks on a stored apostrophe (RSP005).
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/items-api.json').toPath().toAbsolutePath().normalize().toString()

def expected = [
    "[ERROR] ${spec}:[17,34] DDB001 GetItem request: Value null at 'key' failed to satisfy constraint: Member must not be null (POST /items [getItem], example by-id)",
    "[ERROR] ${spec}:[17,34] DDB001 GetItem request: Value null at 'tableName' failed to satisfy constraint: Member must not be null (POST /items [getItem], example by-id)",
    "[WARNING] ${spec}:[17,39] DDB002 GetItem request at id: Unknown member 'id' in GetItemInput; DynamoDB ignores it (POST /items [getItem], example by-id)",
    "[WARNING] ${spec}:[17,49] SEC001 Client input 'body \$.id' can break the DynamoDB request: '\",\"TableName\":\"Other' changes the request's structure: member /TableName appears; wrap it in \$util.escapeJavaScript(...).replaceAll(\"\\\\'\",\"'\") (POST /items [getItem], example by-id)",
    "[ERROR] ${spec}:[20,89] RSP003 The application/json response for status 200 is not valid JSON when DynamoDB answers 200 (the example's dynamodbResponse): Unexpected character ('I' (code 73)): was expecting double-quote to start field name at output line 1, column 2: { >>>Item={}} (POST /items [getItem], example by-id)",
    "[WARNING] ${spec}:[20,96] VTL015 The template writes a JSON object as text (\$input.path('\$')): API Gateway writes it as Java's map text, {key=value}, which is no JSON, so the output is not; write \$input.json('...') for the object as JSON, or its members one by one (POST /items [getItem])",
    "[WARNING] ${spec}:[43,125] RSP002 When GetItem finds no item, DynamoDB answers 200 without Item, and this template gives the client status 200 and '{\"name\": \"\"}', an item's shape with its fields empty: no condition of the template tests for the item (GET /items/{id} [readItem])",
    "[WARNING] ${spec}:[43,125] RSP005 When attribute 'name' of DynamoDB's answer holds an apostrophe ('), as text users store may, the application/json response for status 200 is not valid JSON (Unrecognized character escape ''' (code 39) at output line 1: {\"name\": \"stored text\\ >>>'\"}): \$util.escapeJavaScript turns it into \\', which JSON does not allow; add .replaceAll(\"\\\\'\",\"'\") (GET /items/{id} [readItem], example one)",
    "[ERROR] ${spec}:[36,11] AGW006 Integration httpMethod is 'GET' but DynamoDB actions are called with POST, whatever the client's method (GET /items/{id} [readItem])",
    "[ERROR] ${spec}:[54,9] AGW007 The integration has no 'credentials': API Gateway needs an IAM role it may assume to call DynamoDB (\"Role ARN must be specified for AWS integrations\") (DELETE /items/{id} [deleteItem])",
    "[ERROR] apigw:check: 5 errors, 5 warnings, 0 info in 1 spec (3 DynamoDB integrations, 3 examples rendered); SARIF: ${basedir.toPath().toAbsolutePath().normalize()}/target/apigw/apigw.sarif",
]
def lines = log.readLines()
expected.each { line ->
    assert lines.contains(line.toString()) : "missing log line:\n${line}"
}
// exactly these findings, nothing else
def findingLines = lines.findAll { it ==~ /\[(ERROR|WARNING|INFO)\] \/.*:\[\d+,\d+\] [A-Z]{3,4}\d{3} .*/ }
assert findingLines.size() == 10 : "unexpected findings:\n" + findingLines.join('\n')
assert log.contains('apigw:check found 5 findings at or above error (apigw.failOn)')
assert !log.contains('Exception:') && !log.contains('\tat ') : 'a stack trace reached the log'
true
