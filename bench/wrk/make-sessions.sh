#!/usr/bin/env bash
# Writes bench/wrk/sessions.lua for mixed.lua: 500 visitors' sessions and 100 popular items they answer about.
#   bench/wrk/make-sessions.sh BASE-URL      (run from the repository's root)
set -euo pipefail
base=${1:?base URL, e.g. http://127.0.0.1:5093}
new_session() { curl -s -X POST "$base/api/sessions" | sed -E 's/.*"id":"([0-9a-f]+)".*/\1/'; }
{
  printf 'sessions = {'
  for _ in $(seq 500); do printf '"%s",' "$(new_session)"; done
  printf '}\nitems = {'
  s=$(new_session)
  curl -s "$base/api/sessions/$s/questions?n=100" | grep -oE '"id":"[0-9]+"' | sed -E 's/"id":("[0-9]+")/\1,/' | tr -d '\n'
  printf '}\n'
} > bench/wrk/sessions.lua
