// verifyWebhook against an independent implementation of Standard Webhooks
// (npm `standardwebhooks`, which signs every delivery here), and the signed
// deliveries of the fake Move API checked by a node:http receiver.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

import { verifyWebhook, MoveUgcError } from 'move-ugc';
import { useFakeApi, clientOf, rejectsWith } from './helpers.mjs';

const KEY = Buffer.from('move-ugc webhook test key, 32 B!');
const SECRET = `whsec_${KEY.toString('base64')}`;
const BARE = KEY.toString('base64');
const oracle = new Webhook(SECRET);

const EVENT = {
  event_name: 'ugc.job.state.completed',
  timestamp: '2023-09-14T09:18:17Z',
  detail: {
    api_name: 'move-ugc-api',
    client_id: 'client-5b4c',
    event_attributes: {
      job: { id: 'job-1', created: '2023-09-14T09:10:00Z', metadata: { shot: 3, note: 'Café ✓' } },
      take: { id: 'take-1' },
    },
  },
};
const BODY = JSON.stringify(EVENT);

const now = () => Math.floor(Date.now() / 1000);

/** A delivery of `body` signed by the oracle: headers `<prefix>id`, `-timestamp`, `-signature`. */
function signed(body = BODY, { prefix = 'webhook-', id = 'msg_2Lh9Xs', at = now(), secret = SECRET } = {}) {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const signature = new Webhook(secret).sign(id, new Date(at * 1000), text);
  return { body, headers: { [`${prefix}id`]: id, [`${prefix}timestamp`]: String(at), [`${prefix}signature`]: signature } };
}

/** Every message of the errors collected, to check that no secret is in one. */
const messages = [];
async function refused(promise, code, pattern) {
  const error = await rejectsWith(promise, code);
  messages.push(error.message);
  assert.match(error.message, pattern);
  assert.equal(error.retryable, false);
  return error;
}

