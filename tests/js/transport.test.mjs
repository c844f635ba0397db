// The transport: every error code, timeouts, abort, retries of reads only,
// Retry-After, and the same client working after every kind of failure.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { MoveUgc } from 'move-ugc';
import { useFakeApi, clientOf, rejectsWith, seedTake } from './helpers.mjs';

describe('errors and transport', () => {
  const api = useFakeApi();
  // Fast clients: short timeouts, immediate retries (Retry-After: 0 where set).
  const fast = (options = {}) => clientOf(api.fake, { timeoutMs: 400, maxRetries: 0, ...options });

  const statusCases = [
    [401, 'UNAUTHENTICATED', false],
    [403, 'PERMISSION_DENIED', false],
    [404, 'HTTP_ERROR', false],
    [400, 'HTTP_ERROR', false],
    [429, 'RATE_LIMITED', true],
    [500, 'SERVER_ERROR', true],
    [502, 'SERVER_ERROR', true],
    [503, 'SERVER_ERROR', true],
  ];
  for (const [status, code, retryable] of statusCases) {
    it(`HTTP ${status} is ${code}`, async () => {
      const ugc = fast();
      api.fake.inject({ kind: 'status', status });
      const error = await rejectsWith(ugc.jobs.list(), code);
      assert.equal(error.status, status);
      assert.equal(error.retryable, retryable);
      await ugc.jobs.list();
    });
  }

  it('a 502 with an HTML body is SERVER_ERROR', async () => {
    const ugc = fast();
    api.fake.inject({ kind: 'html', status: 502 });
    const error = await rejectsWith(ugc.jobs.list(), 'SERVER_ERROR');
    assert.equal(error.status, 502);
    assert.ok(!error.message.includes('<html'), 'no markup in the message');
  });

  const graphqlCases = [
    ['MoveNotFoundError', 'NOT_FOUND'],
    ['UnauthorizedException', 'UNAUTHENTICATED'],
    ['ValidationError', 'GRAPHQL_ERROR'],
    ['InternalFailure', 'GRAPHQL_ERROR'],
  ];
  for (const [errorType, code] of graphqlCases) {
    it(`GraphQL errorType ${errorType} is ${code}`, async () => {
      const ugc = fast();
      api.fake.inject({ kind: 'graphqlError', errorType, operation: 'listJobs' });
      const error = await rejectsWith(ugc.jobs.list(), code);
      assert.equal(error.errorType, errorType);
      assert.equal(error.graphqlErrors[0].errorType, errorType);
      assert.equal(error.retryable, false);
    });
  }

  const malformed = [
    ['an HTML 200', { kind: 'html' }],
    ['an empty body', { kind: 'raw', body: '' }],
    ['truncated JSON', { kind: 'raw', body: '{"data": {"listJobs": {"items": [' }],
    ['data: null without errors', { kind: 'transform', transform: 'dataNull' }],
    ['an array root', { kind: 'raw', body: '[{"data": {}}]' }],
    ['a string root', { kind: 'raw', body: '"data"' }],
    ['items that are not an array', { kind: 'transform', transform: 'itemsNotArray' }],
    ['100,000 levels of nesting', { kind: 'raw', body: `{"data":{"listJobs":${'['.repeat(100000)}${']'.repeat(100000)}}}` }],
  ];
  for (const [what, fault] of malformed) {
    it(`${what} is INVALID_RESPONSE, and the client keeps working`, async () => {
      const ugc = fast();
      api.fake.inject(fault);
      const error = await rejectsWith(ugc.jobs.list(), 'INVALID_RESPONSE');
      assert.equal(error.retryable, false);
      const page = await ugc.jobs.list();
      assert.deepEqual(page.items, []);
    });
  }

  const wrongTypes = [
    ['an id that is a number', 'idAsNumber', 'getJob'],
    ['metadata that is not JSON', 'metadataNotJson', 'metadata'],
    ['a percentage that is a string', 'percentageAsString', 'percentageComplete'],
    ['a number too large', 'hugeNumber', 'getJob'],
  ];
  for (const [what, transform, named] of wrongTypes) {
    it(`${what} is INVALID_RESPONSE naming the field`, async () => {
      const ugc = fast();
      const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
      api.fake.inject({ kind: 'transform', transform, operation: 'getJob' });
      const error = await rejectsWith(ugc.jobs.retrieve(id), 'INVALID_RESPONSE');
      assert.ok(error.message.includes(named), error.message);
      assert.equal((await ugc.jobs.retrieve(id)).id, id);
    });
  }

  it('a connection reset is NETWORK_ERROR', async () => {
    const ugc = fast();
    api.fake.inject({ kind: 'reset' });
    const error = await rejectsWith(ugc.jobs.list(), 'NETWORK_ERROR');
    assert.equal(error.retryable, true);
    assert.equal(error.status, undefined);
    await ugc.jobs.list();
  });

  it('nothing listening is NETWORK_ERROR', async () => {
    const port = await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
      });
    });
    const ugc = new MoveUgc({ apiKey: api.fake.apiKey, endpointUrl: `http://127.0.0.1:${port}/graphql`, maxRetries: 0 });
    await rejectsWith(ugc.jobs.list(), 'NETWORK_ERROR');
  });

  it('a server that never answers is TIMEOUT after timeoutMs', async () => {
    const ugc = fast({ timeoutMs: 150 });
    api.fake.inject({ kind: 'hang' });
    const started = Date.now();
    const error = await rejectsWith(ugc.jobs.list(), 'TIMEOUT');
    assert.ok(Date.now() - started >= 140, 'not before the timeout');
    assert.ok(error.message.includes('150 ms'));
    await ugc.jobs.list();
  });

  it('calls side by side each time out at their own timeoutMs', async () => {
    // A fetch that answers nothing until its signal aborts it.
    const hanging = (url, init) =>
      new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
    const slow = new MoveUgc({ apiKey: api.fake.apiKey, endpointUrl: api.fake.url, fetch: hanging, timeoutMs: 60_000, maxRetries: 0 });
    const quick = new MoveUgc({ apiKey: api.fake.apiKey, endpointUrl: api.fake.url, fetch: hanging, timeoutMs: 120, maxRetries: 0 });
    const controller = new AbortController();
    // The one due in a minute starts first: the one due sooner must not wait for it.
    const long = rejectsWith(slow.jobs.list({ signal: controller.signal }), 'ABORTED');
    const started = Date.now();
    const [first, second] = await Promise.all([rejectsWith(quick.jobs.list(), 'TIMEOUT'), rejectsWith(quick.jobs.list(), 'TIMEOUT')]);
    const took = Date.now() - started;
    assert.ok(took >= 110 && took < 5_000, `timed out after ${took} ms`);
    assert.ok(first.message.includes('120 ms') && second.message.includes('120 ms'));
    controller.abort();
    await long;
  });

  it('a Node process ends when its calls are done, not when their timeout would have run out', () => {
    const script = `
      import { MoveUgc } from 'move-ugc';
      const page = JSON.stringify({ data: { listJobs: { first: 10, after: null, items: [] } } });
      const ugc = new MoveUgc({ apiKey: 'mv_key_test_0000000000', endpointUrl: 'http://127.0.0.1:1/graphql',
        timeoutMs: 60000, fetch: async () => new Response(page, { status: 200 }) });
      await ugc.jobs.list();
      await ugc.jobs.list();`;
    const started = Date.now();
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dirname(fileURLToPath(import.meta.url)), timeout: 30_000 });
    const took = Date.now() - started;
    assert.ok(took < 20_000, `the process ran for ${took} ms`);
  });

  it('an aborted signal rejects with ABORTED before anything is sent', async () => {
    const ugc = fast();
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(ugc.jobs.list({ signal: controller.signal }), 'ABORTED');
    await rejectsWith(ugc.jobs.retrieve('job-1', { signal: controller.signal }), 'ABORTED');
    assert.equal(api.fake.requests.length, 0);
  });

  it('aborting during a request rejects with ABORTED, promptly', async () => {
    const ugc = fast({ timeoutMs: 10_000 });
    api.fake.inject({ kind: 'hang' });
    const controller = new AbortController();
    const pending = ugc.jobs.list({ signal: controller.signal });
    while (api.fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    controller.abort();
    await rejectsWith(pending, 'ABORTED');
    assert.ok(Date.now() - started < 1000);
    await ugc.jobs.list();
  });

  it('aborting during the backoff between retries rejects with ABORTED', async () => {
    const ugc = fast({ maxRetries: 2 });
    api.fake.inject({ kind: 'status', status: 503, headers: { 'retry-after': '30' }, times: 3 });
    const controller = new AbortController();
    const pending = ugc.jobs.list({ signal: controller.signal });
    while (api.fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await rejectsWith(pending, 'ABORTED');
    assert.equal(api.fake.requests.length, 1);
  });

  it('reads are retried up to maxRetries on 429, 5xx and network errors', async () => {
    const ugc = fast({ maxRetries: 3 });
    api.fake.inject({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    api.fake.inject({ kind: 'status', status: 502, headers: { 'retry-after': '0' } });
    api.fake.inject({ kind: 'reset' });
    const page = await ugc.jobs.list();
    assert.deepEqual(page.items, []);
    assert.equal(api.fake.requests.length, 4);
  });

  it('a read gives up after maxRetries and reports the last failure', async () => {
    const ugc = fast({ maxRetries: 2 });
    api.fake.inject({ kind: 'status', status: 503, headers: { 'retry-after': '0' }, times: 5 });
    await rejectsWith(ugc.jobs.retrieve('job-1'), 'SERVER_ERROR');
    assert.equal(api.fake.requests.length, 3);
  });

  it('Retry-After is honoured', async () => {
    const ugc = fast({ maxRetries: 1 });
    api.fake.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    await ugc.jobs.list();
    assert.ok(Date.now() - started >= 950, `retried after ${Date.now() - started} ms`);
  });

  it('without Retry-After, reads back off exponentially', async () => {
    const ugc = fast({ maxRetries: 2 });
    api.fake.inject({ kind: 'status', status: 500, times: 2 });
    const started = Date.now();
    await ugc.jobs.list();
    // 0.5 s then 1 s, each shortened by at most 25 % jitter.
    assert.ok(Date.now() - started >= 1100, `retried after ${Date.now() - started} ms`);
    assert.equal(api.fake.requests.length, 3);
  });

  it('GraphQL errors and bad answers are not retried', async () => {
    const ugc = fast({ maxRetries: 3 });
    await rejectsWith(ugc.jobs.retrieve('job-missing'), 'NOT_FOUND');
    api.fake.inject({ kind: 'raw', body: 'nope' });
    await rejectsWith(ugc.jobs.list(), 'INVALID_RESPONSE');
    assert.equal(api.fake.requests.length, 2);
  });

  for (const [what, fault] of [
    ['a 503', { kind: 'status', status: 503, headers: { 'retry-after': '0' } }],
    ['a reset', { kind: 'reset' }],
    ['a timeout', { kind: 'hang' }],
  ]) {
    it(`mutations are sent exactly once, even after ${what}`, async () => {
      const ugc = fast({ maxRetries: 3 });
      const takeId = seedTake(api.fake);
      const { id } = await ugc.jobs.create({ takeId });
      const before = api.fake.requests.length;
      api.fake.inject({ ...fault, times: 5 });
      const error = await rejectsWith(ugc.jobs.createSingleCam({ takeId }), fault.kind === 'hang' ? 'TIMEOUT' : fault.kind === 'reset' ? 'NETWORK_ERROR' : 'SERVER_ERROR');
      // Lost in flight (or a 5xx): the job may exist, and be billed, all the same.
      assert.equal(error.retryable, false, 'a mutation whose fate is unknown is not retryable');
      assert.match(error.message, /may have been carried out all the same/);
      api.fake.inject({ ...fault, times: 5 });
      await rejectsWith(ugc.jobs.update(id, { name: 'x' }), error.code);
      assert.equal(api.fake.requests.length - before, 2, 'one attempt per mutation');
    });
  }

  it('200 concurrent reads all succeed', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    const results = await Promise.all(Array.from({ length: 200 }, () => ugc.jobs.retrieve(id)));
    assert.equal(results.length, 200);
    assert.ok(results.every((job) => job.id === id));
  });

  it('the key is never in any error, even when the server echoes it', async () => {
    const ugc = fast();
    const key = api.fake.apiKey;
    api.fake.inject({ kind: 'status', status: 500, body: { errors: [{ errorType: 'InternalFailure', message: `bad key ${key}` }] } });
    const error = await rejectsWith(ugc.jobs.list(), 'SERVER_ERROR');
    assert.ok(!error.message.includes(key), error.message);
    assert.ok(!JSON.stringify(error.graphqlErrors).includes(key));
    assert.ok(error.message.includes('[redacted]'));
  });
});
