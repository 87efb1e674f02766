// v1/api.yaml and v2/api.yaml would both be written to target/apigw/api.yaml: the build names both and writes neither.
def log = new File(basedir, 'build.log').text
assert log.contains('apigw:bundle: src/main/apigateway/v1/api.yaml and src/main/apigateway/v2/api.yaml would both be bundled as api.yaml,'
        + ' and only the last would be attached: a bundle is named after its file. Rename one of them')
assert !new File(basedir, 'target/apigw/api.yaml').exists()
assert !log.contains('\tat ') : 'a stack trace reached the log'
true
