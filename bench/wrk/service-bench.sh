#!/usr/bin/env bash
# Load test of `collab serve` with wrk (Debian package) against 127.0.0.1; numbers go to docs/service.md.
#   bench/wrk/service-bench.sh MODEL [SECONDS]
# Starts the server on port 5093 with a fresh database, runs top-10 recommendations, then the mixed load,
# and counts the answer rows in the database afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
model=${1:?model file, e.g. /tmp/ml.collab}
seconds=${2:-60}
base=http://127.0.0.1:5093
db=$(mktemp -d)/bench.db
dotnet build -c Release src/Collab.Cli -v quiet -nologo >/dev/null
dotnet src/Collab.Cli/bin/Release/net10.0/Collab.Cli.dll serve "$model" --urls $base --db "$db" --write-rate 1000000 &
server=$!
trap 'kill $server' EXIT
until curl -sf $base/health >/dev/null; do sleep 0.5; done
curl -s "$base/api/users/1/recommendations?n=10" >/dev/null

bench/wrk/make-sessions.sh $base

echo "== top-10 recommendations, 32 connections, ${seconds}s"
wrk -t2 -c32 -d"${seconds}s" --latency -s bench/wrk/recommend.lua $base
echo "== top-10 recommendations, 8 connections, ${seconds}s"
wrk -t2 -c8 -d"${seconds}s" --latency -s bench/wrk/recommend.lua $base
echo "== mixed: 80% recommendations, 10% answers written, 10% visitor recommendations, ${seconds}s"
wrk -t2 -c32 -d"${seconds}s" --latency -s bench/wrk/mixed.lua $base
kill $server; wait $server 2>/dev/null || true; trap - EXIT
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('answer rows in the database after:', c.execute('select count(*) from answers').fetchone()[0])" "$db"
