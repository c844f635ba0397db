// In a browser page an API key is visible to anyone using the page: a client
// holding one is refused unless `dangerouslyAllowBrowser: true` (API.md §2).
// Runs the package's no-bundler entry (pkg/web) in Chromium.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { openPackagePage, packagePage } from './chromium.mjs';

const PAGE = packagePage('guard');

describe('the browser guard, in Chromium', () => {
  let fake;
  let browser;
  let page;
  let watch;

  before(async () => {
    fake = await startFakeApi();
    browser = await openPackagePage(fileURLToPath(new URL('../../pkg/', import.meta.url)), PAGE);
    ({ page, watch } = browser);
  });

  after(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('refuses a key without the flag, and says why and what to do instead', async () => {
    const error = await page.evaluate(({ url, key }) => {
      try {
        new window.pkg.MoveUgc({ apiKey: key, endpointUrl: url });
        return null;
      } catch (e) {
        return { isError: e instanceof window.pkg.MoveUgcError, code: e.code, message: e.message };
      }
    }, { url: fake.url, key: fake.apiKey });
    assert.ok(error, 'the constructor must throw');
    assert.equal(error.isError, true);
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, /^options\.apiKey: an API key in a browser page is visible to anyone using the page/);
    assert.match(error.message, /its own backend/);
    assert.match(error.message, /dangerouslyAllowBrowser: true/);
    assert.ok(!error.message.includes(fake.apiKey));
  });

  it('works with dangerouslyAllowBrowser: true, and without a key to a backend of its own', async () => {
    const result = await page.evaluate(async ({ url, key }) => {
      const flagged = new window.pkg.MoveUgc({ apiKey: key, endpointUrl: url, dangerouslyAllowBrowser: true });
      const client = await flagged.client.retrieve();
      // No key at all: what a web app sends to its own backend (here the fake, which refuses).
      const keyless = new window.pkg.MoveUgc({ endpointUrl: url });
      const refused = await keyless.client.retrieve().then(() => 'resolved', (e) => e.code);
      return { id: client.id, refused };
    }, { url: fake.url, key: fake.apiKey });
    assert.deepEqual(result, { id: 'client-fake-0001', refused: 'UNAUTHENTICATED' });
    assert.deepEqual(watch.errors.filter((e) => !/401/.test(e)), []);
  });
});
