#!/usr/bin/env bash
# Matching benchmark: 100,000 open needs against 10,000 projects — a full re-match and one new need — and the plain
# definition of the score for a sample of needs, in the same run.
# Usage: bench/matching.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test -Dtest=MatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx2g -Dmatching.benchmark=true" 2>&1 | grep -a -E "MATCHING BENCHMARK|FAIL|Tests run"
