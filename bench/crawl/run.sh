#!/usr/bin/env bash
# Crawl benchmark: the PostgreSQL 15 manual (Debian postgresql-doc-15, 1,169 HTML files) served by nginx on
# loopback; `./sitelens crawl … --json` (crawl + all 47 checks + tag detection + storing pages, links,
# resources and findings) against GNU wget and Crawlee's CheerioCrawler, interleaved in the same run.
# usage: bench/crawl/run.sh [ROUNDS]        (default 3; prints one line per run and the median ratios)
# env:   PORT (18081), SHARED (the shared bench scripts: ../shared/bench or /work/shared/bench)
#        STORE: unset = one embedded H2 store for all rounds, made by the warm-up run (what `--store` defaults to,
#               ~/.sitelens, is after the first use), each round a new crawl run (--new) stored into it;
#               fresh = a new, empty H2 store per round (the very first crawl of a machine: creates the schema);
#               memory = the in-memory store (nothing durable)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
port=${PORT:-18081}
url="http://127.0.0.1:$port/"
shared=${SHARED:-}
for c in "$root/../shared/bench" /work/shared/bench; do
  [ -z "$shared" ] && [ -x "$c/serve-site.sh" -o -f "$c/serve-site.sh" ] && shared=$c
done
[ -n "$shared" ] || { echo "set SHARED to the directory with serve-site.sh and crawl-baselines.sh" >&2; exit 2; }
work=${BENCH_DIR:-/tmp/sitelens-bench-crawl}; mkdir -p "$work"

bash "$shared/serve-site.sh" start postgresql-doc-15 "$port" >&2
trap 'bash "$shared/serve-site.sh" stop postgresql-doc-15 "$port" >/dev/null 2>&1 || true' EXIT

# first run: builds the CLI jar if needed, records the class-data-sharing archive and makes the shared store
# (not timed)
rm -rf "$work"/store-*
"$root/sitelens" crawl "$url" --allow-private-network --no-external --json --store "$work/store-shared" > /dev/null 2>&1 || true

field() { awk -v k="$1" -F': ' '$0 ~ k {print $NF}' "$2"; }
cpu() { awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$1"; }
secs() { awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' <<<"$1"; }

: > "$work/results.txt"
echo "store: ${STORE:-shared H2 store}; machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$rounds"); do
  case "${STORE:-}" in
    fresh) store="$work/store-$i" ;;
    memory) store=memory ;;
    jdbc:postgresql:*) store=$STORE ;;
    *) store="$work/store-shared" ;;
  esac
  /usr/bin/time -v -o "$work/sitelens.time" "$root/sitelens" crawl "$url" --allow-private-network --no-external --json \
      --new --store "$store" > "$work/sitelens.json" 2> "$work/sitelens.err" || true
  wall=$(field 'Elapsed' "$work/sitelens.time")
  pages=$(grep -m1 '"pages"' "$work/sitelens.json" | tr -dc 0-9)
  requests=$(grep -m1 '"requests"' "$work/sitelens.json" | tr -dc 0-9)
  line="sitelens requests=$requests pages=$pages wall=$wall cpu_s=$(cpu "$work/sitelens.time") peakRSS_kB=$(field 'Maximum resident' "$work/sitelens.time")"
  echo "$line"; echo "$line" >> "$work/results.txt"
  BASELINE_DIR="$work/baselines" bash "$shared/crawl-baselines.sh" "$url" 1 | tee -a "$work/results.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
for tool in sitelens wget crawlee; do
  grep "^$tool " "$work/results.txt" | sed -E 's/.*wall=([0-9:.]+).*/\1/' | while read -r w; do secs "$w"; done | median > "$work/$tool.wall"
  grep "^$tool " "$work/results.txt" | sed -E 's/.*peakRSS_kB=([0-9]+).*/\1/' | median > "$work/$tool.rss"
done
s=$(cat "$work/sitelens.wall"); w=$(cat "$work/wget.wall"); c=$(cat "$work/crawlee.wall")
printf 'median wall s: sitelens %.2f  wget %.2f  crawlee %.2f\n' "$s" "$w" "$c"
printf 'median peak RSS MB: sitelens %.0f  wget %.0f  crawlee %.0f\n' \
    "$(awk '{print $1/1024}' "$work/sitelens.rss")" "$(awk '{print $1/1024}' "$work/wget.rss")" "$(awk '{print $1/1024}' "$work/crawlee.rss")"
awk -v s="$s" -v w="$w" -v c="$c" 'BEGIN {printf "ratio: crawlee/sitelens %.1fx faster (target >= 5x); sitelens/wget %.1fx wget'"'"'s wall time\n", c/s, s/w}'
