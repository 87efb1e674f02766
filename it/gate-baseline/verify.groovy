// A baseline written, then honoured: a new finding fails the build, a fixed one is reported as stale.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()

def baseline = new JsonSlurper().parse(new File(basedir, 'apigw-baseline.json'))
assert baseline.version == 1
assert baseline.findings.collect { it.rule } == ['AGW007', 'DDB007']
assert baseline.findings.collect { it.example } == ['', 'bad-one']
baseline.findings.each {
    assert it.file == 'src/main/apigateway/items-api.yaml'
    assert it.operation == 'GET /items/{id}'
    assert it.fingerprint ==~ /[0-9a-f]{32}/
    assert !(it.toString() =~ /line/)
}
assert log.contains('apigw:check: wrote 2 findings to the baseline ')

// runs 1 (after writing) and 2: everything is in the baseline
assert log.findAll(/apigw:check: 0 suppressed \(x-apigw-ignore\), 2 in the baseline (.*\/)?apigw-baseline.json, 0 baseline entries no longer matched/).size() == 2

// run 3: AGW007 still baselined, DDB007 of bad-two is new, DDB007 of bad-one is stale
assert log =~ /apigw:check: 0 suppressed \(x-apigw-ignore\), 1 in the baseline (.*\/)?apigw-baseline.json, 1 baseline entry no longer matched/
def fresh = lines.findAll { it.startsWith('[ERROR] ') && it.contains(' DDB007 ') }
assert fresh.size() == 1 && fresh[0].endsWith('(GET /items/{id} [getItem], example bad-two)')
assert lines.any { it.startsWith('[WARNING] Baseline entry no longer matches a finding (fixed?): DDB007 src/main/apigateway/items-api.yaml GET /items/{id} (example bad-one): ') }
assert log.contains('Run mvn apigw:check -Dapigw.updateBaseline to drop the 1 stale entry from ')
assert log.contains('apigw:check found 1 finding at or above error (apigw.failOn)')
assert !lines.any { it.startsWith('[ERROR] ') && it.contains(' AGW007 ') }

// run 4: the earlier plugin's entries accept today's findings of their place, each reported for review
assert log =~ /apigw:check: 0 suppressed \(x-apigw-ignore\), 2 in the baseline (.*\/)?old-wording-baseline.json, 0 baseline entries no longer matched/
def reworded = lines.findAll { it.startsWith('[WARNING] Baseline entry accepted a finding of the same rule and operation whose message differs') }
assert reworded.size() == 2
assert reworded.any { it.contains('AGW007 src/main/apigateway/items-api.yaml GET /items/{id}: No credentials: API Gateway needs a role to call DynamoDB -> now: The integration has no \'credentials\'') }
assert reworded.any { it.contains('DDB007 src/main/apigateway/items-api.yaml GET /items/{id}: GetItem request at Key.id.N: not a number: abc -> now (example bad-one): GetItem request at Key.id.N: The parameter cannot be converted') }
assert log =~ /Review the 2 findings above, then run mvn apigw:check -Dapigw.updateBaseline to record them as found now in (.*\/)?old-wording-baseline.json/
true
