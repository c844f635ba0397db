#!/usr/bin/env node
// `make bench`: size of the web entry, per-call cost against a hand-written
// baseline and against Move's Python SDK, cold start in Node and Chromium, and
// the memory of jobs.downloadOutputs streaming a 200 MB output.
// Every figure is min / median / max over rounds; ratios compare medians
// measured in the same run.

import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { fmt, summary } from './stats.mjs';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const KEY = 'mv_key_bench_0000000000001';
const BUDGET = 64 * 1024;
const TARBALL_BUDGET = 150_000;

// ---- size: what a browser downloads for the web entry ----
const web = join(root, 'pkg', 'web');
const [snippetDir] = readdirSync(join(web, 'snippets'));
const files = ['move_ugc_bg.wasm', 'move_ugc.js', 'index.js', join('snippets', snippetDir, 'js', 'host.js')];
let total = 0;
console.log('Size of the web entry (gzip -9)');
for (const file of files) {
  const bytes = readFileSync(join(web, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`  ${file.padEnd(44)} ${String(bytes.length).padStart(8)} B raw ${String(gz).padStart(8)} B gz`);
}
console.log(`  total ${(total / 1024).toFixed(1)} KiB gz; budget 64 KiB: ${total <= BUDGET ? 'met' : `over by ${((total - BUDGET) / 1024).toFixed(1)} KiB`}`);
{
  // verifyWebhook's code: index.js imports it on the first call only (webhooks reach servers).
  const bytes = readFileSync(join(web, 'webhooks.js'));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`  and on the first verifyWebhook call, webhooks.js ${bytes.length} B raw ${gz} B gz (${((total + gz) / 1024).toFixed(1)} KiB with it)`);
}

// ---- the npm tarball: what `npm install move-ugc` downloads, with one .wasm for every entry ----
{
  const { stdout } = await run('npm', ['pack', join(root, 'pkg'), '--dry-run', '--json', '--silent'], { cwd: root });
  const [packed] = JSON.parse(stdout);
  const wasm = packed.files.filter((f) => f.path.endsWith('.wasm')).map((f) => f.path);
  console.log('\nThe npm tarball (npm pack pkg)');
  console.log(`  ${packed.size} B, ${packed.entryCount} files, ${wasm.length} .wasm (${wasm.join(', ')}); budget 150,000 B with one .wasm: ${packed.size <= TARBALL_BUDGET && wasm.length === 1 ? 'met' : 'not met'}`);
}

// ---- what the module's bytes buy, by crate and by part of move-ugc ----
try {
  const { breakdown } = await import('./breakdown.mjs');
  const groups = breakdown(root);
  const all = groups.reduce((sum, [, size]) => sum + size, 0);
  console.log('\nThe module by crate and part (bytes before gzip, wasm-opt -Oz, names kept for twiggy)');
  for (const [group, size] of groups.filter(([, s]) => s >= 300)) {
    console.log(`  ${group.padEnd(34)} ${String(size).padStart(7)} B  ${((100 * size) / all).toFixed(1).padStart(4)} %`);
  }
} catch (error) {
  console.log(`\n(no breakdown: ${error.message.split('\n')[0]})`);
}

// ---- what each feature of the workflow adds (estimates: see bench/features.mjs) ----
try {
  const { featureSizes } = await import('./features.mjs');
  console.log('\nWhat each feature adds to the web entry (its own functions: module bytes before gzip, host.js gzip)');
  for (const { name, moduleBytes, hostGzip } of featureSizes(root)) {
    console.log(`  ${name.padEnd(60)} module ${String(moduleBytes).padStart(6)} B   host.js ${String(hostGzip).padStart(5)} B gz`);
  }
} catch (error) {
  console.log(`\n(no feature sizes: ${error.message.split('\n')[0]})`);
}

