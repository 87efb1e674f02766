// x-apigw-ignore with and without a reason, the SARIF report against the SARIF 2.1.0 schema, the JUnit XML read back.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import io.github.apigwddb.report.SarifSchema

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def spec = new File(basedir, 'src/main/apigateway/items-api.yaml').toPath().toAbsolutePath().normalize().toString()

// suppressed findings are not printed; the reason-less entry and the unknown id are SPEC005 warnings
assert !log.contains('] AGW011 ') && !log.contains('] MAP012 ')
assert lines.any { it.startsWith("[WARNING] ${spec}:[") && it.contains(' SPEC005 x-apigw-ignore names rule \'AGW999\', which does not exist; valid rule ids: SPEC001') }
assert lines.any { it.startsWith("[WARNING] ${spec}:[") && it.contains(' SPEC005 x-apigw-ignore entry for MAP012 gives no reason') && it.endsWith('(GET /items/{id} [getItem])') }
assert lines.any { it.startsWith("[ERROR] ${spec}:[") && it.contains(' AGW006 Integration httpMethod is \'GET\'') }
assert log =~ /apigw:check: 2 suppressed \(x-apigw-ignore\), 0 in the baseline (.*\/)?apigw-baseline.json, 0 baseline entries no longer matched/
assert log.contains('[ERROR] apigw:check: 1 error, 5 warnings, 0 info in 1 spec')
assert lines.any { it ==~ /\[INFO\] apigw: (.*\/)?src\/main\/apigateway\/items-api.yaml \(6 findings\)/ }

// SARIF: valid against the schema; suppressed findings carried with their justification
def sarifFile = new File(basedir, 'target/apigw/apigw.sarif')
def violations = SarifSchema.violations(sarifFile.toPath())
assert violations.isEmpty() : "SARIF schema violations:\n" + violations.join('\n')
def run = new JsonSlurper().parse(sarifFile).runs[0]
def byRule = run.results.groupBy { it.ruleId }
// the injection probe's warnings: the unescaped path id and body id, and the when_no_match passthrough
assert byRule.keySet() == ['AGW006', 'AGW011', 'MAP012', 'SEC001', 'SEC003', 'SPEC005'] as Set
assert byRule.AGW006[0].suppressions == null
assert byRule.AGW011[0].suppressions[0].kind == 'inSource'
assert byRule.AGW011[0].suppressions[0].justification == 'Private API; our clients always send application/json'
assert byRule.MAP012[0].suppressions[0].justification == 'x-apigw-ignore without a reason'
run.results.each { assert it.partialFingerprints.'apigwFinding/v2' ==~ /[0-9a-f]{32}/ }
run.tool.driver.rules.each { assert it.fullDescription.text && it.help.text.contains(it.helpUri) }

// JUnit XML: one case per operation and per operation and example, failures at or above failOn
def suite = new XmlSlurper().parse(new File(basedir, 'target/apigw/TEST-apigw.xml'))
assert suite.@name == 'apigw gate-reports' // the module's name: a dashboard gathering modules keeps them apart
def names = suite.testcase.collect { it.@name.toString() }
assert names == ['GET /items/{id} [getItem]', 'GET /items/{id} [getItem], example by-id', 'POST /items [putItem]',
                 'POST /items [putItem], example create', 'definition']
assert suite.@tests == '5' && suite.@failures == '1'
def failed = suite.testcase.find { it.failure.size() > 0 }
assert failed.@name == 'POST /items [putItem]'
assert failed.failure.@type == 'AGW006'
assert failed.failure.text().contains('AGW006 Integration httpMethod is \'GET\'')
assert suite.testcase.find { it.@name == 'definition' }.'system-out'.text().contains('SPEC005')
assert !log.contains('\tat ') : 'a stack trace reached the log'
true
