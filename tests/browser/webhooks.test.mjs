// verifyWebhook in Chromium through the no-bundler entry (`move-ugc/web`, the
// package as installed into tests/js), on deliveries signed in Node by the
// independent `standardwebhooks`: it needs no init(), its code is fetched on
// the first call only, and in an insecure context (no WebCrypto) it says so.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';

import { launch, servePackage, watchErrors } from './chromium.mjs';

const installed = fileURLToPath(new URL('../js/node_modules/move-ugc/', import.meta.url));

const SECRET = `whsec_${Buffer.from('a key for the browser test, 32 B').toString('base64')}`;
const EVENT = {
  event_name: 'ugc.job.state.completed',
  timestamp: '2024-05-06T07:08:09Z',
  detail: {
    api_name: 'move-ugc-api',
    client_id: 'client-1',
    event_attributes: { job: { id: 'job-42', created: '2024-05-06T07:00:00Z', metadata: { scène: 'été' } }, take: { id: 'take-7' } },
  },
};

/** A delivery of `body` signed now by the independent implementation. */
function delivery(body = JSON.stringify(EVENT)) {
  const at = Math.floor(Date.now() / 1000);
  const signature = new Webhook(SECRET).sign('msg_browser', new Date(at * 1000), body);
  return { body, headers: { 'webhook-id': 'msg_browser', 'webhook-timestamp': String(at), 'webhook-signature': signature } };
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>webhooks</title></head>
<body><script type="module">
  import { verifyWebhook, MoveUgcError } from '/pkg/web/index.js';
  window.pkg = { verifyWebhook, MoveUgcError };
  window.ready = true;
</script></body></html>`;

/** Calls verifyWebhook in the page; `bodyAs` picks the body's type there. What it resolved or rejected with. */
function verifyInPage(page, { body, headers }, { bodyAs = 'string', headersAs = 'record', secret = SECRET } = {}) {
  return page.evaluate(
    async ({ body, headers, bodyAs, headersAs, secret }) => {
      const bytes = new TextEncoder().encode(body);
      const given = { string: body, bytes, buffer: bytes.buffer, parsed: JSON.parse(body) }[bodyAs];
      const headerArg = headersAs === 'Headers' ? new Headers(headers) : headers;
      try {
        return { event: await window.pkg.verifyWebhook(given, headerArg, secret) };
      } catch (error) {
        return { name: error.name, code: error.code, message: error.message, isClass: error instanceof window.pkg.MoveUgcError };
      }
    },
    { body, headers, bodyAs, headersAs, secret },
  );
}

describe('verifyWebhook in Chromium (move-ugc/web)', () => {
  let site;
  let browser;

  before(async () => {
    site = await servePackage(installed, PAGE);
    // webhooks.test resolves to this machine: a plain-http origin that is not
    // loopback, hence not a secure context (no crypto.subtle).
    browser = await launch([`--host-resolver-rules=MAP webhooks.test 127.0.0.1`]);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('verifies signed deliveries without init(), fetching its code on the first call only', async () => {
    const page = await browser.newPage();
    const watch = watchErrors(page);
    await page.goto(`http://127.0.0.1:${site.port}/`);
    await page.waitForFunction(() => window.ready === true);
    assert.ok(await page.evaluate(() => window.isSecureContext));
    assert.ok(!site.asked.includes('/pkg/web/webhooks.js'), 'webhooks.js was fetched before any call');
    assert.ok(!site.asked.some((p) => p.endsWith('.wasm')), 'verifyWebhook needs no module');

    assert.deepEqual(await verifyInPage(page, delivery()), { event: EVENT });
    assert.equal(site.asked.filter((p) => p === '/pkg/web/webhooks.js').length, 1);
    assert.deepEqual(await verifyInPage(page, delivery(), { bodyAs: 'bytes', headersAs: 'Headers' }), { event: EVENT });
    assert.deepEqual(await verifyInPage(page, delivery(), { bodyAs: 'buffer' }), { event: EVENT });
    assert.equal(site.asked.filter((p) => p === '/pkg/web/webhooks.js').length, 1, 'fetched once');
    assert.ok(!site.asked.some((p) => p.endsWith('.wasm')));
    assert.deepEqual(watch.errors, []);
  });

  it('rejects a tampered delivery, a wrong secret and a parsed body with MoveUgcError', async () => {
    const page = await browser.newPage();
    const watch = watchErrors(page);
    await page.goto(`http://127.0.0.1:${site.port}/`);
    await page.waitForFunction(() => window.ready === true);
    const good = delivery();
    const tampered = await verifyInPage(page, { ...good, body: good.body.replace('job-42', 'job-43') });
    assert.deepEqual({ ...tampered, message: undefined }, { name: 'MoveUgcError', code: 'INVALID_SIGNATURE', isClass: true, message: undefined });
    assert.match(tampered.message, /^webhook not verified: no signature matches the body/);
    const wrong = await verifyInPage(page, good, { secret: `whsec_${Buffer.from('not the key of this endpoint....').toString('base64')}` });
    assert.equal(wrong.code, 'INVALID_SIGNATURE');
    const hourAgo = String(Number(good.headers['webhook-timestamp']) - 3600);
    const old = await verifyInPage(page, { ...good, headers: { ...good.headers, 'webhook-timestamp': hourAgo } }, { headersAs: 'Headers' });
    assert.match(old.message, /its timestamp is 360\d s old/);
    const parsed = await verifyInPage(page, good, { bodyAs: 'parsed' });
    assert.equal(parsed.code, 'INVALID_ARGUMENT');
    assert.match(parsed.message, /^body: .*got an object: pass it before JSON.parse/);
    assert.ok(!JSON.stringify([tampered, wrong, old, parsed]).includes(SECRET.slice(6)));
    assert.deepEqual(watch.errors, []);
  });

  it('says it needs WebCrypto in an insecure context', async () => {
    const page = await browser.newPage();
    const watch = watchErrors(page);
    await page.goto(`http://webhooks.test:${site.port}/`);
    await page.waitForFunction(() => window.ready === true);
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.equal(await page.evaluate(() => typeof globalThis.crypto?.subtle), 'undefined');
    const refused = await verifyInPage(page, delivery());
    assert.equal(refused.code, 'INTERNAL');
    assert.equal(refused.isClass, true);
    assert.match(refused.message, /^verifyWebhook needs WebCrypto \(crypto\.subtle\), which this runtime does not have: browsers offer it to secure contexts only/);
    assert.deepEqual(watch.errors, []);
  });
});
