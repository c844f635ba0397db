#!/usr/bin/env node
// Serves the demo web app (www/), the built package (pkg/) and three.js (the
// repo's own npm install, under /vendor/three/: the page works offline) on one
// origin, with /config.json telling the page where the local fake Move API is.
//
//   node www/serve.mjs [--port 8080] [--fake]     --fake also starts the fake API
//
// In-process: const app = await serveApp({ port: 0, fakeApiUrl, fakeApiKey }).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.glb': 'model/gltf-binary',
  '.ts': 'text/plain; charset=utf-8',
};

// URL prefixes served from directories of the repo other than www/.
const MOUNTS = [
  ['/pkg/', join(root, 'pkg')],
  ['/vendor/three/', join(root, 'node_modules', 'three')],
];

/** Maps a URL path to a file under www/, pkg/ or three.js, refusing anything outside them. */
function resolvePath(pathname) {
  const mount = MOUNTS.find(([prefix]) => pathname.startsWith(prefix));
  const [base, rest] = mount ? [mount[1], pathname.slice(mount[0].length)] : [here, pathname.slice(1)];
  const file = normalize(join(base, decodeURIComponent(rest || 'index.html')));
  return file.startsWith(base + sep) || file === base ? file : null;
}

/**
 * Listens on `port`; if another program holds it, on a free port instead (the
 * caller prints the URL), so that `make demo` never fails with EADDRINUSE.
 */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        console.warn(`port ${port} is taken; using a free one`);
        server.listen(0, host);
      } else {
        reject(error);
      }
    };
    server.on('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Starts the static server; resolves with `{ url, close }`. */
export async function serveApp({ port = 8080, host = '127.0.0.1', fakeApiUrl = null, fakeApiKey = null } = {}) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ fakeApiUrl, fakeApiKey }));
      return;
    }
    const file = resolvePath(pathname === '/' ? '/index.html' : pathname);
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await listen(server, port, host);
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${server.address().port}/`;
  return {
    url,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const port = Number(args[args.indexOf('--port') + 1] || 8080) || 8080;
  let fake = null;
  if (args.includes('--fake')) {
    const { startFakeApi } = await import('../fake-api/server.mjs');
    // A free port unless FAKE_API_PORT names one: the page learns it from /config.json.
    // Outputs arrive a poll after FINISHED and lack their URLs one more, as the real API's can.
    fake = await startFakeApi({ port: Number(process.env.FAKE_API_PORT ?? 0), pollsToFinish: 8, outputsLagPolls: 1, urlLagPolls: 1 });
    console.log(`fake Move API on ${fake.url}`);
  }
  const app = await serveApp({ port, fakeApiUrl: fake?.url ?? null, fakeApiKey: fake?.apiKey ?? null });
  console.log(`move-ugc demo app on ${app.url}  (Ctrl-C stops it)`);
  const stop = async () => {
    await app.close();
    if (fake) await fake.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
