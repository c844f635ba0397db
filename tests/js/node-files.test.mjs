// The choices of jobs.downloadOutputs (js/node-files.js, the Node entry's),
// on their own: which outputs of a job, in which order, under which file
// names; a job that is not ready, or failed (the downloads themselves are in
// downloads.test.mjs). And the rules by which a job's state is read, as the
// package ships them (host.js's assess, re-exported by node/files.mjs: the
// one copy, which jobs.waitForCompletion, jobs.downloadOutputs and the
// move-ugc command use), against the table of tests/job-readiness.json.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';

import { MoveUgcError } from 'move-ugc';
import { extension, normalizeState, plan, safe } from '../../js/node-files.js';

const files = await import(new URL('./node_modules/move-ugc/node/files.mjs', import.meta.url));
const { cases } = JSON.parse(readFileSync(new URL('../job-readiness.json', import.meta.url), 'utf8'));

const job = (state, outputs) => ({ id: 'job-1', state: null, progress: { state, percentageComplete: 100 }, outputs });
const READY = [
  { format: 'MAIN_FBX', file: { id: 'f1', type: 'fbx', presignedUrl: 'https://s3/1' } },
  { format: 'RENDER_VIDEO', file: { id: 'f2', type: 'MP4', presignedUrl: 'https://s3/2' } },
  { format: 'MAIN_USDZ', file: { id: 'f3', type: '', presignedUrl: 'https://s3/3' } },
  { format: 'MOTION_DATA', file: { id: 'f4', type: 'application/json', presignedUrl: 'https://s3/4' } },
];
const names = (planned) => planned.map((p) => p.name);

