// Both specs were checked, bundled self-contained and installed; the second clean build gives the same bytes.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('apigw:check: 0 errors')

def repo = new File(localRepositoryPath, 'io/github/apigwddb/it/bundle-install/1.0')
def itemsInstalled = new File(repo, 'bundle-install-1.0-apigateway-items.yaml')
def ordersInstalled = new File(repo, 'bundle-install-1.0-apigateway-orders.json')
assert itemsInstalled.isFile() : "not installed: ${itemsInstalled}"
assert ordersInstalled.isFile() : "not installed: ${ordersInstalled}"

def items = itemsInstalled.text
assert !items.contains('x-apigw-') : 'plugin extensions must be stripped'
assert !items.contains('schemas/item.yaml') : 'the schema file must be inlined'
assert !items.contains('$ref') : 'no reference is left: the fragment and its own #/Tags were inlined'
assert items.contains('arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem')
assert items.contains('"TableName": "Items"')
assert items.contains('openapi: 3.0.1')
assert !items.contains('\r')

def orders = new JsonSlurper().parse(ordersInstalled)
assert orders.swagger == '2.0' : 'the source version is kept'
assert orders.paths.'/orders/{id}'.delete.'x-amazon-apigateway-integration'.uri == 'arn:aws:apigateway:eu-west-1:dynamodb:action/DeleteItem'
assert orders.paths.'/orders/{id}'.delete.'x-apigw-examples' == null

// the second build (clean package) wrote the same files again: byte-identical
assert new File(basedir, 'target/apigw/items.yaml').bytes == itemsInstalled.bytes
assert new File(basedir, 'target/apigw/orders.json').bytes == ordersInstalled.bytes
true
