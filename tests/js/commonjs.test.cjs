// The package loaded with require(), as a CommonJS project would.
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { MoveUgc, MoveUgcError, isMoveUgcError } = require('move-ugc');

describe('require("move-ugc")', () => {
  let fake;
  before(async () => {
    const { startFakeApi } = await import('../../fake-api/server.mjs');
    fake = await startFakeApi();
  });
  after(() => fake.close());

  it('creates, reads and lists jobs', async () => {
    const ugc = new MoveUgc({ apiKey: fake.apiKey, endpointUrl: fake.url });
    const takeId = fake.store.addTake({ name: 'cjs' }).id;
    const job = await ugc.jobs.create({ takeId, name: 'from CommonJS' });
    assert.equal((await ugc.jobs.retrieve(job.id)).name, 'from CommonJS');
    assert.deepEqual((await ugc.jobs.list({ takeId })).items.map((j) => j.id), [job.id]);
    assert.deepEqual(fake.violations, []);
  });

  it('is the ESM entry itself, through require(esm): one module, one set of classes', async () => {
    const esm = await import('move-ugc');
    assert.equal(require('move-ugc').MoveUgc, esm.MoveUgc);
    assert.equal(require('move-ugc').MoveUgcError, esm.MoveUgcError);
  });

  it('says which Node it needs where require(esm) is not there', () => {
    // Node 20.19+ and 22.12+ have require(esm); this flag turns it off, as on older ones.
    const { spawnSync } = require('node:child_process');
    const run = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', "require('move-ugc')"], { cwd: __dirname, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /move-ugc: require\('move-ugc'\) needs Node 20\.19\+ or 22\.12\+ \(this is v[\d.]+\); use import, or a newer Node/);
  });

  it('rejects with the exported error class', async () => {
    const ugc = new MoveUgc({ apiKey: fake.apiKey, endpointUrl: fake.url });
    const error = await ugc.jobs.retrieve('job-nope').catch((e) => e);
    assert.ok(error instanceof MoveUgcError);
    assert.ok(isMoveUgcError(error));
    assert.equal(error.code, 'NOT_FOUND');
  });
});
