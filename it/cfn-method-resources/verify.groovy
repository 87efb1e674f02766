// AWS::ApiGateway::Method resources are assembled into paths from their Resource parents and checked.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/template.yaml').toPath().toAbsolutePath().normalize().toString()
assert log.contains('[INFO] Checking template.yaml (CloudFormation/SAM template): 2 DynamoDB integrations')
assert log.contains("[WARNING] ${spec}:[55,3] EXM002 No example for POST /music".toString())
assert log.contains("[WARNING] ${spec}:[80,3] EXM002 No example for GET /music/{artist}".toString())
assert log.contains('apigw:check: 0 errors, 2 warnings, 0 info in 1 spec (2 DynamoDB integrations, 2 examples rendered)')
assert log.contains('BUILD SUCCESS')
true
