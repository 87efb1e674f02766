// Starts dynalite in memory on a free loopback port and prints "port <n>" once it listens.
// Used by DynaliteConformanceTest; tables become ACTIVE at once so the suite need not wait.
var dynalite = require('dynalite')
var server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
server.listen(0, '127.0.0.1', function () {
  console.log('port ' + server.address().port)
})
// End with the test: a closed stdin means the JVM that started us is gone.
process.stdin.on('end', function () { process.exit(0) })
process.stdin.resume()
