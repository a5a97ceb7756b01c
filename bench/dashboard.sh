#!/usr/bin/env bash
# Dashboard benchmark: ten million generated cases and their roll-ups; the dashboard for twelve and sixty months
# against a plain GROUP BY with percentile_cont over the same cases, in the same run.
# Usage: bench/dashboard.sh [cases]   (default 10000000; generating them takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx1g -Ddashboard.benchmark=true -Ddashboard.cases=${1:-10000000}" 2>&1 \
	| grep -a -E "DASHBOARD BENCHMARK|FAIL|Tests run"
