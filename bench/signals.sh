#!/usr/bin/env bash
# Early-warning ingest benchmark: fills the registry with a generated roster of ROWS persons through the real import,
# takes one department file of 100,000 signals through the real path (match, seal, store, judge by every rule) and
# compares with PostgreSQL's own COPY of the same stored rows in the same run; then times one rule's dry run over
# 1,000,000 signals of twelve months.
# Usage: bench/signals.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
mkdir -p target/bench
roster=target/bench/roster-$rows-0.csv
[ -f "$roster" ] || java bench/GenerateRoster.java "$rows" 0 "$roster"
mvn -B -ntp -q test -Dtest=SignalIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx2g -Duser.timezone=Asia/Shanghai -Dsignals.benchmark=$(pwd)/$roster" 2>&1 \
	| grep -a -E "SIGNALS BENCHMARK|FAIL|Tests run"
