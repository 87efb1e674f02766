// The seed guide's own Swagger example passes: warnings, no errors, SARIF written. Its injection holes are
// warnings (SEC rules default to warning): id and name, with the hostile value that breaks the request.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checking seed-api.json (Swagger 2.0): 1 DynamoDB integration')
assert log.contains('[WARNING] apigw:check: 0 errors, 4 warnings, 0 info in 1 spec (1 DynamoDB integration, 1 example rendered)')
assert log.contains("SEC001 Client input 'body \$.id' can break the DynamoDB request: '\",\"TableName\":\"Other' changes the request's structure: member /Item/id/TableName appears")
assert log.contains("SEC001 Client input 'body \$.name' can break the DynamoDB request: '\",\"TableName\":\"Other'")
assert log.contains('SEC003 A client that sends its body as text/plain bypasses the request templates')
assert log.contains('MAP010 DynamoDB errors 4xx') : 'the seed returns DynamoDB errors with status 200'
assert log.contains('(passthroughBehavior is not set, so it is when_no_match)')
assert !log.contains('AGW011') : 'the passthrough is said once, by SEC003'
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/apigw/apigw.sarif').isFile()
true
