// Compiled with `tsc --strict --noEmit` against the installed package: correct
// usage compiles, and each `@ts-expect-error` proves that a misuse does not
// (tsc fails if an expected error is missing).

import {
  MoveUgc,
  MoveUgcError,
  isMoveUgcError,
  type ErrorCode,
  type Job,
  type Page,
  type JobExpand,
  type Metadata,
} from 'move-ugc';

export async function correctUsage(): Promise<void> {
  const ugc = new MoveUgc({ apiKey: 'mv_key_0123456789', endpointUrl: 'http://localhost:4010/graphql', timeoutMs: 5000, maxRetries: 1 });
  const controller = new AbortController();

  const created: Job = await ugc.jobs.createSingleCam({
    takeId: 'take-1',
    name: 'run',
    metadata: { shot: 3, tags: ['a'] },
    options: { trackFingers: true, mocapModel: 'M2' },
    outputs: ['MAIN_FBX', 'render_video'],
    clipWindow: { startTime: 0, endTime: 4.5 },
    expand: ['outputs', 'take'],
    signal: controller.signal,
  });
  const same: Promise<Job> = ugc.jobs.create({ takeId: 'take-1' });
  const multi: Promise<Job> = ugc.jobs.createMultiCam({ takeId: 'take-2', numberOfActors: 2, rig: 'move_mo' });
  const job: Job = await ugc.jobs.retrieve(created.id, { expand: ['client', 'take', 'outputs', 'rig', 'inputs'] });
  const plain: Job = await ugc.jobs.retrieve('job-1');
  const renamed: Job = await ugc.jobs.update(job.id, { name: 'x', metadata: { y: 1 } });
  const page: Page<Job> = await ugc.jobs.list({ limit: 50, nextToken: null, sortBy: 'ASC', takeId: 'take-1', expand: ['outputs'] });
  const firstPage: Page<Job> = await ugc.jobs.list();

  // Results are typed, with nullable fields as `T | null` and expands optional.
  const name: string | null = job.name;
  const percent: number | null = job.progress?.percentageComplete ?? null;
  const metadata: Metadata | null = job.metadata;
  const urls: (string | null)[] = (job.outputs ?? []).map((o) => o.file.presignedUrl);
  const clientName: string | undefined = job.client?.name;
  const next: string | null = page.nextToken;
  const expand: JobExpand[] = ['client'];
  void [same, multi, plain, renamed, firstPage, name, percent, metadata, urls, clientName, next, expand];

  try {
    await ugc.jobs.retrieve('job-1');
  } catch (error) {
    if (error instanceof MoveUgcError) {
      const code: ErrorCode = error.code;
      const status: number | undefined = error.status;
      const retryable: boolean = error.retryable;
      void [code, status, retryable];
    }
    if (isMoveUgcError(error)) {
      const code: ErrorCode = error.code;
      // The module failed itself (a bug): the one code a caller cannot fix by retrying.
      const internal: boolean = error.code === 'INTERNAL';
      void [code, internal];
    }
  }
}

export async function misuse(ugc: MoveUgc): Promise<void> {
  // @ts-expect-error an option is a known name (a typo must not compile)
  new MoveUgc({ apiKey: 'mv_key_0123456789', baseURL: 'https://api.move.ai' });
  // @ts-expect-error the id is a string, not a number
  await ugc.jobs.retrieve(123);
  // @ts-expect-error a multi-camera job needs numberOfActors
  await ugc.jobs.createMultiCam({ takeId: 'take-1' });
  // @ts-expect-error 'owner' is not an expand of jobs
  await ugc.jobs.retrieve('job-1', { expand: ['owner'] });
  // @ts-expect-error sortBy is 'ASC' or 'DESC'
  await ugc.jobs.list({ sortBy: 'NEWEST' });
  // @ts-expect-error an unknown output type
  await ugc.jobs.create({ takeId: 't', outputs: ['FBX'] });
  // @ts-expect-error an unknown mocap model
  await ugc.jobs.create({ takeId: 't', options: { mocapModel: 'M9' } });
  // @ts-expect-error takeId is required
  await ugc.jobs.create({ name: 'no take' });
  // @ts-expect-error a clip window has numbers
  await ugc.jobs.create({ takeId: 't', clipWindow: { startTime: '0', endTime: 1 } });
  // @ts-expect-error limit is a number
  await ugc.jobs.list({ limit: '10' });
  const job = await ugc.jobs.retrieve('job-1');
  // @ts-expect-error name may be null
  const name: string = job.name;
  // @ts-expect-error outputs are absent unless expanded
  const count: number = job.outputs.length;
  void [name, count];
}
