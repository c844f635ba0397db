// Types that catch mistakes: results narrowed by `expand`, states and output
// formats as unions, metadata as JSON values, the take's and share code's
// fields. Correct usage compiles; each `@ts-expect-error` must fail.

import type { MoveUgc, Take, AdditionalFile, TakeFile, JobState, OutputType, JsonValue, HumanVolume } from 'move-ugc';

export async function narrowing(ugc: MoveUgc): Promise<void> {
  // An expanded field is present (not optional); its API nullability stays.
  const withTake = await ugc.jobs.retrieve('job-1', { expand: ['take'] });
  const take: Take | null = withTake.take;
  const sources = withTake.take?.sources;
  const all = await ugc.jobs.retrieve('job-1', { expand: ['client', 'outputs', 'rig', 'inputs'] });
  const outputs: AdditionalFile[] = all.outputs;
  const clientName: string = all.client.name;
  const page = await ugc.jobs.list({ expand: ['outputs'] });
  const firstOutputs: AdditionalFile[] | undefined = page.items[0]?.outputs;
  for await (const job of ugc.jobs.iterate({ expand: ['outputs'] })) {
    const list: AdditionalFile[] = job.outputs;
    void list;
  }
  const created = await ugc.jobs.createSingleCam({ takeId: 't', expand: ['outputs'] });
  const createdOutputs: AdditionalFile[] = created.outputs;
  const multi = await ugc.jobs.createMultiCam({ takeId: 't', numberOfActors: 1, expand: ['rig'] });
  const rigName: string | undefined = multi.rig?.name;

  // waitForCompletion resolves with the outputs, whatever else was expanded.
  const done = await ugc.jobs.waitForCompletion('job-1');
  const ready: AdditionalFile[] = done.outputs;
  const doneWithTake = await ugc.jobs.waitForCompletion('job-1', { expand: ['take'] });
  const alsoTake: Take | null = doneWithTake.take;
  const alsoReady: AdditionalFile[] = doneWithTake.outputs;

  // Takes, files and volumes narrow the same way.
  const takeWithSources = await ugc.takes.retrieve('t', { expand: ['sources', 'volume'] });
  const takeSources = takeWithSources.sources;
  const volume: HumanVolume | null = takeWithSources.volume;
  const fileWithClient = await ugc.files.retrieve('f', { expand: ['client'] });
  const owner = fileWithClient.client;
  const volumeWithOutputs = await ugc.volumes.retrieve('v', { expand: ['outputs', 'clipWindow'] });
  const volumeOutputs: AdditionalFile[] = volumeWithOutputs.outputs;
  const typename: 'HumanVolume' = volumeWithOutputs.__typename;

  // States and formats are unions; metadata is any JSON value.
  const state: JobState | null | undefined = done.progress?.state;
  const finished: boolean = state === 'FINISHED' || state === 'NOT STARTED' || state === 'NOT_STARTED';
  const format: OutputType | null | undefined = ready[0]?.format;
  const isFbx: boolean = format === 'MAIN_FBX';
  const metadata: JsonValue = done.metadata;
  await ugc.jobs.update('job-1', { metadata: 'a string is JSON too' });
  await ugc.takes.createSingleCam({
    sources: [
      { deviceLabel: 'phone', fileId: 'f-mp4', format: 'MP4' },
      { deviceLabel: 'phone', fileId: 'f-move', format: 'move' },
    ],
    metadata: [1, 2, 3],
  });

  // The fields of a take that no one selected before, and a share code's file.
  const takeType: 'SINGLE_CAM' | 'MULTI_CAM' | null = takeWithSources.takeType;
  const clap = takeWithSources.syncMethod?.clapWindow?.startTime;
  const video = takeWithSources.videoFile?.presignedUrl;
  const extra: TakeFile[] = takeWithSources.additionalFiles;
  const extraFormat: string | null | undefined = extra[0]?.format;
  const share = await ugc.files.generateShareCode('f');
  const sharedId: string | undefined = share.file?.id;

  void [take, sources, outputs, clientName, firstOutputs, createdOutputs, rigName, ready, alsoTake, alsoReady];
  void [takeSources, volume, owner, volumeOutputs, typename, finished, isFbx, metadata, takeType, clap, video, extra, extraFormat, sharedId];

  // Value enums also take lower case; null metadata clears it.
  await ugc.jobs.list({ sortBy: 'asc' });
  await ugc.jobs.create({ takeId: 't', options: { mocapModel: 'm2' }, outputs: ['main_fbx'] });
  await ugc.volumes.createHumanVolume({ sources: [], humanHeight: 1.8, areaType: 'large' });
  await ugc.jobs.update('job-1', { metadata: null });

  const plain = await ugc.jobs.retrieve('job-1');
  // @ts-expect-error without expand, outputs may be absent
  const absent: AdditionalFile[] = plain.outputs;
  // @ts-expect-error expanding take does not make outputs present
  const notExpanded: AdditionalFile[] = withTake.outputs;
  // @ts-expect-error the expanded take may be null
  const notNull: Take = withTake.take;
  // @ts-expect-error a misspelt output format cannot match
  const typo: boolean = ready[0]?.format === 'MIAN_FBX';
  // @ts-expect-error 'clipWindow' is an expand of volumes, not of jobs
  await ugc.jobs.retrieve('job-1', { expand: ['clipWindow'] });
  // @ts-expect-error a function is not metadata
  await ugc.jobs.update('job-1', { metadata: () => 1 });
  // @ts-expect-error camera settings apply to multi-camera takes only
  await ugc.takes.createSingleCam({ sources: [{ deviceLabel: 'a', fileId: 'f', format: 'MP4', cameraSettings: { lens: 'wide' } }] });
  // @ts-expect-error the lens of a multi-camera source is a string
  await ugc.takes.createMultiCam({ volumeId: 'v', sources: [{ deviceLabel: 'a', fileId: 'f', format: 'MP4', cameraSettings: { lens: 3 } }] });
  void [absent, notExpanded, notNull, typo];
}
