// The fake Move API on its own, driven over HTTP with plain fetch (no SDK):
// it behaves as the real API is known to (several sources per single-camera
// take, metadata that is any JSON value, every spelling of the job states,
// outputs that appear after FINISHED, a deprecated `state` that differs from
// progress.state, volumes that go through progress states), serves what
// storage holds (uploads byte for byte, outputs of a chosen size) with
// download faults, and still records every request the schema rejects, and
// every download that carries the key, as a violation.

import assert from 'node:assert/strict';
import { describe, it, before, after, beforeEach } from 'node:test';
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { startFakeApi, outputContent, JOB_STATES, VOLUME_STATES } from '../../fake-api/server.mjs';

const cli = fileURLToPath(new URL('../../fake-api/cli.mjs', import.meta.url));

/** A fake for the current describe block, reset before each test. */
function useFake(options = {}) {
  const handle = { fake: null };
  before(async () => {
    handle.fake = await startFakeApi(options);
  });
  after(() => handle.fake.close());
  beforeEach(() => handle.fake.reset());
  return handle;
}

/** POSTs a GraphQL request; resolves with { status, body }. */
async function post(fake, query, variables = {}, { key = fake.apiKey } = {}) {
  const response = await fetch(fake.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: key } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

/** POSTs a request the schema accepts and that must succeed; resolves with `data`. */
async function gql(fake, query, variables) {
  const { status, body } = await post(fake, query, variables);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.deepEqual(fake.violations, [], 'a valid request is no violation');
  return body.data;
}

const JOB = 'id state metadata progress { state percentageComplete } outputs { format file { id presignedUrl } }';
const getJob = async (fake, id) => (await gql(fake, `query getJob($id: ID!) { getJob(jobId: $id) { ${JOB} } }`, { id })).getJob;
const VOLUME = 'id metadata state progress { state percentageComplete }';
const getVolume = async (fake, id) =>
  (await gql(fake, `query getVolume($id: ID!) { getVolume(id: $id) { __typename ... on HumanVolume { ${VOLUME} } } }`, { id })).getVolume;
const createFile = async (fake, type = 'mp4') => (await gql(fake, 'mutation f($type: String!) { createFile(type: $type) { id } }', { type })).createFile.id;
const createJob = async (fake, takeId, extra = {}) =>
  (await gql(fake, `mutation j($takeId: String!, $outputs: [OutputType]) { createSingleCamJob(takeId: $takeId, outputs: $outputs) { ${JOB} } }`, { takeId, ...extra })).createSingleCamJob;
const createVolume = async (fake, sources, extra = {}) =>
  (
    await gql(
      fake,
      `mutation v($sources: [SourceInput!], $humanHeight: Float!, $areaType: AreaType!, $metadata: AWSJSON) {
        createVolumeWithHuman(sources: $sources, humanHeight: $humanHeight, areaType: $areaType, metadata: $metadata) { ${VOLUME} } }`,
      { sources, humanHeight: 1.8, areaType: 'NORMAL', ...extra },
    )
  ).createVolumeWithHuman;

describe('the fake Move API: sources', () => {
  const api = useFake();

  it('a single-camera take holds an MP4 and a .move file of one camera (Move One)', async () => {
    const { fake } = api;
    const [mp4, move] = [await createFile(fake, 'mp4'), await createFile(fake, 'move')];
    const sources = [
      { deviceLabel: 'iPhone', fileId: mp4, format: 'MP4' },
      { deviceLabel: 'iPhone', fileId: move, format: 'MOVE' },
    ];
    const { createSingleCamTake: take } = await gql(
      fake,
      'mutation t($sources: [SourceInput!]) { createSingleCamTake(sources: $sources) { id takeType sources { deviceLabel format file { id } } } }',
      { sources },
    );
    assert.equal(take.takeType, 'SINGLE_CAM');
    assert.deepEqual(take.sources, [
      { deviceLabel: 'iPhone', format: 'MP4', file: { id: mp4 } },
      { deviceLabel: 'iPhone', format: 'MOVE', file: { id: move } },
    ]);
    // Three is no rule either.
    const three = [...sources, { deviceLabel: 'iPad', fileId: mp4, format: 'MP4' }];
    const again = await gql(fake, 'mutation t($sources: [SourceInput!]) { createSingleCamTake(sources: $sources) { sources { format } } }', { sources: three });
    assert.equal(again.createSingleCamTake.sources.length, 3);
  });

  it('multi-camera takes and volumes have no minimum number of sources or cameras', async () => {
    const { fake } = api;
    const file = await createFile(fake);
    const one = [{ deviceLabel: 'left', fileId: file, format: 'MP4' }];
    const volume = await createVolume(fake, one);
    assert.match(volume.id, /^volume-/);
    const take = 'mutation t($sources: [SourceInput!], $volumeId: String!) { createMultiCamTake(sources: $sources, volumeId: $volumeId) { takeType sources { deviceLabel } volume { ... on HumanVolume { id } } } }';
    const { createMultiCamTake } = await gql(fake, take, { sources: one, volumeId: volume.id });
    assert.equal(createMultiCamTake.takeType, 'MULTI_CAM');
    assert.deepEqual(createMultiCamTake.sources, [{ deviceLabel: 'left' }]);
    assert.equal(createMultiCamTake.volume.id, volume.id);
    // Two files of one camera (same label) make a volume too.
    const other = await createFile(fake, 'move');
    await createVolume(fake, [...one, { deviceLabel: 'left', fileId: other, format: 'MOVE' }]);
  });

  it('unknown ids are MoveNotFoundError, in AppSync shape', async () => {
    const { fake } = api;
    const file = await createFile(fake);
    const cases = [
      ['getJob', 'query q { getJob(jobId: "job-nope") { id } }', {}],
      ['getTake', 'query q { getTake(takeId: "take-nope") { id } }', {}],
      ['getFile', 'query q { getFile(fileId: "file-nope") { id } }', {}],
      ['getVolume', 'query q { getVolume(id: "volume-nope") { ... on HumanVolume { id } } }', {}],
      ['createSingleCamJob', 'mutation m { createSingleCamJob(takeId: "take-nope") { id } }', {}],
      ['createSingleCamTake', 'mutation m($s: [SourceInput!]) { createSingleCamTake(sources: $s) { id } }', { s: [{ deviceLabel: 'a', fileId: 'file-nope', format: 'MP4' }] }],
      ['createMultiCamTake', 'mutation m($s: [SourceInput!]) { createMultiCamTake(sources: $s, volumeId: "volume-nope") { id } }', { s: [{ deviceLabel: 'a', fileId: file, format: 'MP4' }] }],
      ['createVolumeWithHuman', 'mutation m($s: [SourceInput!]) { createVolumeWithHuman(sources: $s, humanHeight: 1.7, areaType: LARGE) { id } }', { s: [{ deviceLabel: 'a', fileId: 'file-nope', format: 'MP4' }] }],
      ['updateJob', 'mutation m { updateJob(id: "job-nope", name: "x") { id } }', {}],
    ];
    for (const [field, query, variables] of cases) {
      const { status, body } = await post(fake, query, variables);
      assert.equal(status, 200, field);
      assert.equal(body.data, null, field);
      assert.equal(body.errors.length, 1, field);
      assert.equal(body.errors[0].errorType, 'MoveNotFoundError', field);
      assert.equal(body.errors[0].message, 'Resource not found in move-ugc-api.', field);
      assert.deepEqual(body.errors[0].path, [field]);
    }
    assert.deepEqual(fake.violations, [], 'not found is no violation');
  });
});

describe('the fake Move API: metadata is any JSON value', () => {
  const api = useFake();
  // What Move's Python SDK stores when users follow its docs, and other JSON.
  const VALUES = ['"{}"', '[1,2]', '"plain text"', '3', 'true', '{"shot": 3}'];

  it('every object stores and returns the AWSJSON text it was given', async () => {
    const { fake } = api;
    for (const metadata of VALUES) {
      const file = await gql(fake, 'mutation f($m: AWSJSON) { createFile(type: "mp4", metadata: $m) { id metadata } }', { m: metadata });
      assert.equal(file.createFile.metadata, metadata);
      const fileId = file.createFile.id;
      assert.equal((await gql(fake, 'query g($id: ID!) { getFile(fileId: $id) { metadata } }', { id: fileId })).getFile.metadata, metadata);
      assert.equal((await gql(fake, 'mutation u($id: String!, $m: AWSJSON) { updateFile(id: $id, metadata: $m) { metadata } }', { id: fileId, m: metadata })).updateFile.metadata, metadata);

      const take = await gql(fake, 'mutation t($s: [SourceInput!], $m: AWSJSON) { createSingleCamTake(sources: $s, metadata: $m) { id metadata } }', {
        s: [{ deviceLabel: 'cam', fileId, format: 'MP4' }],
        m: metadata,
      });
      assert.equal(take.createSingleCamTake.metadata, metadata);
      const takeId = take.createSingleCamTake.id;
      assert.equal((await gql(fake, 'mutation u($id: String!, $m: AWSJSON) { updateTake(id: $id, metadata: $m) { metadata } }', { id: takeId, m: metadata })).updateTake.metadata, metadata);
      assert.equal((await gql(fake, 'query l { listTakes(first: 1) { items { metadata } } }')).listTakes.items[0].metadata, metadata);

      const job = await gql(fake, 'mutation j($t: String!, $m: AWSJSON) { createSingleCamJob(takeId: $t, metadata: $m) { id metadata } }', { t: takeId, m: metadata });
      assert.equal(job.createSingleCamJob.metadata, metadata);
      const jobId = job.createSingleCamJob.id;
      assert.equal((await gql(fake, 'mutation u($id: String!, $m: AWSJSON) { updateJob(id: $id, metadata: $m) { metadata } }', { id: jobId, m: metadata })).updateJob.metadata, metadata);
      assert.equal((await getJob(fake, jobId)).metadata, metadata);
      const multi = await gql(fake, 'mutation j($t: String!, $m: AWSJSON) { createMultiCamJob(takeId: $t, numberOfActors: 1, metadata: $m) { metadata } }', { t: takeId, m: metadata });
      assert.equal(multi.createMultiCamJob.metadata, metadata);

      const volume = await createVolume(fake, [{ deviceLabel: 'cam', fileId, format: 'MP4' }], { metadata });
      assert.equal(volume.metadata, metadata);
      assert.equal((await getVolume(fake, volume.id)).metadata, metadata);

      assert.equal((await gql(fake, 'mutation c($m: AWSJSON!) { updateClient(metadata: $m) { metadata } }', { m: metadata })).updateClient.metadata, metadata);
      assert.equal((await gql(fake, 'query c { client { metadata } }')).client.metadata, metadata);

      const hook = await gql(fake, 'mutation w($m: AWSJSON) { upsertWebhookEndpoint(uid: "h", url: "https://example.com/h", events: ["ugc.job.state.completed"], metadata: $m) { metadata } }', { m: metadata });
      assert.equal(hook.upsertWebhookEndpoint.metadata, metadata);
    }
  });

  it('the store helpers seed it: AWSJSON text as a string, or metadataValue', async () => {
    const { fake } = api;
    const { store } = fake;
    const file = store.addFile({ metadata: '"{}"' });
    const take = store.addTake({ metadata: '[1,2]' });
    const job = store.addJob({ takeId: take.id, metadataValue: '{}' });
    const volume = store.addVolume({ metadataValue: [1, 2] });
    const hook = store.addWebhook({ metadata: '"hook"' });
    store.setClientMetadata({ metadata: { plan: 'studio' } });
    assert.equal((await gql(fake, 'query g($id: ID!) { getFile(fileId: $id) { metadata } }', { id: file.id })).getFile.metadata, '"{}"');
    assert.equal((await gql(fake, 'query g($id: ID!) { getTake(takeId: $id) { metadata } }', { id: take.id })).getTake.metadata, '[1,2]');
    assert.equal((await getJob(fake, job.id)).metadata, '"{}"', 'metadataValue "{}" is the JSON string "{}"');
    assert.equal((await getVolume(fake, volume.id)).metadata, '[1,2]');
    assert.equal((await gql(fake, 'query c { client { metadata } }')).client.metadata, '{"plan":"studio"}');
    assert.equal(store.webhooks.get(hook.uid).metadata, '"hook"');
    assert.throws(() => store.addJob({ takeId: take.id, metadata: '{not json' }), /not AWSJSON text/);
  });

  it('startFakeApi({ clientMetadata }) and POST /__fake/seed seed it too', async () => {
    const fake = await startFakeApi({ clientMetadata: '"{}"' });
    try {
      assert.equal((await gql(fake, 'query c { client { metadata } }')).client.metadata, '"{}"');
      const seeded = await fetch(`${fake.origin}/__fake/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ job: { metadata: '[1,2]', state: 'FINISHED', outputs: ['MAIN_FBX'] }, volume: { metadataValue: '{}', state: 'RUNNING' }, client: { metadata: '[]' } }),
      }).then((r) => r.json());
      const job = await getJob(fake, seeded.jobId);
      assert.equal(job.metadata, '[1,2]');
      assert.equal(job.progress.state, 'FINISHED');
      assert.deepEqual(job.outputs.map((o) => o.format), ['MAIN_FBX']);
      assert.ok(job.outputs[0].file.presignedUrl);
      assert.match(seeded.takeId, /^take-/);
      const volume = await getVolume(fake, seeded.volumeId);
      assert.equal(volume.metadata, '"{}"');
      assert.equal(volume.state, 'RUNNING');
      assert.equal((await gql(fake, 'query c { client { metadata } }')).client.metadata, '[]');
      // A bad seed is the caller's mistake: 400, and no violation.
      const bad = await fetch(`${fake.origin}/__fake/seed`, { method: 'POST', body: JSON.stringify({ job: { state: 'DONE' } }) });
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).message, /state/);
      // The plain seed of old: a take and its file.
      const plain = await fetch(`${fake.origin}/__fake/seed`, { method: 'POST', body: '{}' }).then((r) => r.json());
      assert.deepEqual(Object.keys(plain).sort(), ['fileId', 'takeId']);
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.close();
    }
  });
});

describe('the fake Move API: job states', () => {
  const api = useFake({ pollsToFinish: 3 });

  it('alternates NOT STARTED and NOT_STARTED per job, and goes through STARTED', async () => {
    const { fake } = api;
    const { takeId } = { takeId: fake.store.addTake().id };
    const created = [];
    for (let i = 0; i < 4; i += 1) created.push(await createJob(fake, takeId));
    assert.deepEqual(created.map((j) => j.progress), [
      { state: 'NOT STARTED', percentageComplete: 0 },
      { state: 'NOT_STARTED', percentageComplete: 0 },
      { state: 'NOT STARTED', percentageComplete: 0 },
      { state: 'NOT_STARTED', percentageComplete: 0 },
    ]);
    const read = async (job) => {
      const states = [];
      for (let i = 0; i < 3; i += 1) states.push((await getJob(fake, job.id)).progress.state);
      return states;
    };
    assert.deepEqual(await read(created[0]), ['RUNNING', 'RUNNING', 'FINISHED']);
    assert.deepEqual(await read(created[1]), ['STARTED', 'RUNNING', 'FINISHED']);
  });

  it('a job can be given a fate: FAILED or CANCELLED', async () => {
    const { fake } = api;
    const takeId = fake.store.addTake().id;
    const failed = fake.store.addJob({ takeId, fate: 'FAILED' });
    const cancelled = (await createJob(fake, takeId)).id;
    const answer = await fetch(`${fake.origin}/__fake/fate`, { method: 'POST', body: JSON.stringify({ id: cancelled, fate: 'CANCELLED' }) });
    assert.equal(answer.status, 200);
    let last;
    for (let i = 0; i < 4; i += 1) last = await getJob(fake, failed.id);
    assert.equal(last.progress.state, 'FAILED');
    assert.deepEqual(last.outputs, [], 'a failed job has no outputs');
    for (let i = 0; i < 4; i += 1) last = await getJob(fake, cancelled);
    assert.equal(last.progress.state, 'CANCELLED');
    assert.throws(() => fake.store.addJob({ takeId, fate: 'DONE' }), /fate/);
  });

  it('uses every spelling of the job states seen in the wild', async () => {
    const { fake } = api;
    const takeId = fake.store.addTake().id;
    const seen = new Set();
    const follow = async (id) => {
      for (let i = 0; i < 4; i += 1) {
        const job = await getJob(fake, id);
        seen.add(job.progress.state);
        seen.add(job.state);
      }
    };
    for (const fate of ['FINISHED', 'FINISHED', 'FAILED', 'CANCELLED']) {
      const job = await createJob(fake, takeId);
      seen.add(job.progress.state);
      fake.store.setFate(job.id, fate);
      await follow(job.id);
    }
    assert.deepEqual([...seen].sort(), [...JOB_STATES].sort());
  });

  it('can seed a job in any state, shown by the next read; hold keeps it there', async () => {
    const { fake } = api;
    const takeId = fake.store.addTake().id;
    for (const state of JOB_STATES) {
      const job = fake.store.addJob({ takeId, state, outputs: ['MAIN_FBX'] });
      const read = await getJob(fake, job.id);
      assert.equal(read.progress.state, state, `seeded ${state}`);
      const listed = (await gql(fake, 'query l($t: String) { listJobs(takeId: $t, first: 1) { items { progress { state } } } }', { t: takeId })).listJobs.items[0];
      assert.equal(listed.progress.state, state, 'a list does not move a job on');
      if (state === 'FINISHED') {
        assert.equal(read.state, 'FINISHED', 'finished a while ago: the deprecated state agrees');
        assert.ok(read.outputs[0].file.presignedUrl, 'outputs ready');
      }
    }
    const stuck = fake.store.addJob({ takeId, state: 'RUNNING', hold: true });
    for (let i = 0; i < 5; i += 1) assert.equal((await getJob(fake, stuck.id)).progress.state, 'RUNNING');
  });
});

describe('the fake Move API: outputs attached after FINISHED', () => {
  const api = useFake({ pollsToFinish: 2, outputsLagPolls: 2, urlLagPolls: 1 });

  it('FINISHED with outputs: [] for outputsLagPolls reads, then outputs without URLs for urlLagPolls reads', async () => {
    const { fake } = api;
    const job = await createJob(fake, fake.store.addTake().id, { outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
    assert.deepEqual(job.outputs, []);
    const reads = [];
    for (let i = 0; i < 6; i += 1) reads.push(await getJob(fake, job.id));
    const summary = reads.map((r) => `${r.progress.state} ${r.outputs.length} ${r.outputs.map((o) => (o.file.presignedUrl ? 'url' : 'null')).join(',')}`.trim());
    assert.deepEqual(summary, [
      'RUNNING 0',
      'FINISHED 0',
      'FINISHED 0',
      'FINISHED 2 null,null',
      'FINISHED 2 url,url',
      'FINISHED 2 url,url',
    ]);
    assert.deepEqual(reads.at(-1).outputs.map((o) => o.format), ['MAIN_FBX', 'RENDER_VIDEO']);
    assert.equal(reads[3].outputs[0].file.id, reads[5].outputs[0].file.id, 'the same files, later with URLs');
  });

  it('by default (outputsLagPolls 0), outputs come with FINISHED', async () => {
    const fake = await startFakeApi({ pollsToFinish: 1 });
    try {
      const job = await createJob(fake, fake.store.addTake().id, { outputs: ['MAIN_FBX'] });
      const done = await getJob(fake, job.id);
      assert.equal(done.progress.state, 'FINISHED');
      assert.equal(done.outputs.length, 1);
      assert.ok(done.outputs[0].file.presignedUrl);
    } finally {
      await fake.close();
    }
  });
});

describe('the fake Move API: the deprecated Job.state', () => {
  const read = async (options) => {
    const fake = await startFakeApi({ pollsToFinish: 2, startedPolls: 0, ...options });
    try {
      const job = await createJob(fake, fake.store.addTake().id);
      const pairs = [[job.state, job.progress.state]];
      for (let i = 0; i < 3; i += 1) {
        const polled = await getJob(fake, job.id);
        pairs.push([polled.state, polled.progress.state]);
      }
      return pairs;
    } finally {
      await fake.close();
    }
  };

  it("lags one read behind progress.state by default ('lag')", async () => {
    assert.deepEqual(await read({}), [
      ['NOT STARTED', 'NOT STARTED'],
      ['NOT STARTED', 'RUNNING'],
      ['RUNNING', 'FINISHED'],
      ['FINISHED', 'FINISHED'],
    ]);
  });

  it("uses the other spelling with 'respell', and agrees with 'same'", async () => {
    assert.deepEqual(await read({ deprecatedState: 'respell' }), [
      ['NOT_STARTED', 'NOT STARTED'],
      ['RUNNING', 'RUNNING'],
      ['FINISHED', 'FINISHED'],
      ['FINISHED', 'FINISHED'],
    ]);
    const same = await read({ deprecatedState: 'same', notStartedSpelling: 'NOT_STARTED' });
    assert.ok(same.every(([a, b]) => a === b));
    assert.equal(same[0][1], 'NOT_STARTED');
  });

  it('refuses unknown options and values', async () => {
    await assert.rejects(startFakeApi({ outputLagPolls: 1 }), /unknown option outputLagPolls/);
    await assert.rejects(startFakeApi({ deprecatedState: 'late' }), /deprecatedState/);
    await assert.rejects(startFakeApi({ notStartedSpelling: 'not started' }), /notStartedSpelling/);
  });
});

describe('the fake Move API: volumes go through progress states', () => {
  const api = useFake({ volumePollsToFinish: 3 });

  it('NOT_STARTED, RUNNING, then FINISHED as it is read; state is the JobState enum, progress.state a string', async () => {
    const { fake } = api;
    const sources = [{ deviceLabel: 'left', fileId: await createFile(fake), format: 'MP4' }];
    const first = await createVolume(fake, sources);
    const second = await createVolume(fake, sources);
    assert.deepEqual([first.state, first.progress], ['NOT_STARTED', { state: 'NOT STARTED', percentageComplete: 0 }]);
    assert.deepEqual([second.state, second.progress.state], ['NOT_STARTED', 'NOT_STARTED'], 'the other spelling, per volume');
    const reads = [];
    for (let i = 0; i < 4; i += 1) {
      const volume = await getVolume(fake, first.id);
      assert.equal(volume.__typename, 'HumanVolume');
      reads.push(`${volume.state} ${volume.progress.state} ${volume.progress.percentageComplete}`);
    }
    assert.deepEqual(reads, ['RUNNING RUNNING 33', 'RUNNING RUNNING 66', 'FINISHED FINISHED 100', 'FINISHED FINISHED 100']);
    const listed = (await gql(fake, `query l { listVolumes(sortDirection: ASC) { items { ... on HumanVolume { ${VOLUME} } } } }`)).listVolumes.items;
    assert.deepEqual(listed.map((v) => v.state), ['FINISHED', 'NOT_STARTED'], 'a list does not move a volume on');
  });

  it('a volume can fail, and be seeded in any state', async () => {
    const { fake } = api;
    const failing = fake.store.addVolume({ fate: 'FAILED' });
    let volume;
    for (let i = 0; i < 3; i += 1) volume = await getVolume(fake, failing.id);
    assert.equal(volume.state, 'FAILED');
    assert.equal(volume.progress.state, 'FAILED');
    for (const state of VOLUME_STATES) {
      const seeded = fake.store.addVolume({ state });
      assert.equal((await getVolume(fake, seeded.id)).state, state);
    }
    assert.throws(() => fake.store.addVolume({ fate: 'CANCELLED' }), /fate/);
  });
});

describe('the fake Move API: schema violations are still recorded', () => {
  const api = useFake();

  it('a field the schema does not have: ValidationError, and a violation', async () => {
    const { fake } = api;
    const { status, body } = await post(fake, 'query q { getJob(jobId: "x") { id colour } }');
    assert.equal(status, 400);
    assert.equal(body.errors[0].errorType, 'ValidationError');
    assert.equal(fake.violations.length, 1);
    assert.match(fake.violations[0].problem, /colour/);
  });

  it('AWSJSON sent as an object, or as text that is not JSON, is a violation', async () => {
    const { fake } = api;
    const query = 'mutation c($m: AWSJSON!) { updateClient(metadata: $m) { id } }';
    await post(fake, query, { m: { plan: 'studio' } });
    await post(fake, query, { m: '{not json' });
    assert.equal(fake.violations.length, 2);
    assert.match(fake.violations[0].problem, /AWSJSON must be a string/);
    assert.match(fake.violations[1].problem, /AWSJSON must hold valid JSON/);
  });

  it('an enum value the schema does not have (outputs: FBX) is a violation', async () => {
    const { fake } = api;
    const takeId = fake.store.addTake().id;
    await post(fake, 'mutation j($t: String!, $o: [OutputType]) { createSingleCamJob(takeId: $t, outputs: $o) { id } }', { t: takeId, o: ['MAIN_BLEND', 'FBX'] });
    assert.equal(fake.violations.length, 1);
    assert.match(fake.violations[0].problem, /FBX/);
  });

  it('a request without the key is refused with 401 (no violation)', async () => {
    const { fake } = api;
    const { status, body } = await post(fake, 'query c { client { id } }', {}, { key: null });
    assert.equal(status, 401);
    assert.equal(body.errors[0].errorType, 'UnauthorizedException');
    assert.deepEqual(fake.violations, []);
  });
});

describe("the fake's storage", () => {
  const api = useFake({ outputBytes: 150_000 });
  const finishedOutputs = (fake, extra = {}) => fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX', 'RENDER_VIDEO'], ...extra }).outputFiles;
  const urlOf = (fake, id) => `${fake.origin}/__fake/files/${id}?X-Amz-Signature=fake`;

  it('serves an upload byte for byte, with its length, and refuses a GET of the upload URL', async () => {
    const { fake } = api;
    const id = await createFile(fake);
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 9]);
    assert.equal((await fetch(`${fake.origin}/__fake/uploads/${id}`, { method: 'PUT', body: bytes })).status, 200);
    const response = await fetch(urlOf(fake, id));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-length'), '6');
    assert.deepEqual([...new Uint8Array(await response.arrayBuffer())], [...bytes]);
    // An upload URL is signed for PUT only, as S3 signs it.
    const get = await fetch(`${fake.origin}/__fake/uploads/${id}`);
    assert.equal(get.status, 403);
    assert.match(await get.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
  });

  it("serves each output's content: outputBytes long, the same on every read, made for its file", async () => {
    const { fake } = api;
    const [fbx, video] = finishedOutputs(fake);
    const first = Buffer.from(await (await fetch(urlOf(fake, fbx.file.id))).arrayBuffer());
    const again = Buffer.from(await (await fetch(urlOf(fake, fbx.file.id))).arrayBuffer());
    assert.equal(first.length, 150_000);
    assert.ok(first.equals(again), 'deterministic');
    assert.ok(first.equals(outputContent(fbx.file.id, 150_000)), 'as outputContent makes it');
    assert.equal(first.subarray(0, 100).toString('latin1').split('\n')[0], `move-ugc fake output ${fbx.file.id}`);
    const other = Buffer.from(await (await fetch(urlOf(fake, video.file.id))).arrayBuffer());
    assert.ok(!other.equals(first), 'each file its own bytes');
    // A job of its own size.
    const [small] = finishedOutputs(fake, { outputBytes: 10 });
    const response = await fetch(urlOf(fake, small.file.id));
    assert.equal(response.headers.get('content-length'), '10');
    assert.equal(await response.text(), 'move-ugc f');
  });

  it('answers 404 NoSuchKey for a file whose bytes never reached storage', async () => {
    const { fake } = api;
    const response = await fetch(urlOf(fake, await createFile(fake)));
    assert.equal(response.status, 404);
    assert.match(await response.text(), /<Code>NoSuchKey<\/Code>/);
  });

  it('records every download with its headers; the key or an Authorization header is a violation', async () => {
    const { fake } = api;
    const [output] = finishedOutputs(fake);
    await (await fetch(urlOf(fake, output.file.id), { headers: { 'x-trace': 'a' } })).arrayBuffer();
    assert.equal(fake.downloads.length, 1);
    assert.equal(fake.downloads[0].fileId, output.file.id);
    assert.equal(fake.downloads[0].headers['x-trace'], 'a');
    assert.deepEqual(fake.violations, []);
    await (await fetch(urlOf(fake, output.file.id), { headers: { authorization: 'anything' } })).arrayBuffer();
    await (await fetch(urlOf(fake, output.file.id), { headers: { 'x-api-key': fake.apiKey } })).arrayBuffer();
    assert.deepEqual(fake.violations.map((v) => v.problem), ['a download carried an Authorization header', 'a download carried the API key']);
    const listed = await fetch(`${fake.origin}/__fake/downloads`).then((r) => r.json());
    assert.equal(listed.length, 3);
    fake.violations.length = 0;
  });

  it('injects download faults: a status, a reset, a cut, a stall, a drip', async () => {
    const { fake } = api;
    const [output] = finishedOutputs(fake);
    const url = urlOf(fake, output.file.id);
    fake.inject({ target: 'download', kind: 'status', status: 503, headers: { 'retry-after': '2' } });
    const refused = await fetch(url);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '2');
    await refused.arrayBuffer();

    fake.inject({ target: 'download', kind: 'reset' });
    await assert.rejects(fetch(url));

    fake.inject({ target: 'download', kind: 'cut', afterBytes: 70_000 });
    const cut = await fetch(url);
    assert.equal(cut.headers.get('content-length'), '150000', 'the whole length is promised');
    const reader = cut.body.getReader();
    let received = 0;
    await assert.rejects(async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += value.length;
      }
    });
    assert.equal(received, 70_000);

    fake.inject({ target: 'download', kind: 'stall', afterBytes: 1000 });
    const stalled = await fetch(url, { signal: AbortSignal.timeout(300) });
    const stalledReader = stalled.body.getReader();
    assert.equal((await stalledReader.read()).value.length, 1000);
    await assert.rejects(stalledReader.read(), 'nothing more comes until the reader gives up');

    fake.inject({ target: 'download', kind: 'drip', ms: 60 });
    const started = Date.now();
    const dripped = Buffer.from(await (await fetch(url)).arrayBuffer());
    assert.ok(Date.now() - started >= 170, 'three chunks of 64 KiB, 60 ms apart');
    assert.ok(dripped.equals(outputContent(output.file.id, 150_000)));
    // Faults for downloads leave the API alone.
    fake.inject({ target: 'download', kind: 'status', status: 500 });
    assert.equal((await post(fake, 'query c { client { id } }')).status, 200);
  });
});

describe('fake-api/cli.mjs', () => {
  /** Starts the CLI on a free port; resolves with { url, origin, stop }. */
  async function startCli(args = []) {
    const child = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/fake Move API on (\S+)/);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`the CLI exited with ${code}`)));
    });
    const stop = () => new Promise((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    return { url, origin: new URL(url).origin, stop };
  }

  it('defaults to the realistic API: outputs one read after FINISHED, URLs one read later, a lagging state', async () => {
    const server = await startCli();
    try {
      const fake = { url: server.url, apiKey: 'mv_key_fake_local_0000000001', violations: [] };
      const { takeId } = await fetch(`${server.origin}/__fake/seed`, { method: 'POST', body: '{}' }).then((r) => r.json());
      const job = await createJob(fake, takeId, { outputs: ['MAIN_FBX'] });
      const reads = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await getJob(fake, job.id);
        reads.push(`${r.state}/${r.progress.state} ${r.outputs.map((o) => (o.file.presignedUrl ? 'url' : 'null')).join(',') || '-'}`);
      }
      assert.deepEqual(reads, ['NOT STARTED/RUNNING -', 'RUNNING/RUNNING -', 'RUNNING/FINISHED -', 'FINISHED/FINISHED null', 'FINISHED/FINISHED url']);
      assert.equal(await fetch(`${server.origin}/__fake/violations`).then((r) => r.text()), '[]');
    } finally {
      await server.stop();
    }
  });

  it('--simple gives outputs and URLs with FINISHED', async () => {
    const server = await startCli(['--simple', '--polls', '1']);
    try {
      const fake = { url: server.url, apiKey: 'mv_key_fake_local_0000000001', violations: [] };
      const { takeId } = await fetch(`${server.origin}/__fake/seed`, { method: 'POST', body: '{}' }).then((r) => r.json());
      const job = await createJob(fake, takeId, { outputs: ['MAIN_FBX'] });
      const done = await getJob(fake, job.id);
      assert.equal(done.state, 'FINISHED');
      assert.ok(done.outputs[0].file.presignedUrl);
    } finally {
      await server.stop();
    }
  });

  it('--output-bytes sets the size of every output in storage', async () => {
    const server = await startCli(['--simple', '--polls', '1', '--output-bytes', '1234']);
    try {
      const fake = { url: server.url, apiKey: 'mv_key_fake_local_0000000001', violations: [] };
      const { takeId } = await fetch(`${server.origin}/__fake/seed`, { method: 'POST', body: '{}' }).then((r) => r.json());
      const job = await createJob(fake, takeId, { outputs: ['MAIN_FBX'] });
      const { file } = (await getJob(fake, job.id)).outputs[0];
      const bytes = await fetch(file.presignedUrl).then((r) => r.arrayBuffer());
      assert.ok(Buffer.from(bytes).equals(outputContent(file.id, 1234)));
    } finally {
      await server.stop();
    }
  });

  it('refuses an unknown flag with exit code 2', async () => {
    await assert.rejects(promisify(execFile)(process.execPath, [cli, '--port', '0', '--output-lag', '1']), (error) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /unknown or incomplete argument --output-lag/);
      return true;
    });
  });
});

describe('the fake Move API: its clock', () => {
  it('dates objects from 2025-01-01, a second apart, unless liveClock; then by the real time, still increasing', async () => {
    const fixed = await startFakeApi();
    const live = await startFakeApi({ liveClock: true });
    try {
      const [a, b] = [fixed.store.addFile(), fixed.store.addFile()];
      assert.equal(a.created, '2025-01-01T00:00:01.000Z');
      assert.equal(b.created, '2025-01-01T00:00:02.000Z');
      const before = Date.now();
      const made = Array.from({ length: 50 }, () => live.store.addFile().created);
      assert.ok(Date.parse(made[0]) >= before && Date.parse(made[0]) <= Date.now() + 1000, `${made[0]} is now`);
      for (let i = 1; i < made.length; i += 1) assert.ok(made[i] > made[i - 1], 'strictly increasing');
    } finally {
      await fixed.close();
      await live.close();
    }
  });
});

describe('the demo account (www/serve.mjs --fake)', () => {
  it('has jobs in every state a person meets, dated in the last days with a live clock', async () => {
    const { seedDemoAccount } = await import('../../fake-api/demo-account.mjs');
    const fake = await startFakeApi({ liveClock: true });
    try {
      const { jobs } = seedDemoAccount(fake.store);
      const res = await fetch(fake.url, {
        method: 'POST',
        headers: { authorization: fake.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ listJobs(first: 20) { items { name created progress { state } outputs { format } } } }' }),
      });
      const items = (await res.json()).data.listJobs.items;
      assert.deepEqual(new Set(items.map((j) => j.progress.state.replace('_', ' '))), new Set(['NOT STARTED', 'RUNNING', 'FINISHED', 'FAILED']));
      const finished = items.find((j) => j.name === jobs.finished.name);
      assert.ok(['MAIN_GLB', 'RENDER_VIDEO'].every((f) => finished.outputs.some((o) => o.format === f)), JSON.stringify(finished.outputs));
      for (const job of items) {
        const age = Date.now() - Date.parse(job.created);
        assert.ok(age > 0 && age < 4 * 86400e3, `${job.name} is of the last days (${job.created})`);
      }
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.close();
    }
  });
});
