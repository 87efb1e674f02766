#!/usr/bin/env bash
# `mvn apigw:help` outside any project, with only the plugin's group in pluginGroups (as the README shows): it
# resolves the apigw prefix from the group metadata that installing the plugin writes.
set -euo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/settings.xml" <<'XML'
<settings>
  <pluginGroups>
    <pluginGroup>io.github.apigwddb</pluginGroup>
  </pluginGroups>
</settings>
XML
(cd "$dir" && mvn -B -ntp -o -s settings.xml apigw:help >"$dir/help.log" 2>&1) || { tail -20 "$dir/help.log"; exit 1; }
grep -q "apigw:check" "$dir/help.log" || { echo "apigw:help did not list the goals"; tail -20 "$dir/help.log"; exit 1; }
echo "apigw prefix resolves through pluginGroups"
