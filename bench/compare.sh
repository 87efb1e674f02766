#!/usr/bin/env bash
# Times apigw:check against Spectral (spectral:oas) on the same generated specs, as whole processes,
# next to the in-process CheckBenchmark figures, and prints one table with the machine it ran on.
#   bench/compare.sh [sizes] [repetitions]        defaults: 100,1000,10000 and 5
# Installs the plugin into ~/.m2 (as the README's first command does) and Spectral into bench/node_modules
# from bench/package-lock.json; everything generated goes to bench/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${1:-100,1000,10000}
REPS=${2:-5}
WORK=$ROOT/bench/target
mkdir -p "$WORK"

log() { printf '>> %s\n' "$*" >&2; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log "building and installing the plugin into ~/.m2"
mvn -B -q -ntp install -DskipTests -Dinvoker.skip >&2
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >&2
CLASSPATH="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"
PLUGIN_VERSION=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)

log "installing Spectral from bench/package-lock.json"
(cd bench && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
SPECTRAL=$ROOT/bench/node_modules/.bin/spectral

# Runs "$@" REPS times after one untimed warm-up run; prints the median wall time in seconds.
# Exit codes up to MAX_OK count as a finished run (linters exit 1 when they report problems).
median_seconds() {
    local max_ok=$1; shift
    local times=() start end status
    "$@" >/dev/null 2>&1 || [ $? -le "$max_ok" ] || { log "failed: $*"; "$@" | tail -20 >&2; exit 1; }
    for _ in $(seq "$REPS"); do
        start=$(date +%s%N)
        status=0; "$@" >/dev/null 2>&1 || status=$?
        end=$(date +%s%N)
        [ "$status" -le "$max_ok" ] || { log "failed ($status): $*"; exit 1; }
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
        m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.2f\n", m / 1000 }'
}

# A Maven project per size: the plugin, the generated spec in src/main/apigateway. failOn=none so the
# findings the generated mix has do not stop the build; force so the up-to-date skip does not hide the work.
write_project() {
    local dir=$1 n=$2
    mkdir -p "$dir/src/main/apigateway"
    cp "$WORK/spec-$n.json" "$dir/src/main/apigateway/api.json"
    cat >"$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.github.apigwddb.bench</groupId>
  <artifactId>bench-$n</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.apigwddb</groupId>
        <artifactId>apigw-dynamodb-maven-plugin</artifactId>
        <version>$PLUGIN_VERSION</version>
        <configuration>
          <failOn>none</failOn>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

# Median plugin time of an up-to-date skip: the check's own debug line says how long finding nothing changed took.
skip_millis() {
    local project=$1 times=()
    for _ in $(seq "$REPS"); do
        times+=($(mvn -B -o -X -f "$project/pom.xml" apigw:check 2>&1 | sed -n 's/.*up to date .*, found in \([0-9]*\) ms.*/\1/p'))
    done
    [ "${#times[@]}" -eq "$REPS" ] || { log "the check did not skip in $project"; exit 1; }
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

TUNED_JVM='-XX:TieredStopAtLevel=1 -XX:+UseParallelGC'
declare -A SPECTRAL_S MVN_S MVN_TUNED_S SKIP_MS
for n in ${SIZES//,/ }; do
    log "N=$n: generating the spec"
    java -cp "$CLASSPATH" io.github.apigwddb.bench.SpecGenerator "$n" "$WORK/spec-$n.json"
    write_project "$WORK/project-$n" "$n"
    log "N=$n: Spectral, $REPS runs"
    SPECTRAL_S[$n]=$(median_seconds 1 "$SPECTRAL" lint --ruleset "$ROOT/bench/.spectral.yaml" "$WORK/spec-$n.json")
    log "N=$n: mvn apigw:check, $REPS runs"
    # -o: the warm-up run has resolved everything; timed runs do not ask remote repositories about the SNAPSHOT.
    MVN_S[$n]=$(median_seconds 0 mvn -B -q -o -f "$WORK/project-$n/pom.xml" apigw:check -Dapigw.force)
    # a build's single run of the check spends more than half its CPU in the JIT compilers, and G1 pauses more than the
    # parallel collector: the same run with the JVM tuned for one short job (.mvn/jvm.config or MAVEN_OPTS, README)
    log "N=$n: mvn apigw:check with $TUNED_JVM, $REPS runs"
    MVN_TUNED_S[$n]=$(MAVEN_OPTS="${MAVEN_OPTS:-} $TUNED_JVM" median_seconds 0 mvn -B -q -o -f "$WORK/project-$n/pom.xml" apigw:check -Dapigw.force)
    log "N=$n: mvn apigw:check with nothing changed, $REPS runs"
    SKIP_MS[$n]=$(skip_millis "$WORK/project-$n")
done

log "in-process CheckBenchmark"
# a JVM per size: each size's first run is then as cold as a build's only run
: >"$WORK/in-process.txt"; : >"$WORK/in-process.log"
for n in ${SIZES//,/ }; do
    java -Xmx1g -cp "$CLASSPATH" io.github.apigwddb.bench.CheckBenchmark "$n" "$REPS" "$(nproc)" 2>>"$WORK/in-process.log" | tee -a "$WORK/in-process.txt" >&2
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "apigw:check vs Spectral, $(date -u '+%Y-%m-%d %H:%M UTC'), median of $REPS runs after one warm-up"
printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "N operations" "Spectral s" "mvn apigw:check s" "mvn / Spectral" \
    "mvn, tuned JVM s" "in-process cold ms" "cold run: CPU / of it JIT ms" "in-process warm median ms" "heap after GC, peak MB (-Xmx1g)" \
    "unchanged: skip ms"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in ${SIZES//,/ }; do
    read -r cold warm live cold_cpu cold_jit < <(awk -v n="$n" '$1 == n { print $2, $4, $6, $10, $11 }' "$WORK/in-process.txt")
    ratio=$(awk -v m="${MVN_S[$n]}" -v s="${SPECTRAL_S[$n]}" 'BEGIN { printf "%.2f", m / s }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "${SPECTRAL_S[$n]}" "${MVN_S[$n]}" "$ratio" "${MVN_TUNED_S[$n]}" \
        "$cold" "$cold_cpu / $cold_jit" "$warm" "$live" "${SKIP_MS[$n]}"
done
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) memory," \
    "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "Java: $(java -version 2>&1 | head -1); Maven: $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g');" \
    "Spectral $("$SPECTRAL" --version) (node $(node --version))"
echo "Tuned JVM: MAVEN_OPTS=$TUNED_JVM"
echo "Load average (1, 5, 15 min): $LOAD_BEFORE before, $LOAD_AFTER after"
