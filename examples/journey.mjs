// From video to animation with move-ugc: upload a video, make a take, start a
// job, wait for it, and list the outputs with their download URLs.
//
//   node examples/journey.mjs [video.mp4]
//       against a local fake Move API started here (the default), with the
//       sample clip examples/media/sample.mp4 unless you name a video
//   MOVE_API_KEY=mv_key_… node examples/journey.mjs my-video.mp4
//       against the real Move API (MOVE_API_URL picks another endpoint);
//       starting the job costs credits
//   MOVE_DEMO_FAKE_URL=… MOVE_DEMO_FAKE_KEY=… node examples/journey.mjs
//       against a fake already running: `make demo` runs it so against the
//       fake its web app shows (www/serve.mjs --fake --journey)

import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

import { MoveUgc, MoveUgcError } from 'move-ugc';

const videoPath = process.argv[2] ?? fileURLToPath(new URL('./media/sample.mp4', import.meta.url));
const real = Boolean(process.env.MOVE_API_KEY);

let fake = null;
let sharedFake = null;
let ugc;
if (real) {
  // The key from MOVE_API_KEY, and the endpoint from MOVE_API_URL if set.
  ugc = new MoveUgc();
} else if (process.env.MOVE_DEMO_FAKE_URL) {
  sharedFake = process.env.MOVE_DEMO_FAKE_URL;
  ugc = new MoveUgc({ apiKey: process.env.MOVE_DEMO_FAKE_KEY, endpointUrl: sharedFake });
} else {
  // The fake is part of this repository, not of the package.
  const { startFakeApi } = await import('../fake-api/server.mjs');
  // As the real API can: outputs arrive a poll after FINISHED, and their URLs one later.
  fake = await startFakeApi({ pollsToFinish: 6, outputsLagPolls: 1, urlLagPolls: 1, liveClock: true });
  ugc = new MoveUgc({ apiKey: fake.apiKey, endpointUrl: fake.url });
}
console.log(`Move API: ${ugc.endpointUrl}${real ? '' : ' (a local fake; set MOVE_API_KEY for the real one)'}`);

const bar = (fraction, width = 30) => {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};

try {
  // 1. Upload the video: createFile, then a PUT of the bytes to storage.
  // A path is read from disk as it is sent; the type comes from its extension.
  const { size } = await stat(videoPath);
  console.log(`\n1. Uploading ${basename(videoPath)} (${size.toLocaleString('en')} bytes)`);
  const file = await ugc.files.upload(videoPath, {
    name: basename(videoPath),
    onProgress: ({ loaded, total }) => console.log(`   ${bar(total ? loaded / total : 1)} ${loaded}/${total} bytes`),
  });
  console.log(`   file ${file.id} (${file.type})`);

  // 2. A take of that one video (a Move One capture would add its .move file
  //    as a second source under the same deviceLabel).
  const take = await ugc.takes.createSingleCam({
    sources: [{ deviceLabel: 'phone', fileId: file.id, format: file.type }],
    name: `Take of ${basename(videoPath)}`,
    metadata: { source: 'move-ugc journey example' },
  });
  console.log(`\n2. Take ${take.id} "${take.name}"`);

  // 3. Start the job with the outputs we want.
  const job = await ugc.jobs.createSingleCam({
    takeId: take.id,
    name: 'Journey example',
    outputs: ['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_USDZ', 'MAIN_GLB'],
    options: { trackFingers: true, floorPlane: true },
  });
  console.log(`\n3. Job ${job.id} started (${job.progress?.state ?? job.state})`);

  // 4. Wait: the SDK polls until FINISHED and every output has its URL.
  console.log('\n4. Waiting for the animation');
  const done = await ugc.jobs.waitForCompletion(job.id, {
    intervalMs: real ? 10_000 : 200,
    timeoutMs: real ? 2 * 3_600_000 : 60_000,
    onProgress: (j) => {
      const percent = j.progress?.percentageComplete ?? 0;
      console.log(`   ${bar(percent / 100)} ${String(percent).padStart(3)}%  ${j.progress?.state ?? j.state}`);
    },
  });

  // 5. The outputs, with download links (and a share code for the video).
  console.log(`\n5. Outputs of ${done.id}`);
  for (const output of done.outputs) {
    console.log(`   ${String(output.format).padEnd(14)} ${output.file.presignedUrl}`);
  }
  const video = done.outputs.find((o) => o.format === 'RENDER_VIDEO');
  if (video) {
    const share = await ugc.files.generateShareCode(video.file.id);
    console.log(`   share code for the rendered video: ${share.code} (until ${share.expires})`);
  }
} catch (error) {
  if (error instanceof MoveUgcError) {
    console.error(`\nThe journey stopped: ${error.code}: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  if (fake) {
    console.log(`\nThe fake saw ${fake.requests.length} API requests, ${fake.uploadAttempts} upload, and ${fake.violations.length} schema violations.`);
    if (fake.violations.length) process.exitCode = 1;
    await fake.close();
  } else if (sharedFake) {
    // Everything sent to that fake so far (the web app's requests too) was valid.
    const violations = await fetch(new URL('/__fake/violations', sharedFake)).then((r) => r.json());
    console.log(`\nThe fake has seen ${violations.length} schema violations.`);
    if (violations.length) process.exitCode = 1;
  }
}
