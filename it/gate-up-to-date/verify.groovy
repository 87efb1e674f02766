// Unchanged inputs skip the check; an edited example file, a new parameter, a deleted report, an edited table
// definition file, reports another configuration rewrote, and apigw.force run it again.
def lines = new File(basedir, 'build.log').text.readLines()
def events = lines.findAll { it.contains('apigw:check: nothing changed since the last successful check')
        || it.contains('apigw:check: 0 errors') || it.contains('apigw:check found ') }
        .findAll { !it.contains(': checking again') }
        .collect { it.contains('nothing changed') ? 'skipped' : it.contains('found ') ? 'failed' : 'checked' }
assert events == ['checked', 'skipped', 'checked', 'checked', 'checked', 'skipped', 'checked', 'failed', 'checked'] : events

// a skipped run repeats the last check's result and names its report
def skipped = lines.findAll { it.contains('nothing changed since the last successful check (') }
assert skipped.size() == 2
def sarif = new File(basedir, 'target/apigw/apigw.sarif').toPath().toAbsolutePath().normalize()
assert skipped.every { it.endsWith("[WARNING] apigw:check: nothing changed since the last successful check (0 errors, 1 warning, 0 info; report ${sarif}); skipped. -Dapigw.force to check again") }
// ... after printing that warning again, as the check did: a skip's log does not look clean
lines.eachWithIndex { line, i ->
    if (line.contains('nothing changed since the last successful check (')) {
        assert lines[i - 1] ==~ /\[WARNING\] .*:\[[0-9]+,[0-9]+\] [A-Z]+[0-9]{3} .*/ : lines[i - 1]
    }
}

// run 2: the debug line bench/compare.sh reads the plugin's time of a skip from
assert lines.count { it ==~ /\[DEBUG\] apigw:check: up to date .*, found in [0-9]+ ms/ } == 1

// run 7: the deleted reports bring the check back
assert lines.any { it.contains("apigw:check: nothing changed since the last successful check, but the reports ${sarif}, ${sarif.resolveSibling('TEST-apigw.xml')} are gone or rewritten since: checking again") }
// run 9: the same words for the reports run 8 rewrote; the SARIF is now run 9's, without run 8's DDB013
assert lines.count { it.contains("are gone or rewritten since: checking again") } == 2
assert !new File(basedir, 'target/apigw/apigw.sarif').text.contains('DDB013')
assert new File(basedir, 'target/apigw/TEST-apigw.xml').isFile()

// run 8: the changed key of the table file is found
assert lines.any { it.contains(' DDB013 ') }
// the failed run removed its configuration's stamp, so the next one checks whatever it finds; the stamp of runs 1-4
// (without the parameter) stays, recorded again by run 9
assert new File(basedir, 'target/apigw').listFiles().findAll { it.name ==~ /apigw-inputs-[0-9a-f]{16}\.sha256/ }.size() == 1
true
