// A session of job calls with move-ugc: start a job on a take, list jobs, read
// one with its take and outputs, rename it, and poll it until it is finished.
//
//   node examples/jobs.mjs                 against a local fake Move API (started here)
//   MOVE_API_KEY=mv_key_… node examples/jobs.mjs
//                                          against the real API: lists and reads your
//                                          jobs; set MOVE_TAKE_ID too to start a job
//                                          on that take (this costs credits)

import { MoveUgc, MoveUgcError } from 'move-ugc';

const real = Boolean(process.env.MOVE_API_KEY);
let fake = null;
let ugc;
let takeId = process.env.MOVE_TAKE_ID ?? null;

if (real) {
  // The key from MOVE_API_KEY, and the endpoint from MOVE_API_URL if set.
  ugc = new MoveUgc();
  console.log(`Using the Move API at ${ugc.endpointUrl}`);
} else {
  // The fake is part of this repository, not of the package.
  const { startFakeApi } = await import('../fake-api/server.mjs');
  fake = await startFakeApi({ pollsToFinish: 4 });
  takeId = fake.store.addTake({ name: 'Warm-up, phone camera' }).id;
  ugc = new MoveUgc({ apiKey: fake.apiKey, endpointUrl: fake.url });
  console.log(`Using the local fake Move API at ${ugc.endpointUrl} (set MOVE_API_KEY for the real one)`);
}

const show = (job) =>
  `${job.id}  ${String(job.name ?? '(no name)').padEnd(22)} ${String(job.progress?.state ?? job.state).padEnd(12)} ${job.progress?.percentageComplete ?? '-'}%`;

try {
  let job = null;
  if (takeId) {
    console.log(`\n→ jobs.createSingleCam on take ${takeId}`);
    job = await ugc.jobs.createSingleCam({
      takeId,
      name: 'Demo job',
      metadata: { source: 'move-ugc demo', shot: 1 },
      options: { trackFingers: true, floorPlane: true },
      outputs: ['main_fbx', 'render_video', 'MAIN_USDZ'],
    });
    console.log(`  created ${show(job)}`);
    console.log(`  metadata comes back as an object: ${JSON.stringify(job.metadata)}`);
  }

  console.log('\n→ jobs.list({ limit: 5 })');
  const page = await ugc.jobs.list({ limit: 5 });
  for (const item of page.items) console.log(`  ${show(item)}`);
  console.log(`  nextToken: ${page.nextToken === null ? 'null (last page)' : page.nextToken}`);

  job ??= page.items[0] ?? null;
  if (!job) {
    console.log('\nNo jobs to read. Set MOVE_TAKE_ID to start one.');
  } else {
    console.log(`\n→ jobs.retrieve('${job.id}', { expand: ['take', 'inputs'] })`);
    const detailed = await ugc.jobs.retrieve(job.id, { expand: ['take', 'inputs'] });
    console.log(`  take: ${detailed.take?.name ?? detailed.take?.id ?? 'none'}`);
    console.log(`  inputs: ${JSON.stringify(detailed.inputs)}`);

    if (takeId) {
      console.log('\n→ jobs.update: rename it and replace its metadata');
      const renamed = await ugc.jobs.update(job.id, { name: 'Demo job (final)', metadata: { source: 'move-ugc demo', approved: true } });
      console.log(`  ${show(renamed)}  metadata ${JSON.stringify(renamed.metadata)}`);
    }

    console.log('\n→ polling jobs.retrieve until FINISHED');
    const started = Date.now();
    for (;;) {
      const polled = await ugc.jobs.retrieve(job.id, { expand: ['outputs'] });
      const state = polled.progress?.state ?? polled.state;
      const percent = polled.progress?.percentageComplete ?? 0;
      const bar = '#'.repeat(Math.round(percent / 5)).padEnd(20, '.');
      console.log(`  [${bar}] ${String(percent).padStart(3)}%  ${state}`);
      if (state === 'FINISHED') {
        for (const output of polled.outputs ?? []) console.log(`  ${String(output.format).padEnd(22)} ${output.file.presignedUrl}`);
        break;
      }
      if (state === 'FAILED' || state === 'CANCELLED') break;
      if (Date.now() - started > (real ? 30 * 60_000 : 30_000)) {
        console.log('  still running; stopping the demo here');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, real ? 10_000 : 250));
    }
  }

  console.log("\n→ jobs.retrieve('job-that-does-not-exist'): errors are MoveUgcError with a code");
  try {
    await ugc.jobs.retrieve('job-that-does-not-exist');
  } catch (error) {
    if (!(error instanceof MoveUgcError)) throw error;
    console.log(`  ${error.code} (${error.errorType}): ${error.message}`);
  }

  console.log('\n→ bad input never reaches the network');
  try {
    await ugc.jobs.createSingleCam({ takeId: 'take-1', outputs: ['FBX'] });
  } catch (error) {
    console.log(`  ${error.code}: ${error.message.slice(0, 90)}…`);
  }
} finally {
  if (fake) {
    console.log(`\nThe fake saw ${fake.requests.length} requests and ${fake.violations.length} schema violations.`);
    await fake.close();
  }
}
