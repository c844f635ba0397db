// Every failure is a MoveUgcError (API.md §6) and every message names the
// argument, says what was expected and shows what came (§7): mistyped
// options, a Bearer key, detached methods, calls after free(), network errors
// with their cause, mutations lost in flight, enums in any letter case.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { inspect } from 'node:util';

import { MoveUgc, MoveUgcError } from 'move-ugc';
import { useFakeApi, clientOf, rejectsWith, seedTake, thrown } from './helpers.mjs';

const KEY = 'mv_key_0123456789abcdef';

describe('options that would silently call production are refused', () => {
  for (const [typo, meant] of [
    ['endpointURL', 'endpointUrl'],
    ['baseURL', 'endpointUrl'],
    ['baseUrl', 'endpointUrl'],
    ['timeout', 'timeoutMs'],
    ['maxRetry', 'maxRetries'],
    ['apikey', 'apiKey'],
  ]) {
    it(`${typo}: did you mean ${meant}?`, () => {
      const error = thrown(() => new MoveUgc({ apiKey: KEY, [typo]: 'http://localhost:4010/graphql' }));
      assert.ok(error instanceof MoveUgcError);
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.ok(error.message.startsWith(`options.${typo}: unknown property; did you mean "${meant}"?`), error.message);
      assert.ok(!error.message.includes(KEY));
    });
  }

  it('an unknown option is named as such whatever its value, a function included', () => {
    for (const [option, value] of [['transport', () => 1], ['onRetry', () => 1], ['signal', new AbortController().signal]]) {
      const error = thrown(() => new MoveUgc({ apiKey: KEY, [option]: value }));
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.ok(error.message.startsWith(`options.${option}: unknown property`), error.message);
    }
  });

  it('an unknown option is refused even when its value is undefined (an unset variable)', () => {
    const error = thrown(() => new MoveUgc({ apiKey: KEY, baseURL: process.env.MOVE_UGC_SURELY_UNSET }));
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, /^options\.baseURL: unknown property; did you mean "endpointUrl"\?/);
  });

  it('an option with no near name lists the ones there are', () => {
    const error = thrown(() => new MoveUgc({ apiKey: KEY, onRetry: () => {} }));
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.equal(error.message, 'options.onRetry: unknown property (the properties are apiKey, endpointUrl, timeoutMs, maxRetries, fetch, defaultHeaders, dangerouslyAllowBrowser)');
    // `headers` (other SDKs' name) points at ours.
    const headers = thrown(() => new MoveUgc({ apiKey: KEY, headers: { 'x-trace': '1' } }));
    assert.match(headers.message, /^options\.headers: unknown property; did you mean "defaultHeaders"\?/);
  });

  it('a key given as "Bearer mv_key_…" says: no Bearer prefix', () => {
    const error = thrown(() => new MoveUgc({ apiKey: `Bearer ${KEY}` }));
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, /^options\.apiKey: .*no Bearer prefix/);
    assert.ok(!error.message.includes(KEY), 'the key is never shown');
  });

  it('a key of the wrong type is not shown either', () => {
    const error = thrown(() => new MoveUgc({ apiKey: 1234567890123456 }));
    assert.equal(error.message, 'options.apiKey: expected a string, got a number');
    const big = thrown(() => new MoveUgc({ apiKey: 1234567890123456n }));
    assert.equal(big.message, 'options.apiKey: expected a string, got a bigint');
  });
});

