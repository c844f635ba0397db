// The fault suite: for every failure the fake can inject, the documented
// MoveUgcError code; reads retried as API.md §5 says, mutations sent exactly
// once; the key in no error; and the same instance succeeding afterwards.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';

import { useFakeApi, clientOf, rejectsWith, seedTake } from './helpers.mjs';
import { expandedJob } from '../../bench/canned.mjs';

const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const body = (data) => JSON.stringify({ data });

// [what, fault, code, is the failure worth retrying (reads are retried)]
const FAULTS = [
  ['HTTP 401', { kind: 'status', status: 401 }, 'UNAUTHENTICATED', false],
  ['HTTP 403', { kind: 'status', status: 403 }, 'PERMISSION_DENIED', false],
  ['HTTP 404', { kind: 'status', status: 404 }, 'HTTP_ERROR', false],
  ['HTTP 429 with Retry-After', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }, 'RATE_LIMITED', true],
  ['HTTP 429 without Retry-After', { kind: 'status', status: 429 }, 'RATE_LIMITED', true],
  ['HTTP 500', { kind: 'status', status: 500 }, 'SERVER_ERROR', true],
  ['HTTP 502 with an HTML body', { kind: 'html', status: 502 }, 'SERVER_ERROR', true],
  ['HTTP 503', { kind: 'status', status: 503, headers: { 'retry-after': '0' } }, 'SERVER_ERROR', true],
  ['200 with HTML', { kind: 'html' }, 'INVALID_RESPONSE', false],
  ['200 with an empty body', { kind: 'raw', body: '' }, 'INVALID_RESPONSE', false],
  ['200 with truncated JSON', { kind: 'raw', body: '{"data": {"getJob": {"id": "j' }, 'INVALID_RESPONSE', false],
  ['200 with data: null', { kind: 'raw', body: '{"data": null}' }, 'INVALID_RESPONSE', false],
  ['200 with an array root', { kind: 'raw', body: '[{"data": {}}]' }, 'INVALID_RESPONSE', false],
  ['200 with metadata that is not JSON', { kind: 'raw', body: body({ getJob: { ...expandedJob(), metadata: '{nope' } }) }, 'INVALID_RESPONSE', false],
  // Written out as text: in JavaScript 1e400 would already be Infinity.
  ['200 with a number too large (1e400)', { kind: 'raw', body: body({ getJob: expandedJob() }).replace('"percentageComplete":100', '"percentageComplete":1e400') }, 'INVALID_RESPONSE', false],
  ['200 with an integer too large for Int', { kind: 'raw', body: body({ getJob: expandedJob() }).replace('"percentageComplete":100', '"percentageComplete":99999999999999999999') }, 'INVALID_RESPONSE', false],
  ['200 nested 100,000 levels deep', { kind: 'raw', body: `{"data":{"getJob":${deep}}}` }, 'INVALID_RESPONSE', false],
  ['a GraphQL MoveNotFoundError', { kind: 'graphqlError', errorType: 'MoveNotFoundError' }, 'NOT_FOUND', false],
  ['a GraphQL UnauthorizedException', { kind: 'graphqlError', errorType: 'UnauthorizedException' }, 'UNAUTHENTICATED', false],
  ['a GraphQL ValidationError', { kind: 'graphqlError', errorType: 'ValidationError' }, 'GRAPHQL_ERROR', false],
  ['a connection reset', { kind: 'reset' }, 'NETWORK_ERROR', true],
  ['a server that never answers', { kind: 'hang' }, 'TIMEOUT', true],
];

