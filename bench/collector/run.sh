#!/usr/bin/env bash
# Collector benchmark: ingestion throughput (events/s, user-agent cache warm) into memory, H2 and PostgreSQL
# through Collector.ingest, against a raw JDBC batch insert of the same rows; and the tracker's gzipped size
# against Umami's and Plausible's published sizes.
# Usage: bench/collector/run.sh [memory|h2|postgres|all]   (PostgreSQL from SITELENS_PG_URL, default CI's database)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q ${MVN_OFFLINE:-} -pl collector -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -DincludeScope=test -Dspotless.skip=true >/dev/null
# no logging backend (logback is on the test classpath): slf4j falls back to no-op
deps=$(tr ":" "\n" < collector/target/bench.classpath | grep -v -e logback -e slf4j-simple | paste -sd:)
cp="collector/target/classes:storage-jdbc/target/classes:core/target/classes:$deps"
exec java -Xmx1g -cp "$cp" bench/collector/CollectorBenchmark.java "${1:-all}"