describe('misuse from JavaScript', () => {
  const api = useFakeApi();

  it('methods work detached from their service', async () => {
    const ugc = clientOf(api.fake);
    const { list, retrieve, create, iterate, waitForCompletion } = ugc.jobs;
    const { upload } = ugc.files;
    const take = seedTake(api.fake);
    const job = await create({ takeId: take });
    assert.equal((await retrieve(job.id)).id, job.id);
    assert.equal((await list()).items.length, 1);
    const seen = [];
    for await (const j of iterate()) seen.push(j.id);
    assert.deepEqual(seen, [job.id]);
    assert.equal((await waitForCompletion(job.id, { intervalMs: 10 })).progress.state, 'FINISHED');
    assert.match((await upload(new Uint8Array([1]), { type: 'mp4' })).id, /^file-/);
    // Called with another `this`, too.
    assert.equal((await ugc.jobs.list.call(undefined)).items.length, 1);
    assert.equal(ugc.jobs, ugc.jobs, 'one service object per client');
  });

  it('after free(), calls reject with a MoveUgcError, not "null pointer passed to rust"', async () => {
    const ugc = clientOf(api.fake);
    const kept = ugc.jobs;
    ugc.free();
    ugc.free(); // twice is harmless
    for (const call of [() => ugc.jobs.list(), () => ugc.files.retrieve('f'), () => ugc.client.retrieve(), () => ugc.volumes.iterate()[Symbol.asyncIterator]().next()]) {
      const error = await rejectsWith(call(), 'INVALID_ARGUMENT');
      assert.match(error.message, /this client was freed \(free\(\) was called\); create a new MoveUgc/);
    }
    const error = thrown(() => ugc.endpointUrl);
    assert.ok(error instanceof MoveUgcError);
    assert.equal(String(ugc), 'MoveUgc(freed)');
    assert.equal(inspect(ugc), 'MoveUgc(freed)');
    // Looking at a freed client's service is harmless: no throw, no stray rejection.
    assert.equal(String(ugc.jobs), 'jobs (of a freed MoveUgc)');
    assert.equal(`${ugc.files}`, 'files (of a freed MoveUgc)');
    assert.equal(ugc.jobs.then, undefined, 'not a thenable');
    // A service taken before free() keeps its own hold on the transport.
    assert.deepEqual((await kept.list()).items, []);
    kept.free();
    const freedService = await rejectsWith(kept.list(), 'INVALID_ARGUMENT');
    assert.match(freedService.message, /^jobs\.list: this service was freed/);
    assert.equal(api.fake.requests.length, 1, 'only the call made before the service was freed');
  });

  it('Symbol.dispose (a `using` declaration) frees as free() does', async () => {
    const ugc = clientOf(api.fake);
    const { jobs } = ugc;
    ugc[Symbol.dispose]();
    ugc.free();
    await rejectsWith(ugc.jobs.list(), 'INVALID_ARGUMENT');
    assert.ok(thrown(() => ugc.endpointUrl) instanceof MoveUgcError);
    jobs[Symbol.dispose]();
    await rejectsWith(jobs.retrieve('j'), 'INVALID_ARGUMENT');
    assert.equal(api.fake.requests.length, 0);
  });

  it('a network error carries the runtime\'s error as its cause', async () => {
    const ugc = new MoveUgc({ apiKey: KEY, endpointUrl: 'http://127.0.0.1:9/graphql', maxRetries: 0 });
    const error = await rejectsWith(ugc.jobs.list(), 'NETWORK_ERROR');
    assert.ok(error.cause instanceof Error, `cause: ${error.cause}`);
    assert.equal(error.cause.name, 'TypeError');
    assert.equal(error.retryable, true, 'a read that got no answer may be tried again');
  });

  it('a mutation lost in flight is not retryable: it may have happened', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 3 });
    const takeId = seedTake(api.fake);
    api.fake.inject({ kind: 'reset', operation: 'createSingleCamJob' });
    const error = await rejectsWith(ugc.jobs.createSingleCam({ takeId }), 'NETWORK_ERROR');
    assert.equal(error.retryable, false);
    assert.ok(error.cause instanceof Error);
    assert.match(error.message, /may have been carried out all the same: check before sending it again/);
    assert.equal(api.fake.requests.filter((r) => r.operationName === 'createSingleCamJob').length, 1);
  });
});

