// Each configuration keeps its own stamp, so no execution re-runs because of another's inputs; executions configured
// alike share one; executions configured differently that share reports are warned about, and re-run when the other
// rewrote them.
def lines = new File(basedir, 'build.log').text.readLines()
def events = lines.findAll { it.contains('nothing changed since the last successful check') || it ==~ /.*apigw:check: \d+ errors?, .* in 1 spec.*/ }
        .findAll { !it.contains(': checking again') }
        .collect { it.contains('nothing changed') ? 'skipped' : 'checked' }
// 'shared' and 'lenient' (with 'alike') write the same reports: each finds the other's there and checks again, so that
// the reports hold its own findings (the warning below says to give each its own <outputDirectory>)
assert events == ['checked', 'checked', 'checked', 'checked', 'skipped', 'skipped', 'checked', 'checked'] : events
assert lines.count { it.contains('are gone or rewritten since: checking again') } == 3
// each skip repeats its own configuration's counts
assert lines.findAll { it.contains('nothing changed since the last successful check (0 errors, 2 warnings, 0 info;') }.size() == 1
assert lines.findAll { it.contains('nothing changed since the last successful check (0 errors, 0 warnings, 0 info;') }.size() == 1
def out = new File(basedir, 'target/apigw').toPath().toAbsolutePath().normalize()
def warning = "[WARNING] apigw:check: executions 'lenient' and 'shared' are configured differently but both write their reports to ${out}:" +
        " the second overwrites the first's; give each execution its own <outputDirectory>"
assert lines.count(warning.toString()) == 2 : 'once per build'
assert !lines.any { it.contains("'alike'") && it.contains('configured differently') }
def stamps = { String dir -> new File(basedir, dir).listFiles().findAll { it.name ==~ /apigw-inputs-[0-9a-f]{16}\.sha256/ } }
assert stamps('target/apigw').size() == 2 : 'lenient (and alike), shared'
assert stamps('target/apigw-strict').size() == 1
assert new File(basedir, 'target/apigw-strict/apigw.sarif').isFile()
true
