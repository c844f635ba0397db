// What real users do and store, through the package against a fake that
// behaves as the real API is known to: metadata of any JSON value (as Move's
// Python SDK stores it) in a call, a page, an iteration and a wait; outputs
// that arrive some polls after FINISHED; every spelling of the states; a
// deprecated `state` that lags behind `progress.state`; volumes going through
// their progress states.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { useFakeApi, clientOf, rejectsWith, seedTake } from './helpers.mjs';

describe('metadata of any JSON value', () => {
  const api = useFakeApi();

  // What Move's Python SDK stores when users follow its docs, and other JSON.
  const stored = [
    ['a JSON string (double-encoded by the Python SDK)', { metadataValue: '{}' }, '{}'],
    ['an array', { metadata: '[1,2]' }, [1, 2]],
    ['a number', { metadata: '7' }, 7],
    ['null', { metadata: 'null' }, null],
  ];
  for (const [what, seed, value] of stored) {
    it(`reads ${what} back as that value: retrieve, list, iterate, wait`, async () => {
      const ugc = clientOf(api.fake);
      const takeId = seedTake(api.fake);
      const job = api.fake.store.addJob({ takeId, ...seed, state: 'FINISHED' });
      api.fake.store.addJob({ takeId, metadata: { shot: 3 } });
      assert.deepEqual((await ugc.jobs.retrieve(job.id)).metadata, value);
      const page = await ugc.jobs.list({ takeId });
      assert.equal(page.items.length, 2, 'the whole page reads');
      assert.deepEqual(page.items.find((j) => j.id === job.id).metadata, value);
      const iterated = [];
      for await (const j of ugc.jobs.iterate({ takeId, limit: 1 })) iterated.push(j.metadata);
      assert.deepEqual(iterated.length, 2);
      const done = await ugc.jobs.waitForCompletion(job.id, { intervalMs: 10 });
      assert.deepEqual(done.metadata, value);
    });
  }

  it('on files, takes, volumes, the client and webhooks too', async () => {
    const ugc = clientOf(api.fake);
    const file = api.fake.store.addFile({ metadataValue: 'a' });
    assert.equal((await ugc.files.retrieve(file.id)).metadata, 'a');
    const take = api.fake.store.addTake({ metadata: '[true]' });
    assert.deepEqual((await ugc.takes.retrieve(take.id)).metadata, [true]);
    assert.deepEqual((await ugc.takes.list()).items.find((t) => t.id === take.id).metadata, [true]);
    const volume = api.fake.store.addVolume({ metadataValue: 'calibrated' });
    assert.equal((await ugc.volumes.retrieve(volume.id)).metadata, 'calibrated');
    api.fake.store.setClientMetadata({ metadataValue: 'studio' });
    assert.equal((await ugc.client.retrieve()).metadata, 'studio');
    const hook = await ugc.webhooks.upsert({ uid: 'h', url: 'https://example.com/h', events: ['e'], metadata: 'x' });
    assert.equal(api.fake.requests.at(-1).variables.metadata, '"x"');
    assert.equal(hook.metadata, 'x');
  });

  it('metadata that is not JSON is still INVALID_RESPONSE, naming the field', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 0 });
    const body = JSON.stringify({ data: { getJob: { id: 'j', created: null, name: null, metadata: '{nope', state: null, progress: null } } });
    api.fake.inject({ kind: 'raw', body });
    const error = await rejectsWith(ugc.jobs.retrieve('j'), 'INVALID_RESPONSE');
    assert.match(error.message, /getJob\.metadata/);
  });
});

