#!/usr/bin/env bash
# Storage benchmark: 1,000,000 metric points (10,000 pages x 100 days) through the JDBC adapter vs a plain JDBC
# batch insert (and PostgreSQL COPY) on H2 and PostgreSQL, plus reads of one page's year of daily points.
# Usage: bench/storage/run.sh [h2|postgres|all]   (PostgreSQL from SITELENS_PG_URL, default CI's database)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q ${MVN_OFFLINE:-} -pl storage-jdbc -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -DincludeScope=runtime -Dspotless.skip=true >/dev/null
cp="storage-jdbc/target/classes:core/target/classes:$(cat storage-jdbc/target/bench.classpath)"
exec java -Xmx2g -cp "$cp" bench/storage/StorageBenchmark.java "${1:-all}"
