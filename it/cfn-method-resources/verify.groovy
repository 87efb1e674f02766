// AWS::ApiGateway::Method resources are assembled into paths from their Resource parents and checked.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/template.yaml').toPath().toAbsolutePath().normalize().toString()
assert log.contains('[INFO] Checking template.yaml (CloudFormation/SAM template): 2 DynamoDB integrations')
def lines = log.readLines()
// the operation is named once, at the end, as for every finding
assert lines.any { it.startsWith("[WARNING] ${spec}:[55,3] EXM002 No example: rendered with one made up from the schemas and from what the request template reads (body \$.artist);".toString()) && it.count('POST /music') == 1 }
assert lines.any { it.startsWith("[WARNING] ${spec}:[80,3] EXM002 No example: rendered".toString()) && it.count('GET /music/{artist}') == 1 }
assert log.contains('apigw:check: 0 errors, 2 warnings, 0 info in 1 spec (2 DynamoDB integrations, 2 examples rendered)')
assert log.contains('BUILD SUCCESS')
true