describe('outputs that arrive after FINISHED', () => {
  // FINISHED with no outputs for 2 polls, then outputs without URLs for 1 more.
  const api = useFakeApi({ pollsToFinish: 3, outputsLagPolls: 2, urlLagPolls: 1 });
  const polls = () => api.fake.requests.filter((r) => r.operationName === 'getJob').length;

  it('waitForCompletion waits for outputs, and for every URL', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake), outputs: ['MAIN_FBX', 'MAIN_GLB'] });
    const seen = [];
    const job = await ugc.jobs.waitForCompletion(id, { intervalMs: 10, onProgress: (j) => seen.push([j.progress.state, (j.outputs ?? []).length]) });
    assert.equal(polls(), 6, '3 to FINISHED, 2 without outputs, 1 without URLs');
    assert.deepEqual(job.outputs.map((o) => o.format), ['MAIN_FBX', 'MAIN_GLB']);
    assert.ok(job.outputs.every((o) => o.file.presignedUrl));
    // The first FINISHED poll had no outputs: that was waiting, not done.
    assert.deepEqual(seen.find(([state]) => state === 'FINISHED'), ['FINISHED', 0]);
  });

  it('a job read directly while FINISHED without outputs shows an empty list', async () => {
    const ugc = clientOf(api.fake);
    const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
    for (let i = 0; i < 2; i += 1) await ugc.jobs.retrieve(id);
    const job = await ugc.jobs.retrieve(id, { expand: ['outputs'] });
    assert.equal(job.progress.state, 'FINISHED');
    assert.deepEqual(job.outputs, []);
  });
});

describe('every spelling of the states', () => {
  for (const [spelling, deprecatedState] of [['NOT STARTED', 'lag'], ['NOT_STARTED', 'respell']]) {
    describe(`jobs that say ${spelling}, with the deprecated state ${deprecatedState}`, () => {
      const api = useFakeApi({ pollsToFinish: 4, notStartedSpelling: spelling, startedPolls: 1, deprecatedState });

      it('waitForCompletion follows progress.state to FINISHED', async () => {
        const ugc = clientOf(api.fake);
        const { id } = await ugc.jobs.create({ takeId: seedTake(api.fake) });
        const created = api.fake.requests.at(-1);
        assert.equal(created.operationName, 'createSingleCamJob');
        const states = [];
        const job = await ugc.jobs.waitForCompletion(id, { intervalMs: 10, onProgress: (j) => states.push([j.progress.state, j.state]) });
        assert.equal(job.progress.state, 'FINISHED');
        const progress = states.map(([p]) => p).filter((p, i, all) => p !== all[i - 1]);
        assert.deepEqual(progress, ['STARTED', 'RUNNING', 'FINISHED']);
        // The deprecated field may say something else at the same time.
        if (deprecatedState === 'lag') assert.ok(states.some(([p, s]) => p !== s), JSON.stringify(states));
      });

      it(`a fresh job reads ${spelling}`, async () => {
        const ugc = clientOf(api.fake);
        const job = await ugc.jobs.create({ takeId: seedTake(api.fake) });
        assert.equal(job.progress.state, spelling);
      });
    });
  }

  describe('jobs that end FAILED or CANCELLED', () => {
    const api = useFakeApi();
    for (const fate of ['FAILED', 'CANCELLED']) {
      it(`${fate} rejects the wait with JOB_FAILED`, async () => {
        const ugc = clientOf(api.fake);
        const job = api.fake.store.addJob({ takeId: seedTake(api.fake), fate });
        const error = await rejectsWith(ugc.jobs.waitForCompletion(job.id, { intervalMs: 10 }), 'JOB_FAILED');
        assert.match(error.message, new RegExp(fate));
      });
    }
  });

  describe('volumes', () => {
    const api = useFakeApi({ volumePollsToFinish: 3 });

    it('go through their progress states as they are read', async () => {
      const ugc = clientOf(api.fake);
      const files = [api.fake.store.addFile(), api.fake.store.addFile()];
      const volume = await ugc.volumes.createHumanVolume({
        sources: files.map((f, i) => ({ deviceLabel: `cam-${i}`, fileId: f.id, format: 'MP4' })),
        humanHeight: 1.75,
        areaType: 'NORMAL',
      });
      assert.equal(volume.__typename, 'HumanVolume');
      const states = [volume.state];
      for (let i = 0; i < 3; i += 1) states.push((await ugc.volumes.retrieve(volume.id)).state);
      assert.equal(states[0], 'NOT_STARTED');
      assert.ok(states.includes('RUNNING'), states.join());
      assert.equal(states.at(-1), 'FINISHED');
    });
  });
});
