// ugc.client, ugc.webhooks, ugc.rigs and ugc.cameraSettings.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { useFakeApi, clientOf, rejectsWith } from './helpers.mjs';

describe('account services', () => {
  const api = useFakeApi();
  const last = () => api.fake.requests.at(-1);

  it('client.retrieve and client.update', async () => {
    const ugc = clientOf(api.fake);
    const client = await ugc.client.retrieve();
    assert.equal(last().operationName, 'client');
    assert.deepEqual(client, {
      id: 'client-fake-0001',
      name: 'Fake Studio',
      created: '2024-06-01T09:00:00.000Z',
      metadata: null,
      portal: 'https://portal.move.ai/fake-studio',
    });
    const updated = await ugc.client.update({ metadata: { plan: 'studio', seats: 4 } });
    assert.deepEqual(last().variables, { metadata: '{"plan":"studio","seats":4}' });
    assert.deepEqual(updated.metadata, { plan: 'studio', seats: 4 });
    assert.equal(ugc.client, ugc.client);
    await rejectsWith(ugc.client.update({}), 'INVALID_ARGUMENT');
    // null clears it.
    assert.equal((await ugc.client.update({ metadata: null })).metadata, null);
    assert.deepEqual(last().variables, { metadata: 'null' });
    // Metadata is any JSON value, as Move's Python SDK stores it.
    const stringly = await ugc.client.update({ metadata: '{"plan":"studio"}' });
    assert.deepEqual(last().variables, { metadata: '"{\\"plan\\":\\"studio\\"}"' });
    assert.equal(stringly.metadata, '{"plan":"studio"}');
    const bigint = await rejectsWith(ugc.client.update({ metadata: { seats: 4n } }), 'INVALID_ARGUMENT');
    assert.equal(bigint.message, 'params.metadata.seats: expected a JSON value, got 4n');
    await rejectsWith(ugc.client.retrieve({ expand: ['x'] }), 'INVALID_ARGUMENT');
  });

  it('webhooks.upsert returns the secret only the first time', async () => {
    const ugc = clientOf(api.fake);
    const params = { uid: 'hook-1', url: 'https://example.com/move', events: ['ugc.job.state.completed', 'ugc.job.state.failed'], description: 'CI' };
    const created = await ugc.webhooks.upsert(params);
    assert.equal(last().operationName, 'upsertWebhookEndpoint');
    assert.deepEqual(last().variables, params);
    assert.match(created.secret, /^whsec_/);
    assert.deepEqual(created.events, params.events);
    const again = await ugc.webhooks.upsert({ ...params, description: 'CI, renamed' });
    assert.equal(again.secret, null);
    assert.equal(again.description, 'CI, renamed');
    await rejectsWith(ugc.webhooks.upsert({ uid: 'h', url: 'ftp://x', events: ['e'] }), 'INVALID_ARGUMENT');
    await rejectsWith(ugc.webhooks.upsert({ uid: 'h', url: 'https://example.com', events: [] }), 'INVALID_ARGUMENT');
  });

  it('rigs.list and cameraSettings.list are plain arrays', async () => {
    const ugc = clientOf(api.fake);
    assert.deepEqual(await ugc.rigs.list(), [{ name: 'move_mo' }, { name: 'move_ve' }]);
    assert.equal(last().operationName, 'listRigs');
    assert.deepEqual(await ugc.cameraSettings.list(), [{ lens: 'iphone-13-pro-wide' }, { lens: 'gopro-hero-11-linear' }]);
    assert.equal(last().operationName, 'listCameraSettings');
  });
});
