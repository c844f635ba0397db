// Traps of the module itself (API.md §6), on the package built with the
// fault-injection feature (`make pkg-fault` → target/pkg-fault/): a response
// body holding `__move_ugc_force_panic__` makes the module panic (src/check/mod.rs),
// which traps the WebAssembly instance. The call rejects with INTERNAL, so
// does every call pending in that instance, and the next call runs on a fresh
// instance, made by the same clients from the options they were made with.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it, before, after } from 'node:test';
import { inspect, promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { useFakeApi, seedTake } from './helpers.mjs';

const faultPkg = new URL('../../target/pkg-fault/', import.meta.url);
if (!existsSync(new URL('node/index.mjs', faultPkg))) {
  throw new Error('no target/pkg-fault: run `make pkg-fault` (make test does)');
}
const { MoveUgc, MoveUgcError } = await import(new URL('node/index.mjs', faultPkg));

// A garbage collection on demand, for memory figures that mean something.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const MIB = 1024 * 1024;

/**
 * The process's memory once garbage is collected and V8 has let go of the
 * memories of dropped WebAssembly instances (it frees them in the background).
 */
async function settledMemory() {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, js: heapUsed + external };
}

const PANIC_BODY = '{"data":{"__move_ugc_force_panic__":1}}';
/** The fault that makes the next `times` listJobs answers panic the module. */
const panics = (times = 1) => ({ kind: 'raw', operation: 'listJobs', body: PANIC_BODY, times });
const sleep = promisify(setTimeout);

