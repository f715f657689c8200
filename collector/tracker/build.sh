#!/usr/bin/env bash
# Rebuilds sitelens.min.js from sitelens.js with terser and prints the gzipped sizes.
# Needs node + npm; terser is installed into a throw-away directory (nothing global, nothing in the repo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
res="$here/../src/main/resources/io/sitelens/collector"
tools="${TERSER_HOME:-${TMPDIR:-/tmp}/sitelens-terser}"
if [ ! -x "$tools/node_modules/.bin/terser" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" terser@5 >&2
fi
"$tools/node_modules/.bin/terser" "$res/sitelens.js" \
  --compress passes=3,unsafe=true,toplevel=true --mangle toplevel=true \
  --comments false --ecma 2015 --output "$res/sitelens.min.js"
raw=$(wc -c < "$res/sitelens.min.js")
gz=$(gzip -9 -c "$res/sitelens.min.js" | wc -c)
echo "sitelens.min.js: $raw bytes, $gz bytes gzipped (gzip -9)"
