#!/usr/bin/env bash
# Deadline-sweep benchmark: one sweep over 100,000 / 1,000,000 open steps with 1,000 / 10,000 of them due, against
# plain SQL claiming and advancing the same steps in the same run.
# Usage: bench/sweep.sh [OPEN:DUE,…]   (JFR=file.jfr records a flight recording of the run)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test -Dtest=SweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx1g -Duser.timezone=Asia/Shanghai -Dsweep.benchmark=true -Dsweep.runs=${1:-100000:10000,1000000:1000,1000000:10000} ${JFR:+-XX:StartFlightRecording=filename=$JFR} -Dlogging.level.org.jijinan=WARN" 2>&1 \
	| grep -a -E "SWEEP BENCHMARK|open=|STATISTICS|PLAN|->|Execution|FAIL|Tests run"
