#!/usr/bin/env bash
# Settlement API benchmark: peak rate and latency of POST /api/v1/medical-settlements with 8 concurrent hospital
# clients, latency at half the peak rate, and in the same run plain JDBC making the same writes.
# Usage: bench/medical-settlements.sh [SECONDS] [PATIENTS]   (PATIENTS: 1024 by default, the bills spread over them;
# PROFILE=FOLDER records the bearer-token peak phase with Flight Recorder)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
patients=${2:-1024}
mvn -B -ntp -q test -Dtest=MedicalSettlementBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx512m -Duser.timezone=Asia/Shanghai -Dmedical-settlements.benchmark=$seconds -Dmedical-settlements.patients=$patients -Dlogging.level.org.jijinan=WARN ${PROFILE:+-Dbenchmark.profile=$PROFILE}" 2>&1 \
	| grep -a -E "MEDICAL SETTLEMENT BENCHMARK|FAIL|Tests run"
