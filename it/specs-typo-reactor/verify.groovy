def log = new File(basedir, 'build.log').text
// each module says it has nothing to check; the build says once that no module has the path
assert log.count('names for the whole build: nothing to check there') == 3
assert log.count('[WARNING] None of the 3 modules of this build has src/main/apigatway, which <specs> (apigw.specs) names: nothing is checked; check the spelling') == 1
assert !log.contains('\tat ') : 'a stack trace reached the log'
true
