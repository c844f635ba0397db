// MoveUgc: option validation, the key as a secret, the package's entries.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';

import { MoveUgc, MoveUgcError, isMoveUgcError } from 'move-ugc';
import { useFakeApi, clientOf, rejectsWith } from './helpers.mjs';

const require = createRequire(import.meta.url);
const KEY = 'mv_key_secret_value_123456';

describe('new MoveUgc(options)', () => {
  const api = useFakeApi();

  const invalid = [
    ['no options', undefined, 'options'],
    ['options not an object', 'mv_key_abc', 'options'],
    ['no key', {}, 'options.apiKey: is required'],
    ['an empty key', { apiKey: '' }, 'options.apiKey'],
    ['a short key', { apiKey: 'mv_key_1' }, 'options.apiKey'],
    ['a key that is not a string', { apiKey: 123456789012345 }, 'options.apiKey'],
    ['a key with a line break', { apiKey: 'mv_key_abcdef\nX-Evil: 1' }, 'options.apiKey'],
    ['a relative endpoint', { apiKey: KEY, endpointUrl: '/ugc/graphql' }, 'options.endpointUrl'],
    ['an endpoint that is no URL', { apiKey: KEY, endpointUrl: 'not a url' }, 'options.endpointUrl'],
    ['an ftp endpoint', { apiKey: KEY, endpointUrl: 'ftp://api.move.ai/ugc' }, 'options.endpointUrl'],
    ['plain http off the machine', { apiKey: KEY, endpointUrl: 'http://api.move.ai/ugc/graphql' }, 'options.endpointUrl'],
    ['plain http to a private address', { apiKey: KEY, endpointUrl: 'http://10.0.0.5/graphql' }, 'options.endpointUrl'],
    ['a zero timeout', { apiKey: KEY, timeoutMs: 0 }, 'options.timeoutMs'],
    ['a NaN timeout', { apiKey: KEY, timeoutMs: NaN }, 'options.timeoutMs'],
    ['negative retries', { apiKey: KEY, maxRetries: -1 }, 'options.maxRetries'],
    ['fractional retries', { apiKey: KEY, maxRetries: 1.5 }, 'options.maxRetries'],
  ];
  for (const [what, options, named] of invalid) {
    it(`throws INVALID_ARGUMENT for ${what}`, () => {
      let error;
      try {
        new MoveUgc(options);
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof MoveUgcError, String(error));
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.equal(error.retryable, false);
      assert.ok(error.message.startsWith(named), error.message);
      assert.ok(!error.message.includes('secret_value'), 'the key leaked into the message');
    });
  }

  it('accepts https anywhere and http to loopback', () => {
    for (const endpointUrl of ['https://api-test.move.ai/ugc/graphql', 'http://localhost:4000/graphql', 'http://127.0.0.2/graphql', 'http://[::1]:4000/graphql']) {
      assert.equal(new MoveUgc({ apiKey: KEY, endpointUrl }).endpointUrl, endpointUrl);
    }
    assert.equal(new MoveUgc({ apiKey: KEY }).endpointUrl, 'https://api.move.ai/ugc/graphql');
  });

  it('never shows the key in String, JSON.stringify or util.inspect', () => {
    const ugc = new MoveUgc({ apiKey: KEY, endpointUrl: 'https://api.move.ai/ugc/graphql' });
    for (const shown of [String(ugc), `${ugc}`, JSON.stringify(ugc), inspect(ugc, { depth: 5, showHidden: true }), inspect(ugc.jobs, { showHidden: true })]) {
      assert.ok(!shown.includes(KEY) && !shown.includes('secret_value'), shown);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(ugc)), { endpointUrl: 'https://api.move.ai/ugc/graphql', timeoutMs: 30000, maxRetries: 2 });
    assert.equal(String(ugc), 'MoveUgc(https://api.move.ai/ugc/graphql)');
  });

  it('shows the key in no SDK object: the client, every service, every iterator', () => {
    const ugc = new MoveUgc({ apiKey: KEY, endpointUrl: 'https://api.move.ai/ugc/graphql' });
    const objects = [ugc, ugc.jobs, ugc.takes, ugc.files, ugc.volumes, ugc.client, ugc.webhooks, ugc.rigs, ugc.cameraSettings, ugc.jobs.iterate(), ugc.takes.iterate(), ugc.volumes.iterate()];
    for (const object of objects) {
      for (const shown of [String(object), JSON.stringify(object) ?? '', inspect(object, { depth: 9, showHidden: true, getters: true })]) {
        assert.ok(!shown.includes(KEY) && !shown.includes('secret_value'), shown);
      }
    }
  });

  it('never sends the key to the presigned upload URL', async () => {
    const ugc = clientOf(api.fake);
    const seen = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (url, init) => {
      seen.push({ url: String(url), headers: new Headers(init?.headers) });
      return realFetch(url, init);
    };
    try {
      await ugc.files.upload(new Uint8Array([1, 2, 3]), { type: 'mp4' });
    } finally {
      globalThis.fetch = realFetch;
    }
    const put = seen.find((r) => r.url.includes('/__fake/uploads/'));
    assert.ok(put, 'the PUT went through fetch');
    assert.equal(put.headers.get('authorization'), null);
    assert.ok(![...put.headers.values()].some((v) => v.includes(api.fake.apiKey)));
    assert.ok(!put.url.includes(api.fake.apiKey));
  });

  it('sends the key verbatim in Authorization and JSON with variables', async () => {
    const ugc = clientOf(api.fake);
    await ugc.jobs.list();
    const [request] = api.fake.requests;
    assert.equal(request.authorization, api.fake.apiKey);
    assert.equal(request.contentType, 'application/json');
    assert.equal(request.operationName, 'listJobs');
    assert.deepEqual(request.variables, { first: 10, sortDirection: 'DESC' });
  });

  it('a wrong key is UNAUTHENTICATED, without the key in the error', async () => {
    const ugc = new MoveUgc({ apiKey: KEY, endpointUrl: api.fake.url });
    const error = await rejectsWith(ugc.jobs.list(), 'UNAUTHENTICATED');
    assert.equal(error.status, 401);
    assert.equal(error.errorType, 'UnauthorizedException');
    assert.equal(error.retryable, false);
    assert.ok(!JSON.stringify({ ...error, message: error.message, stack: error.stack }).includes(KEY));
  });

  it('keeps one jobs service per client', () => {
    const ugc = clientOf(api.fake);
    assert.equal(ugc.jobs, ugc.jobs);
  });
});

