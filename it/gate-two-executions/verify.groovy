// Each check execution keeps its own stamp, so none re-runs because of another; sharing reports is warned about.
def lines = new File(basedir, 'build.log').text.readLines()
def events = lines.findAll { it.contains('nothing changed since the last successful check') || it ==~ /.*apigw:check: \d+ errors?, .* in 1 spec.*/ }
        .collect { it.contains('nothing changed') ? 'skipped' : 'checked' }
assert events == ['checked', 'checked', 'checked', 'skipped', 'skipped', 'skipped'] : events
// each skip repeats its own execution's counts
assert lines.findAll { it.contains('nothing changed since the last successful check (0 errors, 2 warnings, 0 info;') }.size() == 1
assert lines.findAll { it.contains('nothing changed since the last successful check (0 errors, 0 warnings, 0 info;') }.size() == 1
assert lines.findAll { it.contains('nothing changed since the last successful check (0 errors, 1 warning, 1 info;') }.size() == 1
def out = new File(basedir, 'target/apigw').toPath().toAbsolutePath().normalize()
assert lines.any { it == "[WARNING] apigw:check: executions 'lenient' and 'shared' both write their reports to ${out}: the second overwrites the first's; give each execution its own <outputDirectory>".toString() }
assert new File(basedir, 'target/apigw/apigw-inputs-lenient.sha256').isFile()
assert new File(basedir, 'target/apigw/apigw-inputs-shared.sha256').isFile()
assert new File(basedir, 'target/apigw-strict/apigw-inputs-strict.sha256').isFile()
assert new File(basedir, 'target/apigw-strict/apigw.sarif').isFile()
true
