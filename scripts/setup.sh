#!/usr/bin/env bash
# Installs what building and testing need, idempotently and quickly when it is
# already there. Usage: scripts/setup.sh [build|test]
#   build: the wasm target, wasm-pack, wasm-bindgen (the exact version of Cargo.lock), npm packages
#   test:  the same, plus Debian's chromium and chromedriver for the browser tests, and cargo-fuzz
#   fuzz:  the build set, plus cargo-fuzz
#   bench: the build set, plus chromium, Move's Python SDK in target/bench-venv, and twiggy
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-build}

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack"
  cargo install wasm-pack
fi

# wasm-bindgen's CLI must be the very version the crate links (pinned with = in Cargo.toml).
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# npm packages: the fake API's graphql, wasm-opt (binaryen), typescript, playwright-core,
# three.js (the demo app's 3D view);
# and, for the tests, Vite and webpack in the two bundler consumers.
npm_ci() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
}
npm_ci .

if [ "$want" = fuzz ] || [ "$want" = test ]; then
  if ! command -v cargo-fuzz >/dev/null 2>&1; then
    say "installing cargo-fuzz"
    cargo install cargo-fuzz
  fi
fi

if [ "$want" = bench ]; then
  # Move's own Python SDK, to compare with, in a venv of its own.
  if [ ! -x target/bench-venv/bin/python ] || ! target/bench-venv/bin/python -c 'import move_ugc' 2>/dev/null; then
    say "installing move-ugc-python into target/bench-venv"
    python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install --quiet --disable-pip-version-check move-ugc-python==4.1.0
  fi
  # twiggy: the size breakdown of the module by crate (bench/breakdown.mjs).
  if ! command -v twiggy >/dev/null; then
    say "installing twiggy"
    cargo install twiggy --version 0.8.0
  fi
fi

if [ "$want" = test ] || [ "$want" = bench ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
fi

if [ "$want" = test ]; then
  npm_ci tests/vite-consumer
  npm_ci tests/webpack-consumer
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
fi
