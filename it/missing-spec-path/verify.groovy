def log = new File(basedir, 'build.log').text
assert log.contains('src/api-that-is-not-there named in <specs> (apigw.specs) does not exist; name existing files or directories, or remove the parameter to use src/main/apigateway')
assert !log.contains('\tat ') : 'a stack trace reached the log'
true
