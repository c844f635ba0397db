#!/usr/bin/env bash
# Runs each fuzz target for $1 seconds, starting from the kept corpus
# (fuzz/corpus/<target>, read only) and writing new finds under $2/<target>.
# Fails on any crash. cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the
# machine's one stable toolchain accept them.
set -euo pipefail
seconds=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
for target in answers arguments; do
  mkdir -p "$out/$target"
  echo "fuzzing $target for $seconds s"
  # The whole output goes to a log; only its summary lines are shown. The exit
  # status is cargo's (a build that fails, or a run that finds a crash, fails
  # this script), not grep's.
  log="$out/$target.log"
  status=0
  cargo fuzz run "$target" "$out/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E 'stat::number_of_executed_units|Done|ERROR|panicked|SUMMARY' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz target $target failed (exit $status): see $log and fuzz/artifacts/$target" >&2
    exit "$status"
  fi
  if ls artifacts/"$target"/crash-* >/dev/null 2>&1; then
    echo "fuzz target $target crashed: see fuzz/artifacts/$target" >&2
    exit 1
  fi
done
