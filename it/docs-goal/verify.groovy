// The docs goal on the example project's Widgets API: every operation in the overview, every example's
// rendered request on the page, well-formed (XHTML-compatible) HTML that loads nothing from the network.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] apigw:docs: 5 DynamoDB integrations documented in ')
assert log.contains('BUILD SUCCESS')

def htmlFile = new File(basedir, 'target/apigw/docs/index.html')
def markdownFile = new File(basedir, 'target/apigw/docs/widgets-api.md')
assert htmlFile.isFile()
assert markdownFile.isFile()
def html = htmlFile.getText('UTF-8')
def markdown = markdownFile.getText('UTF-8')

// Well-formed: parses as XML (DOCTYPE allowed, nothing fetched).
def page = new groovy.xml.XmlSlurper(false, false, true).parseText(html)

// The overview lists every operation, linked to its section, with its action and table.
def rows = page.'**'.find { it.name() == 'table' && it.@class == 'overview' }.tbody.tr
def operations = ['createWidget': 'PutItem', 'getWidget': 'GetItem', 'renameWidget': 'UpdateItem',
                  'deleteWidget': 'DeleteItem', 'listWidgetsByOwner': 'Query']
assert rows.size() == operations.size()
operations.eachWithIndex { id, action, i ->
    def cells = rows[i].td
    assert cells[2].text() == id
    assert cells[3].text() == action
    assert cells[4].text() == 'Widgets'
    def target = cells[1].a.@href.text()
    assert target == "#op-${id.toLowerCase()}"
    assert page.'**'.find { it.@id == target.substring(1) } : "no section for ${target}"
}

// Every example is shown with the DynamoDB request its template rendered.
def rendered = [
    'op-createwidget-plain'               : '"count": {"N": "3"}',
    'op-createwidget-apostrophe'          : '"name": {"S": "O\'Brien\'s gear"}',
    'op-createwidget-already-exists'      : '"ConditionExpression": "attribute_not_exists(id)"',
    'op-getwidget-found'                  : '"Key": {"id": {"S": "w-1"}}',
    'op-getwidget-missing'                : '"Key": {"id": {"S": "nope"}}',
    'op-renamewidget-synthesised'         : '"UpdateExpression": "SET #n = :n"',
    'op-deletewidget-synthesised'         : '"TableName": "Widgets"',
    'op-listwidgetsbyowner-first-page'    : '"Limit": 10',
    'op-listwidgetsbyowner-no-limit'      : '"IndexName": "by-owner"',
]
def examples = page.'**'.findAll { it.name() == 'article' && it.@class == 'example' }
assert examples.collect { it.@id.text() } == rendered.keySet() as List
rendered.each { id, fragment ->
    def example = examples.find { it.@id == id }
    def steps = example.div.div
    assert steps.size() == 4
    assert steps[1].pre.text().contains(fragment) : "${id}: rendered request without ${fragment}: ${steps[1].pre.text()}"
    assert markdown.contains(fragment) : "${id}: the Markdown lacks ${fragment}"
}

// Loads nothing: no scripts, stylesheets, fonts or images from anywhere; the only links out are rule docs.
assert !html.contains('@import')
assert !html.contains('url(')
assert !(html =~ /<(script|link|img|iframe|object|embed)\b/)
assert !(html =~ /\bsrc\s*=/)
def external = (html =~ /href\s*=\s*"(https?:[^"]*)"/).collect { it[1] }
assert external.every { it.startsWith('https://github.com/apigwddb/apigw-dynamodb-maven-plugin/blob/main/docs/rules/') } : external

// No raw Java toString anywhere.
[html, markdown].each { text ->
    assert !text.contains('io.github.apigwddb.')
    assert !text.contains('Optional[')
    assert !(text =~ /@[0-9a-f]{6,}/)
}

// The Markdown: the same overview, a Mermaid diagram per operation.
assert markdown.contains('| POST | [`/widgets`](#op-createwidget) | createWidget | `PutItem` | `Widgets` | widgets-api-dynamodb | never |')
assert markdown.count('```mermaid') == 5
true
