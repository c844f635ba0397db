#!/usr/bin/env bash
# Runs a command with the fake Move API listening on 127.0.0.1:$1, then stops it
# and fails if the fake saw any schema violation.
set -euo pipefail
port=$1; shift
log=$(mktemp)
node fake-api/cli.mjs --port "$port" >"$log" 2>&1 &
fake=$!
trap 'kill $fake 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q 'fake Move API on' "$log" && break; sleep 0.1; done
grep -q 'fake Move API on' "$log" || { cat "$log"; exit 1; }
"$@"
violations=$(curl -s "http://127.0.0.1:$port/__fake/violations")
if [ "$violations" != "[]" ]; then
  echo "the fake Move API saw schema violations: $violations" >&2
  exit 1
fi
