// A local fake of the Move UGC API for tests and the demo.
//
// It loads the real schema (schema/introspection.json), validates every request
// against it and records each violation (tests fail on any), answers errors in
// AppSync's shape, keeps an in-memory store (store.mjs) that behaves as the
// real API is known to (several sources per take, metadata that is any JSON
// value, every spelling of the job states, outputs that appear after FINISHED,
// volumes that go through progress states), advances a job or volume each time
// it is read, accepts uploads, serves downloads (uploaded bytes, and outputs
// of a chosen size made as they stream, or a real GLB and MP4 for the formats
// a viewer shows: previews.mjs), checks the Authorization header, and
// injects faults on demand.
//
// It delivers signed webhook events (webhooks.mjs) as Move does through Svix:
// when a read moves a job to FINISHED (`ugc.job.state.completed`) or FAILED
// (`ugc.job.state.failed`), each endpoint registered with
// upsertWebhookEndpoint (or seeded) and subscribed to that event (its `events`,
// or every event when it has none) gets a POST of the event's JSON, signed
// with its secret in `svix-id`, `svix-timestamp` and `svix-signature`, in the
// background. Only loopback URLs are sent to; a receiver that is down, slow
// (`webhookTimeoutMs`) or answers non-2xx is recorded, never a failure of the
// fake; nothing is retried.
//
// In-process:   const fake = await startFakeApi({ ...options }); fake.url; fake.store.addJob({...});
//               fake.inject({...}); await fake.close();   (options: see startFakeApi)
//               await fake.deliverWebhook({ uid?, jobId, eventName? }); await fake.webhooksSettled();
//               fake.deliveries (every delivery since the last reset)
// Over HTTP:    POST /__fake/reset, POST /__fake/faults, POST /__fake/seed, POST /__fake/fate,
//               GET /__fake/requests, GET /__fake/violations, GET /__fake/downloads (see handleControl);
//               POST /__fake/webhooks/deliver {uid?, jobId, eventName?}: sends one event now
//                 (to endpoint uid whatever it subscribed to, or to every subscribed
//                 endpoint; eventName defaults to ugc.job.state.failed for a job whose fate
//                 is FAILED, else ugc.job.state.completed) and answers
//                 {deliveries: [record]} once sent;
//               GET /__fake/webhooks/deliveries: every delivery since the last reset, once
//                 those in flight are done. A record: {id, uid, url, eventName, jobId,
//                 headers, body, status (the receiver's HTTP status, or null), ok,
//                 error (why it failed to send, or null), pending}.

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { buildClientSchema, parse, validate, execute, GraphQLError } from 'graphql';

import { CHUNK, Store, AppSyncError, outputChunks } from './store.mjs';
import { previewContentType, previewFor } from './previews.mjs';
import { Deliveries } from './webhooks.mjs';

export { Store, AppSyncError, JOB_STATES, VOLUME_STATES, storedMetadata, outputChunks, outputContent, DEFAULT_OUTPUT_BYTES } from './store.mjs';

/** The key the fake accepts unless told otherwise. */
export const FAKE_API_KEY = 'mv_key_fake_local_0000000001';

const introspection = JSON.parse(readFileSync(new URL('./schema/introspection.json', import.meta.url), 'utf8'));

/** The real schema, with AppSync's scalar rules enforced on inputs. */
export function loadSchema() {
  const schema = buildClientSchema(introspection.data);
  const awsJson = schema.getType('AWSJSON');
  awsJson.parseValue = (value) => {
    if (typeof value !== 'string') throw new GraphQLError(`AWSJSON must be a string, got ${typeof value}`);
    try {
      JSON.parse(value);
    } catch {
      throw new GraphQLError('AWSJSON must hold valid JSON');
    }
    return value;
  };
  awsJson.parseLiteral = () => {
    throw new GraphQLError('the SDK must send AWSJSON as a variable, not inline');
  };
  return schema;
}

const schema = loadSchema();

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, range',
  'access-control-allow-methods': 'POST, PUT, GET, OPTIONS',
  'access-control-expose-headers': 'retry-after, content-length, content-range, accept-ranges',
};

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...CORS, ...headers });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function appSyncError(errorType, message, path) {
  return { path: path ?? null, data: null, errorType, errorInfo: null, locations: [], message };
}

