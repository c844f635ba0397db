// What each feature of the workflow (issue: downloads, webhooks, options,
// raw requests) adds to the web entry, estimated from the build itself:
//
// - in the module, the bytes (before gzip) of the functions that exist for
//   the feature, by their names in a build that keeps them
//   (breakdown.mjs `namedRows`); code a feature shares with others (the transport, the
//   reader) is not counted;
// - in js/host.js, the gzip bytes its functions add to the minified file
//   (the file minified and gzipped with and without them).
// verifyWebhook's own file is loaded on its first call only (bench/run.mjs
// prints it); its part here is the error code and the wrapper in index.js.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { transformSync } from 'esbuild';

import { namedRows } from './breakdown.mjs';

export const FEATURES = [
  {
    name: 'client options (env, fetch, defaultHeaders, browser guard)',
    module: /^move_ugc::options::check_key|^move_ugc::input::read::headers|isBrowserPage|envVar/,
    host: ['envVar', 'isBrowserPage', 'send'],
  },
  {
    name: 'ugc.request (raw GraphQL)',
    module: /^move_ugc::request::|moveugc_request|^move_ugc::check::read_raw/,
    host: [],
  },
  {
    name: 'files.download, jobs.downloadOutputs',
    module: /download|Download|transfer|::storage|__wbg_storage/,
    host: ['downloadFile', 'downloadOutputs', 'bytesSink'],
  },
];

/** `[{ name, moduleBytes, hostGzip }]` for FEATURES, from the release build and js/host.js. */
export function featureSizes(root) {
  const rows = namedRows(root);
  const host = readFileSync(join(root, 'js', 'host.js'), 'utf8');
  return FEATURES.map((feature) => ({
    name: feature.name,
    moduleBytes: rows.filter(([name]) => feature.module.test(name)).reduce((sum, [, size]) => sum + size, 0),
    hostGzip: gzipped(host) - gzipped(without(host, feature.host)),
  }));
}

const gzipped = (source) =>
  gzipSync(transformSync(source, { minify: true, legalComments: 'none', target: 'es2022' }).code, { level: 9 }).length;

/** `source` without its top-level functions `names` (each from its line to the next line that is `}`). */
function without(source, names) {
  let lines = source.split('\n');
  for (const name of names) {
    const start = lines.findIndex((l) => new RegExp(`^(export )?(async )?function ${name}\\b`).test(l));
    if (start < 0) throw new Error(`js/host.js has no function ${name} (bench/features.mjs)`);
    const end = lines.findIndex((l, i) => i > start && l === '}');
    lines = [...lines.slice(0, start), ...lines.slice(end + 1)];
  }
  return lines.join('\n');
}
