// jobs.waitForCompletion and jobs.iterate.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { useFakeApi, clientOf, rejectsWith, seedTake } from './helpers.mjs';

describe('jobs.waitForCompletion', () => {
  // Three polls to finish, and outputs without URLs for two more polls.
  const api = useFakeApi({ pollsToFinish: 3, urlLagPolls: 2 });
  const polls = () => api.fake.requests.filter((r) => r.operationName === 'getJob').length;

  it('polls through progress until FINISHED with every download URL', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake), outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
    const seen = [];
    const job = await ugc.jobs.waitForCompletion(id, {
      intervalMs: 10,
      expand: ['take'],
      onProgress: (j) => seen.push(`${j.progress.state} ${j.progress.percentageComplete}`),
    });
    assert.equal(job.progress.state, 'FINISHED');
    assert.ok(job.take, 'the expand asked for');
    assert.deepEqual(job.outputs.map((o) => o.format), ['MAIN_FBX', 'RENDER_VIDEO']);
    assert.ok(job.outputs.every((o) => o.file.presignedUrl.includes('/__fake/files/')));
    // 3 polls to FINISHED, 2 more until the URLs are there.
    assert.equal(polls(), 5);
    assert.deepEqual(seen, ['RUNNING 33', 'RUNNING 66', 'FINISHED 100'], 'once per change');
    const request = api.fake.requests.at(-1);
    assert.match(request.query, /outputs \{ format file \{/);
  });

  for (const fate of ['FAILED', 'CANCELLED']) {
    it(`a job that ends ${fate} rejects with JOB_FAILED`, async () => {
      const ugc = clientOf(api.fake);
      const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
      api.fake.store.jobs.get(id).fate = fate;
      const error = await rejectsWith(ugc.jobs.waitForCompletion(id, { intervalMs: 10 }), 'JOB_FAILED');
      assert.ok(error.message.includes(fate), error.message);
      assert.ok(error.message.includes(id));
    });
  }

  it('times out with TIMEOUT, which may be retried', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    const started = Date.now();
    const error = await rejectsWith(ugc.jobs.waitForCompletion(id, { intervalMs: 40, timeoutMs: 100 }), 'TIMEOUT');
    assert.ok(Date.now() - started < 1000);
    assert.equal(error.message, `job ${id} did not finish within 100 ms`);
    assert.equal(error.retryable, true, 'waiting again may see the job end');
  });

  it('an onProgress that throws does not end the wait', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    let calls = 0;
    const job = await ugc.jobs.waitForCompletion(id, {
      intervalMs: 10,
      onProgress: () => {
        calls += 1;
        throw new Error('a bug in the caller');
      },
    });
    assert.equal(job.progress.state, 'FINISHED');
    assert.equal(calls, 3);
  });

  it('goes on when the service it was called on is freed meanwhile (using jobs = ugc.jobs)', async () => {
    const ugc = clientOf(api.fake);
    const other = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    const jobs = ugc.jobs;
    const waiting = jobs.waitForCompletion(id, { intervalMs: 30 });
    while (polls() === 0) await new Promise((r) => setTimeout(r, 5));
    // Another client's call is in flight while the service goes.
    const listing = other.takes.list();
    jobs.free();
    assert.equal((await waiting).progress.state, 'FINISHED');
    assert.ok(Array.isArray((await listing).items));
    // The freed service (ugc.jobs is that same object) refuses new calls in
    // words; the client and its other services go on.
    await rejectsWith(jobs.waitForCompletion(id), 'INVALID_ARGUMENT');
    assert.ok(Array.isArray((await ugc.takes.list()).items));
  });

  it('stops with ABORTED when the signal fires', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    const controller = new AbortController();
    const waiting = ugc.jobs.waitForCompletion(id, { intervalMs: 5000, signal: controller.signal });
    while (polls() === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await rejectsWith(waiting, 'ABORTED');
    assert.equal(polls(), 1);
  });

  it('keeps waiting through a transient failure', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 0 });
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    api.fake.inject({ kind: 'status', status: 503, operation: 'getJob', times: 2 });
    const job = await ugc.jobs.waitForCompletion(id, { intervalMs: 10 });
    assert.equal(job.progress.state, 'FINISHED');
  });

  it('a job that does not exist is NOT_FOUND at once', async () => {
    const ugc = clientOf(api.fake);
    await rejectsWith(ugc.jobs.waitForCompletion('job-missing', { intervalMs: 10 }), 'NOT_FOUND');
    assert.equal(polls(), 1);
  });

  for (const [what, params, named] of [
    ['a zero interval', { intervalMs: 0 }, 'params.intervalMs'],
    ['a negative timeout', { timeoutMs: -5 }, 'params.timeoutMs'],
    ['onProgress that is not a function', { onProgress: 'log' }, 'params.onProgress'],
    ['an unknown expand', { expand: ['volume'] }, 'params.expand[0]'],
  ]) {
    it(`refuses ${what}`, async () => {
      const ugc = clientOf(api.fake);
      const error = await rejectsWith(ugc.jobs.waitForCompletion('job-1', params), 'INVALID_ARGUMENT');
      assert.ok(error.message.startsWith(named), error.message);
      assert.equal(api.fake.requests.length, 0);
    });
  }
});

