// The check bundle runs is the build's check: the check goal after it in the same build does not print its findings again.
def lines = new File(basedir, 'build.log').text.readLines()
def findingLines = lines.findAll { it ==~ /\[WARNING\] .*:\[[0-9]+,[0-9]+\] [A-Z]+[0-9]{3} .*/ }
assert !findingLines.isEmpty() : 'the seed has warnings'
def distinct = findingLines.toSet()
// build 1 prints each once (bundle's check), build 2 once more (a skip replays the last check's findings for its log),
// build 3 once more (forced: bundle's check runs again, check's does not run a second time)
assert findingLines.size() == 3 * distinct.size() : findingLines
assert lines.count { it.contains('apigw:check: checked earlier in this build (') } == 3
assert lines.count { it.contains('apigw:check: nothing changed since the last successful check (') } == 1
true