/** The options of startFakeApi that shape the store's behaviour (see Store in store.mjs). */
export const STORE_OPTIONS = [
  'pollsToFinish', 'outputsLagPolls', 'urlLagPolls', 'notStartedSpelling', 'startedPolls',
  'deprecatedState', 'volumePollsToFinish', 'clientMetadata', 'outputBytes', 'liveClock',
];

/**
 * Starts the fake. Options: `port` (0 picks one), `host`, `apiKey`, and the
 * store's (defaults keep the job flow simple for the package tests):
 * - `pollsToFinish` (3): getJob reads from creation to the job's end;
 * - `outputsLagPolls` (0): reads after FINISHED with `outputs: []`;
 * - `urlLagPolls` (0): further reads whose outputs have `presignedUrl: null`;
 * - `notStartedSpelling` ('alternate': 1st, 3rd… job 'NOT STARTED', 2nd, 4th…
 *   'NOT_STARTED'; or one of them for every job);
 * - `startedPolls` ('alternate': 2nd, 4th… job says STARTED for one read
 *   before RUNNING; or a number for every job);
 * - `deprecatedState` ('lag': Job.state says what progress.state said one read
 *   before; 'same'; 'respell': the other NOT STARTED spelling);
 * - `volumePollsToFinish` (pollsToFinish): getVolume reads to a volume's end;
 * - `clientMetadata` (null);
 * - `outputBytes` (unset): the size of each job output's content in storage;
 *   unset, a MAIN_GLB / ALL_GLB / RENDER_VIDEO / RENDER_OVERLAY_VIDEO output
 *   holds real content (previews.mjs) and any other 4096 bytes.
 * And `webhookTimeoutMs` (15000, as Svix): how long a webhook delivery waits
 * for the receiver's answer.
 * An unknown option throws. Resolves with the handle described at the top of
 * this file.
 */