/** Awaits `promise`, which must reject with a MoveUgcError of INTERNAL; returns the error. */
async function rejectsInternal(promise, own = true) {
  const error = await Promise.resolve(promise).then(
    () => assert.fail('expected a rejection with INTERNAL, but the call succeeded'),
    (e) => e,
  );
  assert.ok(error instanceof MoveUgcError, `not a MoveUgcError: ${error?.stack ?? error}`);
  assert.equal(error.code, 'INTERNAL', `${error.code}: ${error.message}`);
  assert.equal(error.retryable, false);
  assert.match(error.message, /^move-ugc failed internally \(/);
  assert.match(error.message, /please report it/);
  assert.match(error.message, /The next call runs on a fresh instance/);
  if (own) {
    assert.match(error.message, /and dropped this call;/);
    // The panic's own words and place, for the report.
    assert.match(error.message, /forced internal failure \(fault-injection build\) at src\/check\/mod\.rs:\d+/);
  } else {
    assert.match(error.message, /dropped this call, which was running beside the one that failed/);
  }
  return error;
}

/** Fails the test on any unhandled rejection while it runs (a late callback of a replaced instance). */
function watchUnhandled() {
  const seen = [];
  const listener = (reason) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return {
    async check() {
      // Give late callbacks (an aborted fetch, a timer) time to come in.
      await sleep(50);
      process.off('unhandledRejection', listener);
      assert.deepEqual(seen.map((r) => String(r?.stack ?? r)), [], 'unhandled rejections');
    },
  };
}

describe('a trap of the module', () => {
  const api = useFakeApi();
  const clientOf = (options = {}) => new MoveUgc({ apiKey: api.fake.apiKey, endpointUrl: api.fake.url, maxRetries: 0, ...options });

  it('3,000 traps in a row on one client: each INTERNAL, a good call every 50 succeeds, memory flat', async () => {
    const unhandled = watchUnhandled();
    const ugc = clientOf();
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake), name: 'survivor' });
    const TRAPS = 3000;
    const WARM = 1000; // traps before the first memory figure: the allocators warm up
    api.fake.inject(panics(TRAPS));
    let atWarm;
    let good = 0;
    for (let i = 1; i <= TRAPS; i += 1) {
      await rejectsInternal(ugc.jobs.list());
      if (i % 50 === 0) {
        const job = await ugc.jobs.retrieve(id);
        assert.equal(job.name, 'survivor');
        good += 1;
        // The fake logs every request: keep its log from weighing on the figures.
        api.fake.requests.length = 0;
      }
      if (i === WARM) atWarm = await settledMemory();
    }
    const atEnd = await settledMemory();
    assert.equal(good, TRAPS / 50);
    // Each trap replaces the WebAssembly instance, whose memory is a MiB and
    // more: a dropped instance kept alive would add gigabytes here. Before
    // recovery, 1,500 traps grew the process by 69 MiB (and broke it).
    // Measured on a 2-core machine over traps 1,000–3,000: the JS heap and
    // external memory (where V8 counts WebAssembly memories) within 1 MiB, the
    // RSS 8–12 MiB of allocator warm-up that levels off by 3,000 (a run of
    // 10,000 stays there). The bounds leave room for noise, not for a leak of
    // 2 KiB (JS) or 12 KiB (RSS) per trap.
    const js = atEnd.js - atWarm.js;
    const rss = atEnd.rss - atWarm.rss;
    const figures = `over traps ${WARM}–${TRAPS}: JS heap + external ${(js / MIB).toFixed(1)} MiB, RSS ${(rss / MIB).toFixed(1)} MiB`;
    console.log(`# memory growth ${figures}`);
    assert.ok(js < 4 * MIB, figures);
    assert.ok(rss < 24 * MIB, figures);
    // The same client goes on.
    assert.equal((await ugc.jobs.list({ limit: 1 })).items.length, 1);
    await unhandled.check();
  });

  it('a call pending in the trapped instance rejects with INTERNAL rather than hang; its request is stopped', async () => {
    const unhandled = watchUnhandled();
    const ugc = clientOf({ timeoutMs: 60_000 });
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    api.fake.inject({ kind: 'hang', operation: 'getJob' });
    const pending = ugc.jobs.retrieve(id);
    // Let the hanging request reach the fake before the trap.
    while (!api.fake.requests.some((r) => r.operationName === 'getJob')) await sleep(5);
    api.fake.inject(panics());
    const [own, dropped] = await Promise.allSettled([rejectsInternal(ugc.jobs.list()), rejectsInternal(pending, false)]);
    assert.equal(own.status, 'fulfilled', own.reason?.stack);
    assert.equal(dropped.status, 'fulfilled', dropped.reason?.stack);
    // The same client, on the fresh instance.
    assert.equal((await ugc.jobs.retrieve(id)).id, id);
    await unhandled.check();
  });

  it('a waitForCompletion in progress rejects with INTERNAL and polls no more', async () => {
    const unhandled = watchUnhandled();
    const ugc = clientOf();
    const job = api.fake.store.addJob({ state: 'RUNNING' });
    const polls = () => api.fake.requests.filter((r) => r.operationName === 'getJob').length;
    const progress = [];
    const waiting = ugc.jobs.waitForCompletion(job.id, { intervalMs: 200, onProgress: (j) => progress.push(j.progress?.state) });
    while (polls() === 0) await sleep(5);
    api.fake.inject(panics());
    await rejectsInternal(ugc.jobs.list());
    await rejectsInternal(waiting, false);
    const seen = polls();
    await sleep(500); // more than two intervals
    assert.equal(polls(), seen, 'the dropped wait went on polling');
    // A new wait on the same client runs to the end.
    const done = await ugc.jobs.waitForCompletion(job.id, { intervalMs: 10 });
    assert.ok(done.outputs.length > 0);
    await unhandled.check();
  });

  it('an iteration going on when the module traps ends with INTERNAL; a new one runs', async () => {
    const unhandled = watchUnhandled();
    const ugc = clientOf();
    const takeId = seedTake(api.fake);
    for (let i = 0; i < 3; i += 1) await ugc.jobs.create({ takeId, name: `job ${i}` });
    const pages = ugc.jobs.iterate({ limit: 1 })[Symbol.asyncIterator]();
    assert.equal((await pages.next()).done, false);
    // The iteration's next page is listJobs too: trap in another call first.
    api.fake.inject(panics());
    await rejectsInternal(ugc.jobs.list());
    await rejectsInternal(pages.next(), false);
    let count = 0;
    for await (const job of ugc.jobs.iterate({ limit: 1 })) count += job ? 1 : 0;
    assert.equal(count, 3);
    await unhandled.check();
  });

  it('clients and services made before the trap work after it, with their own options', async () => {
    const ugc = clientOf({ timeoutMs: 1234 });
    const other = clientOf({ timeoutMs: 4321, maxRetries: 1 });
    const options = { apiKey: api.fake.apiKey, endpointUrl: api.fake.url, timeoutMs: 999 };
    const kept = new MoveUgc(options);
    // Changing the object afterwards changes nothing, before or after a trap.
    options.endpointUrl = 'https://elsewhere.example/graphql';
    options.timeoutMs = 1;
    const { list, retrieve } = ugc.jobs; // detached methods
    const jobs = ugc.jobs;
    const takes = other.takes;
    // A service taken before its client was freed lives on (README: the client).
    const freed = clientOf();
    const orphan = freed.jobs;
    freed.free();
    const before = [ugc, other, kept].map((c) => JSON.stringify(c));

    const takeId = seedTake(api.fake);
    api.fake.inject(panics());
    await rejectsInternal(ugc.jobs.list());

    assert.deepEqual([ugc, other, kept].map((c) => JSON.stringify(c)), before);
    assert.deepEqual(JSON.parse(before[2]), { endpointUrl: api.fake.url, timeoutMs: 999, maxRetries: 2 });
    assert.equal(ugc.jobs, jobs, 'ugc.jobs is the same object as before');
    const { id } = await list().then(() => jobs.create({ takeId }));
    assert.equal((await retrieve(id)).id, id);
    assert.equal((await takes.retrieve(takeId)).id, takeId);
    assert.equal((await kept.jobs.retrieve(id)).id, id);
    assert.equal((await orphan.retrieve(id)).id, id);
    assert.equal(String(ugc), `MoveUgc(${api.fake.url})`);
    assert.equal(ugc.endpointUrl, api.fake.url);
    // A freed client stays freed.
    const refused = await freed.jobs.list().catch((e) => e);
    assert.equal(refused.code, 'INVALID_ARGUMENT');
    assert.match(refused.message, /was freed/);
    // The key is shown nowhere, the rebuilt clients included.
    for (const shown of [inspect(ugc, { showHidden: true, depth: 5 }), JSON.stringify(ugc), String(ugc), inspect(kept, { showHidden: true })]) {
      assert.ok(!shown.includes(api.fake.apiKey), shown);
    }
    assert.deepEqual(Object.keys(ugc), []);
    assert.deepEqual(Reflect.ownKeys(ugc), []);
  });

  it('an INTERNAL error shows no key, and a client made after the trap works too', async () => {
    const ugc = clientOf();
    api.fake.inject(panics());
    const error = await rejectsInternal(ugc.jobs.list());
    assert.ok(!inspect(error, { depth: 5 }).includes(api.fake.apiKey));
    const fresh = clientOf();
    assert.deepEqual((await fresh.jobs.list({ takeId: 'none' })).items, []);
  });

  it('traps on one client fail the calls of another only when they were pending at the time', async () => {
    const a = clientOf();
    const b = clientOf();
    const { id } = await b.jobs.create({ takeId: seedTake(api.fake) });
    for (let round = 0; round < 5; round += 1) {
      api.fake.inject(panics());
      await rejectsInternal(a.jobs.list());
      assert.equal((await b.jobs.retrieve(id)).id, id);
    }
  });
});

describe('the trap test harness', () => {
  // The fault-injection package really is a different build: the normal
  // package reads the same body as a response it cannot use, not a trap.
  const api = useFakeApi();
  let normal;
  before(async () => {
    normal = await import('move-ugc');
  });
  after(() => {
    normal = undefined;
  });

  it('the normal package answers the trigger with INVALID_RESPONSE', async () => {
    const ugc = new normal.MoveUgc({ apiKey: api.fake.apiKey, endpointUrl: api.fake.url, maxRetries: 0 });
    api.fake.inject(panics());
    const error = await ugc.jobs.list().catch((e) => e);
    assert.equal(error.code, 'INVALID_RESPONSE', error.message);
  });
});
