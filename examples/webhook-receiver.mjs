// The webhook way: Move tells your server when a job is done, instead of your
// code asking. A small node:http server verifies each delivery (the Standard
// Webhooks signature Move's Svix deliveries carry) and, when a job completes,
// downloads its outputs.
//
//   node examples/webhook-receiver.mjs
//       a self-contained run against a local fake Move API started here: the
//       receiver is registered as a webhook endpoint, a job is started, and
//       the fake delivers `ugc.job.state.completed` when the job finishes;
//       the outputs land in ./webhook-outputs (or OUTPUT_DIR)
//   MOVE_API_KEY=mv_key_… MOVE_WEBHOOK_SECRET=whsec_… PORT=3000 HOST=0.0.0.0 node examples/webhook-receiver.mjs
//       a receiver for the real API: expose it (a tunnel, a public host) and
//       register its URL with `ugc.webhooks.upsert` or in Move's portal; it
//       runs until stopped.
//
// Compare with examples/journey.mjs, which polls (jobs.waitForCompletion).

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { MoveUgc, MoveUgcError, verifyWebhook } from 'move-ugc';

const dir = resolve(process.env.OUTPUT_DIR ?? 'webhook-outputs');

/**
 * The receiver: answers every delivery at once (Svix retries a slow or failed
 * one), 400 for one that does not verify, and downloads the outputs of a
 * completed job afterwards. `onDone(jobId, files)` reports each download.
 */
export function webhookReceiver({ ugc, secret, onDone = () => {}, onError = () => {} }) {
  return createServer(async (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    // Verify the raw bytes as they came: a re-serialised JSON would not match.
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    let event;
    try {
      event = await verifyWebhook(Buffer.concat(chunks), req.headers, secret);
    } catch (error) {
      // INVALID_SIGNATURE says which check failed; nothing else is done.
      console.log(`refused a delivery: ${error instanceof MoveUgcError ? error.message : error}`);
      res.writeHead(400).end();
      return;
    }
    res.writeHead(204).end();

    switch (event.event_name) {
      case 'ugc.job.state.completed': {
        const jobId = event.detail.event_attributes.job.id;
        console.log(`job ${jobId} completed: downloading its outputs`);
        try {
          // The API can say FINISHED a moment before the outputs have their
          // download URLs: waitForCompletion returns as soon as they do (at
          // once, most of the time).
          await ugc.jobs.waitForCompletion(jobId, { intervalMs: 1000 });
          const files = await ugc.jobs.downloadOutputs(jobId, { dir });
          for (const file of files) console.log(`  ${file.format.padEnd(22)} ${file.bytes} bytes  ${file.path}`);
          onDone(jobId, files);
        } catch (error) {
          console.log(`  download failed: ${error.code ?? ''} ${error.message}`);
          onError(error);
        }
        break;
      }
      case 'ugc.job.state.failed':
        console.log(`job ${event.detail.event_attributes.job.id} failed`);
        break;
      default:
        // Older events (job.state.started, job.state.completed) name the job in detail.job_id.
        console.log(`${event.event_name} for job ${event.detail.job_id}`);
    }
  });
}

async function listen(server, port, host = '127.0.0.1') {
  await new Promise((done) => server.listen(port, host, done));
  return `http://${host}:${server.address().port}/move-webhooks`;
}

if (process.env.MOVE_API_KEY) {
  // The real API: key and endpoint from MOVE_API_KEY / MOVE_API_URL.
  const secret = process.env.MOVE_WEBHOOK_SECRET;
  if (!secret) throw new Error('set MOVE_WEBHOOK_SECRET to the whsec_… secret of your webhook endpoint');
  const server = webhookReceiver({ ugc: new MoveUgc(), secret });
  // HOST=0.0.0.0 to be reachable from other machines (behind TLS: a tunnel, a proxy).
  console.log(`receiving Move webhooks on ${await listen(server, Number(process.env.PORT ?? 3000), process.env.HOST)}`);
} else {
  const { startFakeApi } = await import('../fake-api/server.mjs');
  // As the real API can: the outputs come a read after FINISHED, their URLs a read later.
  const fake = await startFakeApi({ outputsLagPolls: 1, urlLagPolls: 1 });
  const ugc = new MoveUgc({ apiKey: fake.apiKey, endpointUrl: fake.url });
  let finish;
  const done = new Promise((resolve, reject) => (finish = { resolve, reject }));
  // A secret of our own making (Move makes one if none is given, and shows it
  // once): `whsec_` and 24 random bytes in base64, as Svix makes them.
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const server = webhookReceiver({ ugc, secret, onDone: (...args) => finish.resolve(args), onError: (e) => finish.reject(e) });
  const url = await listen(server, 0);
  const endpoint = await ugc.webhooks.upsert({ uid: 'example-receiver', url, secret, events: ['ugc.job.state.completed', 'ugc.job.state.failed'] });
  console.log(`Move API: ${ugc.endpointUrl} (a local fake)\nreceiver: ${url}, registered as webhook endpoint ${endpoint.uid}`);

  const video = await ugc.files.upload(fileURLToPath(new URL('./media/sample.mp4', import.meta.url)));
  const take = await ugc.takes.createSingleCam({ sources: [{ deviceLabel: 'phone', fileId: video.id, format: 'MP4' }] });
  const job = await ugc.jobs.createSingleCam({ takeId: take.id, outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
  console.log(`job ${job.id} started; waiting for Move to call back`);
  // The real API runs jobs on its own clock; the fake moves a job on when it
  // is read, so here (and only here) something reads it until the event comes.
  const clock = setInterval(() => ugc.jobs.retrieve(job.id).catch(() => {}), 100);
  try {
    const [jobId, files] = await done;
    console.log(`done: ${files.length} outputs of ${jobId} in ${dir}, ${fake.violations.length} schema violations`);
  } finally {
    clearInterval(clock);
    server.close();
    await fake.close();
  }
}
