#!/usr/bin/env bash
# Help-request API benchmark: peak rate and latency of POST /api/v1/help-requests with 8 concurrent clients, latency
# at half the peak rate, and in the same run plain JDBC writing the request's rows, then every write the platform
# makes for one request.
# Usage: bench/help-requests.sh [SECONDS]   (PROFILE=FOLDER records the peak phases with Flight Recorder;
# STATEMENTS=1 prints the statements the database spent its time on in each peak phase)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
mvn -B -ntp -q test -Dtest=HelpRequestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx512m -Duser.timezone=Asia/Shanghai -Dhelp-requests.benchmark=$seconds -Dlogging.level.org.jijinan=WARN ${PROFILE:+-Dbenchmark.profile=$PROFILE} ${STATEMENTS:+-Djijinan.database.embedded.preload-libraries=pg_stat_statements}" 2>&1 \
	| grep -a -E "HELP REQUEST BENCHMARK|FAIL|Tests run"
