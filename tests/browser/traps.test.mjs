// Traps of the module in Chromium, on the package built with the
// fault-injection feature (target/pkg-fault/, through its no-bundler entry):
// the same promises as tests/js/traps.test.mjs in Node, on a shorter run.
// Fails on any console error or unhandled rejection in the page.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { openPackagePage, packagePage } from './chromium.mjs';

const faultPkg = fileURLToPath(new URL('../../target/pkg-fault/', import.meta.url));

const PAGE = packagePage('traps');

describe('a trap of the module, in Chromium', () => {
  let fake;
  let browser;
  let page;
  let watch;

  before(async () => {
    fake = await startFakeApi();
    browser = await openPackagePage(faultPkg, PAGE);
    ({ page, watch } = browser);
  });

  after(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('1,500 traps on one client: each INTERNAL, a good call every 50 succeeds; a pending call and a wait are dropped, not hung', async () => {
    const take = fake.store.addTake({ name: 'browser' });
    const running = fake.store.addJob({ takeId: take.id, state: 'RUNNING' });
    // Enough that an instance left in place after its traps would break (it
    // does before 1,500 here), while the run stays a few seconds.
    const TRAPS = 1500;
    fake.inject({ kind: 'raw', operation: 'listJobs', body: '{"data":{"__move_ugc_force_panic__":1}}', times: TRAPS });
    fake.inject({ kind: 'hang', operation: 'getTake' });
    const result = await page.evaluate(
      async ({ url, key, takeId, runningId, traps }) => {
        const { MoveUgc, MoveUgcError } = window.pkg;
        const ugc = new MoveUgc({ apiKey: key, endpointUrl: url, maxRetries: 0, dangerouslyAllowBrowser: true });
        const { id } = await ugc.jobs.create({ takeId, name: 'survivor' });
        const outcome = (promise) => promise.then(() => 'ok', (e) => (e instanceof MoveUgcError ? e.code : `not a MoveUgcError: ${e}`));
        // Caught in the first trap: a request that hangs, and a wait between polls.
        const hanging = outcome(ugc.takes.retrieve(takeId));
        const waiting = outcome(ugc.jobs.waitForCompletion(runningId, { intervalMs: 60_000 }));
        await new Promise((resolve) => setTimeout(resolve, 100));
        const codes = {};
        let good = 0;
        let firstMessage = '';
        for (let i = 1; i <= traps; i += 1) {
          const error = await ugc.jobs.list().catch((e) => e);
          codes[error?.code] = (codes[error?.code] ?? 0) + 1;
          if (i === 1) firstMessage = error.message;
          if (i % 50 === 0 && (await ugc.jobs.retrieve(id)).name === 'survivor') good += 1;
        }
        return { codes, good, firstMessage, hanging: await hanging, waiting: await waiting, after: (await ugc.jobs.list({ limit: 1 })).items.length };
      },
      { url: fake.url, key: fake.apiKey, takeId: take.id, runningId: running.id, traps: TRAPS },
    );
    assert.deepEqual(result.codes, { INTERNAL: TRAPS });
    assert.equal(result.good, TRAPS / 50);
    assert.match(result.firstMessage, /failed internally \(forced internal failure \(fault-injection build\) at src\/check\/mod\.rs:\d+\) and dropped this call/);
    assert.equal(result.hanging, 'INTERNAL');
    assert.equal(result.waiting, 'INTERNAL');
    assert.equal(result.after, 1);
    await page.waitForTimeout(100); // late callbacks of the replaced instances
    assert.deepEqual(watch.errors, []);
  });
});