describe('jobs.downloadOutputs: its choices', () => {
  it('names every output from the job and its format, in the API order', () => {
    const planned = plan(job('FINISHED', READY), 'job-1', []);
    assert.deepEqual(names(planned), ['job-1-MAIN_FBX.fbx', 'job-1-RENDER_VIDEO.mp4', 'job-1-MAIN_USDZ.usdz', 'job-1-MOTION_DATA.bin']);
    assert.deepEqual(planned[1], { format: 'RENDER_VIDEO', url: 'https://s3/2', name: 'job-1-RENDER_VIDEO.mp4' });
  });

  it('keeps the formats asked for, and names a missing one with what there is', () => {
    assert.deepEqual(names(plan(job('FINISHED', READY), 'job-1', ['RENDER_VIDEO', 'MAIN_FBX'])), ['job-1-MAIN_FBX.fbx', 'job-1-RENDER_VIDEO.mp4']);
    assert.throws(() => plan(job('FINISHED', READY), 'job-1', ['MAIN_GLB']), {
      name: 'MoveUgcError',
      code: 'NOT_FOUND',
      message: 'job job-1 has no MAIN_GLB output (its outputs are MAIN_FBX, RENDER_VIDEO, MAIN_USDZ, MOTION_DATA)',
    });
  });

  it('says to wait for a job that is not ready, as waitForCompletion sees it', () => {
    const notReady = [
      ['RUNNING', []],
      ['NOT STARTED', null],
      ['FINISHED', []],
      ['FINISHED', [{ format: 'MAIN_FBX', file: { id: 'f', type: 'fbx', presignedUrl: null } }]],
    ];
    for (const [state, outputs] of notReady) {
      assert.throws(() => plan(job(state, outputs), 'job-1', []), (error) => {
        assert.equal(error.code, 'NOT_FOUND', state);
        assert.match(error.message, /^job job-1 has no outputs ready to download yet \(it is [A-Z_]+\): wait for it with jobs\.waitForCompletion first$/);
        return true;
      });
    }
    // progress.state wins over the deprecated state, which can lag behind it.
    const lagging = { ...job('FINISHED', READY), state: 'RUNNING' };
    assert.equal(plan(lagging, 'job-1', []).length, 4);
    assert.throws(() => plan({ ...job('RUNNING', READY), state: 'FINISHED' }, 'job-1', []), { code: 'NOT_FOUND' });
    // Without progress, the deprecated state says.
    assert.equal(plan({ id: 'job-1', state: 'FINISHED', progress: null, outputs: READY }, 'job-1', []).length, 4);
  });

  it('says JOB_FAILED for a job that ended without animation, in any spelling', () => {
    for (const state of ['FAILED', 'CANCELLED', 'canceled', 'Error']) {
      assert.throws(() => plan(job(state, []), 'job-1', []), { code: 'JOB_FAILED', message: `job job-1 ended ${normalizeState(state)}` });
    }
    assert.deepEqual(['NOT STARTED', 'not-started', ' NOT_STARTED '].map(normalizeState), ['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
  });

  it('keeps names from the API inside the directory, and apart', () => {
    const outputs = [
      { format: '../../etc/passwd', file: { type: '../sh', presignedUrl: 'https://s3/a' } },
      { format: 'MAIN_FBX', file: { type: 'fbx', presignedUrl: 'https://s3/b' } },
      { format: 'MAIN_FBX', file: { type: 'fbx', presignedUrl: 'https://s3/c' } },
      { format: null, file: { type: 'zip', presignedUrl: 'https://s3/d' } },
    ];
    const planned = plan(job('FINISHED', outputs), 'a/b c', []);
    assert.deepEqual(names(planned), ['a_b_c-.._.._etc_passwd.bin', 'a_b_c-MAIN_FBX.fbx', 'a_b_c-MAIN_FBX-2.fbx', 'a_b_c-OUTPUT.zip']);
    assert.ok(planned.every((p) => !p.name.includes('/') && !p.name.includes('\\')));
    assert.equal(planned[3].format, null);
    assert.equal(safe('x\\y:z*?'), 'x_y_z__');
  });

  it('takes the extension from the type, else a MAIN_ format, else bin', () => {
    assert.equal(extension('fbx', 'MAIN_FBX'), 'fbx');
    assert.equal(extension('.MP4', 'RENDER_VIDEO'), 'mp4');
    assert.equal(extension('', 'MAIN_BLEND'), 'blend');
    assert.equal(extension(null, 'MAIN_GLB'), 'glb');
    assert.equal(extension('video/mp4', 'RENDER_VIDEO'), 'bin');
    assert.equal(extension('', 'ALL_FBX'), 'bin');
  });
});

describe('how a job read with its outputs stands (tests/job-readiness.json)', () => {
  it('has the cases', () => {
    assert.ok(cases.length >= 20, `${cases.length} cases`);
    assert.deepEqual(new Set(cases.map((c) => c.phase)), new Set(['pending', 'finished', 'failed']));
  });

  for (const { what, job, phase, state, message } of cases) {
    it(`${what}: ${phase}, ${JSON.stringify(state)}`, () => {
      assert.deepEqual(files.assess(job), { phase, state });
      assert.equal(files.normalizeState(files.stateOf(job)), state);
      // jobs.downloadOutputs' plan: the same phase, in its words.
      const plan = () => files.plan(job, 'j', []);
      if (phase === 'finished') {
        assert.deepEqual(
          plan().map((p) => p.url),
          job.outputs.map((o) => o.file.presignedUrl),
        );
      } else if (phase === 'failed') {
        assert.throws(plan, (error) => error instanceof MoveUgcError && error.code === 'JOB_FAILED' && error.message === message);
      } else {
        const why = `job j has no outputs ready to download yet (it is ${state || 'in no known state'}): wait for it with jobs.waitForCompletion first`;
        assert.throws(plan, (error) => error instanceof MoveUgcError && error.code === 'NOT_FOUND' && error.message === why);
      }
    });
  }
});

describe('the state the command shows', () => {
  it('is progress.state, else the deprecated state, as the API sent it', () => {
    assert.equal(files.stateOf({ state: 'RUNNING', progress: { state: 'NOT STARTED', percentageComplete: 0 } }), 'NOT STARTED');
    assert.equal(files.stateOf({ state: 'FINISHED', progress: null }), 'FINISHED');
    assert.equal(files.stateOf({ state: null, progress: { state: null } }), null);
    assert.equal(files.stateOf({}), null);
  });
});
