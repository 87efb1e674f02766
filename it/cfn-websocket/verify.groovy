// A WebSocket API of a SAM template: each route to DynamoDB is checked as ROUTE <key>, findings in the template.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/apigateway/template.yaml').toPath().toAbsolutePath().normalize().toString()
def lines = log.readLines()
assert log.contains('[INFO] Checking template.yaml (CloudFormation/SAM template): 4 DynamoDB integrations')
// the message's text is written into the item unescaped: the probe finds it, at the read, with the sidecar example's name
assert lines.any { it.startsWith("[WARNING] ${spec}:[100,32] SEC001 Client input 'body \$.text' can break the DynamoDB request".toString())
        && it.endsWith('(ROUTE send [SendRoute], example hello)') }
// the role allows PutItem only: DeleteItem on $disconnect is refused
assert lines.any { it.startsWith("[ERROR] ${spec}:".toString()) && it.contains(' DDB014 ') && it.contains('dynamodb:DeleteItem') && it.endsWith('(ROUTE $disconnect [DisconnectRoute], example synthesised)') }
// the names CloudFormation makes at deployment are said, once, within the integrations that use them
assert lines.any { it.startsWith("[INFO] ${spec}:[46,9] CFN005 Connections has no TableName".toString()) }
// $connect is clean; no REST-only rule speaks of WebSocket routes, and the API is not listed as unchecked
assert !lines.any { it.contains('ROUTE $connect') && !it.contains('EXM002') && (it.startsWith('[WARNING]') || it.startsWith('[ERROR]')) }
assert !log.contains(' CFN008 ') && !log.contains(' AGW013 ') && !log.contains(' MAP0')
// a two-way route: its integration response is rendered with DynamoDB's answers, and what the client gets is judged
assert lines.any { it.startsWith("[WARNING] ${spec}:[139,43] RSP005 When attribute 'name' of DynamoDB's answer holds an apostrophe".toString())
        && it.contains('the response the route sends the client is not valid JSON') && it.endsWith('(ROUTE who [WhoRoute], example synthesised)') }
// one template for every answer: one finding names the error answers that break it alike
assert lines.any { it.startsWith("[ERROR] ${spec}:[139,11] RSP003 When DynamoDB answers 400 ValidationException or 500 InternalServerError:".toString()) }
def sarif = new File(basedir, 'target/apigw/apigw.sarif').text
assert sarif.contains('"fullyQualifiedName" : "ROUTE send"') || sarif.contains('"fullyQualifiedName": "ROUTE send"')
assert log.contains('BUILD SUCCESS')
true
