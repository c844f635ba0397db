#!/usr/bin/env bash
# Packs pkg/ as npm would publish it and installs the tarball by its package
# name into the folder given (tests/js, examples, …), so that code there imports
# 'move-ugc' exactly the way users do. Usage: scripts/install-pkg.sh DIR...
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/npm
rm -f target/npm/move-ugc-*.tgz
tarball=$(npm pack ./pkg --pack-destination target/npm --silent | tail -n 1)
for dir in "$@"; do
  rm -rf "$dir/node_modules/move-ugc"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "target/npm/$tarball" >/dev/null
  echo "installed $tarball into $dir/node_modules"
done
