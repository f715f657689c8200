#!/usr/bin/env bash
# NAB scores of the sitelens anomaly detector (frozen settings) on a NAB data folder.
# Usage: bench/nab/run.sh [NAB_DIR]   (default: ../shared/data/nab relative to the repository root)
# Prints the standard, low-FP and low-FN scores at the frozen threshold 0.5 and with NAB's threshold
# optimisation (best threshold on this data). Scorer: insights/src/test/java/io/sitelens/insights/nab.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
nab="${1:-$root/../shared/data/nab}"
[ -d "$nab/labels" ] || nab=/work/shared/data/nab
cd "$root"
mvn -B -q ${MVN_OFFLINE:-} -pl insights -am test-compile -Dspotless.skip=true >/dev/null
cp="core/target/classes:insights/target/classes:insights/target/test-classes"
java -cp "$cp" ${NAB_PER_FILE:+-DperFile=true} io.sitelens.insights.nab.NabBench "$nab"
