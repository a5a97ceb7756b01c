#!/usr/bin/env bash
# Roster import benchmark: generates ROWS rows (BAD per thousand bad), imports them with a 512 MB heap and compares
# with PostgreSQL's own COPY of the same stored rows into the same table and indexes, in the same run.
# Usage: bench/roster-import.sh [ROWS] [BAD_PER_THOUSAND]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
bad=${2:-10}
mkdir -p target/bench
roster=target/bench/roster-$rows.csv
[ -f "$roster" ] || java bench/GenerateRoster.java "$rows" "$bad" "$roster"
mvn -B -ntp -q test -Dtest=RosterImportBenchmark -Droster.benchmark="$(pwd)/$roster" -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx512m -Duser.timezone=Asia/Shanghai -Droster.benchmark=$(pwd)/$roster" 2>&1 | grep -a -E "ROSTER BENCHMARK|FAIL|Tests run"
