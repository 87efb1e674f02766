// The SARIF report read back: rules, levels, file, line, column and operation of each result.
import groovy.json.JsonSlurper

def sarifFile = new File(basedir, 'target/apigw/apigw.sarif')
assert sarifFile.isFile()
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
assert sarif.'$schema'.contains('sarif-2.1.0')
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.tool.driver.name == 'apigw-dynamodb-maven-plugin'
def rules = run.tool.driver.rules.collect { it.id }
assert rules == ['AGW006', 'AGW007', 'VTL015', 'DDB001', 'DDB002', 'RSP002', 'RSP003', 'RSP005', 'SEC001']
run.tool.driver.rules.each { rule ->
    assert rule.helpUri.endsWith("docs/rules/${rule.id}.md")
    assert rule.shortDescription.text
}

// Inside the plugin's git checkout URIs are relative to its top level; without git, to the reactor root.
def uris = ['target/it/sarif-report/src/main/apigateway/items-api.json', 'src/main/apigateway/items-api.json']
def results = run.results
assert results.size() == 10

def agw006 = results.find { it.ruleId == 'AGW006' }
assert agw006.level == 'error'
assert agw006.locations[0].physicalLocation.artifactLocation.uri in uris
assert agw006.locations[0].physicalLocation.artifactLocation.uriBaseId == 'REPOROOT'
assert agw006.locations[0].physicalLocation.region.startLine == 36
assert agw006.locations[0].physicalLocation.region.startColumn == 11
assert agw006.locations[0].logicalLocations[0].fullyQualifiedName == 'GET /items/{id}'
assert agw006.locations[0].logicalLocations[0].name == 'readItem'
assert run.tool.driver.rules[agw006.ruleIndex].id == 'AGW006'

def ddb001 = results.findAll { it.ruleId == 'DDB001' }
assert ddb001.size() == 2
ddb001.each {
    assert it.level == 'error'
    assert it.locations[0].physicalLocation.region.startLine == 17
    assert it.locations[0].physicalLocation.region.startColumn == 34
    assert it.locations[0].logicalLocations[0].fullyQualifiedName == 'POST /items'
    assert it.message.text.contains('example by-id')
}
assert results.find { it.ruleId == 'DDB002' }.level == 'warning'
true
