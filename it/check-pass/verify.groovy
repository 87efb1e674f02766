// The seed guide's own Swagger example passes: warnings, no errors, SARIF written.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checking seed-api.json (Swagger 2.0): 1 DynamoDB integration')
assert log.contains('[WARNING] apigw:check: 0 errors, 3 warnings, 0 info in 1 spec (1 DynamoDB integration, 1 example rendered)')
assert log.contains('MAP010 DynamoDB errors 4xx') : 'the seed returns DynamoDB errors with status 200'
assert log.contains('AGW011 passthroughBehavior is not set')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/apigw/apigw.sarif').isFile()
true
