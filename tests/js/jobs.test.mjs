// ugc.jobs against the fake Move API: every method, every expand, the exact
// variables sent, decoding, paging, and bad input that never reaches the network.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { useFakeApi, clientOf, rejectsWith, seedTake } from './helpers.mjs';

const EXPANDS = ['client', 'take', 'outputs', 'rig', 'inputs'];

describe('ugc.jobs', () => {
  const api = useFakeApi({ pollsToFinish: 2 });
  const last = () => api.fake.requests.at(-1);

  it('createSingleCam sends typed variables and returns the job', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    const job = await ugc.jobs.createSingleCam({
      takeId,
      name: 'Warm-up',
      metadata: { shot: 3, tags: ['a', 'b'], nested: { ok: true } },
      options: { trackFingers: true, floorPlane: false, mocapModel: 'M2' },
      outputs: ['main_fbx', 'RENDER_VIDEO', 'Main_Usdz'],
      clipWindow: { startTime: 1, endTime: 10.5 },
    });
    assert.equal(last().operationName, 'createSingleCamJob');
    assert.deepEqual(last().variables, {
      takeId,
      name: 'Warm-up',
      metadata: JSON.stringify({ shot: 3, tags: ['a', 'b'], nested: { ok: true } }),
      options: { trackFingers: true, floorPlane: false, mocapModel: 'M2' },
      outputs: ['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_USDZ'],
      clipWindow: { startTime: 1, endTime: 10.5 },
    });
    assert.match(job.id, /^job-/);
    assert.equal(job.name, 'Warm-up');
    assert.deepEqual(job.metadata, { shot: 3, tags: ['a', 'b'], nested: { ok: true } });
    assert.deepEqual(job.progress, { state: 'NOT STARTED', percentageComplete: 0 });
    assert.equal(job.state, 'NOT STARTED');
    assert.match(job.created, /^\d{4}-\d\d-\d\dT/);
    for (const expand of EXPANDS) assert.ok(!(expand in job), `${expand} is absent unless expanded`);
  });

  it('create is createSingleCam', async () => {
    const ugc = clientOf(api.fake);
    const job = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    assert.equal(last().operationName, 'createSingleCamJob');
    assert.deepEqual(Object.keys(last().variables), ['takeId']);
    assert.equal(job.name, null);
    assert.equal(job.metadata, null);
  });

  it('createMultiCam sends actors and rig', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    const job = await ugc.jobs.createMultiCam({ takeId, numberOfActors: 2, rig: 'move_ve', expand: ['rig', 'inputs'] });
    assert.equal(last().operationName, 'createMultiCamJob');
    assert.deepEqual(last().variables, { takeId, numberOfActors: 2, rig: 'move_ve' });
    assert.deepEqual(job.rig, { name: 'move_ve' });
    assert.deepEqual(job.inputs, { clipWindow: null, numberOfActors: 2, options: null });
  });

  for (const expand of EXPANDS) {
    it(`retrieve with expand ['${expand}'] selects it and returns it`, async () => {
      const ugc = clientOf(api.fake);
      const created = await ugc.jobs.create({ takeId: seedTake(api.fake, 'Take for expand'), options: { trackBall: true } });
      const job = await ugc.jobs.retrieve(created.id, { expand: [expand] });
      assert.equal(last().operationName, 'getJob');
      assert.deepEqual(last().variables, { jobId: created.id });
      assert.ok(expand in job, `${expand} present`);
      for (const other of EXPANDS.filter((e) => e !== expand)) assert.ok(!(other in job), `${other} absent`);
      if (expand === 'client') assert.equal(job.client.name, 'Fake Studio');
      if (expand === 'take') assert.equal(job.take.name, 'Take for expand');
      if (expand === 'outputs') assert.deepEqual(job.outputs, []);
      if (expand === 'rig') assert.equal(job.rig, null);
      if (expand === 'inputs') assert.equal(job.inputs.options.trackBall, true);
    });
  }

  it('retrieve follows progress to FINISHED with outputs and download URLs', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake), outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
    const first = await ugc.jobs.retrieve(id, { expand: ['outputs'] });
    assert.deepEqual(first.progress, { state: 'RUNNING', percentageComplete: 50 });
    const done = await ugc.jobs.retrieve(id, { expand: EXPANDS });
    assert.equal(done.progress.state, 'FINISHED');
    assert.deepEqual(done.outputs.map((o) => o.format), ['MAIN_FBX', 'RENDER_VIDEO']);
    for (const output of done.outputs) {
      assert.match(output.file.presignedUrl, /^http:\/\/127\.0\.0\.1:\d+\/__fake\/files\//);
      assert.equal(output.file.thumbnailUrl, null);
    }
  });

  it('update renames and replaces metadata', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake), metadata: { v: 1 } });
    const renamed = await ugc.jobs.update(id, { name: 'Final' });
    assert.deepEqual(last().variables, { id, name: 'Final' });
    assert.equal(renamed.name, 'Final');
    assert.deepEqual(renamed.metadata, { v: 1 });
    const changed = await ugc.jobs.update(id, { metadata: { v: 2, note: 'ünïcødé ✓' }, expand: ['take'] });
    assert.deepEqual(last().variables, { id, metadata: '{"v":2,"note":"ünïcødé ✓"}' });
    assert.deepEqual(changed.metadata, { v: 2, note: 'ünïcødé ✓' });
    assert.ok(changed.take);
  });

  it('list pages through every job with nextToken, none twice or missing', async () => {
    const ugc = clientOf(api.fake);
    const takeId = seedTake(api.fake);
    const ids = [];
    for (let i = 0; i < 7; i += 1) ids.push((await ugc.jobs.create({ takeId, name: `job ${i}` })).id);
    const seen = [];
    let nextToken = null;
    let pages = 0;
    do {
      const page = await ugc.jobs.list({ limit: 3, nextToken, sortBy: 'ASC', takeId });
      assert.equal(page.limit, 3);
      seen.push(...page.items.map((j) => j.id));
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken !== null);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ids);
    const newest = await ugc.jobs.list({ limit: 2 });
    assert.deepEqual(newest.items.map((j) => j.id), [ids[6], ids[5]]);
    assert.deepEqual(last().variables, { first: 2, sortDirection: 'DESC' });
    const expanded = await ugc.jobs.list({ limit: 1, expand: ['take', 'client'] });
    assert.equal(expanded.items[0].take.id, takeId);
    assert.equal(expanded.items[0].client.id, 'client-fake-0001');
  });

  it('a job that does not exist is NOT_FOUND', async () => {
    const ugc = clientOf(api.fake);
    const error = await rejectsWith(ugc.jobs.retrieve('job-does-not-exist'), 'NOT_FOUND');
    assert.equal(error.errorType, 'MoveNotFoundError');
    assert.equal(error.status, 200);
    assert.equal(error.graphqlErrors[0].message, 'Resource not found in move-ugc-api.');
    assert.deepEqual(error.graphqlErrors[0].path, ['getJob']);
    await rejectsWith(ugc.jobs.create({ takeId: 'take-missing' }), 'NOT_FOUND');
  });

  describe('bad input is INVALID_ARGUMENT, named, and never sent', () => {
    const cycle = {};
    cycle.self = cycle;
    const cases = [
      ['createSingleCam without params', (j) => j.createSingleCam(), 'params: expected an object, got undefined'],
      ['createSingleCam with a string', (j) => j.createSingleCam('take-1'), 'params: expected an object, got "take-1"'],
      ['a missing takeId', (j) => j.createSingleCam({}), 'params.takeId: is required'],
      ['a number takeId', (j) => j.createSingleCam({ takeId: 42 }), 'params.takeId: expected a string, got 42'],
      ['an empty takeId', (j) => j.createSingleCam({ takeId: '' }), 'params.takeId'],
      ['an unknown output', (j) => j.createSingleCam({ takeId: 't', outputs: ['FBX'] }), 'params.outputs[0]: expected one of MAIN_BLEND, MAIN_FBX'],
      ['UNKNOWN_OUTPUT', (j) => j.createSingleCam({ takeId: 't', outputs: ['MAIN_GLB', 'UNKNOWN_OUTPUT'] }), 'params.outputs[1]'],
      ['a clip window with start = end', (j) => j.createSingleCam({ takeId: 't', clipWindow: { startTime: 5, endTime: 5 } }), 'params.clipWindow: startTime must be before endTime, got startTime 5 and endTime 5'],
      ['a clip window starting below 0', (j) => j.createSingleCam({ takeId: 't', clipWindow: { startTime: -1, endTime: 5 } }), 'params.clipWindow'],
      ['an infinite clip window', (j) => j.createSingleCam({ takeId: 't', clipWindow: { startTime: 0, endTime: Infinity } }), 'params.clipWindow.endTime'],
      ['a NaN start', (j) => j.createSingleCam({ takeId: 't', clipWindow: { startTime: NaN, endTime: 1 } }), 'params.clipWindow.startTime'],
      ['an unknown mocap model', (j) => j.createSingleCam({ takeId: 't', options: { mocapModel: 'M7' } }), 'params.options.mocapModel'],
      ['a misspelt option', (j) => j.createSingleCam({ takeId: 't', options: { trackFinger: true } }), 'params.options.trackFinger: unknown property; did you mean "trackFingers"?'],
      ['metadata with a BigInt', (j) => j.createSingleCam({ takeId: 't', metadata: { n: 10n } }), 'params.metadata.n: expected a JSON value, got 10n'],
      ['metadata with a function', (j) => j.createSingleCam({ takeId: 't', metadata: { f() {} } }), 'params.metadata.f: expected a JSON value, got a function'],
      ['metadata with a symbol', (j) => j.createSingleCam({ takeId: 't', metadata: { s: Symbol('x') } }), 'params.metadata.s'],
      ['metadata with a cycle', (j) => j.createSingleCam({ takeId: 't', metadata: cycle }), 'params.metadata.self: is a cycle: it refers back to params.metadata'],
      ['metadata with NaN deep inside', (j) => j.createSingleCam({ takeId: 't', metadata: { a: [{ b: NaN }] } }), 'params.metadata.a[0].b: expected a finite number, got NaN'],
      ['an unknown expand', (j) => j.createSingleCam({ takeId: 't', expand: ['everything'] }), 'params.expand[0]'],
      ['a missing numberOfActors', (j) => j.createMultiCam({ takeId: 't' }), 'params.numberOfActors: is required'],
      ['zero actors', (j) => j.createMultiCam({ takeId: 't', numberOfActors: 0 }), 'params.numberOfActors: expected an integer from 1 to 2147483647, got 0'],
      ['-1 actors', (j) => j.createMultiCam({ takeId: 't', numberOfActors: -1 }), 'params.numberOfActors: expected an integer from 1 to 2147483647, got -1'],
      ['1.5 actors', (j) => j.createMultiCam({ takeId: 't', numberOfActors: 1.5 }), 'params.numberOfActors: expected an integer from 1 to 2147483647, got 1.5'],
      ['a number id', (j) => j.retrieve(123), 'id: expected a string, got 123'],
      ['an undefined id', (j) => j.retrieve(), 'id: expected a string, got undefined'],
      ['an object id', (j) => j.retrieve({ id: 'job-1' }), 'id: expected a string, got an object'],
      ['an empty id', (j) => j.retrieve(''), 'id'],
      ['an unknown retrieve expand', (j) => j.retrieve('job-1', { expand: ['owner'] }), 'params.expand[0]: expected one of client, take, outputs, rig, inputs, got "owner"'],
      ['expand that is a string', (j) => j.retrieve('job-1', { expand: 'take' }), 'params.expand'],
      ['an update with nothing to change', (j) => j.update('job-1', {}), 'params'],
      ['an update without params', (j) => j.update('job-1'), 'params: expected an object, got undefined'],
      ['a limit of 0', (j) => j.list({ limit: 0 }), 'params.limit: expected an integer from 1 to 2147483647, got 0'],
      ['a limit of -1', (j) => j.list({ limit: -1 }), 'params.limit: expected an integer from 1 to 2147483647, got -1'],
      ['a limit of 2.5', (j) => j.list({ limit: 2.5 }), 'params.limit: expected an integer from 1 to 2147483647, got 2.5'],
      ['an unknown sortBy', (j) => j.list({ sortBy: 'NEWEST' }), 'params.sortBy: expected one of DESC, ASC, got "NEWEST"'],
      ['a misspelt list param', (j) => j.list({ takeID: 't' }), 'params.takeID: unknown property; did you mean "takeId"?'],
      ['a signal that is not an AbortSignal', (j) => j.list({ signal: 'stop' }), 'params.signal: expected an AbortSignal, got "stop"'],
      ['a list param of the wrong type', (j) => j.list({ takeId: 5 }), 'params.takeId'],
    ];
    for (const [what, call, named] of cases) {
      it(what, async () => {
        const ugc = clientOf(api.fake);
        const error = await rejectsWith(call(ugc.jobs), 'INVALID_ARGUMENT');
        assert.ok(error.message.startsWith(named), `${error.message} should start with ${named}`);
        assert.equal(api.fake.requests.length, 0, 'nothing may be sent');
        // The same client still works afterwards.
        await ugc.jobs.list();
      });
    }
  });
});
