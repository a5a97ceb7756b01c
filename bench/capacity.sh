#!/usr/bin/env bash
# The capacity model's measurements: CPU of the platform's JVM and of PostgreSQL, commits, rows and WAL bytes per
# operation, for a help request, an acceptance, emergency aid, a hospital settlement and a roster row.
# Usage: bench/capacity.sh [OPERATIONS]   (per operation; a roster of 20,000 rows; HELP_REQUESTS_ONLY=true measures
# only the help request)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
mvn -B -ntp -q test -Dtest=CapacityBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx512m -Duser.timezone=Asia/Shanghai -Dcapacity.benchmark=$count -Dcapacity.help-requests-only=${HELP_REQUESTS_ONLY:-false} -Dlogging.level.org.jijinan=WARN" 2>&1 \
	| grep -a -E "CAPACITY BENCHMARK|FAIL|Tests run|Caused by|Exception"
