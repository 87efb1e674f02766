#!/usr/bin/env bash
# Validates the SARIF written by the gate-reports integration test with Microsoft's SARIF Multitool
# (the validator GitHub's code scanning docs point to). Installs it with npm into .ci/.sarif-multitool,
# so nothing is installed globally. Run after `mvn verify` (which leaves target/it/gate-reports behind).
# Usage: .ci/sarif-validate.sh [file.sarif ...]
set -euo pipefail
cd "$(dirname "$0")/.."
version=5.7.0
tool_dir=.ci/.sarif-multitool
if [ ! -x "$tool_dir/node_modules/.bin/sarif-multitool" ]; then
  npm install --prefix "$tool_dir" --no-audit --no-fund --loglevel=error "@microsoft/sarif-multitool@$version" >&2
fi
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(target/it/gate-reports/target/apigw/apigw.sarif)
fi
status=0
for file in "${files[@]}"; do
  if [ ! -f "$file" ]; then
    echo "sarif-validate: $file does not exist; run mvn verify first" >&2
    exit 2
  fi
  out="$(mktemp -d)/validation.sarif"
  # -o writes the validator's own findings as SARIF
  if "$tool_dir/node_modules/.bin/sarif-multitool" validate "$file" --output "$out"; then
    # the validator's findings (a result without level is a warning): errors and warnings (SARIF best practices) fail
    errors=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).runs.flatMap(x=>x.results||[]).filter(x=>x.level!=="note"&&x.level!=="none");console.log(r.length);r.forEach(x=>console.error((x.level||"warning")+" "+x.ruleId+": "+(x.message.text||x.message.id)))' "$out")
    if [ "$errors" != "0" ]; then
      echo "sarif-validate: $file: $errors error(s)" >&2
      status=1
    else
      echo "sarif-validate: $file is valid SARIF"
    fi
  else
    echo "sarif-validate: the multitool failed on $file" >&2
    status=1
  fi
done
exit $status
