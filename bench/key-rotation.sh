#!/usr/bin/env bash
# Key rotation benchmark: a persons table of PERSONS rows (an ID number and a phone each, sealed with key 1) on an
# embedded PostgreSQL; times sealing every value again with key 2 against plain updates of the same rows by the same
# statements in the same run.
# Usage: bench/key-rotation.sh [PERSONS]
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-1000000}
mvn -B -ntp -q test -Dtest=KeyRotationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx2g -Drotation.benchmark.persons=$persons" \
	2>&1 | grep -a -E "ROTATION BENCHMARK|FAIL|Tests run"