describe('verifyWebhook', () => {
  after(() => {
    assert.ok(messages.length > 30, `only ${messages.length} messages checked`);
    for (const message of messages) {
      assert.ok(!message.includes(BARE) && !message.includes(KEY.toString('base64').slice(0, 16)), `a message shows the secret: ${message}`);
    }
  });

  it('resolves with the event of a delivery signed with svix-* headers (a plain record, as Node gives)', async () => {
    const { body, headers } = signed(BODY, { prefix: 'svix-' });
    assert.deepEqual(await verifyWebhook(body, headers, SECRET), EVENT);
    assert.equal(verifyWebhook.name, 'verifyWebhook');
  });

  it('takes webhook-* headers, in a Headers object or a record of any letter case', async () => {
    const { body, headers } = signed();
    assert.deepEqual(await verifyWebhook(body, new Headers(headers), SECRET), EVENT);
    const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    assert.deepEqual(await verifyWebhook(body, shouting, SECRET), EVENT);
    const svix = signed(BODY, { prefix: 'svix-' });
    assert.deepEqual(await verifyWebhook(body, new Headers(svix.headers), SECRET), EVENT);
    // Node gives a repeated header as a list of its values.
    const listed = { ...svix.headers, 'svix-signature': ['v1,AAAA', svix.headers['svix-signature']] };
    assert.deepEqual(await verifyWebhook(body, listed, SECRET), EVENT);
    // Headers joins a repeated header with ", ": the right signature first, then another.
    const twice = new Headers(svix.headers);
    twice.append('svix-signature', 'v1,AAAA');
    assert.equal(twice.get('svix-signature'), `${svix.headers['svix-signature']}, v1,AAAA`);
    assert.deepEqual(await verifyWebhook(body, twice, SECRET), EVENT);
    // Node joins them the same way in req.headers.
    assert.deepEqual(await verifyWebhook(body, { ...svix.headers, 'svix-signature': `${svix.headers['svix-signature']}, v1,AAAA` }, SECRET), EVENT);
  });

  it('verifies the exact bytes: a Buffer, a Uint8Array (a view into a larger buffer) and an ArrayBuffer', async () => {
    const { headers } = signed();
    const bytes = Buffer.from(BODY, 'utf8');
    assert.deepEqual(await verifyWebhook(bytes, headers, SECRET), EVENT);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 3);
    assert.deepEqual(await verifyWebhook(padded.subarray(3, 3 + bytes.length), headers, SECRET), EVENT);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    assert.ok(buffer instanceof ArrayBuffer);
    assert.deepEqual(await verifyWebhook(buffer, headers, SECRET), EVENT);
  });

  it('finds the right one among several signatures, other versions and malformed ones ignored', async () => {
    const { body, headers } = signed();
    const right = headers['webhook-signature'];
    const other = signed(BODY, { secret: `whsec_${Buffer.from('another key, another key, 32 B!!').toString('base64')}` }).headers['webhook-signature'];
    const several = `v2,${right.slice(3)} ${other} v1,%%%notbase64 ${right} v1a,${right.slice(3)}`;
    assert.deepEqual(await verifyWebhook(body, { ...headers, 'webhook-signature': several }, SECRET), EVENT);
  });

  it('takes the bare base64 of a secret, as the svix library does', async () => {
    const { body, headers } = signed();
    assert.deepEqual(await verifyWebhook(body, headers, BARE), EVENT);
  });

  it('resolves with the older events too, and with an event name it does not know', async () => {
    const legacy = { event_name: 'job.state.started', timestamp: '2023-09-14T09:18:17Z', detail: { job_id: 'job-9' } };
    const a = signed(JSON.stringify(legacy));
    assert.deepEqual(await verifyWebhook(a.body, a.headers, SECRET), legacy);
    const future = { event_name: 'ugc.take.created', detail: {} };
    const b = signed(JSON.stringify(future));
    assert.deepEqual(await verifyWebhook(b.body, b.headers, SECRET), future);
  });

  it('allows the timestamp toleranceSeconds away, either way', async () => {
    const old = signed(BODY, { at: now() - 1000 });
    assert.deepEqual(await verifyWebhook(old.body, old.headers, SECRET, { toleranceSeconds: 1100 }), EVENT);
    const ahead = signed(BODY, { at: now() + 200 });
    assert.deepEqual(await verifyWebhook(ahead.body, ahead.headers, SECRET), EVENT);
    assert.deepEqual(await verifyWebhook(ahead.body, ahead.headers, SECRET, { toleranceSeconds: undefined }), EVENT);
    const fresh = signed();
    assert.deepEqual(await verifyWebhook(fresh.body, fresh.headers, SECRET, null), EVENT);
  });

  describe('refuses, with INVALID_SIGNATURE saying which check failed', () => {
    it('a body changed on the way, or parsed and serialised again', async () => {
      const { headers } = signed();
      await refused(verifyWebhook(BODY.replace('job-1', 'job-2'), headers, SECRET), 'INVALID_SIGNATURE', /^webhook not verified: no signature matches the body/);
      await refused(verifyWebhook(`${BODY}\n`, headers, SECRET), 'INVALID_SIGNATURE', /no signature matches/);
      const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
      await refused(verifyWebhook(pretty, headers, SECRET), 'INVALID_SIGNATURE', /pass the raw body as received/);
    });

    it('another secret, or the id or timestamp changed', async () => {
      const { body, headers } = signed();
      const wrong = `whsec_${Buffer.from('the wrong key of 32 bytes, sorry').toString('base64')}`;
      await refused(verifyWebhook(body, headers, wrong), 'INVALID_SIGNATURE', /no signature matches the body: a wrong secret/);
      await refused(verifyWebhook(body, { ...headers, 'webhook-id': 'msg_other' }, SECRET), 'INVALID_SIGNATURE', /no signature matches/);
      const moved = String(Number(headers['webhook-timestamp']) - 1);
      await refused(verifyWebhook(body, { ...headers, 'webhook-timestamp': moved }, SECRET), 'INVALID_SIGNATURE', /no signature matches/);
    });

    it('a timestamp older than the tolerance', async () => {
      const old = signed(BODY, { at: now() - 400 });
      await refused(verifyWebhook(old.body, old.headers, SECRET), 'INVALID_SIGNATURE', /^webhook not verified: its timestamp is 40\d s old, more than the tolerance of 300 s/);
      const hourOld = signed(BODY, { at: now() - 3600 });
      await refused(verifyWebhook(hourOld.body, hourOld.headers, SECRET, { toleranceSeconds: 60 }), 'INVALID_SIGNATURE', /is 360\d s old, more than the tolerance of 60 s/);
    });

    it('a timestamp further in the future than the tolerance', async () => {
      const ahead = signed(BODY, { at: now() + 400 });
      await refused(verifyWebhook(ahead.body, ahead.headers, SECRET), 'INVALID_SIGNATURE', /^webhook not verified: its timestamp is (39\d|400) s in the future, more than the tolerance of 300 s/);
      const near = signed(BODY, { at: now() + 100 });
      await refused(verifyWebhook(near.body, near.headers, SECRET, { toleranceSeconds: 50 }), 'INVALID_SIGNATURE', /in the future, more than the tolerance of 50 s/);
    });

    for (const name of ['id', 'timestamp', 'signature']) {
      it(`a missing ${name} header (or an empty one)`, async () => {
        for (const prefix of ['webhook-', 'svix-']) {
          const { body, headers } = signed(BODY, { prefix });
          const pattern = new RegExp(`^webhook not verified: no webhook-${name} header \\(nor svix-${name}\\)$`);
          const { [`${prefix}${name}`]: _, ...without } = headers;
          await refused(verifyWebhook(body, without, SECRET), 'INVALID_SIGNATURE', pattern);
          await refused(verifyWebhook(body, new Headers(without), SECRET), 'INVALID_SIGNATURE', pattern);
          await refused(verifyWebhook(body, { ...headers, [`${prefix}${name}`]: '' }, SECRET), 'INVALID_SIGNATURE', pattern);
          await refused(verifyWebhook(body, { ...headers, [`${prefix}${name}`]: undefined }, SECRET), 'INVALID_SIGNATURE', pattern);
        }
      });
    }

    it('a timestamp that is not a number of seconds', async () => {
      const { body, headers } = signed();
      for (const bad of ['soon', '1.7e9', '-5', `${headers['webhook-timestamp']}.5`, new Date().toISOString()]) {
        await refused(verifyWebhook(body, { ...headers, 'webhook-timestamp': bad }, SECRET), 'INVALID_SIGNATURE', /^webhook not verified: the webhook-timestamp header is not a number of seconds, got "/);
      }
      const svix = signed(BODY, { prefix: 'svix-' });
      await refused(verifyWebhook(body, { ...svix.headers, 'svix-timestamp': 'x' }, SECRET), 'INVALID_SIGNATURE', /the svix-timestamp header is not a number of seconds, got "x"/);
    });

    it('a signature header with no v1 signature', async () => {
      const { body, headers } = signed();
      const right = headers['webhook-signature'];
      for (const bad of ['garbage', right.slice(3), `v2,${right.slice(3)}`, `v1${right.slice(3)}`, ' ']) {
        await refused(verifyWebhook(body, { ...headers, 'webhook-signature': bad }, SECRET), 'INVALID_SIGNATURE', /^webhook not verified: the webhook-signature header holds no v1 signature \("v1,<base64>"\), got "/);
      }
      for (const bad of ['v1,', 'v1,%%%', `v1,${right.slice(3, -4)}`, 'v1,AAAA']) {
        await refused(verifyWebhook(body, { ...headers, 'webhook-signature': bad }, SECRET), 'INVALID_SIGNATURE', /no signature matches the body/);
      }
    });

    it('a signed payload that is not a Move event', async () => {
      for (const [payload, pattern] of [
        ['not json', /^webhook not verified: the payload is not a Move event: it is not JSON$/],
        ['', /it is not JSON$/],
        ['[1,2]', /the payload is not a Move event: expected an object, got an array$/],
        ['null', /expected an object, got null$/],
        ['"ugc.job.state.completed"', /expected an object, got a string|expected an object, got "ugc/],
        ['{"event":"ugc.job.state.completed"}', /the payload is not a Move event: expected a string event_name, got undefined$/],
        ['{"event_name":7}', /expected a string event_name, got 7$/],
      ]) {
        const a = signed(payload);
        await refused(verifyWebhook(a.body, a.headers, SECRET), 'INVALID_SIGNATURE', pattern);
      }
      // Bytes that are not UTF-8, signed as they are (with node:crypto: the
      // oracle signs text, and would sign their UTF-8 repair).
      const bytes = Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]);
      const at = now();
      const mac = createHmac('sha256', KEY).update(`msg_b.${at}.`).update(bytes).digest('base64');
      const signature = `v1,${mac}`;
      await refused(verifyWebhook(bytes, { 'webhook-id': 'msg_b', 'webhook-timestamp': String(at), 'webhook-signature': signature }, SECRET), 'INVALID_SIGNATURE', /it is not JSON$/);
    });
  });

  describe('refuses misuse with INVALID_ARGUMENT, before any check', () => {
    const { headers } = signed();

    it('a parsed body, or anything that is not the raw body', async () => {
      const parsed = await refused(verifyWebhook(EVENT, headers, SECRET), 'INVALID_ARGUMENT', /^body: expected the raw body as received \(a string, Uint8Array, Buffer or ArrayBuffer\), got an object: pass it before JSON.parse, the signature covers its exact bytes$/);
      assert.ok(parsed instanceof MoveUgcError);
      await refused(verifyWebhook(undefined, headers, SECRET), 'INVALID_ARGUMENT', /^body: expected the raw body as received .*, got undefined$/);
      await refused(verifyWebhook(42, headers, SECRET), 'INVALID_ARGUMENT', /^body: .*, got 42$/);
      await refused(verifyWebhook([BODY], headers, SECRET), 'INVALID_ARGUMENT', /^body: .*, got an array: pass it before JSON.parse/);
      await refused(verifyWebhook(new Blob([BODY]), headers, SECRET), 'INVALID_ARGUMENT', /^body: .*, got an object/);
    });

    it('headers that are not headers', async () => {
      for (const [bad, shown] of [[undefined, 'undefined'], [null, 'null'], ['webhook-id: x', '"webhook-id: x"'], [['webhook-id', 'x'], 'an array']]) {
        const error = await refused(verifyWebhook(BODY, bad, SECRET), 'INVALID_ARGUMENT', /^headers: expected a Headers object or a record of header names to values \(Node's req.headers\), got /);
        assert.ok(error.message.endsWith(`got ${shown}`), error.message);
      }
    });

    it('a secret that is not one, never shown', async () => {
      const expected = 'secret: expected the endpoint\'s signing secret ("whsec_" and the base64 of its key, 24 bytes or more), got ';
      const cases = [
        [undefined, 'undefined'],
        [null, 'null'],
        [12345, 'a number'],
        [KEY, 'an object'],
        [{ secret: SECRET }, 'an object'],
        ['', 'an empty string'],
        ['whsec_', '"whsec_" and nothing after it'],
        ['whsec_not base64!', 'a string that is not base64'],
        [`whsec_${BARE.slice(0, -2)}-_`, 'a string that is not base64'],
        ['mv_key_0123456789abcdef', 'a string that is not base64'],
        [`whsec_${BARE}*`, 'a string that is not base64'],
        // base64 all the same, but too short for a signing secret: Svix's are 24 bytes and more.
        ['nope', 'the base64 of only 3 bytes'],
        ['whsec_AAAA', 'the base64 of only 3 bytes'],
        [`whsec_${KEY.subarray(0, 23).toString('base64')}`, 'the base64 of only 23 bytes'],
        ['QQ==', 'the base64 of only 1 byte'],
      ];
      for (const [bad, got] of cases) {
        const error = await refused(verifyWebhook(BODY, headers, bad), 'INVALID_ARGUMENT', /^secret: /);
        assert.equal(error.message, `${expected}${got}`, `for ${typeof bad == 'string' ? JSON.stringify(bad) : typeof bad}`);
      }
      // 24 bytes, the size of the secrets Svix makes: taken.
      const key24 = KEY.subarray(0, 24);
      const { body, headers: signedHeaders } = signed(BODY, { secret: `whsec_${key24.toString('base64')}` });
      assert.deepEqual(await verifyWebhook(body, signedHeaders, `whsec_${key24.toString('base64')}`), EVENT);
    });

    it('options that are not options', async () => {
      for (const [bad, pattern] of [
        [5, /^options: expected an object, got 5$/],
        [[], /^options: expected an object, got an array$/],
        ['300', /^options: expected an object, got "300"$/],
        [{ tolerance: 600 }, /^options\.tolerance: unknown property; did you mean "toleranceSeconds"\? \(the properties are toleranceSeconds\)$/],
        [{ toleranceMs: 600 }, /^options\.toleranceMs: unknown property; did you mean "toleranceSeconds"\?/],
        [{ maxAge: 600 }, /^options\.maxAge: unknown property; did you mean "toleranceSeconds"\?/],
        [{ signal: null }, /^options\.signal: unknown property \(the properties are toleranceSeconds\)$/],
        [{ toleranceSeconds: -1 }, /^options\.toleranceSeconds: expected a finite number of seconds, 0 or more, got -1$/],
        [{ toleranceSeconds: NaN }, /got NaN$/],
        [{ toleranceSeconds: Infinity }, /got Infinity$/],
        [{ toleranceSeconds: '300' }, /got "300"$/],
        [{ toleranceSeconds: 300n }, /got 300n$/],
      ]) {
        await refused(verifyWebhook(BODY, headers, SECRET, bad), 'INVALID_ARGUMENT', pattern);
      }
    });

    it('checks the arguments before the headers', async () => {
      await refused(verifyWebhook(BODY, {}, 'not a secret!'), 'INVALID_ARGUMENT', /^secret:/);
      await refused(verifyWebhook(BODY, {}, SECRET, { toleranceSeconds: -5 }), 'INVALID_ARGUMENT', /^options\.toleranceSeconds:/);
    });
  });

  it('says it needs WebCrypto where there is none', async () => {
    const { body, headers } = signed();
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    try {
      await refused(
        verifyWebhook(body, headers, SECRET),
        'INTERNAL',
        /^verifyWebhook needs WebCrypto \(crypto\.subtle\), which this runtime does not have: browsers offer it to secure contexts only \(https:, localhost\)$/,
      );
      // Misuse is still told as such.
      await refused(verifyWebhook(EVENT, headers, SECRET), 'INVALID_ARGUMENT', /^body:/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
    assert.deepEqual(await verifyWebhook(body, headers, SECRET), EVENT);
  });

  it('agrees with the oracle on what it accepts', async () => {
    // The same deliveries through both: the oracle's verify takes webhook-* headers.
    const good = signed();
    assert.deepEqual(oracle.verify(good.body, good.headers), EVENT);
    assert.deepEqual(await verifyWebhook(good.body, good.headers, SECRET), EVENT);
    const tampered = { ...good.headers, 'webhook-id': 'msg_x' };
    assert.throws(() => oracle.verify(good.body, tampered));
    await refused(verifyWebhook(good.body, tampered, SECRET), 'INVALID_SIGNATURE', /no signature matches/);
  });
});

/**
 * A webhook receiver as a user writes one: the raw body, verified with
 * verifyWebhook, 204 for an event, 400 for anything else.
 */
async function startReceiver(getSecret) {
  const received = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const entry = { headers: req.headers, body: body.toString('utf8'), event: null, error: null };
    received.push(entry);
    try {
      entry.event = await verifyWebhook(body, req.headers, getSecret(req));
      res.writeHead(204).end();
    } catch (error) {
      entry.error = error;
      res.writeHead(error instanceof MoveUgcError && error.code === 'INVALID_SIGNATURE' ? 400 : 500).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the fake Move API delivers signed webhook events', () => {
  const api = useFakeApi({ pollsToFinish: 2, webhookTimeoutMs: 300 });
  const secrets = new Map(); // receiver path -> the secret of its endpoint
  let receiver;

  before(async () => {
    receiver = await startReceiver((req) => secrets.get(req.url));
  });
  after(() => receiver.close());

  /** Registers an endpoint on the receiver's `path` through the SDK; resolves with its secret. */
  async function register(ugc, uid, path, events) {
    const endpoint = await ugc.webhooks.upsert({ uid, url: `${receiver.url}${path}`, events });
    secrets.set(path, endpoint.secret);
    return endpoint.secret;
  }

  const control = (path, init) => fetch(`${api.fake.origin}/__fake/${path}`, init).then(async (r) => ({ status: r.status, json: await r.json() }));

  it('a job that finishes: ugc.job.state.completed to the endpoints subscribed, verified by the receiver', async () => {
    receiver.received.length = 0;
    const ugc = clientOf(api.fake);
    const secret = await register(ugc, 'done', '/done', ['ugc.job.state.completed']);
    await register(ugc, 'failures', '/failures', ['ugc.job.state.failed']);
    const takeId = api.fake.store.addTake().id;
    const job = await ugc.jobs.create({ takeId, metadata: { shot: 3 } });
    await ugc.jobs.waitForCompletion(job.id, { intervalMs: 10 });
    await api.fake.webhooksSettled();

    assert.equal(receiver.received.length, 1);
    const [delivery] = receiver.received;
    assert.equal(delivery.error, null);
    assert.deepEqual(Object.keys(delivery.headers).filter((h) => h.startsWith('svix-')).sort(), ['svix-id', 'svix-signature', 'svix-timestamp']);
    assert.equal(delivery.headers['content-type'], 'application/json');
    const event = delivery.event;
    assert.equal(event.event_name, 'ugc.job.state.completed');
    assert.match(event.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(event.detail, {
      api_name: 'move-ugc-api',
      client_id: 'client-fake-0001',
      event_attributes: { job: { id: job.id, created: job.created, metadata: { shot: 3 } }, take: { id: takeId } },
    });
    // The independent implementation agrees (it reads webhook-* headers).
    const h = delivery.headers;
    const again = new Webhook(secret).verify(delivery.body, { 'webhook-id': h['svix-id'], 'webhook-timestamp': h['svix-timestamp'], 'webhook-signature': h['svix-signature'] });
    assert.deepEqual(again, event);

    const records = api.fake.deliveries;
    assert.equal(records.length, 1);
    assert.deepEqual(
      { uid: records[0].uid, eventName: records[0].eventName, jobId: records[0].jobId, status: records[0].status, ok: records[0].ok, error: records[0].error, pending: records[0].pending },
      { uid: 'done', eventName: 'ugc.job.state.completed', jobId: job.id, status: 204, ok: true, error: null, pending: false },
    );
    // Read again: no second delivery.
    await ugc.jobs.retrieve(job.id);
    await api.fake.webhooksSettled();
    assert.equal(api.fake.deliveries.length, 1);
  });

  it('a job that fails: ugc.job.state.failed; a cancelled one sends nothing', async () => {
    receiver.received.length = 0;
    const ugc = clientOf(api.fake);
    await register(ugc, 'done', '/done', ['ugc.job.state.completed']);
    await register(ugc, 'failures', '/failures', ['ugc.job.state.failed']);
    const failed = api.fake.store.addJob({ fate: 'FAILED' });
    const cancelled = api.fake.store.addJob({ fate: 'CANCELLED' });
    for (const id of [failed.id, cancelled.id]) {
      await rejectsWith(ugc.jobs.waitForCompletion(id, { intervalMs: 10 }), 'JOB_FAILED');
    }
    await api.fake.webhooksSettled();
    assert.deepEqual(receiver.received.map((r) => [r.event?.event_name, r.event?.detail.event_attributes.job.id]), [['ugc.job.state.failed', failed.id]]);
    assert.deepEqual(api.fake.deliveries.map((d) => [d.uid, d.status]), [['failures', 204]]);
  });

  it('an endpoint with no events gets every event; one off the machine is recorded, not sent', async () => {
    receiver.received.length = 0;
    const all = api.fake.store.addWebhook({ uid: 'all', url: `${receiver.url}/all`, events: null });
    secrets.set('/all', all.secret);
    api.fake.store.addWebhook({ uid: 'away', url: 'https://example.com/move', events: ['ugc.job.state.completed'] });
    const ugc = clientOf(api.fake);
    const job = api.fake.store.addJob();
    await ugc.jobs.waitForCompletion(job.id, { intervalMs: 10 });
    await api.fake.webhooksSettled();
    assert.deepEqual(receiver.received.map((r) => r.event?.event_name), ['ugc.job.state.completed']);
    const away = api.fake.deliveries.find((d) => d.uid === 'away');
    assert.deepEqual([away.status, away.ok, away.error], [null, false, 'not sent: the fake delivers to loopback hosts only']);
  });

  it('POST /__fake/webhooks/deliver sends one event on demand, the older ones included', async () => {
    receiver.received.length = 0;
    const ugc = clientOf(api.fake);
    await register(ugc, 'done', '/done', ['ugc.job.state.completed']);
    const job = api.fake.store.addJob({ metadataValue: '{}' });
    // To one endpoint, whatever it subscribed to.
    const legacy = await control('webhooks/deliver', { method: 'POST', body: JSON.stringify({ uid: 'done', jobId: job.id, eventName: 'job.state.started' }) });
    assert.equal(legacy.status, 200);
    assert.deepEqual(legacy.json.deliveries.map((d) => [d.uid, d.eventName, d.status, d.ok]), [['done', 'job.state.started', 204, true]]);
    assert.deepEqual(receiver.received[0].event.detail, { job_id: job.id });
    // Without uid, to every subscribed endpoint; the event defaults to the job's end.
    const completed = await control('webhooks/deliver', { method: 'POST', body: JSON.stringify({ jobId: job.id }) });
    assert.deepEqual(completed.json.deliveries.map((d) => [d.uid, d.eventName, d.status]), [['done', 'ugc.job.state.completed', 204]]);
    const event = receiver.received[1].event;
    assert.equal(event.detail.event_attributes.job.metadata, '{}');
    // In-process, the same.
    const [record] = await api.fake.deliverWebhook({ uid: 'done', jobId: job.id, eventName: 'ugc.job.state.failed' });
    assert.equal(record.status, 204);
    assert.equal(receiver.received[2].event.event_name, 'ugc.job.state.failed');
    // Mistakes of the test are a 400.
    for (const input of [{ jobId: job.id, eventName: 'job.done' }, { uid: 'nobody', jobId: job.id }, { uid: 'done' }, { uid: 'done', jobId: 'job-nope' }]) {
      const bad = await control('webhooks/deliver', { method: 'POST', body: JSON.stringify(input) });
      assert.equal(bad.status, 400, JSON.stringify(input));
    }
    const listed = await control('webhooks/deliveries');
    assert.deepEqual(listed.json.map((d) => d.eventName), ['job.state.started', 'ugc.job.state.completed', 'ugc.job.state.failed']);
    assert.ok(listed.json.every((d) => d.headers['svix-signature'].startsWith('v1,') && typeof d.body === 'string'));
  });

  it('a receiver that is down, refuses or hangs is recorded, and the fake goes on', async () => {
    const down = createServer();
    await new Promise((resolve) => down.listen(0, '127.0.0.1', resolve));
    const downUrl = `http://127.0.0.1:${down.address().port}/hook`;
    await new Promise((resolve) => down.close(resolve));
    const sockets = new Set();
    const hanging = createServer(() => {}); // never answers
    hanging.on('connection', (s) => sockets.add(s));
    await new Promise((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const ugc = clientOf(api.fake);
    await ugc.webhooks.upsert({ uid: 'down', url: downUrl, events: ['ugc.job.state.completed'] });
    await ugc.webhooks.upsert({ uid: 'hangs', url: `http://127.0.0.1:${hanging.address().port}/`, events: ['ugc.job.state.completed'] });
    await ugc.webhooks.upsert({ uid: 'forged', url: `${receiver.url}/unknown-secret`, events: ['ugc.job.state.completed'] });
    try {
      const job = api.fake.store.addJob();
      const done = await ugc.jobs.waitForCompletion(job.id, { intervalMs: 10 });
      assert.equal(done.progress.state, 'FINISHED');
      const listed = await control('webhooks/deliveries');
      const byUid = Object.fromEntries(listed.json.map((d) => [d.uid, d]));
      assert.equal(byUid.down.status, null);
      assert.match(byUid.down.error, /ECONNREFUSED/);
      assert.equal(byUid.hangs.status, null);
      assert.equal(byUid.hangs.error, 'no answer in 300 ms');
      // The receiver has no secret for this path: its verifyWebhook refuses it (INVALID_ARGUMENT → 500).
      assert.deepEqual([byUid.forged.status, byUid.forged.ok], [500, false]);
      assert.ok(listed.json.every((d) => !d.pending));
      // The fake still answers.
      assert.equal((await ugc.jobs.retrieve(job.id)).id, job.id);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });

  it('the receiver refuses a forged delivery', async () => {
    receiver.received.length = 0;
    const ugc = clientOf(api.fake);
    await register(ugc, 'done', '/done', ['ugc.job.state.completed']);
    const forged = signed(BODY, { prefix: 'svix-', secret: `whsec_${Buffer.from('an attacker key of thirty-two B!').toString('base64')}` });
    const res = await fetch(`${receiver.url}/done`, { method: 'POST', headers: forged.headers, body: forged.body });
    assert.equal(res.status, 400);
    assert.match(receiver.received[0].error.message, /no signature matches the body/);
    const unsigned = await fetch(`${receiver.url}/done`, { method: 'POST', body: BODY });
    assert.equal(unsigned.status, 400);
    assert.match(receiver.received[1].error.message, /no webhook-id header \(nor svix-id\)/);
  });
});
