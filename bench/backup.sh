#!/usr/bin/env bash
# Backup and restore benchmark: a PostgreSQL 15 server (the operating system's, whose pg_dump and pg_restore are the
# baseline; installed when missing) holding PERSONS persons and CASES cases (with their requests and timelines). Times
# the platform's backup and restore against pg_dump -Fc and pg_restore of the same database, in the same run.
# Usage: bench/backup.sh [PERSONS] [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-1000000}
cases=${2:-100000}
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/postgres" ]; then
	apt-get update -qq && apt-get install -y -qq postgresql-15 > /dev/null
fi
dir=$(pwd)/target/bench/pg15
rm -rf "$dir" && mkdir -p "$dir" && chown postgres "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres > /dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k /tmp -c max_wal_size=4GB" -l "$dir/server.log" \
	-w start > /dev/null
trap 'runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null' EXIT
mvn -B -ntp -q test -Dtest=BackupBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsurefire.jvm.args="-Xmx1g -Duser.timezone=Asia/Shanghai -Dbackup.benchmark.port=$port -Dbackup.benchmark.bin=$bin -Dbackup.benchmark.persons=$persons -Dbackup.benchmark.cases=$cases" \
	2>&1 | grep -a -E "BACKUP BENCHMARK|FAIL|Tests run"
