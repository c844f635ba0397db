// Webhook deliveries of the fake Move API, as Move sends them through Svix
// (see /work/shared/move-ugc-api/README.md): a POST of the event's JSON to
// each endpoint subscribed to it, with `svix-id`, `svix-timestamp` and
// `svix-signature` headers, the signature `v1,` + base64(HMAC-SHA256(key,
// `${id}.${timestamp}.${body}`)), the key being the base64 part of the
// endpoint's `whsec_…` secret. Signed here with node:crypto, independently of
// the SDK's verifyWebhook.
//
// What is modelled, and from what:
// - events `ugc.job.state.completed` (a job reaches FINISHED) and
//   `ugc.job.state.failed` (FAILED), and on demand the older
//   `job.state.started` and `job.state.completed` (whose detail is `job_id`),
//   the names published for Move; a CANCELLED job sends nothing (no event is
//   published for it);
// - the payload `{ event_name, timestamp, detail: { api_name, client_id,
//   event_attributes: { job: { id, created, metadata }, take: { id } } } }`,
//   the job's metadata as the JSON value it holds;
// - an endpoint receives the events its `events` list names; one with no
//   `events` (null or []) receives every event, as Svix treats an endpoint
//   without event-type filters;
// - a delivery that fails (refused connection, a timeout, a non-2xx answer)
//   is recorded, never thrown: the fake goes on. Svix would retry it later on
//   its schedule; the fake does not (tests deliver again on demand).
// Unlike Svix, the fake only delivers to loopback hosts (localhost,
// 127.0.0.0/8, [::1]): an endpoint elsewhere (the seeded example.com) gets a
// record saying it was not sent, so that no test sends anything off the machine.

import { createHmac, randomUUID } from 'node:crypto';

import { AppSyncError } from './store.mjs';

/** The event names published for Move; the first two are sent when a job ends. */
export const EVENT_NAMES = ['ugc.job.state.completed', 'ugc.job.state.failed', 'job.state.started', 'job.state.completed'];

/** The event a job's end sends: FINISHED → completed, FAILED → failed, nothing else. */
export function endEventOf(state) {
  return { FINISHED: 'ugc.job.state.completed', FAILED: 'ugc.job.state.failed' }[state];
}

/** ISO 8601 to the second, as Move's payloads show it (`2023-09-14T09:18:17Z`). */
const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The payload of event `eventName` about `job`, shaped as Move's. */
export function eventPayload(store, job, eventName) {
  const timestamp = isoSeconds(Date.now());
  if (eventName.startsWith('job.')) return { event_name: eventName, timestamp, detail: { job_id: job.id } };
  return {
    event_name: eventName,
    timestamp,
    detail: {
      api_name: 'move-ugc-api',
      client_id: store.client.id,
      event_attributes: {
        job: { id: job.id, created: job.created, metadata: job.metadata === null ? null : JSON.parse(job.metadata) },
        take: { id: job.takeId },
      },
    },
  };
}

/** The Standard Webhooks signature of `body` under `secret` (`whsec_…` or bare base64). */
export function signature(secret, id, timestamp, body) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Whether `url` is http(s) on this machine. */
function isLoopback(url) {
  try {
    const { protocol, hostname } = new URL(url);
    return /^https?:$/.test(protocol) && (hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname));
  } catch {
    return false;
  }
}

/** Whether `endpoint` is subscribed to `eventName`. */
const subscribed = (endpoint, eventName) => !endpoint.events?.length || endpoint.events.includes(eventName);

/**
 * The deliveries of one fake: `deliver()` sends and records, `records` lists
 * every delivery since the last `reset()` (pending ones included), `settled()`
 * waits for those in flight. `timeoutMs` bounds each POST.
 */
export class Deliveries {
  constructor({ timeoutMs }) {
    this.timeoutMs = timeoutMs;
    this.records = [];
    this.inFlight = new Set();
    this.controllers = new Set();
  }

  reset() {
    this.records = [];
  }

  /**
   * Sends `eventName` about `jobId` to endpoint `uid` (whatever it is
   * subscribed to: a delivery asked for by hand), or without `uid` to every
   * endpoint subscribed to it. Resolves with the records once sent.
   */
  async deliver(store, { uid, jobId, eventName }) {
    if (typeof jobId !== 'string') throw new TypeError(`jobId: expected the id of a job, got ${JSON.stringify(jobId)}`);
    const job = store.requireJob(jobId);
    const name = eventName ?? endEventOf(job.fate) ?? EVENT_NAMES[0];
    if (!EVENT_NAMES.includes(name)) throw new TypeError(`eventName: expected one of ${EVENT_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
    let endpoints;
    if (uid !== undefined) {
      const endpoint = store.webhooks.get(uid);
      if (!endpoint) throw new AppSyncError('MoveNotFoundError', `no webhook endpoint ${uid}`);
      endpoints = [endpoint];
    } else {
      endpoints = [...store.webhooks.values()].filter((e) => subscribed(e, name));
    }
    return Promise.all(endpoints.map((endpoint) => this.send(endpoint, eventPayload(store, job, name), job.id)));
  }

  /** What a job's end sends, in the background (the job's read is not held up). */
  jobEnded(store, job, state) {
    const name = endEventOf(state);
    if (!name) return;
    for (const endpoint of store.webhooks.values()) {
      if (subscribed(endpoint, name)) this.send(endpoint, eventPayload(store, job, name), job.id);
    }
  }

  /** POSTs one event to one endpoint; records the outcome, never throws. */
  send(endpoint, payload, jobId) {
    const id = `msg_${randomUUID().replace(/-/g, '')}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Svix-Webhooks/1.0 (move-ugc fake)',
      'svix-id': id,
      'svix-timestamp': timestamp,
      'svix-signature': signature(endpoint.secret, id, timestamp, body),
    };
    const record = { id, uid: endpoint.uid, url: endpoint.url, eventName: payload.event_name, jobId, headers, body, status: null, ok: false, error: null, pending: true };
    this.records.push(record);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(new Error(`no answer in ${this.timeoutMs} ms`)), this.timeoutMs);
    const sent = (async () => {
      try {
        if (!isLoopback(endpoint.url)) throw new Error('not sent: the fake delivers to loopback hosts only');
        const res = await fetch(endpoint.url, { method: 'POST', headers, body, signal: controller.signal, redirect: 'manual' });
        record.status = res.status;
        record.ok = res.status >= 200 && res.status < 300;
        await res.arrayBuffer().catch(() => undefined);
      } catch (error) {
        const why = controller.signal.aborted ? controller.signal.reason : error;
        record.error = String(why?.cause?.message ?? why?.message ?? why);
      } finally {
        clearTimeout(timer);
        this.controllers.delete(controller);
        record.pending = false;
      }
      return record;
    })();
    this.inFlight.add(sent);
    sent.finally(() => this.inFlight.delete(sent));
    return sent;
  }

  /** Waits for every delivery in flight. */
  async settled() {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** Stops every delivery in flight (the fake is closing). */
  abort() {
    for (const controller of this.controllers) controller.abort(new Error('the fake closed'));
  }
}
