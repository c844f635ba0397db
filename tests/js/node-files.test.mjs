// The rules by which js/node-files.js reads a job's state (for
// jobs.downloadOutputs and the move-ugc command), as the package ships them
// (node/files.mjs), against tests/job-readiness.json: the table that
// src/jobs/wait.rs (jobs.waitForCompletion) is tested against too, so that
// the two copies of these rules cannot drift apart.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';

import { MoveUgcError } from 'move-ugc';

const files = await import(new URL('./node_modules/move-ugc/node/files.mjs', import.meta.url));
const { cases } = JSON.parse(readFileSync(new URL('../job-readiness.json', import.meta.url), 'utf8'));

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
