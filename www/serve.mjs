#!/usr/bin/env node
// Serves the demo web app (www/), the built package (pkg/) and three.js (the
// repo's own npm install, under /vendor/three/: the page works offline) on one
// origin, with /config.json telling the page where the local fake Move API is.
//
//   node www/serve.mjs [--port 8080] [--fake] [--journey [video]]
//     --fake     also starts the fake Move API, with the demo account
//                (fake-api/demo-account.mjs): jobs in every state to look at
//     --journey  then runs examples/journey.mjs against that same fake (against
//                the real API when MOVE_API_KEY is set), so that its job is in
//                the page's list: what `make demo` does
//
// In-process: const app = await serveApp({ port: 0, fakeApiUrl, fakeApiKey }),
// or const demo = await startDemo({ port: 0 }) for the app beside a seeded fake.

import { spawn } from 'node:child_process';
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

/**
 * The fake Move API with the demo account, and the app beside it: what
 * `node www/serve.mjs --fake` serves. Resolves with `{ app, fake, demo, close }`
 * (`demo`: what seedDemoAccount made).
 */
export async function startDemo({ port = 8080, fakePort = 0 } = {}) {
  const { startFakeApi } = await import('../fake-api/server.mjs');
  const { seedDemoAccount } = await import('../fake-api/demo-account.mjs');
  // Outputs arrive a poll after FINISHED and lack their URLs one more, as the real API's can.
  // Dated by the real clock, so that the demo's objects and the page's look of today.
  const fake = await startFakeApi({ port: fakePort, pollsToFinish: 8, outputsLagPolls: 1, urlLagPolls: 1, liveClock: true });
  const demo = seedDemoAccount(fake.store);
  const app = await serveApp({ port, fakeApiUrl: fake.url, fakeApiKey: fake.apiKey });
  return {
    app,
    fake,
    demo,
    close: async () => {
      await app.close();
      await fake.close();
    },
  };
}

/**
 * Starts examples/journey.mjs (with `video` if given) in a child process, its
 * output shown as it comes: against `fake` unless MOVE_API_KEY names the real
 * API. Returns `{ child, exited }` (a promise of its exit code).
 */
function startJourney(fake, video) {
  const env = { ...process.env };
  if (!env.MOVE_API_KEY) {
    env.MOVE_DEMO_FAKE_URL = fake.url;
    env.MOVE_DEMO_FAKE_KEY = fake.apiKey;
  }
  const script = join(root, 'examples', 'journey.mjs');
  const child = spawn(process.execPath, [script, ...(video ? [video] : [])], { env, stdio: 'inherit' });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { child, exited };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const named = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 8080;
  const port = Number.isInteger(named) && named >= 0 ? named : 8080;
  const at = args.indexOf('--journey');
  const journey = at >= 0;
  const video = journey && args[at + 1] && !args[at + 1].startsWith('--') ? args[at + 1] : null;
  if (journey && !args.includes('--fake')) {
    console.error('serve.mjs: --journey needs --fake (the journey runs against the fake the page shows)');
    process.exit(2);
  }
  let demo = null;
  let app;
  if (args.includes('--fake')) {
    // The fake on a free port unless FAKE_API_PORT names one: the page learns it from /config.json.
    demo = await startDemo({ port, fakePort: Number(process.env.FAKE_API_PORT ?? 0) });
    app = demo.app;
    console.log(`fake Move API on ${demo.fake.url}, with a demo account`);
  } else {
    app = await serveApp({ port });
  }
  let running = null;
  const stop = async (code = 0) => {
    // A journey still running would go on against a fake that is gone.
    running?.child.kill();
    await (demo ? demo.close() : app.close());
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  if (!journey) {
    console.log(`move-ugc demo app on ${app.url}  (Ctrl-C stops it)`);
  } else {
    console.log(`move-ugc demo app on ${app.url}  (open it now or after the journey, which runs first)\n`);
    running = startJourney(demo.fake, video);
    const code = await running.exited;
    running = null;
    if (code !== 0) {
      console.error(`\nThe journey failed (exit ${code}); stopping.`);
      await stop(code);
    }
    const where = process.env.MOVE_API_KEY
      ? 'The journey ran against the real API; the demo app (connect it with your key there)'
      : "Its job is in the demo app's list";
    console.log(`\n${where}: ${app.url}  (Ctrl-C stops it)`);
  }
}