describe('messages show what came, and enums read in any letter case', () => {
  const api = useFakeApi();

  it('every enum takes any letter case, and is sent as the API spells it', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    await ugc.jobs.createSingleCam({ takeId, outputs: ['main_fbx'], options: { mocapModel: 'm2' }, expand: ['Outputs'] });
    assert.deepEqual(api.fake.requests.at(-1).variables.outputs, ['MAIN_FBX']);
    assert.equal(api.fake.requests.at(-1).variables.options.mocapModel, 'M2');
    await ugc.jobs.list({ sortBy: 'asc' });
    assert.equal(api.fake.requests.at(-1).variables.sortDirection, 'ASC');
    const file = await ugc.files.upload(new Uint8Array([1, 2]), { type: 'MP4' });
    assert.equal(api.fake.requests.at(-1).variables.type, 'mp4');
    await ugc.takes.createSingleCam({ sources: [{ deviceLabel: 'p', fileId: file.id, format: 'Mp4' }], expand: ['SOURCES'] });
    assert.equal(api.fake.requests.at(-1).variables.sources[0].format, 'MP4');
    const volumeFiles = [file.id, (await ugc.files.upload(new Uint8Array([3]), { type: 'mp4' })).id];
    await ugc.volumes.createHumanVolume({
      sources: volumeFiles.map((fileId, i) => ({ deviceLabel: `cam-${i}`, fileId, format: 'mp4' })),
      humanHeight: 1.8,
      areaType: 'large',
      expand: ['clipwindow'],
    });
    assert.equal(api.fake.requests.at(-1).variables.areaType, 'LARGE');
  });

  it('null on an optional param means it was not given, as before', async () => {
    const ugc = clientOf(api.fake);
    await ugc.jobs.list({ limit: null, sortBy: null, expand: null, takeId: null, nextToken: null });
    assert.deepEqual(api.fake.requests.at(-1).variables, { first: 10, sortDirection: 'DESC' });
  });

  it('a shared object is not a cycle, whatever its keys look like', async () => {
    const ugc = clientOf(api.fake);
    const shared = { v: 1 };
    await rejectsWith(ugc.jobs.update('job-missing', { metadata: { a: shared, 'a.b': { c: shared }, 'a[0]': [shared] } }), 'NOT_FOUND');
    assert.equal(api.fake.requests.at(-1).variables.metadata, '{"a":{"v":1},"a.b":{"c":{"v":1}},"a[0]":[{"v":1}]}');
  });

  const messages = [
    ['a near-miss output', (u) => u.jobs.create({ takeId: 't', outputs: ['FBX'] }), 'params.outputs[0]: expected one of MAIN_BLEND, MAIN_FBX, MAIN_GLB, MAIN_USDC, MAIN_USDZ, ALL_BLEND, ALL_BVH, ALL_C3D, ALL_FBX, ALL_GLB, ALL_USDC, ALL_USDZ, MOTION_DATA, RENDER_OVERLAY_VIDEO, RENDER_VIDEO, SYNC_DATA, got "FBX"; did you mean "MAIN_FBX" or "ALL_FBX"?'],
    ['a misspelt output', (u) => u.jobs.create({ takeId: 't', outputs: ['MIAN_FBX'] }), 'did you mean "MAIN_FBX"?'],
    ['a near-miss mocap model', (u) => u.jobs.create({ takeId: 't', options: { mocapModel: 'M3' } }), 'params.options.mocapModel: expected one of M1, M2, S1, S2, got "M3"'],
    ['a misspelt expand', (u) => u.jobs.retrieve('j', { expand: ['outptus'] }), 'params.expand[0]: expected one of client, take, outputs, rig, inputs, got "outptus"; did you mean "outputs"?'],
    ['a limit of 2.5', (u) => u.jobs.list({ limit: 2.5 }), 'params.limit: expected an integer from 1 to 2147483647, got 2.5'],
    ['a limit of -1', (u) => u.jobs.list({ limit: -1 }), 'params.limit: expected an integer from 1 to 2147483647, got -1'],
    ['a limit of 0', (u) => u.jobs.list({ limit: 0 }), 'params.limit: expected an integer from 1 to 2147483647, got 0'],
    ['a string limit', (u) => u.jobs.list({ limit: '10' }), 'params.limit: expected an integer from 1 to 2147483647, got "10"'],
    ['an undefined id', (u) => u.takes.retrieve(undefined), 'id: expected a string, got undefined'],
    ['a null id', (u) => u.takes.retrieve(null), 'id: expected a string, got null'],
    ['a boolean id', (u) => u.files.retrieve(true), 'id: expected a string, got true'],
    ['params that are a number', (u) => u.jobs.list(5), 'params: expected an object, got 5'],
    ['params that are an array', (u) => u.jobs.list([]), 'params: expected an object, got an array'],
    ['a cycle deep in metadata', (u) => { const a = { b: { c: {} } }; a.b.c.back = a.b; return u.jobs.update('j', { metadata: a }); }, 'params.metadata.b.c.back: is a cycle: it refers back to params.metadata.b'],
    ['a cycle through an array', (u) => { const a = []; a.push({ up: a }); return u.jobs.update('j', { metadata: { a } }); }, 'params.metadata.a[0].up: is a cycle: it refers back to params.metadata.a'],
    ['a Map in metadata (JSON would lose it)', (u) => u.jobs.update('j', { metadata: { m: new Map([[1, 2]]) } }), 'params.metadata.m: expected a JSON value, got a Map'],
    ['a typed array in metadata', (u) => u.jobs.update('j', { metadata: { bytes: new Uint8Array(3) } }), 'params.metadata.bytes: expected a JSON value, got a Uint8Array'],
    ['a sort order spelt out', (u) => u.jobs.list({ sortBy: 'ascending' }), 'params.sortBy: expected one of DESC, ASC, got "ascending"; did you mean "ASC"?'],
    ['a missing required param', (u) => u.jobs.createMultiCam({ takeId: 't' }), 'params.numberOfActors: is required'],
    ['a webhook secret of the wrong type, not shown', (u) => u.webhooks.upsert({ uid: 'u', url: 'https://x.example', events: ['e'], secret: 42n }), 'params.secret: expected a string, got a bigint'],
    ['onProgress of the wrong kind', (u) => u.files.upload(new Uint8Array(1), { type: 'mp4', onProgress: 'log' }), 'params.onProgress: expected a function, got "log"'],
    // Values that throw when looked at are refused, never a failure of the module.
    ['a revoked Proxy as options', (u) => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return u.jobs.create({ takeId: 't', options: proxy }); }, 'params.options: expected an object, got a value'],
    ['a list item whose getter throws', (u) => { const outputs = ['MAIN_FBX']; Object.defineProperty(outputs, 0, { get() { throw new Error('no'); } }); return u.jobs.create({ takeId: 't', outputs }); }, 'params.outputs[0]: expected one of MAIN_BLEND'],
    ['a billion-slot array', (u) => u.jobs.create({ takeId: 't', outputs: new Array(1e9) }), 'params.outputs: expected at most 10000 items, got 1000000000'],
    ['a name with a lone surrogate (it would be sent altered)', (u) => u.jobs.create({ takeId: 't', name: 'take \ud800' }), 'params.name: expected a string, got a string with a lone surrogate'],
  ];
  for (const [what, call, expected] of messages) {
    it(what, async () => {
      const ugc = clientOf(api.fake);
      const error = await rejectsWith(call(ugc), 'INVALID_ARGUMENT');
      assert.ok(error.message.startsWith(expected) || error.message.endsWith(expected), `${error.message}\n  should show ${expected}`);
      assert.doesNotMatch(error.message, /\ba (undefined|object|array|null)\b/, 'grammar: "got a undefined"');
      assert.equal(api.fake.requests.length, 0);
    });
  }
});
