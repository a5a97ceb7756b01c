#!/usr/bin/env bash
# Signal API benchmark: peak rate and latency of POST /api/v1/monitoring-signals with 8 concurrent clients holding a
# department's bearer token, latency at half the peak rate, and in the same run plain JDBC making the same writes.
# Usage: bench/signal-api.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
mvn -B -ntp -q test -Dtest=SignalApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx512m -Duser.timezone=Asia/Shanghai -Dsignal-api.benchmark=$seconds -Dlogging.level.org.jijinan=WARN" 2>&1 \
	| grep -a -E "SIGNAL API BENCHMARK|FAIL|Tests run"
