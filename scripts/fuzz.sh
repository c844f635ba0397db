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
  cargo fuzz run "$target" "$out/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 2>&1 \
    | grep -E 'stat::number_of_executed_units|Done|ERROR|panicked|SUMMARY' || true
  if ls artifacts/"$target"/crash-* >/dev/null 2>&1; then
    echo "fuzz target $target crashed: see fuzz/artifacts/$target" >&2
    exit 1
  fi
done
