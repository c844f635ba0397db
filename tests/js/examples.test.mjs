// The example scripts run as a user would run them, against the fake they start.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFile } from 'node:child_process';
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

  it('jobs.mjs runs a session of job calls', async () => {
    const { stdout } = await run(process.execPath, [example('jobs.mjs')], { env });
    assert.match(stdout, /→ jobs\.createSingleCam/);
    assert.match(stdout, /100%\s+FINISHED/);
    assert.match(stdout, /NOT_FOUND \(MoveNotFoundError\)/);
    assert.match(stdout, /INVALID_ARGUMENT: params\.outputs\[0\]/);
    assert.match(stdout, /and 0 schema violations/);
  });
});
