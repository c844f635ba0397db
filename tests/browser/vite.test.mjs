// The bundler entry of the exports map: a Vite app imports 'move-ugc' by name,
// is built with no plugin, and makes one call against the fake in Chromium.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { launch, watchErrors } from './chromium.mjs';

const consumer = fileURLToPath(new URL('../vite-consumer/', import.meta.url));
const dist = join(consumer, 'dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

describe('a Vite app using move-ugc', () => {
  let fake;
  let server;
  let url;

  before(async () => {
    await promisify(execFile)(process.execPath, [join(consumer, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: consumer });
    fake = await startFakeApi();
    server = createServer((req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path === '/config.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ apiUrl: fake.url, apiKey: fake.apiKey }));
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
    url = `http://127.0.0.1:${server.address().port}/`;
  });

  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await fake?.close();
  });

  it('bundles the wasm as an asset', () => {
    const assets = readdirSync(join(dist, 'assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), assets.join(', '));
  });

  it('loads in Chromium and calls the API', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const watch = watchErrors(page);
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('result').textContent !== 'loading…');
      assert.equal(await page.textContent('#result'), 'client: Fake Studio');
      assert.deepEqual(watch.errors, []);
      assert.deepEqual(fake.requests.map((r) => r.operationName), ['client']);
      assert.deepEqual(fake.violations, []);
    } finally {
      await browser.close();
    }
  });
});
