// The example scripts run as a user would run them, against the fake they start.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const example = (name) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
// Never reach for the real API from a test.
const env = { ...process.env, MOVE_API_KEY: '' };

describe('examples', () => {
  it('journey.mjs goes from a video file to output URLs', async () => {
    const { stdout } = await run(process.execPath, [example('journey.mjs')], { env });
    assert.match(stdout, /1\. Uploading sample\.mp4 \(5,208 bytes\)/);
    assert.match(stdout, /\[#{30}\] 5208\/5208 bytes/);
    assert.match(stdout, /100%\s+FINISHED/);
    for (const format of ['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_USDZ', 'MAIN_GLB']) {
      assert.match(stdout, new RegExp(`${format}\\s+http://127\\.0\\.0\\.1:\\d+/__fake/files/`));
    }
    assert.match(stdout, /share code for the rendered video: [0-9A-F]{8}/);
    assert.match(stdout, /and 0 schema violations/);
  });

  it('webhook-receiver.mjs downloads the outputs when the signed event comes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'move-ugc-webhook-'));
    try {
      const { stdout } = await run(process.execPath, [example('webhook-receiver.mjs')], { env: { ...env, OUTPUT_DIR: dir } });
      assert.match(stdout, /registered as webhook endpoint example-receiver/);
      assert.match(stdout, /job (job-[\w-]+) completed: downloading its outputs/);
      assert.doesNotMatch(stdout, /refused a delivery|download failed/);
      assert.match(stdout, /done: 2 outputs of job-[\w-]+ in .*, 0 schema violations/);
      const files = (await readdir(dir)).sort();
      assert.equal(files.length, 2);
      assert.match(files[0], /^job-[\w-]+-MAIN_FBX\.fbx$/);
      assert.match(files[1], /^job-[\w-]+-RENDER_VIDEO\.mp4$/);
      for (const file of files) assert.ok((await stat(join(dir, file))).size > 0, file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('jobs.mjs runs a session of job calls', async () => {
    const { stdout } = await run(process.execPath, [example('jobs.mjs')], { env });
    assert.match(stdout, /→ jobs\.createSingleCam/);
    assert.match(stdout, /100%\s+FINISHED/);
    assert.match(stdout, /NOT_FOUND \(MoveNotFoundError\)/);
    assert.match(stdout, /INVALID_ARGUMENT: params\.outputs\[0\]/);
    assert.match(stdout, /and 0 schema violations/);
  });

  it('the demo server (make demo) takes free ports when 4010 and its own port are taken', async () => {
    // Hold 4010 (the fake API's old fixed port) and the port asked for.
    const hold = async (port) => {
      const server = createServer();
      server.on('error', () => {}); // someone else may hold it already: as good
      server.listen(port, '127.0.0.1');
      await Promise.race([once(server, 'listening'), once(server, 'error')]);
      return server;
    };
    const held = [await hold(4010), await hold(0)];
    const busy = held[1].address().port;
    const demo = spawn(process.execPath, [fileURLToPath(new URL('../../www/serve.mjs', import.meta.url)), '--fake', '--port', String(busy)], {
      env: { ...env, FAKE_API_PORT: '' },
    });
    try {
      let out = '';
      demo.stdout.on('data', (chunk) => (out += chunk));
      demo.stderr.on('data', (chunk) => (out += chunk));
      while (!/demo app on (http:\S+)/.test(out)) {
        assert.equal(demo.exitCode, null, `the demo server stopped: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.doesNotMatch(out, /EADDRINUSE/);
      const url = /demo app on (http:\S+)/.exec(out)[1];
      assert.notEqual(new URL(url).port, String(busy));
      const config = await (await fetch(new URL('/config.json', url))).json();
      assert.notEqual(new URL(config.fakeApiUrl).port, '4010');
      const answer = await fetch(config.fakeApiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: config.fakeApiKey },
        body: JSON.stringify({ query: 'query { client { id } }' }),
      });
      assert.equal(answer.status, 200);
    } finally {
      demo.kill();
      for (const server of held) server.close();
    }
  });
});
