// The type surface of files, takes, volumes, the account services, iterate and
// waitForCompletion: correct usage compiles, each `@ts-expect-error` must fail.

import type {
  MoveUgc,
  File,
  Take,
  HumanVolume,
  Job,
  Page,
  ShareCode,
  Client,
  WebhookEndpoint,
  Rig,
  CameraSettings,
  UploadProgress,
} from 'move-ugc';

export async function services(ugc: MoveUgc, bytes: Uint8Array, blob: Blob): Promise<void> {
  const progress: UploadProgress[] = [];
  const uploaded: File = await ugc.files.upload(bytes, { type: 'mp4', name: 'a.mp4', onProgress: (p) => progress.push(p) });
  const fromBlob: File = await ugc.files.upload(blob, { type: 'mov', metadata: { a: 1 } });
  const fromBuffer: File = await ugc.files.upload(bytes.buffer as ArrayBuffer, { type: 'avi' });
  const created: File = await ugc.files.create({ type: 'mp4', expand: ['client'] });
  const read: File = await ugc.files.retrieve(created.id, { expand: ['client'] });
  const renamed: File = await ugc.files.update(read.id, { name: 'b' });
  const share: ShareCode = await ugc.files.generateShareCode(read.id);
  const url: string | null = share.url;

  const take: Take = await ugc.takes.createSingleCam({
    sources: [{ deviceLabel: 'phone', fileId: uploaded.id, format: 'mp4' }],
    expand: ['sources'],
  });
  const volume: HumanVolume = await ugc.volumes.createHumanVolume({
    sources: [
      { deviceLabel: 'a', fileId: fromBlob.id, format: 'MOV', cameraSettings: { lens: 'wide' } },
      { deviceLabel: 'b', fileId: fromBuffer.id, format: 'MOV' },
    ],
    humanHeight: 1.8,
    areaType: 'NORMAL',
    syncMethod: { clapWindow: { startTime: 1, endTime: 2 } },
  });
  const multi: Take = await ugc.takes.createMultiCam({
    sources: [],
    volumeId: volume.id,
    syncMethod: { timecodeSync: { useTimecode: true } },
    expand: ['volume', 'client'],
  });
  const takes: Page<Take> = await ugc.takes.list({ limit: 5, sortBy: 'ASC', expand: ['volume'] });
  const volumes: Page<HumanVolume> = await ugc.volumes.list();
  const oneVolume: HumanVolume = await ugc.volumes.retrieve(volume.id, { expand: ['outputs', 'sources'] });
  const sameTake: Take = await ugc.takes.retrieve(take.id);
  const updatedTake: Take = await ugc.takes.update(take.id, { metadata: { b: 2 } });

  for await (const job of ugc.jobs.iterate({ limit: 50, takeId: take.id })) {
    const id: string = job.id;
    void id;
  }
  for await (const t of ugc.takes.iterate()) void t.name;
  for await (const v of ugc.volumes.iterate({ expand: ['client'] })) void v.areaType;

  const done: Job = await ugc.jobs.waitForCompletion('job-1', {
    intervalMs: 1000,
    timeoutMs: 60_000,
    expand: ['take'],
    signal: new AbortController().signal,
    onProgress: (job) => void job.progress?.percentageComplete,
  });
  const client: Client = await ugc.client.retrieve();
  const updatedClient: Client = await ugc.client.update({ metadata: { team: 'x' } });
  const hook: WebhookEndpoint = await ugc.webhooks.upsert({ uid: 'u', url: 'https://x.example', events: ['ugc.job.state.completed'] });
  const rigs: Rig[] = await ugc.rigs.list();
  const lenses: CameraSettings[] = await ugc.cameraSettings.list();
  void [fromBuffer, renamed, url, multi, takes, volumes, oneVolume, sameTake, updatedTake, done, client, updatedClient, hook, rigs, lenses];

  // Upload data: a path (Node) and no type (it comes from the name), a stream.
  await ugc.files.upload('clips/warm-up.mp4');
  await ugc.files.upload(blob.stream());
  // @ts-expect-error a number is not upload data
  await ugc.files.upload(42, { type: 'mp4' });
  // @ts-expect-error the type is a string
  await ugc.files.upload(bytes, { type: 4 });
  // @ts-expect-error an unknown source format
  await ugc.takes.createSingleCam({ sources: [{ deviceLabel: 'a', fileId: 'f', format: 'mkv' }] });
  // @ts-expect-error a multi-camera take needs its volume
  await ugc.takes.createMultiCam({ sources: [] });
  // @ts-expect-error areaType is NORMAL or LARGE
  await ugc.volumes.createHumanVolume({ sources: [], humanHeight: 1.7, areaType: 'SMALL' });
  // @ts-expect-error 'outputs' is not an expand of takes
  await ugc.takes.retrieve('t', { expand: ['outputs'] });
  // @ts-expect-error client.update needs metadata
  await ugc.client.update({});
  // @ts-expect-error webhooks need events
  await ugc.webhooks.upsert({ uid: 'u', url: 'https://x.example' });
  // @ts-expect-error onProgress receives the job
  await ugc.jobs.waitForCompletion('j', { onProgress: (p: UploadProgress) => p.loaded });
}
