#!/usr/bin/env bash
# Speed of all insight providers over 10,000 pages x 365 days (in memory, then through a storage adapter),
# and the synthetic web-traffic evaluation. Usage: bench/insights/run.sh [speed|synthetic|all]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q ${MVN_OFFLINE:-} -pl insights -am test-compile -Dspotless.skip=true >/dev/null
cp="core/target/classes:insights/target/classes:insights/target/test-classes"
what="${1:-all}"
if [ "$what" = speed ] || [ "$what" = all ]; then
  java -Xmx3g -XX:ActiveProcessorCount=2 -cp "$cp" io.sitelens.insights.speed.SpeedBench 10000 5
fi
if [ "$what" = synthetic ] || [ "$what" = all ]; then
  java -cp "$cp" io.sitelens.insights.synthetic.SyntheticBench 20 42
fi
