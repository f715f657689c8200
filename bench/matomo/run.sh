#!/usr/bin/env bash
# Matomo sync benchmark: naive client vs the sitelens connector against a local stub (+100 ms per request).
# Usage (from anywhere): bench/matomo/run.sh        Knobs: PAGES=2000 DELAY_MS=100 bench/matomo/run.sh
# Builds core and the connector offline (no tests), then runs MatomoBench.java as a single-file program.
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp)
mvn -B -q ${MVN_OFFLINE:-} -pl connectors-matomo -am package dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=compile
CP="connectors-matomo/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
exec java -Xmx1g -Dpages="${PAGES:-2000}" -DdelayMs="${DELAY_MS:-100}" -cp "$CP" bench/matomo/MatomoBench.java
