#!/usr/bin/env bash
# Packs pkg/ as npm would publish it and installs the tarball by its package
# name into tests/js/, so the JS and type tests import 'move-ugc' the way users do.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/npm
rm -f target/npm/move-ugc-*.tgz
tarball=$(npm pack ./pkg --pack-destination target/npm --silent | tail -n 1)
rm -rf tests/js/node_modules/move-ugc
npm install --prefix tests/js --no-save --no-audit --no-fund --no-package-lock "target/npm/$tarball" >/dev/null
echo "installed $tarball into tests/js/node_modules"
