#!/usr/bin/env bash
# Screenshot benchmark: N pages (default 100) of the PostgreSQL 15 manual served by nginx on loopback, captured
# by the sitelens Chromium provider (one browser reused; viewport, then full page), against the naive peer:
# one `chromium --headless --screenshot` process per page (what a shell script would do), on the first 10 pages.
# Usage: bench/screenshots/run.sh [N]   (needs postgresql-doc-15, chromium, chromium-driver, nginx)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n=${1:-100}
port=18082
shared=${SHARED:-}
for d in "$root/../shared/bench" /work/shared/bench; do [ -z "$shared" ] && [ -f "$d/serve-site.sh" ] && shared=$d; done
html=/usr/share/doc/postgresql-doc-15/html
work=$(mktemp -d)
trap 'bash "$shared/serve-site.sh" stop postgresql-doc-15 "$port" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
bash "$shared/serve-site.sh" start postgresql-doc-15 "$port" >&2
# one reactor invocation, so the sibling modules resolve to their freshly built jars
(cd "$root" && mvn -B -q ${MVN_OFFLINE:-} -Dspotless.skip -DskipTests package dependency:build-classpath -pl screenshots -am \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp.txt" >&2)
cp="$root/screenshots/target/classes:$(cat "$work/cp.txt")"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(chromium --version 2>/dev/null)"
java -cp "$cp" "$root/bench/screenshots/ScreenshotBench.java" "http://127.0.0.1:$port/" "$html" "$n"
# the naive peer: a new headless Chromium per page
start=$(date +%s.%N)
for f in $(ls "$html" | grep '\.html$' | sort | head -10); do
  chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --window-size=1366,768 --screenshot="$work/peer.png" "http://127.0.0.1:$port/$f" >/dev/null 2>&1
done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "peer: one chromium process per page (10 pages): %.0f ms per page\n", (e-s)*100 }'
