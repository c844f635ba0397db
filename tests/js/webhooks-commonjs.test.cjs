// verifyWebhook loaded with require(), as a CommonJS webhook receiver would.
'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { Webhook } = require('standardwebhooks');
const { verifyWebhook, MoveUgcError, isMoveUgcError } = require('move-ugc');

const SECRET = `whsec_${Buffer.from('a CommonJS receiver key of 32 B!').toString('base64')}`;

describe('require("move-ugc").verifyWebhook', () => {
  const event = { event_name: 'ugc.job.state.failed', timestamp: '2024-01-02T03:04:05Z', detail: { api_name: 'move-ugc-api', client_id: 'c', event_attributes: { job: { id: 'j', created: '2024-01-02T03:00:00Z', metadata: null }, take: { id: 't' } } } };
  const body = JSON.stringify(event);
  const at = Math.floor(Date.now() / 1000);
  const headers = { 'svix-id': 'msg_cjs', 'svix-timestamp': String(at), 'svix-signature': new Webhook(SECRET).sign('msg_cjs', new Date(at * 1000), body) };

  it('verifies a delivery and resolves with its event', async () => {
    assert.deepEqual(await verifyWebhook(Buffer.from(body), headers, SECRET), event);
  });

  it('is the function of the ESM entry, and rejects with the one MoveUgcError class', async () => {
    const esm = await import('move-ugc');
    assert.equal(verifyWebhook, esm.verifyWebhook);
    const error = await verifyWebhook(body.replace('"j"', '"k"'), headers, SECRET).catch((e) => e);
    assert.ok(error instanceof MoveUgcError && error instanceof esm.MoveUgcError && isMoveUgcError(error));
    assert.equal(error.code, 'INVALID_SIGNATURE');
    assert.match(error.message, /no signature matches the body/);
  });
});
