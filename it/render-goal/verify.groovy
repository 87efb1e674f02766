// apigw:render shows the request the seed template sends for a name with a quote (not JSON, error marked),
// DynamoDB's answer to it (SerializationException), the integration response it selects and the client response:
// the seed maps no error, so the client is told 200 "Item added successfully" for a write that failed.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def expected = [
    '[INFO] == POST /items [putItem] -> DynamoDB PutItem ==',
    '[INFO]     example: quote (sidecar)',
    // what the client sends, as the example gives it
    '[INFO] == Client request ==',
    '[INFO]     POST /items',
    '[INFO]     Content-Type: application/json',
    '[INFO]       "name": "Say \\"hi\\""',
    '[INFO] == Request template (application/json) ==',
    '[INFO]     5 |     "name": {"S": "$input.path(\'$.name\')"}',
    '[INFO] == DynamoDB request ==',
    '[INFO]     NOT VALID JSON, sent as rendered:',
    '[INFO]     >> 5 |     "name": {"S": "Say "hi""}',
    '[INFO]                                    ^',
    '[INFO] == DynamoDB answer: 400 SerializationException (DynamoDB rejects this request: it is not JSON) ==',
    '[INFO] == Integration response \'default\' -> status 200 ==',
    '[INFO] == Client response: status 200 ==',
    '[INFO]       "message": "Item added successfully"',
    '[INFO] == Findings of this example (2) ==',
]
expected.each { line ->
    assert lines.contains(line) : "missing log line:\n${line}"
}
// the seed has no passthroughBehavior: the injection probe's SEC003 comes with the first example
assert lines.any { it.startsWith('[INFO]     WARNING SEC003 A client that sends its body as text/plain bypasses the request templates') }
assert lines.any { it.startsWith('[INFO]     ERROR VTL002 The rendered request is not valid JSON (DynamoDB answers SerializationException)') }
assert log.contains('BUILD SUCCESS')
assert !lines.findAll { it.contains(' == ') || it.contains('    ') }.any { it.contains('\u001b[') } : 'colour codes in what render prints'
true
