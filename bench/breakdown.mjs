// The module's size by crate and by part of move-ugc: the same release build
// as the package (target/wasm32-unknown-unknown/release/move_ugc.wasm), put
// through wasm-bindgen and wasm-opt -Oz as scripts/build-wasm.sh does but
// keeping the function names (and the long import and export names, which
// the package shortens), then read by twiggy. Each group is its
// functions' bytes (before gzip); the data (strings, the descriptions of the
// models and params) is one group. Prints lines; exits quietly without twiggy.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `[group, bytes]` of the module, largest first (see groupOf). */
export function breakdown(root) {
  const groups = new Map();
  for (const [name, size] of namedRows(root)) {
    if (name.includes('subsection') || name.startsWith('custom section')) continue;
    groups.set(groupOf(name), (groups.get(groupOf(name)) ?? 0) + size);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

/**
 * `[name, bytes]` of every item of the module (functions, data, sections),
 * from the release build put through wasm-bindgen and wasm-opt -Oz as
 * scripts/build-wasm.sh does, but with the function names (and the long
 * import and export names) kept.
 */
export function namedRows(root) {
  const built = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'move_ugc.wasm');
  const dir = mkdtempSync(join(tmpdir(), 'move-ugc-size-'));
  try {
    const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--experimental-reset-state-function', '--out-dir', dir, built]);
    const named = join(dir, 'named.wasm');
    run('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', join(dir, 'move_ugc_bg.wasm'), '-o', named]);
    const csv = run('twiggy', ['top', '-n', '100000', '--format', 'csv', named]);
    return csv
      .split('\n')
      .slice(1)
      .map((line) => /^"?(.*?)"?,(\d+),/.exec(line))
      .filter(Boolean)
      .map(([, name, size]) => [name, Number(size)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `move_ugc::check`, `core`, `dlmalloc`…: the crate, and for move-ugc its module. */
function groupOf(name) {
  if (name.startsWith('data segment')) return 'data (strings, descriptions)';
  if (/shim|^__wbg|wbindgen/.test(name)) return 'wasm-bindgen shims';
  const crate = /^<?&?([a-z_0-9]+)(?:\[[0-9a-f]+\])?::/.exec(name.replace(/^"+/, ''));
  if (!crate) return 'other (unnamed, core::fmt impls)';
  if (crate[1] !== 'move_ugc') return crate[1];
  const module = /^<?&?move_ugc::([a-z_]+)/.exec(name.replace(/^"+/, ''));
  return `move_ugc::${module?.[1] ?? '?'}`;
}