export async function startFakeApi({ port = 0, host = '127.0.0.1', apiKey = FAKE_API_KEY, webhookTimeoutMs = 15000, ...storeOptions } = {}) {
  const unknown = Object.keys(storeOptions).filter((k) => !STORE_OPTIONS.includes(k));
  if (unknown.length) throw new TypeError(`startFakeApi: unknown option ${unknown.join(', ')} (known: port, host, apiKey, webhookTimeoutMs, ${STORE_OPTIONS.join(', ')})`);
  // Fails now, not on the first request, on a bad value.
  new Store(storeOptions);
  const state = {
    store: null,
    requests: [],
    violations: [],
    faults: [],
    uploadAttempts: 0,
    deliveries: new Deliveries({ timeoutMs: webhookTimeoutMs }),
    downloads: [],
  };
  const sockets = new Set();
  let origin = '';

  const reset = () => {
    state.store = new Store({ ...storeOptions, origin });
    const store = state.store;
    store.onJobState = (job, jobState) => state.deliveries.jobEnded(store, job, jobState);
    state.deliveries.reset();
    state.requests = [];
    state.violations = [];
    state.faults = [];
    state.uploadAttempts = 0;
    state.downloads = [];
  };

  /** Takes the first queued fault for this target and operation, if any. */
  const takeFault = (operationName, target = 'graphql') => {
    const index = state.faults.findIndex((f) => (f.target ?? 'graphql') === target && (!f.operation || f.operation === operationName));
    if (index < 0) return null;
    const fault = state.faults[index];
    fault.times -= 1;
    if (fault.times <= 0) state.faults.splice(index, 1);
    return fault;
  };

  const violation = (request, problem) => {
    state.violations.push({ operationName: request?.operationName ?? null, problem, query: request?.query ?? null });
  };

  async function handleGraphql(req, res) {
    const raw = (await readBody(req)).toString('utf8');
    let request;
    try {
      request = JSON.parse(raw);
    } catch {
      violation(null, 'the body is not JSON');
      return send(res, 400, { errors: [appSyncError('MalformedHttpRequestException', 'Unable to parse GraphQL query.')] });
    }
    const entry = {
      operationName: request.operationName ?? null,
      query: request.query,
      variables: request.variables ?? {},
      authorization: req.headers.authorization ?? null,
      contentType: req.headers['content-type'] ?? null,
    };
    state.requests.push(entry);

    if (!String(entry.contentType).startsWith('application/json')) violation(request, `Content-Type is ${entry.contentType}`);
    if (typeof request.query !== 'string') {
      violation(request, 'no query string');
      return send(res, 400, { errors: [appSyncError('ValidationError', 'No query.')] });
    }

    const fault = takeFault(entry.operationName);
    if (fault && (await applyFault(fault, req, res))) return;

    if (entry.authorization !== apiKey) {
      return send(res, 401, { errors: [appSyncError('UnauthorizedException', 'You are not authorized to make this call.')] });
    }

    let document;
    try {
      document = parse(request.query);
    } catch (error) {
      violation(request, `syntax: ${error.message}`);
      return send(res, 400, { data: null, errors: [appSyncError('ValidationError', error.message)] });
    }
    const problems = validate(schema, document);
    if (problems.length) {
      for (const p of problems) violation(request, p.message);
      return send(res, 400, { data: null, errors: problems.map((p) => appSyncError('ValidationError', p.message)) });
    }
    if (request.operationName) {
      const names = document.definitions.map((d) => d.name?.value);
      if (!names.includes(request.operationName)) violation(request, `operationName ${request.operationName} is not in the document`);
    }

    const result = await execute({
      schema,
      document,
      rootValue: state.store.rootValue(),
      variableValues: entry.variables,
      operationName: request.operationName ?? undefined,
    });
    if (result.errors?.length) {
      const errors = result.errors.map((error) => {
        const original = error.originalError;
        if (original instanceof AppSyncError) return appSyncError(original.errorType, original.message, error.path);
        // Anything else is the SDK's fault (bad variables) or the fake's own bug.
        violation(request, error.message);
        return appSyncError('ValidationError', error.message, error.path);
      });
      const body = { data: null, errors };
      if (fault?.kind === 'transform') return send(res, 200, transform(fault.transform, body));
      return send(res, 200, body);
    }
    const body = { data: result.data };
    if (fault?.kind === 'transform') return send(res, 200, transform(fault.transform, body));
    return send(res, 200, body);
  }

  /** Applies a fault; returns true if the answer was sent (or never will be). */
  async function applyFault(fault, req, res) {
    switch (fault.kind) {
      case 'status':
        send(res, fault.status, fault.body ?? { errors: [appSyncError(fault.errorType ?? 'InternalFailure', fault.message ?? 'Injected failure.')] }, fault.headers ?? {});
        return true;
      case 'html':
        res.writeHead(fault.status ?? 200, { 'content-type': 'text/html', ...CORS });
        res.end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
        return true;
      case 'raw':
        res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', ...CORS });
        res.end(fault.body ?? '');
        return true;
      case 'graphqlError':
        send(res, 200, { data: null, errors: [appSyncError(fault.errorType, fault.message ?? 'Injected error.', [fault.operation ?? 'op'])] });
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        // Never answer; the socket is destroyed when the fake closes.
        return true;
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms ?? 100));
        return false;
      case 'transform':
        return false;
      default:
        throw new Error(`unknown fault kind ${fault.kind}`);
    }
  }

  async function handleUpload(req, res, fileId) {
    const file = state.store.files.get(fileId);
    state.uploadAttempts += 1;
    const fault = takeFault(null, 'upload');
    if (fault && (await applyFault(fault, req, res))) return;
    const bytes = await readBody(req);
    if (!file) return send(res, 404, { message: 'NoSuchKey' });
    if (req.headers.authorization) violation(null, 'an upload carried an Authorization header');
    state.store.uploads.set(fileId, { bytes, contentType: req.headers['content-type'] ?? null });
    file.uploaded = true;
    res.writeHead(200, { ...CORS, etag: `"${bytes.length}"` });
    res.end();
  }

  /**
   * GET of a presigned download URL, as S3 answers it: an uploaded file's
   * bytes, byte for byte; a job output's content: the real preview of its
   * format (previews.mjs: a GLB as model/gltf-binary, an MP4 as video/mp4) or
   * deterministic bytes (store.mjs outputChunks), streamed with
   * backpressure; 404 NoSuchKey for a file whose bytes never reached storage.
   * A `Range: bytes=a-b` (or `a-`, `-n`) request gets 206 and those bytes, as
   * S3 answers it (a `<video>` seeks with them); one outside the content, 416.
   * Every request is recorded with its headers; one that
   * carries the API key or an Authorization header is a violation (the key
   * never goes to storage). Faults aimed at `target: 'download'` apply, plus
   * `cut` (the body stops after `afterBytes` and the connection drops),
   * `stall` (it stops after `afterBytes` and the connection stays open) and
   * `drip` (each chunk of 64 KiB waits `ms` first).
   */
  async function handleDownload(req, res, fileId) {
    recordDownload(req, fileId, false);
    const fault = takeFault(null, 'download');
    const inBody = ['cut', 'stall', 'drip'].includes(fault?.kind);
    if (fault && !inBody && (await applyFault(fault, req, res))) return;
    const file = state.store.files.get(fileId);
    const stored = state.store.uploads.get(fileId);
    const preview = !stored && file?.preview ? previewFor(file.preview) : null;
    const size = stored ? stored.bytes.length : preview ? preview.length : file?.outputBytes;
    if (size === undefined) {
      res.writeHead(404, { 'content-type': 'application/xml', ...CORS });
      return res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    }
    const type = preview ? previewContentType(file.preview) : 'application/octet-stream';
    const range = byteRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'content-type': 'application/xml', 'content-range': `bytes */${size}`, ...CORS });
      return res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable</Message></Error>');
    }
    const [from, to] = range ?? [0, size];
    res.writeHead(range ? 206 : 200, {
      'content-type': type,
      'content-length': String(to - from),
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${from}-${to - 1}/${size}` } : {}),
      ...CORS,
    });
    const source = stored ? inChunks(stored.bytes, from) : preview ? inChunks(preview, from) : outputChunks(fileId, size, from);
    const chunks = limited(source, to - from);
    let sent = 0;
    for (const whole of chunks) {
      let chunk = whole;
      if (fault?.kind === 'drip') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 100));
      else if (inBody && sent + chunk.length >= (fault.afterBytes ?? 0)) {
        chunk = chunk.subarray(0, Math.max(0, (fault.afterBytes ?? 0) - sent));
        // Handed to the system before the connection drops, so that the client gets exactly these bytes.
        if (chunk.length) await new Promise((resolve) => res.write(chunk, resolve));
        // cut: the connection drops mid-body; stall: nothing more is sent (the fake's close ends it).
        if (fault.kind === 'cut') res.socket?.destroy();
        return;
      }
      if (!(await write(res, chunk))) return;
      sent += chunk.length;
    }
    res.end();
  }

  /** Writes `chunk`, waiting for the client to take it; false once the connection is gone. */
  function write(res, chunk) {
    if (res.destroyed) return Promise.resolve(false);
    if (res.write(chunk)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok) => () => {
        res.off('drain', onDrain);
        res.off('close', onClose);
        resolve(ok);
      };
      const onDrain = done(true);
      const onClose = done(false);
      res.on('drain', onDrain);
      res.on('close', onClose);
    });
  }

  /** Records a GET of storage (`uploadUrl`: of an upload URL); the key or an Authorization header there is a violation. */
  function recordDownload(req, fileId, uploadUrl) {
    state.downloads.push({ fileId, headers: { ...req.headers }, ...(uploadUrl ? { uploadUrl } : {}) });
    if (req.headers.authorization) violation(null, 'a download carried an Authorization header');
    if (Object.values(req.headers).some((value) => String(value).includes(apiKey))) violation(null, 'a download carried the API key');
  }

  /** GET of an upload URL: presigned for PUT only, as S3 signs it (recorded among the downloads, `uploadUrl: true`). */
  function refuseUploadGet(req, res, fileId) {
    recordDownload(req, fileId, true);
    res.writeHead(403, { 'content-type': 'application/xml', ...CORS });
    res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>');
  }

  async function handleControl(req, res, path) {
    const body = req.method === 'POST' ? (await readBody(req)).toString('utf8') : '';
    const input = body ? JSON.parse(body) : {};
    switch (`${req.method} ${path}`) {
      case 'POST /__fake/reset':
        reset();
        return send(res, 200, { ok: true });
      case 'POST /__fake/faults':
        handle.inject(input);
        return send(res, 200, { ok: true, queued: state.faults.length });
      case 'POST /__fake/seed':
        return send(res, 200, seed(state.store, input));
      case 'POST /__fake/fate':
        // {id, fate}: how a job (FINISHED, FAILED, CANCELLED) or volume (FINISHED, FAILED) ends.
        state.store.setFate(input.id, input.fate);
        return send(res, 200, { ok: true });
      case 'GET /__fake/requests':
        return send(res, 200, state.requests.map(({ authorization, ...r }) => ({ ...r, authorized: authorization === apiKey })));
      case 'GET /__fake/violations':
        return send(res, 200, state.violations);
      case 'POST /__fake/webhooks/deliver':
        return send(res, 200, { deliveries: await state.deliveries.deliver(state.store, input) });
      case 'GET /__fake/webhooks/deliveries':
        await state.deliveries.settled();
        return send(res, 200, state.deliveries.records);
      case 'GET /__fake/downloads':
        return send(res, 200, state.downloads);
      default:
        return send(res, 404, { message: 'unknown control path' });
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, origin);
    const route = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS);
        return res.end();
      }
      if (url.pathname === '/graphql' && req.method === 'POST') return handleGraphql(req, res);
      const upload = url.pathname.match(/^\/__fake\/uploads\/([\w-]+)$/);
      if (upload && req.method === 'PUT') return handleUpload(req, res, upload[1]);
      if (upload && req.method === 'GET') return refuseUploadGet(req, res, upload[1]);
      const download = url.pathname.match(/^\/__fake\/files\/([\w-]+)$/);
      if (download && req.method === 'GET') return handleDownload(req, res, download[1]);
      if (url.pathname.startsWith('/__fake/')) return handleControl(req, res, url.pathname);
      return send(res, 404, { message: 'not found' });
    };
    route().catch((error) => {
      // A bad control request (e.g. an unknown seed state) is the test's mistake: 400, no violation.
      if (url.pathname.startsWith('/__fake/') && (error instanceof TypeError || error instanceof SyntaxError || error instanceof AppSyncError)) {
        if (!res.headersSent) send(res, 400, { message: error.message });
        return;
      }
      violation(null, `the fake failed: ${error.stack}`);
      if (!res.headersSent) send(res, 500, { message: 'fake failure' });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  origin = `http://${host}:${address.port}`;
  reset();

  const handle = {
    /** The GraphQL endpoint. */
    url: `${origin}/graphql`,
    origin,
    port: address.port,
    apiKey,
    get store() {
      return state.store;
    },
    /** Every GraphQL request received since the last reset. */
    get requests() {
      return state.requests;
    },
    /** PUTs to upload URLs since the last reset, failed ones included. */
    get uploadAttempts() {
      return state.uploadAttempts;
    },
    /** GETs of storage since the last reset, failed ones included: `{ fileId, headers }`, and `uploadUrl: true` for a GET of an upload URL (refused, 403). */
    get downloads() {
      return state.downloads;
    },
    /** Every schema or protocol violation since the last reset. */
    get violations() {
      return state.violations;
    },
    /**
     * Queues a fault for the next `times` (default 1) requests, optionally only
     * of one `operation`; `target: 'upload'` aims it at upload PUTs instead,
     * `target: 'download'` at download GETs. Kinds: status {status, headers?, body?}, html, raw
     * {body, status?}, graphqlError {errorType}, reset, hang, delay {ms},
     * transform {transform: name} (see transform()); for downloads also cut
     * {afterBytes} (the body stops there and the connection drops), stall
     * {afterBytes} (it stops there, the connection left open) and drip {ms}
     * (each chunk of the body waits that long).
     */
    inject(fault) {
      state.faults.push({ times: 1, ...fault });
    },
    /** Every webhook delivery since the last reset (see the top of this file), pending ones included. */
    get deliveries() {
      return state.deliveries.records;
    },
    /** Sends one webhook event now: `{ uid?, jobId, eventName? }`; resolves with the records once sent. */
    deliverWebhook(input) {
      return state.deliveries.deliver(state.store, input);
    },
    /** Resolves once every webhook delivery in flight is done. */
    webhooksSettled() {
      return state.deliveries.settled();
    },
    /** Drops the faults still queued. */
    clearFaults() {
      state.faults = [];
    },
    reset,
    async close() {
      state.deliveries.abort();
      await state.deliveries.settled();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return handle;
}

/** `bytes` from `from` on, in outputChunks's chunks, so that the body faults (cut, stall, drip) act on it as on those. */
function* inChunks(bytes, from = 0) {
  for (let at = from; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

/** The first `length` bytes of `chunks`. */
function* limited(chunks, length) {
  let left = length;
  for (const chunk of chunks) {
    if (left <= 0) return;
    yield chunk.length <= left ? chunk : chunk.subarray(0, left);
    left -= chunk.length;
  }
}

/**
 * The byte range a `Range` header asks of `size` bytes, as [from, to) — one
 * range, `bytes=a-b`, `a-` or `-n`, as S3 serves it; null for no header or
 * one S3 ignores (several ranges, another unit, bad syntax: the whole
 * content); 'unsatisfiable' for a range that starts past the end.
 */
export function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size];
  }
  const from = Number(match[1]);
  const last = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (from >= size) return 'unsatisfiable';
  if (last < from) return null;
  return [from, last + 1];
}

/**
 * POST /__fake/seed. `{}` or `{takeName}`: a take (the answer has takeId and
 * fileId). Each of these keys seeds one more object with the store helper's
 * options (metadata, metadataValue, state, fate, hold…, see store.mjs), and
 * the answer gets its id: `file` (fileId), `take` (takeId, fileId), `job`
 * (jobId, takeId; on `job.takeId` or a new take), `volume` (volumeId),
 * `webhook` (uid), `client` (sets the client's metadata).
 */
function seed(store, input) {
  const answer = {};
  if (input.file) answer.fileId = store.addFile(input.file).id;
  if (input.take || !(input.file || input.job || input.volume || input.webhook || input.client)) {
    const take = store.addTake({ name: input.takeName ?? 'Seeded take', ...input.take });
    answer.takeId = take.id;
    answer.fileId ??= take.sources[0]?.fileId ?? null;
  }
  if (input.job) {
    const job = store.addJob({ takeId: answer.takeId, ...input.job });
    answer.jobId = job.id;
    answer.takeId ??= job.takeId;
  }
  if (input.volume) answer.volumeId = store.addVolume(input.volume).id;
  if (input.webhook) answer.uid = store.addWebhook(input.webhook).uid;
  if (input.client) store.setClientMetadata(input.client);
  return answer;
}

/** Named corruptions of a good answer, for the fault tests. */
function transform(name, body) {
  const data = body.data ?? {};
  const field = Object.keys(data)[0];
  switch (name) {
    case 'dataNull':
      return { data: null };
    case 'idAsNumber':
      if (field && data[field]) data[field].id = 12345;
      return body;
    case 'metadataNotJson':
      if (field && data[field]) data[field].metadata = '{not json';
      return body;
    case 'percentageAsString':
      if (field && data[field]?.progress) data[field].progress.percentageComplete = '40';
      return body;
    case 'hugeNumber':
      return JSON.stringify(body).replace(/"percentageComplete":\d+/, '"percentageComplete":1e400');
    case 'itemsNotArray':
      if (field && data[field]) data[field].items = { not: 'an array' };
      return body;
    case 'noUrl':
      // A file the API has no download URL for (yet): presignedUrl is nullable.
      if (field && data[field]) data[field].presignedUrl = null;
      return body;
    default:
      throw new Error(`unknown transform ${name}`);
  }
}
