// Every operation of the schema's Query and Mutation types is reachable from
// MoveUgc: one journey calls them all, and the fake sees no violation.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'graphql';

import { loadSchema } from '../../fake-api/server.mjs';
import { useFakeApi, clientOf } from './helpers.mjs';

describe('schema coverage', () => {
  const api = useFakeApi({ pollsToFinish: 2 });

  it('reaches every Query and Mutation field', async () => {
    const ugc = clientOf(api.fake);
    const video = new TextEncoder().encode('not really a video');
    const file = await ugc.files.upload(video, { type: 'mp4' });
    const other = await ugc.files.create({ type: 'mp4' });
    await ugc.files.retrieve(file.id);
    await ugc.files.update(file.id, { name: 'clip' });
    await ugc.files.generateShareCode(file.id);
    const take = await ugc.takes.createSingleCam({ sources: [{ deviceLabel: 'cam', fileId: file.id, format: 'MP4' }] });
    await ugc.takes.retrieve(take.id);
    await ugc.takes.update(take.id, { name: 't' });
    await ugc.takes.list();
    const sources = [
      { deviceLabel: 'a', fileId: file.id, format: 'MP4' },
      { deviceLabel: 'b', fileId: other.id, format: 'MP4' },
    ];
    const volume = await ugc.volumes.createHumanVolume({ sources, humanHeight: 1.7, areaType: 'LARGE' });
    await ugc.volumes.retrieve(volume.id);
    await ugc.volumes.list();
    const multi = await ugc.takes.createMultiCam({ sources, volumeId: volume.id });
    const job = await ugc.jobs.createSingleCam({ takeId: take.id });
    await ugc.jobs.createMultiCam({ takeId: multi.id, numberOfActors: 2 });
    await ugc.jobs.update(job.id, { name: 'j' });
    await ugc.jobs.list();
    await ugc.jobs.waitForCompletion(job.id, { intervalMs: 10 });
    await ugc.client.retrieve();
    await ugc.client.update({ metadata: { a: 1 } });
    await ugc.webhooks.upsert({ uid: 'u', url: 'https://example.com/hook', events: ['ugc.job.state.completed'] });
    await ugc.rigs.list();
    await ugc.cameraSettings.list();

    const schema = loadSchema();
    const expected = [
      ...Object.keys(schema.getQueryType().getFields()),
      ...Object.keys(schema.getMutationType().getFields()),
    ].sort();
    const called = new Set(
      api.fake.requests.flatMap((r) =>
        parse(r.query).definitions.flatMap((d) => d.selectionSet.selections.map((s) => s.name.value)),
      ),
    );
    assert.deepEqual([...called].sort(), expected);
    assert.equal(expected.length, 22, "10 queries and 12 mutations");
  });
});
