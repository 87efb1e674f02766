// Serial and -T 4 builds of the same reactor report the same findings, module by module.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('thread count of 4') : 'the second build did not run with -T 4'
// <specs> of the parent names directories a module may not have: not an error there, nothing to check in it
assert log.count('No src/main/cloudformation in this module, which <specs> (apigw.specs) names for the whole build: nothing to check there') == 8
assert !log.contains('does not exist; name existing files')
// src/main/apigateway is in the modules: no warning that <specs> matches nothing
assert !log.contains('None of the ')
assert !log.contains('named in <baseline>')

def results = { String module, String run ->
    def sarif = new JsonSlurper().parse(new File(basedir, "${module}/target/${run}/apigw.sarif"))
    sarif.runs[0].results.collect { r ->
        [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine,
         r.locations[0].physicalLocation.region.startColumn, r.message.text, r.partialFingerprints.'apigwFinding/v2', r.suppressions?.size() ?: 0]
    }
}
def expectedRules = [orders: ['AGW006', 'AGW007', 'DDB001', 'DDB001', 'DDB002', 'RSP002', 'RSP003', 'RSP005', 'SEC001', 'VTL015'],
                     stock: ['AGW006', 'AGW011', 'MAP012', 'SEC001', 'SEC001', 'SEC003', 'SPEC005', 'SPEC005'],
                     users: ['MAP012', 'SEC001', 'SEC003']]
expectedRules.each { module, rules ->
    def serial = results(module, 'serial')
    def parallel = results(module, 'parallel')
    assert serial == parallel : "${module}: serial and parallel findings differ"
    assert serial.collect { it[0] }.sort() == rules : "${module}: ${serial.collect { it[0] }}"
    serial.each { assert it[2].endsWith("${module}/src/main/apigateway/" + (module == 'orders' ? 'items-api.json' : 'items-api.yaml')) }
    assert new File(basedir, "${module}/target/parallel/TEST-apigw.xml").text == new File(basedir, "${module}/target/serial/TEST-apigw.xml").text
}
// each module's SARIF is its own code-scanning category, so uploads of the reactor's reports keep them apart
['orders', 'stock', 'users'].each { module ->
    def run = new JsonSlurper().parse(new File(basedir, "${module}/target/serial/apigw.sarif")).runs[0]
    assert run.automationDetails.id == "apigw/io.github.apigwddb.it:${module}/".toString()
}
// each module names its test suite, so a dashboard that gathers the modules' reports keeps them apart
['orders', 'stock'].each { module ->
    def junit = new File(basedir, "${module}/target/serial/TEST-apigw.xml").text
    assert junit.contains("<testsuite name=\"apigw ${module}\"".toString()) : junit.take(300)
}
true