describe('jobs.iterate', () => {
  const api = useFakeApi();

  it('visits every job of every page once, fetching pages as it goes', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    const ids = [];
    for (let i = 0; i < 7; i += 1) ids.push((await ugc.jobs.create({ takeId })).id);
    const seen = [];
    for await (const job of ugc.jobs.iterate({ limit: 3 })) seen.push(job.id);
    assert.deepEqual(seen, [...ids].reverse(), 'newest first, none twice or missing');
    assert.equal(api.fake.requests.filter((r) => r.operationName === 'listJobs').length, 3);
  });

  it('honours limit, sortBy, takeId and expand on every page', async () => {
    const ugc = clientOf(api.fake);
    const [a, b] = [seedTake(api.fake, 'A'), seedTake(api.fake, 'B')];
    const mine = [];
    for (let i = 0; i < 5; i += 1) {
      mine.push((await ugc.jobs.create({ takeId: a })).id);
      await ugc.jobs.create({ takeId: b });
    }
    const seen = [];
    for await (const job of ugc.jobs.iterate({ limit: 2, sortBy: 'ASC', takeId: a, expand: ['take'] })) {
      assert.equal(job.take.name, 'A');
      seen.push(job.id);
    }
    assert.deepEqual(seen, mine);
    const pages = api.fake.requests.filter((r) => r.operationName === 'listJobs');
    assert.equal(pages.length, 3);
    assert.ok(pages.every((r) => r.variables.first === 2 && r.variables.takeId === a && r.variables.sortDirection === 'ASC'));
  });

  it('goes on when the service is freed during the loop, or before it starts', async () => {
    const ugc = clientOf(api.fake);
    const other = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push((await ugc.jobs.create({ takeId })).id);
    const jobs = ugc.jobs;
    const early = jobs.iterate({ limit: 2 });
    const seen = [];
    for await (const job of jobs.iterate({ limit: 2 })) {
      if (seen.length === 0) {
        // Another client's call is in flight while the service goes.
        const listing = other.takes.list();
        jobs.free();
        assert.ok(Array.isArray((await listing).items));
      }
      seen.push(job.id);
    }
    assert.deepEqual(seen, [...ids].reverse());
    // An iterable taken before free() is looped over after it, twice.
    for (let round = 0; round < 2; round += 1) {
      const again = [];
      for await (const job of early) again.push(job.id);
      assert.deepEqual(again, [...ids].reverse());
    }
    // The freed service refuses a new iteration in words.
    const error = await (async () => {
      for await (const job of jobs.iterate()) assert.fail(`no job expected, got ${job.id}`);
    })().catch((e) => e);
    assert.equal(error.code, 'INVALID_ARGUMENT');
  });

  it('breaking out of the loop fetches no more pages', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    for (let i = 0; i < 6; i += 1) await ugc.jobs.create({ takeId });
    for await (const job of ugc.jobs.iterate({ limit: 2 })) {
      assert.ok(job.id);
      break;
    }
    assert.equal(api.fake.requests.filter((r) => r.operationName === 'listJobs').length, 1);
  });

  it('an aborted signal stops the iteration with ABORTED', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    for (let i = 0; i < 4; i += 1) await ugc.jobs.create({ takeId });
    const controller = new AbortController();
    const seen = [];
    await rejectsWith(
      (async () => {
        for await (const job of ugc.jobs.iterate({ limit: 2, signal: controller.signal })) {
          seen.push(job.id);
          controller.abort();
        }
      })(),
      'ABORTED',
    );
    assert.equal(seen.length, 2, 'the first page, then the abort');
  });

  it('bad params reject on the first step, before any request', async () => {
    const ugc = clientOf(api.fake);
    const iterator = ugc.jobs.iterate({ limit: 0 })[Symbol.asyncIterator]();
    await rejectsWith(iterator.next(), 'INVALID_ARGUMENT');
    const strange = ugc.jobs.iterate('all')[Symbol.asyncIterator]();
    await rejectsWith(strange.next(), 'INVALID_ARGUMENT');
    assert.equal(api.fake.requests.length, 0);
  });

  it('a server that repeats its page token is INVALID_RESPONSE, not a loop', async () => {
    const ugc = clientOf(api.fake);
    const page = JSON.stringify({ data: { listJobs: { first: 1, after: '{"id":"same"}', items: [] } } });
    api.fake.inject({ kind: 'raw', body: page, times: 3 });
    await rejectsWith(
      (async () => {
        for await (const job of ugc.jobs.iterate()) assert.fail(`no items expected, got ${job.id}`);
      })(),
      'INVALID_RESPONSE',
    );
  });
});
