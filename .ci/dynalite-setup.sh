#!/usr/bin/env bash
# Installs dynalite (pinned by conformance/dynalite/package-lock.json) for DynaliteConformanceTest.
# Needs node and npm; the test skips itself where they or the install are missing, so CI must run this first.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "dynalite-setup: npm not found; install nodejs and npm (apt-get install -y nodejs npm)" >&2
  exit 1
fi
npm ci --prefix conformance/dynalite --no-audit --no-fund
echo "dynalite-setup: $(node conformance/dynalite/node_modules/dynalite/cli.js --help >/dev/null 2>&1 && echo installed) dynalite $(node -p "require('./conformance/dynalite/node_modules/dynalite/package.json').version")"
