#!/usr/bin/env bash
# Settlement engine benchmark (JMH): settlements per second against the bill's bare BigDecimal arithmetic, one fork,
# 3 warm-up and 5 measured iterations of 2 s each.
# Usage: bench/settlement-engine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
	'org.jijinan.relief.SettlementEngineBenchmark' 2>&1 | grep -a -E "^Benchmark|SettlementEngineBenchmark\.|Run complete"
