#!/usr/bin/env bash
# Runtime dependency footprint of sitelens-connectors-ga4: the module as shipped (gRPC transport excluded)
# against google-analytics-data with every transitive jar (what a plain dependency pulls in).
# Usage: bench/ga4/footprint.sh   (from the repository root; needs the jars in ~/.m2, add -o offline)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

sum() { # classpath file -> "jars MB"
  tr ':' '\n' < "$1" | grep -v '^$' | grep -v '/io/sitelens/' | xargs ls -l | awk '{s+=$5; n++} END {printf "%d jars, %.1f MB\n", n, s/1048576}'
}

ga4v=$(sed -n 's:.*<ga4.version>\(.*\)</ga4.version>.*:\1:p' "$root/pom.xml")
authv=$(sed -n 's:.*<google-auth.version>\(.*\)</google-auth.version>.*:\1:p' "$root/pom.xml")
cat > "$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>x</groupId><artifactId>full</artifactId><version>1</version>
<dependencies>
<dependency><groupId>com.google.analytics</groupId><artifactId>google-analytics-data</artifactId><version>$ga4v</version></dependency>
<dependency><groupId>com.google.auth</groupId><artifactId>google-auth-library-oauth2-http</artifactId><version>$authv</version></dependency>
</dependencies></project>
POM
mvn -B -q ${MVN_OFFLINE:-} -f "$tmp/pom.xml" dependency:build-classpath -Dmdep.outputFile="$tmp/full.txt" -Dmdep.includeScope=runtime >/dev/null
# The reactor writes one list per module to the same absolute file; connectors-ga4 comes last.
(cd "$root" && mvn -B -q ${MVN_OFFLINE:-} -pl connectors-ga4 -am compile dependency:list \
   -DoutputFile="$tmp/list.txt" -DoutputAbsoluteArtifactFilename=true -DincludeScope=runtime >/dev/null)
grep -E ':(compile|runtime):' "$tmp/list.txt" | grep -o '/[^ ]*\.jar' | paste -sd: > "$tmp/module.txt"
echo "google-analytics-data $ga4v, all transitive jars: $(sum "$tmp/full.txt")"
echo "sitelens-connectors-ga4 runtime classpath:     $(sum "$tmp/module.txt")"
echo
echo "largest jars left out:"
comm -23 <(tr ':' '\n' < "$tmp/full.txt" | sort) <(tr ':' '\n' < "$tmp/module.txt" | sort) \
  | { grep -v '^$' || true; } | xargs -r ls -l | sort -k5 -n -r | awk '{printf "  %7.1f KB  %s\n", $5/1024, $9}' | sed "s:$HOME/.m2/repository/::" | head -25
