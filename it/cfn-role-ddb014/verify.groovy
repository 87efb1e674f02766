// The role of the template allows GetItem only: the PutItem integration fails with DDB014 at the policy.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/template.yaml').toPath().toAbsolutePath().normalize().toString()
assert log.contains("[ERROR] ${spec}:[27,11] DDB014 Role ApiRole (the credentials of this integration) does not allow dynamodb:PutItem on arn:aws:dynamodb:us-east-1:123456789012:table/items-dev: every call fails with AccessDeniedException (POST /items [putItem], example one)".toString())
assert log.contains('apigw:check found 1 finding at or above error (apigw.failOn)')
assert !log.contains('Exception:') && !log.contains('\tat ') : 'a stack trace reached the log'
true
