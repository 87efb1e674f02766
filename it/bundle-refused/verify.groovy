def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/api.yaml').toPath().toAbsolutePath().normalize()
// run 1: the check's error stops the bundle
assert log.contains('AGW006 Integration httpMethod is \'GET\'')
assert log.contains('apigw:check found 1 finding at or above error (apigw.failOn)')
// run 2: no check; the placeholder without a value is named, with its position, and nothing is written
assert log.contains('the check is skipped (apigw.skipCheck)')
assert log.contains("[ERROR] ${spec}:[2,23] Placeholder {{apigw:version}} has no value")
assert log.contains('apigw:bundle cannot write a self-contained definition: 1 problem')
assert !new File(basedir, 'target/apigw/api.yaml').exists()
assert !log.contains('\tat ') : 'a stack trace reached the log'
true
