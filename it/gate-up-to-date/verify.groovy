// Unchanged inputs skip the check; an edited example file and apigw.force run it again.
def lines = new File(basedir, 'build.log').text.readLines()
def events = lines.findAll { it.contains('apigw:check: nothing changed since the last successful check') || it.contains('apigw:check: 0 errors') }
        .collect { it.contains('nothing changed') ? 'skipped' : 'checked' }
assert events == ['checked', 'skipped', 'checked', 'checked'] : events
assert lines.any { it.contains('apigw-inputs.sha256); skipped. -Dapigw.force runs it anyway') }
assert new File(basedir, 'target/apigw/apigw-inputs.sha256').text.trim() ==~ /[0-9a-f]{64}/
// the reports of run 4 are there, and name the example of the edited file
assert new File(basedir, 'target/apigw/TEST-apigw.xml').text.contains('example second')
true
