// mvn site with the report: the documentation is a page of the site, framed by the skin, with every
// operation and every example's rendered request.
def log = new File(basedir, 'build.log').text
assert log.contains('Generating "API Gateway DynamoDB integrations" report')
assert log.contains('BUILD SUCCESS')

def page = new File(basedir, 'target/site/apigw-docs.html')
assert page.isFile()
def html = page.getText('UTF-8')
// the skin's frame around it: the site's title and menu, and the reports overview links to the page
assert html.contains('<title>API Gateway DynamoDB integrations – Widgets API</title>')
assert html.contains('<li class="active"><a>API Gateway DynamoDB integrations</a></li>')
assert new File(basedir, 'target/site/project-reports.html').getText('UTF-8').contains('<a href="apigw-docs.html">')
assert html.contains('<div class="apigw-docs">')
assert html.contains('Widgets API: DynamoDB integrations')
['createWidget', 'getWidget', 'renameWidget', 'deleteWidget', 'listWidgetsByOwner'].each {
    assert html.contains("<a href=\"#op-${it.toLowerCase()}\"") : it
}
// rendered requests, escaped as HTML text
assert html.contains('&quot;Key&quot;: {&quot;id&quot;: {&quot;S&quot;: &quot;w-1&quot;}}')
assert html.contains('&quot;Limit&quot;: 10')
assert html.contains('<svg xmlns="http://www.w3.org/2000/svg" class="flow"')
assert !html.contains('io.github.apigwddb.')
// <rules> of the report's configuration switched EXM002 off, as check would
assert html.contains('op-renamewidget-synthesised')
assert !html.contains('EXM002')
true
