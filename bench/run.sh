#!/usr/bin/env bash
# Benchmark: times apigw:check in process on generated specs of N DynamoDB operations.
#   bench/run.sh [sizes] [repetitions] [threads]      e.g. bench/run.sh 100,1000,10000 5 2
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile -Dinvoker.skip
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# a JVM per size: each size's first ("cold") run is then as cold as a build's only run
for n in $(echo "${1:-100,1000,10000}" | tr ',' ' '); do
  java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.github.apigwddb.bench.CheckBenchmark "$n" "${2:-5}" "${3:-$(nproc)}"
done
