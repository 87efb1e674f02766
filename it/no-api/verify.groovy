def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] No API definitions in src/main/apigateway: nothing to check')
assert !new File(basedir, 'target/apigw').exists()
true
