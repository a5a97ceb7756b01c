#!/usr/bin/env bash
# Measures time from `java` to "platform ready" and the heap in use when idle, with a 512 MB heap, started as the
# README's first command starts it (the extracted jar with the class-data-sharing archive the build records).
# Baselines in the same run: the JVM alone printing its version, and a restart of the packaged jar as it is
# (java -jar target/jijinan.jar: classes from the nested jars, no archive).
# Usage: bench/startup.sh [runs]   (builds first if the archive is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f target/app/jijinan.jsa ] || mvn -B -ntp -q -DskipTests package
data=$(mktemp -d)
port=18080
as_shipped=(-XX:SharedArchiveFile=target/app/jijinan.jsa -jar target/app/jijinan.jar)
packaged=(-jar target/jijinan.jar)

millis() { date +%s%3N; }

start_once() {
	local label=$1 log
	shift
	log=$(mktemp)
	local t0
	t0=$(millis)
	java -Xmx512m "$@" --jijinan.data-dir="$data" --server.port=$port \
		--management.server.port=18081 >"$log" 2>&1 &
	local pid=$!
	until grep -q "platform ready" "$log"; do
		kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
		sleep 0.05
	done
	local t1
	t1=$(millis)
	sleep 10
	jcmd $pid GC.run >/dev/null
	sleep 1
	local used
	used=$(jcmd $pid GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}')
	local rss
	rss=$(ps -o rss= -p $pid)
	kill $pid
	wait $pid 2>/dev/null || true
	printf '%-18s ready %6d ms   heap used after GC %8s   RSS %6d MB\n' "$label" $((t1 - t0)) "$used" $((rss / 1024))
	rm -f "$log"
}

t0=$(millis); java -Xmx512m -version >/dev/null 2>&1; t1=$(millis)
printf '%-18s ready %6d ms\n' "jvm-baseline" $((t1 - t0))
start_once "first-start" "${as_shipped[@]}"
for i in $(seq 2 "$runs"); do
	start_once "restart-$i" "${as_shipped[@]}"
done
start_once "restart-packaged" "${packaged[@]}"
rm -rf "$data"