// ---- the canned server ----
const server = spawn(process.execPath, [join(here, 'server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim().split(' ')[1])));

try {
  // ---- per-call cost, SDK and baseline in one process ----
  const { stdout } = await run(process.execPath, [join(here, 'calls.mjs'), url, KEY], { maxBuffer: 1 << 26 });
  const calls = JSON.parse(stdout);
  console.log('\nPer-call time, one local server answering at once (min / median / max per call)');
  const medians = {};
  for (const [name, label, goal] of [['retrieve', 'jobs.retrieve, every expand', 1.1], ['list', 'jobs.list, 1,000 expanded jobs', 1.5]]) {
    const s = summary(calls[name].sdk);
    const b = summary(calls[name].baseline);
    medians[name] = s.median;
    medians[`${name}Baseline`] = b.median;
    const unit = name === 'list' ? ['ms', 1] : ['µs', 1000];
    console.log(`  ${label}`);
    console.log(`    move-ugc            ${fmt(s, ...unit)}`);
    console.log(`    fetch + JSON.parse  ${fmt(b, ...unit)}`);
    console.log(`    ratio ${(s.median / b.median).toFixed(2)}× the baseline (goal ≤ ${goal.toFixed(2)}×)`);
    if (calls[name].withTimeout) {
      const t = summary(calls[name].withTimeout);
      console.log(`    the baseline with a timeout (AbortController + timer): ${fmt(t, ...unit)}`);
      console.log(`      ${(t.median / b.median).toFixed(2)}× the baseline; move-ugc ${(s.median / t.median).toFixed(2)}× it`);
    }
    if (calls[name].structure) {
      const f = summary(calls[name].structure);
      console.log('    a plain-JavaScript client built like move-ugc, checking nothing (the call in a microtask, that timeout, the body as bytes copied and decoded):');
      console.log(`      ${fmt(f, ...unit)}: ${(f.median / b.median).toFixed(2)}× the baseline, the floor of this design; move-ugc adds ${((s.median - f.median) * 1000).toFixed(0)} µs to it (the params' walk, the document, the check)`);
    }
  }
  {
    // The clients' own work, without a server: a fetch stub answers with the same bytes.
    const s = summary(calls.stubbed.sdk);
    const b = summary(calls.stubbed.baseline);
    console.log('  jobs.retrieve against a stubbed fetch (no server: each client\'s own work)');
    console.log(`    move-ugc            ${fmt(s)}`);
    console.log(`    fetch + JSON.parse  ${fmt(b)}`);
    console.log(`    move-ugc: ${((s.median - b.median) * 1000).toFixed(1)} µs more a call (${(s.median / b.median).toFixed(2)}×)`);
    const f = summary(calls.stubbed.structure);
    console.log(`    the client built like move-ugc, checking nothing: ${fmt(f)}`);
    console.log(`      of move-ugc's extra, the design's ${((f.median - b.median) * 1000).toFixed(1)} µs, the module's work ${((s.median - f.median) * 1000).toFixed(1)} µs`);
  }

  // ---- Move's Python SDK, same server, same retrieve ----
  const python = join(root, 'target', 'bench-venv', 'bin', 'python');
  if (existsSync(python)) {
    const out = await run(python, [join(here, 'python_sdk.py'), url, KEY], { maxBuffer: 1 << 20 });
    const times = JSON.parse(out.stdout);
    console.log('  jobs.retrieve in Move\'s Python SDK (move-ugc-python), same server, every expand (goal: ≥ 30× as long as move-ugc)');
    for (const [way, label] of [
      ['documented', 'as Move\'s README calls it, ugc.jobs.retrieve(…) (a new service and schema fetch each call)'],
      ['held', 'one service held and reused (jobs = ugc.jobs; jobs.retrieve(…))'],
    ]) {
      const py = summary(times[way]);
      console.log(`    ${label}`);
      console.log(`      move-ugc-python   ${fmt(py, 'µs', 1000)}`);
      console.log(`      ratio: ${(py.median / medians.retrieve).toFixed(1)}× as long as move-ugc, ${(py.median / medians.retrieveBaseline).toFixed(1)}× the fetch + JSON.parse baseline`);
    }
  } else {
    console.log('  (no target/bench-venv: `make bench` installs move-ugc-python there)');
  }

  // ---- cold start in Node: fresh processes ----
  const runs = [];
  for (let i = 0; i < 10; i += 1) {
    const out = await run(process.execPath, [join(here, 'cold-node.mjs'), url, KEY]);
    runs.push(JSON.parse(out.stdout));
  }
  console.log('\nCold start in Node, 10 fresh processes (min / median / max)');
  for (const phase of ['import', 'instantiate', 'firstCall']) console.log(`  ${phase.padEnd(12)} ${fmt(summary(runs.map((r) => r[phase])), 'ms', 1)}`);

  // ---- cold start in Chromium: fresh contexts, no cache ----
  await coldChromium(url);
} finally {
  server.kill();
}

await downloadMemory();

/**
 * jobs.downloadOutputs of one 200 MB output, in a child process of its own
 * (bench/download-memory.mjs), from the fake API's storage (fake-api/cli.mjs,
 * another process, which makes the content as it streams): the growth of the
 * child's RSS over the download, beside the size it wrote, and the same for a
 * 20 MB output. Streamed to disk chunk by chunk, the growth is bounded (the
 * runtime's buffers and garbage), not the size of the file.
 */
async function downloadMemory() {
  const fake = spawn(process.execPath, [join(root, 'fake-api', 'cli.mjs'), '--port', '0', '--simple'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const api = await new Promise((resolve, reject) => {
      fake.stdout.on('data', (d) => {
        const match = /on (\S+) \(API key (\S+)\)/.exec(String(d));
        if (match) resolve({ url: match[1], key: match[2] });
      });
      fake.once('exit', (code) => reject(new Error(`the fake API exited with ${code}`)));
    });
    const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log('\njobs.downloadOutputs of one output, in a fresh process (RSS sampled every 10 ms; 3 runs each)');
    for (const size of [200_000_000, 20_000_000]) {
      const seed = { job: { state: 'FINISHED', outputs: ['RENDER_VIDEO'], outputBytes: size } };
      const { jobId } = await fetch(new URL('/__fake/seed', api.url), { method: 'POST', body: JSON.stringify(seed) }).then((r) => r.json());
      const runs = [];
      for (let i = 0; i < 3; i += 1) {
        const { stdout } = await run(process.execPath, ['--expose-gc', join(here, 'download-memory.mjs'), api.url, api.key, jobId]);
        runs.push(JSON.parse(stdout));
      }
      const growth = summary(runs.map((r) => r.peak - r.before));
      const seconds = summary(runs.map((r) => r.ms / 1000));
      console.log(`  ${mb(runs[0].bytes).padStart(8)} written: peak RSS growth ${mb(growth.min)} / ${mb(growth.median)} / ${mb(growth.max)} (${((100 * growth.median) / runs[0].bytes).toFixed(1)} % of the file), in ${fmt(seconds, 's', 1)}`);
    }
  } finally {
    fake.kill();
  }
}

async function coldChromium(apiUrl) {
  let launch;
  try {
    ({ launch } = await import('../tests/browser/chromium.mjs'));
  } catch {
    console.log('\n(Chromium cold start skipped: playwright-core is not installed)');
    return;
  }
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const pages = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/config.json') return res.end(JSON.stringify({ url: apiUrl, key: KEY }));
    const file = path.startsWith('/pkg/') ? join(root, path) : join(here, 'cold-page.html');
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const browser = await launch();
  const runs = [];
  try {
    for (let i = 0; i < 10; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${pages.address().port}/`);
      runs.push(await page.waitForFunction(() => window.coldStart).then((h) => h.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
    pages.close();
  }
  console.log('\nCold start in Chromium (web entry), 10 fresh contexts (min / median / max)');
  for (const phase of ['import', 'instantiate', 'firstCall']) console.log(`  ${phase === 'import' ? 'import+init' : phase.padEnd(12)} ${fmt(summary(runs.map((r) => r[phase])), 'ms', 1)}`);
}
