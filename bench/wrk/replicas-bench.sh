#!/usr/bin/env bash
# Load test of two `collab serve` replicas sharing one PostgreSQL, with wrk (Debian packages postgresql and wrk),
# all on 127.0.0.1; numbers go to docs/service.md.
#   bench/wrk/replicas-bench.sh MODEL [SECONDS] [REPLICAS]
# Starts a throwaway PostgreSQL on port 5195 (initdb into a temp folder; as root it runs as the postgres user),
# REPLICAS (default 2) replicas from port 5193 up, runs the mixed load against all at once (one wrk per replica,
# 32 connections shared out between them), and counts the answer rows in the database afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
model=${1:?model file, e.g. /tmp/ml.collab}
seconds=${2:-60}
count=${3:-2}
ports=$(seq 5193 $((5192 + count)))
connections=$((32 / count))
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
as_pg "$pgbin/initdb" -D "$dir/pg" -A trust -U postgres >/dev/null
as_pg "$pgbin/pg_ctl" -D "$dir/pg" -o "-p 5195 -k $dir -c listen_addresses=127.0.0.1" -l "$dir/pg.log" -w start >/dev/null
db=postgres://postgres@127.0.0.1:5195/postgres
replicas=()
cleanup() {
  for pid in "${replicas[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_pg "$pgbin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
dotnet build -c Release src/Collab.Cli -v quiet -nologo >/dev/null
for port in $ports; do
  dotnet src/Collab.Cli/bin/Release/net10.0/Collab.Cli.dll serve "$model" --urls http://127.0.0.1:$port --db "$db" --write-rate 1000000 &
  replicas+=($!)
done
for port in $ports; do
  until curl -sf http://127.0.0.1:$port/health >/dev/null; do sleep 0.5; done
  curl -s "http://127.0.0.1:$port/api/users/1/recommendations?n=10" >/dev/null
done
# Sessions opened on one replica are answered on both: every visitor's writes reach the database from two processes.
bench/wrk/make-sessions.sh http://127.0.0.1:5193

echo "== mixed on $count replica(s) (one wrk each, -t1 -c$connections): 80% recommendations, 10% answers, 10% visitor recommendations, ${seconds}s"
loads=()
for port in $ports; do
  wrk -t1 -c$connections -d"${seconds}s" --latency -s bench/wrk/mixed.lua http://127.0.0.1:$port > "$dir/$port.txt" &
  loads+=($!)
done
for pid in "${loads[@]}"; do wait "$pid"; done
for port in $ports; do echo "-- replica on $port"; cat "$dir/$port.txt"; done
for pid in "${replicas[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
replicas=()
echo "answer rows in the database after: $(as_pg "$pgbin/psql" -h "$dir" -p 5195 -U postgres -Atc 'SELECT count(*) FROM answers')"