describe('the package', () => {
  const api = useFakeApi();

  it('loads as CommonJS with the same classes as ESM', async () => {
    const cjs = require('move-ugc');
    assert.equal(cjs.MoveUgc, MoveUgc);
    assert.equal(cjs.MoveUgcError, MoveUgcError);
    const ugc = new cjs.MoveUgc({ apiKey: api.fake.apiKey, endpointUrl: api.fake.url });
    const page = await ugc.jobs.list();
    assert.deepEqual(page, { items: [], limit: 10, nextToken: null });
  });

  it('holds one .wasm, which every entry loads', () => {
    const dir = dirname(require.resolve('move-ugc/package.json'));
    const wasm = [];
    const walk = (at) => {
      for (const entry of readdirSync(join(dir, at), { withFileTypes: true })) {
        const path = join(at, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.wasm')) wasm.push(path);
      }
    };
    walk('.');
    assert.deepEqual(wasm, [join('web', 'move_ugc_bg.wasm')]);
    for (const entry of ['node/index.mjs', 'browser/index.js']) {
      assert.match(readFileSync(join(dir, entry), 'utf8'), /new URL\(\s*['"]\.\.\/web\/move_ugc_bg\.wasm['"],\s*import\.meta\.url\)/, entry);
    }
  });

  it('move-ugc/web before init() says to call init(), not that the module failed', () => {
    // A process of its own: here the Node entry has initialised the module already.
    const script = `import('move-ugc/web').then((m) => {
      try { new m.MoveUgc({ apiKey: 'mv_key_0123456789abcdef' }); console.log('made'); } catch (e) { console.log(e.message); }
    });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dirname(fileURLToPath(import.meta.url)), encoding: 'utf8' });
    assert.equal(run.stdout.trim(), "move-ugc: the module is not initialised: call `await init()` (from 'move-ugc/web') first", run.stderr);
  });

  it('exports isMoveUgcError, which also knows errors of another copy', () => {
    assert.equal(isMoveUgcError(new Error('x')), false);
    assert.equal(isMoveUgcError(null), false);
    assert.equal(isMoveUgcError({ name: 'MoveUgcError', code: 'X' }), false);
    const foreign = Object.assign(new Error('x'), { name: 'MoveUgcError', code: 'NOT_FOUND' });
    assert.equal(isMoveUgcError(foreign), true);
  });

  it('declares exports with types first, CommonJS types for require, a licence and a repository', () => {
    const manifest = require('move-ugc/package.json');
    assert.equal(manifest.name, 'move-ugc');
    // Every condition that resolves to a file says its types first.
    const leaves = [];
    const walk = (conditions) => {
      if (typeof conditions !== 'object') return;
      if ('default' in conditions && typeof conditions.default === 'string') leaves.push(conditions);
      for (const value of Object.values(conditions)) walk(value);
    };
    walk(manifest.exports);
    assert.ok(leaves.length >= 6);
    for (const leaf of leaves) {
      if (leaf.default.endsWith('.json')) continue;
      assert.equal(Object.keys(leaf)[0], 'types', JSON.stringify(leaf));
      // A CommonJS file gets CommonJS declarations; an ESM file ESM ones.
      assert.equal(leaf.types.endsWith('.d.cts'), leaf.default.endsWith('.cjs'), JSON.stringify(leaf));
    }
    assert.match(manifest.repository.url, /github\.com\/move-ugc\/move-ugc/);
    assert.match(manifest.homepage, /^https:\/\//);
    const dir = dirname(require.resolve('move-ugc/package.json'));
    assert.match(readFileSync(join(dir, 'LICENSE'), 'utf8'), /MIT License[\s\S]*Apache License/);
  });
});
