// <failon> in pluginManagement would otherwise leave failOn at error and pass the seed's warnings unseen
def log = new File(basedir, 'build.log').text
assert log.contains('Unknown parameter <failon> (did you mean <failOn>?) in the configuration of apigw:check; its parameters: ')
assert !log.contains('apigw:check: 0 errors')
true
