// One jobs.downloadOutputs in a fresh Node process, its memory sampled every
// 10 ms and at every progress call: the RSS before (after a warm-up call),
// its peak during the download, and the size written. Prints JSON.
// Usage: node bench/download-memory.mjs <endpoint> <key> <jobId>

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MoveUgc } from 'move-ugc';

const [url, key, jobId] = process.argv.slice(2);
const ugc = new MoveUgc({ apiKey: key, endpointUrl: url });
const dir = await mkdtemp(join(tmpdir(), 'move-ugc-bench-'));
try {
  // Warm up: the module, the client and a read of the job.
  await ugc.jobs.retrieve(jobId, { expand: ['outputs'] });
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 10);
  const started = performance.now();
  const [written] = await ugc.jobs.downloadOutputs(jobId, { dir, onProgress: sample });
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  console.log(JSON.stringify({ bytes: written.bytes, before, peak, ms }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
