// Rule levels from the POM and the command line; unknown rule ids and parameter names fail with the valid names.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/items-api.yaml').toPath().toAbsolutePath().normalize().toString()
def agw011 = "${spec}:[16,7] AGW011 passthroughBehavior is not set, so it is when_no_match"
def sec003 = "${spec}:[16,7] SEC003 A client that sends its body as text/plain bypasses the request templates"

// 1: AGW011 raised to error fails the build; MAP012 (GetItem without response template) is off; SEC003, which says the
// same passthrough at the same place, gives way to the more severe AGW011
assert log.contains("[ERROR] ${agw011}")
assert log.contains('[ERROR] apigw:check: 1 error, 1 warning, 0 info in 1 spec') // AGW011 and SEC001
assert log.contains('apigw:check found 1 finding at or above error (apigw.failOn)')
assert !log.contains(' MAP012 ')
// 2: -Dapigw.rules wins over <rules>: AGW011 is a warning again, and of two equal warnings for one passthrough SEC003 stands
assert log.contains("[WARNING] ${sec003}")
assert !log.contains("[WARNING] ${agw011}")
assert log.contains('[WARNING] apigw:check: 0 errors, 2 warnings, 0 info in 1 spec')
// 3: an unknown rule id
assert log.contains("Unknown rule id 'AGW999' in <rules> / apigw.rules; valid rule ids: SPEC001, SPEC002")
assert log.contains('MAP012, MAP013, MAP015, MAP016, MAP017, VTL001')
// 4: a misspelt parameter
assert log.contains('Unknown parameter <failon> (did you mean <failOn>?) in the configuration of apigw:check; its parameters: ')
assert log =~ /its parameters: .*baseline, .*failOn, .*rules, /
// render's and bundle's parameters are accepted, but not listed as check's (user trial)
def checkTypo = log.readLines().find { it.contains('in the configuration of apigw:check; its parameters: ') }
assert !(checkTypo =~ /\b(body|dynamodbStatus|operation)\b/)
// 5: the docs goal checks its configuration as well; the help goal's parameters are no valid names for it
def docsTypo = log.readLines().find { it.contains('in the configuration of apigw:docs; its parameters: ') }
assert docsTypo && docsTypo.contains('Unknown parameter <failon> (did you mean <failOn>?)')
assert !(docsTypo =~ /\b(detail|indentSize|lineLength)\b/)
// 6: a level without its rule on the command line: the message names what was typed
assert log.contains("-Dapigw.rules takes name=value pairs separated by commas; 'AGW011' has no name=value form")
assert !log.contains('\tat ') : 'a stack trace reached the log'
true
