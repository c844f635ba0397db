// ugc.takes and ugc.volumes: single- and multi-camera takes, volumes (a union
// in the schema), every expand, paging and iteration.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { useFakeApi, clientOf, rejectsWith } from './helpers.mjs';

describe('ugc.takes and ugc.volumes', () => {
  const api = useFakeApi();
  const last = () => api.fake.requests.at(-1);
  const upload = (ugc, label) => ugc.files.upload(new TextEncoder().encode(`video ${label}`), { type: 'mp4', name: `${label}.mp4` });

  async function volumeOf(ugc) {
    const [a, b] = [await upload(ugc, 'left'), await upload(ugc, 'right')];
    return ugc.volumes.createHumanVolume({
      sources: [
        { deviceLabel: 'left', fileId: a.id, format: 'mp4', cameraSettings: { lens: 'gopro-hero-11-linear' } },
        { deviceLabel: 'right', fileId: b.id, format: 'MP4' },
      ],
      humanHeight: 1.78,
      areaType: 'NORMAL',
      syncMethod: { clapWindow: { startTime: 0.5, endTime: 2 } },
      clipWindow: { startTime: 0, endTime: 30 },
      name: 'Studio A',
      metadata: { room: 3 },
    });
  }

  it('createSingleCam sends one source upper-cased and returns the take', async () => {
    const ugc = clientOf(api.fake);
    const file = await upload(ugc, 'phone');
    const take = await ugc.takes.createSingleCam({
      sources: [{ deviceLabel: 'iPhone', fileId: file.id, format: 'mov' }],
      name: 'Warm-up',
      metadata: { actor: 'sam' },
      expand: ['sources', 'client'],
    });
    assert.equal(last().operationName, 'createSingleCamTake');
    assert.deepEqual(last().variables, {
      sources: [{ deviceLabel: 'iPhone', fileId: file.id, format: 'MOV' }],
      name: 'Warm-up',
      metadata: '{"actor":"sam"}',
    });
    assert.equal(take.name, 'Warm-up');
    assert.deepEqual(take.metadata, { actor: 'sam' });
    assert.equal(take.sources[0].deviceLabel, 'iPhone');
    assert.equal(take.sources[0].format, 'MOV');
    assert.equal(take.sources[0].file.id, file.id);
    assert.equal(take.sources[0].cameraSettings, null);
    assert.equal(take.client.id, 'client-fake-0001');
    assert.ok(!('volume' in take));
  });

  it('createSingleCam takes the MP4 and the .move file of one camera (Move One)', async () => {
    const ugc = clientOf(api.fake);
    const video = await upload(ugc, 'phone');
    const move = await ugc.files.upload(new TextEncoder().encode('depth'), { type: 'move' });
    const take = await ugc.takes.createSingleCam({
      sources: [
        { deviceLabel: 'phone', fileId: video.id, format: 'MP4' },
        { deviceLabel: 'phone', fileId: move.id, format: 'move' },
      ],
      metadata: '{}',
      expand: ['sources'],
    });
    assert.deepEqual(last().variables.sources, [
      { deviceLabel: 'phone', fileId: video.id, format: 'MP4' },
      { deviceLabel: 'phone', fileId: move.id, format: 'MOVE' },
    ]);
    // Metadata as Move's Python SDK stores it (a JSON string) reads back as that string.
    assert.equal(last().variables.metadata, '"{}"');
    assert.equal(take.metadata, '{}');
    assert.deepEqual(take.sources.map((s) => s.format), ['MP4', 'MOVE']);
    assert.equal(take.takeType, 'SINGLE_CAM');
    assert.ok(Array.isArray(take.additionalFiles));
  });

  it('a volume, then a multi-camera take on it, with every expand', async () => {
    const ugc = clientOf(api.fake);
    const volume = await volumeOf(ugc);
    assert.equal(last().operationName, 'createVolumeWithHuman');
    assert.equal(last().variables.humanHeight, 1.78);
    assert.deepEqual(last().variables.syncMethod, { clapWindow: { startTime: 0.5, endTime: 2 } });
    assert.equal(volume.areaType, 'NORMAL');
    assert.equal(volume.humanHeight, 1.78);
    assert.deepEqual(volume.clipWindow, { startTime: 0, endTime: 30 });
    assert.deepEqual(volume.metadata, { room: 3 });

    const read = await ugc.volumes.retrieve(volume.id, { expand: ['client', 'sources', 'outputs'] });
    assert.equal(last().operationName, 'getVolume');
    assert.equal(read.sources.length, 2);
    assert.deepEqual(read.sources[0].cameraSettings, { lens: 'gopro-hero-11-linear' });
    assert.deepEqual(read.outputs, []);
    assert.equal(read.client.name, 'Fake Studio');

    const [c, d] = [await upload(ugc, 'c'), await upload(ugc, 'd')];
    const take = await ugc.takes.createMultiCam({
      sources: [
        { deviceLabel: 'left', fileId: c.id, format: 'MP4' },
        { deviceLabel: 'right', fileId: d.id, format: 'MP4' },
      ],
      volumeId: volume.id,
      syncMethod: { timecodeSync: { useTimecode: true } },
      expand: ['volume'],
    });
    assert.equal(last().operationName, 'createMultiCamTake');
    assert.deepEqual(last().variables.syncMethod, { timecodeSync: { useTimecode: true } });
    assert.equal(take.volume.id, volume.id);
    assert.equal(take.volume.areaType, 'NORMAL');

    const job = await ugc.jobs.createMultiCam({ takeId: take.id, numberOfActors: 1, expand: ['rig'] });
    assert.deepEqual(job.rig, { name: 'move_mo' });
  });

  it('retrieve, update and list takes', async () => {
    const ugc = clientOf(api.fake);
    const ids = [];
    for (const label of ['a', 'b', 'c']) {
      const file = await upload(ugc, label);
      ids.push((await ugc.takes.createSingleCam({ sources: [{ deviceLabel: label, fileId: file.id, format: 'MP4' }], name: label })).id);
    }
    const read = await ugc.takes.retrieve(ids[0], { expand: ['volume'] });
    assert.deepEqual(last().variables, { takeId: ids[0] });
    assert.equal(read.volume, null, 'a single-camera take has no volume');
    const renamed = await ugc.takes.update(ids[0], { name: 'A', metadata: { ok: true } });
    assert.deepEqual(last().variables, { id: ids[0], name: 'A', metadata: '{"ok":true}' });
    assert.equal(renamed.name, 'A');
    const page = await ugc.takes.list({ limit: 2, sortBy: 'ASC' });
    assert.deepEqual(last().variables, { first: 2, sortDirection: 'ASC' });
    assert.deepEqual(page.items.map((t) => t.id), ids.slice(0, 2));
    assert.notEqual(page.nextToken, null);
    const rest = await ugc.takes.list({ limit: 2, sortBy: 'ASC', nextToken: page.nextToken });
    assert.deepEqual(rest.items.map((t) => t.id), [ids[2]]);
    assert.equal(rest.nextToken, null);
    await rejectsWith(ugc.takes.retrieve('take-missing'), 'NOT_FOUND');
  });

  it('takes.iterate and volumes.iterate visit every item once', async () => {
    const ugc = clientOf(api.fake);
    const takes = [];
    for (let i = 0; i < 5; i += 1) takes.push(api.fake.store.addTake({ name: `t${i}` }).id);
    const seen = [];
    for await (const take of ugc.takes.iterate({ limit: 2, sortBy: 'ASC' })) seen.push(take.id);
    assert.deepEqual(seen, takes);
    assert.equal(api.fake.requests.filter((r) => r.operationName === 'listTakes').length, 3);

    const volumes = [await volumeOf(ugc), await volumeOf(ugc), await volumeOf(ugc)];
    const listed = [];
    for await (const volume of ugc.volumes.iterate({ limit: 1, expand: ['client'] })) {
      assert.equal(volume.client.id, 'client-fake-0001');
      listed.push(volume.id);
    }
    assert.deepEqual(listed, volumes.map((v) => v.id).reverse(), 'newest first by default');
    const page = await ugc.volumes.list({ limit: 10 });
    assert.equal(page.items.length, 3);
  });

  const bad = [
    ['a take without sources', (u) => u.takes.createSingleCam({ sources: [] }), 'params.sources'],
    ['camera settings on a single camera', (u) => u.takes.createSingleCam({ sources: [{ deviceLabel: 'a', fileId: 'f', format: 'MP4', cameraSettings: { lens: 'wide' } }] }), 'params.sources[0].cameraSettings: applies to multi-camera takes and volumes only'],
    ['an unknown format', (u) => u.takes.createSingleCam({ sources: [{ deviceLabel: 'a', fileId: 'f', format: 'mkv' }] }), 'params.sources[0].format'],
    ['a multi-camera take without a volume', (u) => u.takes.createMultiCam({ sources: [] }), 'params.volumeId: is required'],
    ['both sync methods', (u) => u.takes.createMultiCam({ sources: [{ deviceLabel: 'a', fileId: 'f', format: 'MP4' }, { deviceLabel: 'b', fileId: 'g', format: 'MP4' }], volumeId: 'v', syncMethod: { clapWindow: { startTime: 0, endTime: 1 }, timecodeSync: { useTimecode: true } } }), 'params.syncMethod'],
    ['a height in centimetres', (u) => u.volumes.createHumanVolume({ sources: [{ deviceLabel: 'a', fileId: 'f', format: 'MP4' }, { deviceLabel: 'b', fileId: 'g', format: 'MP4' }], humanHeight: 178, areaType: 'NORMAL' }), 'params.humanHeight'],
    ['an unknown area type', (u) => u.volumes.createHumanVolume({ sources: [], humanHeight: 1.7, areaType: 'small' }), 'params.areaType: expected one of NORMAL, LARGE, got "small"'],
    ['a height in centimetres, shown', (u) => u.volumes.createHumanVolume({ sources: [], humanHeight: 178, areaType: 'NORMAL' }), "params.humanHeight: expected the person's height in metres from 0.5 to 2.75, got 178"],
    ['an unknown take expand', (u) => u.takes.list({ expand: ['outputs'] }), 'params.expand[0]'],
    ['a takeId filter on takes', (u) => u.takes.list({ takeId: 'x' }), 'params.takeId'],
    ['a volume id that is a number', (u) => u.volumes.retrieve(5), 'id'],
  ];
  for (const [what, call, named] of bad) {
    it(`refuses ${what} before sending`, async () => {
      const ugc = clientOf(api.fake);
      const error = await rejectsWith(call(ugc), 'INVALID_ARGUMENT');
      assert.ok(error.message.startsWith(named), error.message);
      assert.equal(api.fake.requests.length, 0);
    });
  }
});
