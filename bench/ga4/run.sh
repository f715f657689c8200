#!/usr/bin/env bash
# GA4 sync benchmark: a year of daily metrics for 2,000 pages (730,000 rows) from a loopback stub of the
# GA4 Data API that adds DELAY_MS (default 150) to every request. Prints requests made against the minimum
# GA4's limits allow (250,000 rows a request, 10 metrics a request, 5 reports a batch), wall times, the client's
# cold start, and a plain client loop as the peer. Usage: bench/ga4/run.sh [DELAY_MS] [8]  (8: skip the
# 12-metric run)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
mvn -B -q ${MVN_OFFLINE:-} -pl connectors-ga4 -am compile dependency:list \
  -DoutputFile="$tmp/list.txt" -DoutputAbsoluteArtifactFilename=true -DincludeScope=test >/dev/null
cp="$root/core/target/classes:$root/connectors-ga4/target/classes:$(grep -E ':(compile|runtime|provided):' "$tmp/list.txt" \
  | grep -o '/[^ ]*\.jar' | grep -v '/io/sitelens/' | paste -sd:)"
javac -q -d "$tmp/classes" -cp "$cp" bench/ga4/Ga4SyncBench.java 2>/dev/null || javac -d "$tmp/classes" -cp "$cp" bench/ga4/Ga4SyncBench.java
java -Xmx3g -cp "$tmp/classes:$cp" Ga4SyncBench "${1:-150}" ${2:-}
