// The bundler entry of the exports map: one small app imports 'move-ugc' by
// name (and 'move-ugc/bundler', the same module), is built with Vite 7 and
// with webpack 5 (neither told anything about WebAssembly), and each build
// makes one call against the fake in Chromium and verifies one webhook
// delivery (signed here by the independent `standardwebhooks`).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';

import { startFakeApi } from '../../fake-api/server.mjs';
import { launch, watchErrors } from './chromium.mjs';

const run = promisify(execFile);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const BUNDLERS = [
  {
    name: 'Vite 7',
    dir: here('../vite-consumer/'),
    build: (dir) => run(process.execPath, [join(dir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir }),
    wasmDir: 'assets',
  },
  {
    name: 'webpack 5',
    dir: here('../webpack-consumer/'),
    build: async (dir) => {
      await run(process.execPath, [join(dir, 'node_modules/webpack-cli/bin/cli.js')], { cwd: dir });
      // webpack makes no page: the app's script and a paragraph are all it needs.
      writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><p id="result">loading…</p><script src="/main.js"></script>');
    },
    wasmDir: '.',
  },
];

/** A webhook delivery signed now, with its secret. */
function signedWebhook() {
  const secret = `whsec_${Buffer.from('the bundled app webhook key, 32B').toString('base64')}`;
  const body = JSON.stringify({ event_name: 'ugc.job.state.completed', timestamp: '2024-01-01T00:00:00Z', detail: { api_name: 'move-ugc-api', client_id: 'c', event_attributes: { job: { id: 'j', created: '2024-01-01T00:00:00Z', metadata: null }, take: { id: 't' } } } });
  const at = Math.floor(Date.now() / 1000);
  const headers = { 'svix-id': 'msg_bundled', 'svix-timestamp': String(at), 'svix-signature': new Webhook(secret).sign('msg_bundled', new Date(at * 1000), body) };
  return { body, headers, secret };
}

/** Serves a build's dist/ and /config.json (where the fake is, and a webhook delivery to verify). */
async function serve(dist, fake) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ apiUrl: fake.url, apiKey: fake.apiKey, webhook: signedWebhook() }));
    }
    try {
      const file = join(dist, path === '/' ? 'index.html' : path.slice(1));
      if (!file.startsWith(dist)) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

for (const bundler of BUNDLERS) {
  describe(`an app built with ${bundler.name} using move-ugc`, () => {
    const dist = join(bundler.dir, 'dist');
    let fake;
    let site;

    before(async () => {
      await bundler.build(bundler.dir);
      fake = await startFakeApi();
      site = await serve(dist, fake);
    });

    after(async () => {
      await site?.close();
      await fake?.close();
    });

    it('bundles the wasm as an asset, once for both entries', () => {
      const files = readdirSync(join(dist, bundler.wasmDir));
      assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, files.join(', '));
    });

    it('loads in Chromium and calls the API', async () => {
      const browser = await launch();
      try {
        const page = await browser.newPage();
        const watch = watchErrors(page);
        await page.goto(site.url);
        await page.waitForFunction(() => document.getElementById('result').textContent !== 'loading…');
        assert.equal(await page.textContent('#result'), 'client: Fake Studio; webhook: ugc.job.state.completed');
        assert.deepEqual(watch.errors, []);
        assert.deepEqual(fake.requests.map((r) => r.operationName), ['client']);
        assert.deepEqual(fake.violations, []);
      } finally {
        await browser.close();
      }
    });
  });
}
