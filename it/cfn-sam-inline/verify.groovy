// An inline DefinitionBody with !Sub/!GetAtt is found, resolved (role, table) and passes.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/template.yaml').toPath().toAbsolutePath().normalize().toString()
assert log.contains('[INFO] Checking template.yaml (CloudFormation/SAM template): 1 DynamoDB integration')
assert log.contains("[INFO] ${spec}:[52,17] CFN005 ApiRole has no RoleName, so CloudFormation generates its name at deployment; 'ApiRole' stands in for it".toString())
assert log.contains('apigw:check: 0 errors, 0 warnings, 1 info in 1 spec (1 DynamoDB integration, 1 example rendered)')
assert !log.contains('DDB014') && !log.contains('CFN004')
assert log.contains('BUILD SUCCESS')
true
