#!/usr/bin/env bash
# Builds the module once, for every entry of the package: cargo (release,
# wasm32), wasm-bindgen --target web, wasm-opt. Usage:
#   scripts/build-wasm.sh <out dir> [cargo features]
# The package is assembled from <out dir> by scripts/build-pkg.mjs.
#
# wasm-bindgen runs directly (not through wasm-pack) because wasm-pack cannot
# pass it --experimental-reset-state-function, which exports the glue's
# __wbg_reset_state: js/host.js replaces a trapped instance with it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
features=${2:-}

# The fault-injection build has a target directory of its own, so that the two
# builds neither overwrite each other's module nor rebuild the crate in turn.
target_dir=target
[ -n "$features" ] && target_dir=target/features-$features
cargo build --quiet --lib --release --target wasm32-unknown-unknown --target-dir "$target_dir" \
  ${features:+--features "$features"}

rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name move_ugc --experimental-reset-state-function \
  "$target_dir/wasm32-unknown-unknown/release/move_ugc.wasm"
# wasm-opt from PATH (npm `binaryen`), never downloaded; the producers and
# target-features sections are of no use to a runtime. The features are those
# rustc's wasm32 target emits. The names between the glue and the module are
# made short (`jobs_retrieve` becomes `Pa`, every import comes from module
# `a`: 1.4 KB of the module's gzip were those names); wasm-opt prints the
# mapping, kept in names.json, and scripts/build-pkg.mjs rewrites the glue
# to match.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals \
  --minify-imports-and-exports-and-modules --strip-producers --strip-target-features \
  "$out/move_ugc_bg.wasm" -o "$out/move_ugc_bg.wasm" > "$out/names.json"