describe('the fault suite', () => {
  const api = useFakeApi();
  const attempts = (name) => api.fake.requests.filter((r) => r.operationName === name).length;

  for (const [what, fault, code, transient] of FAULTS) {
    it(`${what}: ${code}, ${transient ? 'reads retried' : 'not retried'}, mutations once, then fine`, async () => {
      const ugc = clientOf(api.fake, { timeoutMs: 300, maxRetries: 2 });
      const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });

      // A read: sent 1 + maxRetries times if the failure is transient, else once.
      api.fake.inject({ ...fault, operation: 'getJob', times: 3 });
      const read = await rejectsWith(ugc.jobs.retrieve(id, { expand: ['client', 'take', 'outputs', 'rig', 'inputs'] }), code);
      assert.equal(read.retryable, transient);
      assert.equal(attempts('getJob'), transient ? 3 : 1);

      // A mutation: sent exactly once, whatever happened.
      api.fake.inject({ ...fault, operation: 'updateJob', times: 3 });
      const write = await rejectsWith(ugc.jobs.update(id, { name: 'x' }), code);
      assert.equal(attempts('updateJob'), 1);

      // The key is in no error, however it is shown.
      for (const error of [read, write]) {
        const shown = `${error.message} ${error.stack} ${inspect(error, { depth: 9 })} ${JSON.stringify(error.graphqlErrors ?? null)}`;
        assert.ok(!shown.includes(api.fake.apiKey), shown);
      }

      // The same instance then succeeds.
      api.fake.clearFaults();
      assert.equal((await ugc.jobs.retrieve(id)).id, id);
      assert.equal((await ugc.jobs.update(id, { name: 'after' })).name, 'after');
    });
  }

  it('a read that fails transiently then succeeds is retried to success', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 2 });
    api.fake.inject({ kind: 'status', status: 503, headers: { 'retry-after': '0' }, times: 2, operation: 'listJobs' });
    assert.deepEqual((await ugc.jobs.list()).items, []);
    assert.equal(attempts('listJobs'), 3);
  });

  it('200 concurrent calls all succeed', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    const { id } = await ugc.jobs.create({ takeId });
    const calls = Array.from({ length: 200 }, (_, i) =>
      i % 4 === 0 ? ugc.jobs.list({ takeId }) : i % 4 === 1 ? ugc.jobs.update(id, { name: `n${i}` }) : ugc.jobs.retrieve(id),
    );
    const results = await Promise.all(calls);
    assert.equal(results.length, 200);
    assert.ok(results.every((r) => r.id === id || r.items?.[0]?.id === id));
  });
});

describe('wrong types in every field', () => {
  const api = useFakeApi();

  // Every field of a fully expanded job, as a path, with a value of the wrong type.
  function paths(value, prefix = []) {
    if (value === null || typeof value !== 'object') return [prefix];
    const entries = Array.isArray(value) ? value.slice(0, 1).map((v, i) => [i, v]) : Object.entries(value);
    return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  const wrong = (v) => (typeof v === 'string' ? 42 : typeof v === 'number' ? 'forty-two' : typeof v === 'boolean' ? 'yes' : v === null ? 42 : Array.isArray(v) ? 'list' : 'object');
  const job = expandedJob();
  const fields = paths(job).filter((p) => p.length > 0);

  it(`each of the ${fields.length} fields is checked: INVALID_RESPONSE naming it`, async () => {
    const ugc = clientOf(api.fake, { maxRetries: 0 });
    let checked = 0;
    for (const path of fields) {
      const broken = structuredClone(job);
      let holder = broken;
      for (const key of path.slice(0, -1)) holder = holder[key];
      const last = path.at(-1);
      holder[last] = wrong(holder[last]);
      api.fake.inject({ kind: 'raw', body: body({ getJob: broken }) });
      const error = await rejectsWith(ugc.jobs.retrieve('job-1', { expand: ['client', 'take', 'outputs', 'rig', 'inputs'] }), 'INVALID_RESPONSE');
      const named = String(typeof last === 'number' ? path.at(-2) : last);
      assert.ok(error.message.includes(named), `${path.join('.')}: ${error.message}`);
      checked += 1;
    }
    assert.equal(checked, fields.length);
    assert.equal((await ugc.jobs.list()).items.length, 0, 'and the client still works');
  });
});
