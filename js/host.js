// Host-side helpers of the move-ugc WebAssembly module: the error class, the
// encoding of caller arguments with the host's JSON, and timers. The package
// entry re-exports MoveUgcError and isMoveUgcError from this same file, so
// `instanceof` holds for the errors the module creates.

/**
 * The error of every failed move-ugc call. `code` says what went wrong;
 * `status`, `errorType` and `graphqlErrors` carry what the API answered, and
 * `cause` the underlying failure (e.g. fetch's TypeError).
 */
export class MoveUgcError extends Error {
  constructor(code, message, details = {}) {
    super(message, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.name = 'MoveUgcError';
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.errorType !== undefined) this.errorType = details.errorType;
    if (details.graphqlErrors !== undefined) this.graphqlErrors = details.graphqlErrors;
    this.retryable = Boolean(details.retryable);
  }
}

/**
 * Whether `value` is a MoveUgcError, also one made by another copy of the
 * package (for example the CommonJS and the ESM build loaded side by side).
 */
export function isMoveUgcError(value) {
  return (
    value instanceof MoveUgcError ||
    (value instanceof Error && value.name === 'MoveUgcError' && typeof value.code === 'string')
  );
}

/** Builds the error for the module. `graphqlErrors` comes as JSON text. */
export function createError(code, message, status, errorType, graphqlErrors, retryable, cause) {
  fromModule();
  const details = { retryable, cause };
  if (status !== undefined && status !== null) details.status = status;
  if (errorType !== undefined && errorType !== null) details.errorType = errorType;
  if (graphqlErrors !== undefined && graphqlErrors !== null) {
    try {
      details.graphqlErrors = JSON.parse(graphqlErrors);
    } catch {
      // The module only sends JSON it produced itself; keep the error usable anyway.
    }
  }
  return new MoveUgcError(code, message, details);
}

/** `INVALID_ARGUMENT` for the argument at `path` (also webhooks.js's and node-files.js's). */
export function invalid(path, problem, cause) {
  return new MoveUgcError('INVALID_ARGUMENT', `${path}: ${problem}`, { retryable: false, cause });
}

/**
 * A value as an error message shows it, the way a JavaScript reader writes it:
 * `2.5`, `"FBX"` (long strings cut), `undefined`, `null`, `5n`, `an array`,
 * `an object`, `a function`, `NaN`.
 */
export function shown(value) {
  try {
    return shownValue(value);
  } catch {
    return 'a value'; // a revoked Proxy, or one whose trap throws
  }
}

function shownValue(value) {
  switch (typeof value) {
    case 'string':
      if (value.isWellFormed?.() === false) return 'a string with a lone surrogate';
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'an array';
      if (lossy(value)) return `a ${value.constructor.name}`;
      return 'an object';
  }
}

/** Objects JSON would turn into `{}` (or a list of numbered keys), losing their data. */
function lossy(value) {
  return (
    value instanceof Map ||
    value instanceof Set ||
    value instanceof WeakMap ||
    value instanceof WeakSet ||
    value instanceof RegExp ||
    value instanceof Promise ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  );
}

// Properties whose values a message never shows, only their kind.
const SECRETS = /\.(apiKey|secret)$/;

/** `shown(value)`, or only its kind where the path names a secret. */
function shownAt(path, value) {
  if (!SECRETS.test(path)) return shown(value);
  return value === null || value === undefined ? String(value) : `a ${typeof value === 'object' ? 'value' : typeof value}`;
}

/**
 * What a value is, for the module's walk of a params object: 0 undefined,
 * 1 null, 2 boolean, 3 number, 4 string, 5 array, 6 plain object, 7 anything
 * else JSON cannot carry whole (a symbol, a BigInt, a Map…), 8 a function.
 */
export function kindOf(value) {
  try {
    switch (typeof value) {
      case 'undefined':
        return 0;
      case 'boolean':
        return 2;
      case 'number':
        return 3;
      case 'string':
        // A lone surrogate would reach the API altered (as U+FFFD): refused.
        return value.isWellFormed?.() === false ? 7 : 4;
      case 'object':
        if (value === null) return 1;
        if (Array.isArray(value)) return 5;
        return lossy(value) ? 7 : 6;
      case 'function':
        return 8;
      default:
        return 7;
    }
  } catch {
    // A revoked Proxy, or one whose trap throws: not a value to send.
    return 7;
  }
}

/** `Object.keys(value)`, or none if the value throws (a Proxy's trap). */
export function keysOf(value) {
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

/**
 * The JSON text of any JSON value (a `metadata`), named `name` in errors,
 * refusing what JSON cannot carry, by its path: functions, symbols, BigInts,
 * NaN and infinities, `undefined` in arrays, cycles, Maps and typed arrays.
 */
export function encodeJson(value, name) {
  if (value === undefined) throw invalid(name, 'expected a JSON value, got undefined');
  // Each object's path (for messages) and the object holding it on the way
  // down: an object that holds itself, directly or through its holders, is a
  // cycle; one met again elsewhere is merely shared, which JSON can carry.
  const paths = new WeakMap();
  const holders = new WeakMap();
  try {
    return JSON.stringify(value, function replacer(key, item) {
      // The first call has the value under '' of a wrapper no path names.
      const top = key === '' && !paths.has(this);
      const base = paths.get(this) ?? name;
      const path = top ? name : Array.isArray(this) ? `${base}[${key}]` : `${base}.${key}`;
      switch (typeof item) {
        case 'function':
        case 'symbol':
        case 'bigint':
          throw invalid(path, `expected a JSON value, got ${shownAt(path, item)}`);
        case 'number':
          if (!Number.isFinite(item)) throw invalid(path, `expected a finite number, got ${shownAt(path, item)}`);
          break;
        case 'undefined':
          if (Array.isArray(this)) throw invalid(path, 'expected a JSON value, got undefined');
          break;
        case 'object':
          if (item !== null) {
            if (lossy(item)) throw invalid(path, `expected a JSON value, got ${shownAt(path, item)} (JSON would lose its contents)`);
            for (let holder = this; holder !== undefined; holder = holders.get(holder)) {
              if (holder === item) {
                throw invalid(path, `is a cycle: it refers back to ${paths.get(item)}, which JSON cannot carry`);
              }
            }
            paths.set(item, path);
            holders.set(item, top ? undefined : this);
          }
          break;
      }
      return item;
    });
  } catch (error) {
    if (error instanceof MoveUgcError) throw error;
    // A toJSON that threw, or the engine's own refusal.
    throw invalid(name, `cannot be sent as JSON: ${error instanceof Error ? error.message : shown(error)}`, error);
  }
}

// ---- "did you mean …?" ----

// Names people reach for from other SDKs, mapped to ours. Only suggested when
// the target is one of the names the caller could have meant.
const ALIASES = new Map([
  ['baseurl', 'endpointUrl'],
  ['url', 'endpointUrl'],
  ['endpoint', 'endpointUrl'],
  ['apiurl', 'endpointUrl'],
  ['key', 'apiKey'],
  ['token', 'apiKey'],
  ['apitoken', 'apiKey'],
  ['retries', 'maxRetries'],
  ['headers', 'defaultHeaders'],
  ['expands', 'expand'],
  ['sort', 'sortBy'],
  ['sortdirection', 'sortBy'],
  ['first', 'limit'],
  ['after', 'nextToken'],
  ['cursor', 'nextToken'],
  ['type', 'format'],
]);

/** ASCII letters in lower case (others left as they are). */
const lower = (text) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Lower case without `_`, `-` and spaces: `MAIN_FBX`, `main-fbx` → `mainfbx`. */
const squash = (name) => lower(name.replace(/[_\- ]/g, ''));

/**
 * Whether `whole` holds `part` as one of its `_`-separated parts, or starts
 * with it as a camelCase word (`timeoutMs` starts with `timeout`).
 */
function holdsPart(whole, part) {
  if (part.length < 3 || part.length >= whole.length) return false;
  if (whole.includes('_')) return whole.split('_').some((p) => lower(p) === lower(part));
  // camelCase: the part must end where a new word starts.
  return lower(whole.slice(0, part.length)) === lower(part) && /[A-Z]/.test(whole[part.length]);
}

/** Whether two share a beginning of at least five letters that is most of the shorter one (`maxretry`, `maxretries`). */
function sharesMostOf(a, b) {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return common >= 5 && common * 4 >= Math.min(a.length, b.length) * 3;
}

/**
 * The optimal-string-alignment distance (Levenshtein plus swaps of two
 * neighbouring letters), on short names; also the command's "did you mean"
 * (cli/errors.mjs, through node/files.mjs).
 */
export function editDistance(a, b) {
  let before = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i += 1) {
    const current = [i + 1];
    for (let j = 0; j < b.length; j += 1) {
      let best = Math.min(last[j + 1] + 1, current[j] + 1, last[j] + (a[i] === b[j] ? 0 : 1));
      if (i > 0 && j > 0 && a[i - 1] === b[j] && a[i] === b[j - 1] && a[i] !== b[j]) best = Math.min(best, before[j - 1] + 1);
      current.push(best);
    }
    [before, last] = [last, current];
  }
  return last[b.length];
}

/**
 * The names of `known` (one per line) that `given` most likely meant, as the
 * end of a message: `; did you mean "A"?`, `; did you mean "A" or "B"?`, or
 * nothing. A name matches when it differs only in letter case or separators,
 * when it is a known alias, when one holds the other as a whole `_`-separated
 * part or as a prefix (`FBX` → `MAIN_FBX`, `timeout` → `timeoutMs`), or when it
 * is at most a couple of typing mistakes away (`MIAN_FBX` → `MAIN_FBX`); the
 * best two, in that order, then in `known`'s. (The module's messages call this:
 * the rules are here once, not in the module.)
 */
export function hint(given, known) {
  const wanted = squash(given);
  if (!wanted) return '';
  const ranked = [];
  for (const name of known.split('\n')) {
    const candidate = squash(name);
    let rank;
    if (candidate === wanted) rank = 0;
    else if (ALIASES.get(wanted) === name) rank = 1;
    else if (holdsPart(name, given) || holdsPart(given, name) || (candidate.length >= 3 && wanted.startsWith(candidate))) rank = 2;
    else if (sharesMostOf(wanted, candidate)) rank = 3;
    else {
      const distance = editDistance(wanted, candidate);
      if (distance <= Math.min(Math.max(Math.floor(Math.max(wanted.length, candidate.length) / 4), 1), 2)) rank = 3 + distance;
    }
    if (rank !== undefined) ranked.push({ rank, name });
  }
  // A stable sort: equal ranks keep `known`'s order.
  const [one, two] = ranked.sort((x, y) => x.rank - y.rank).map((r) => `"${r.name}"`);
  if (two) return `; did you mean ${one} or ${two}?`;
  return one ? `; did you mean ${one}?` : '';
}

/** Reads `params.signal`: undefined, or an AbortSignal. */
export function readSignal(params, name) {
  if (params === undefined || params === null || typeof params !== 'object') return undefined;
  const signal = params.signal;
  if (signal === undefined || signal === null) return undefined;
  if (typeof AbortSignal !== 'undefined' && signal instanceof AbortSignal) return signal;
  throw invalid(`${name}.signal`, `expected an AbortSignal, got ${shown(signal)}`);
}

/**
 * One HTTP attempt's abort plumbing: its own AbortController, fired by the
 * per-attempt timeout or by the caller's signal, and which of the two it was.
 */
export class Attempt {
  constructor(timeoutMs, signal) {
    fromModule();
    this.controller = new AbortController();
    this.callerSignal = signal ?? undefined;
    this.timedOut = false;
    this.timeoutMs = timeoutMs;
    this.arm();
    if (this.callerSignal) {
      this.onAbort = () => this.controller.abort();
      this.callerSignal.addEventListener('abort', this.onAbort, { once: true });
    }
    // Should the module fail, the call this attempt belongs to is dropped:
    // stop its request rather than leave it running for nobody.
    this.stop = () => {
      this.controller.abort();
      this.finish();
    };
    inFlight.add(this.stop);
  }
  /**
   * POSTs a GraphQL body under this attempt's signal, with a plain init:
   * a `Request` object built first would be built a second time by fetch
   * (undici), which costs a tenth of a small call.
   */
  post(url, key, body, fetchFn, defaultHeaders) {
    // The client's headers first: the SDK's own cannot be replaced (the
    // module refused those names already).
    const headers = { ...defaultHeaders, 'content-type': 'application/json' };
    if (key) headers.authorization = key;
    return send(fetchFn, url, { method: 'POST', headers, body, signal: this.controller.signal });
  }
  /** (Re)starts the timeout: a download's bounds each wait for data, not the transfer. */
  arm() {
    clearTimeout(this.timer);
    // Finished (its call dropped when the module failed, while a download's
    // sink was writing): no timer to keep the process waiting for nothing.
    if (this.finished) return;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.timeoutMs);
  }
  get aborted() {
    return Boolean(this.callerSignal && this.callerSignal.aborted);
  }
  finish() {
    this.finished = true;
    clearTimeout(this.timer);
    if (this.callerSignal) this.callerSignal.removeEventListener('abort', this.onAbort);
    inFlight.delete(this.stop);
  }
}

/**
 * `fetch(url, init)` through the client's own fetch (`options.fetch`) if it
 * has one: whatever that function throws or returns, a promise comes back
 * (a throw must not unwind through the module).
 */
function send(fetchFn, url, init) {
  if (!fetchFn) return fetch(url, init);
  try {
    return Promise.resolve(fetchFn(url, init));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** An environment variable (Node's `process.env`), if set and not empty. */
export function envVar(name) {
  try {
    const value = globalThis.process?.env?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined; // a runtime that guards its environment (Deno without --allow-env)
  }
}

/**
 * Whether this is a browser page, where an API key is visible to anyone
 * using it: a `window` with a `document` (workers, Node, Deno, Bun and edge
 * runtimes are not pages).
 */
export function isBrowserPage() {
  return typeof window !== 'undefined' && typeof window.document !== 'undefined';
}

/**
 * What is wrong with an API endpoint URL, in words, or undefined. The URL is
 * read by the host's own parser (WHATWG URL: the one its fetch reads it
 * with): absolute http(s), no user information (a second secret to guard),
 * and https: unless the host is a loopback one (localhost, 127.0.0.0/8,
 * [::1]), so that the API key never travels in clear text.
 */
export function endpointProblem(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https: (or http: to a loopback host)';
  if (url.username || url.password) return 'must not contain user information';
  // The parser has written the host canonically: lower case, IPv4 as four decimal numbers, IPv6 compressed.
  const host = url.hostname.replace(/\.$/, '');
  if (url.protocol === 'http:' && host !== 'localhost' && host !== '[::1]' && !/^127\.\d+\.\d+\.\d+$/.test(host)) {
    return 'plain http: is only allowed to a loopback host (localhost, 127.0.0.0/8, [::1]); use https: so the API key never travels in clear text';
  }
  return undefined;
}

/**
 * Waits `ms` milliseconds (a retry's delay in the module, a poll's interval
 * in waitForCompletion); rejects early with an Error('aborted') if `signal`
 * aborts, and with INTERNAL if the module fails meanwhile: the call waiting
 * belonged to that instance. (A wait of the module's own is dropped with its
 * call; a late rejection reaches a stale closure, which returns.)
 */
export function sleep(ms, signal) {
  fromModule();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const end = (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      inFlight.delete(onFailure);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => end(new Error('aborted'));
    const onFailure = () => end(internalError(droppedWhy, false));
    const timer = setTimeout(end, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    inFlight.add(onFailure);
  });
}

/**
 * `iterate` of a service with `list` (the module's Jobs, Takes or Volumes):
 * an AsyncIterable over every item of every page, each listed (and checked)
 * by `list` with the caller's params and `nextToken` set, until `nextToken`
 * is null. The pages are read through a handle of the iterable's own
 * (`__own`, taken now): freeing the service meanwhile does not end a loop.
 * (The handle is freed with the iterable, by the garbage collector: it may
 * be looped over again, or never.)
 */
export function paginate(service, params) {
  // The service belongs to this instance of the module: an iteration that
  // was going on when the module failed ends with INTERNAL, like any other call.
  const inModule = guard();
  const own = inModule(() => service.__own());
  const isObject = params !== null && typeof params === 'object' && !Array.isArray(params);
  // Anything that is not a params object goes to list as it is, to be refused there.
  const pageParams = (nextToken) => (isObject ? { ...params, nextToken } : params);
  return {
    async *[Symbol.asyncIterator]() {
      let nextToken = isObject ? (params.nextToken ?? null) : null;
      // The token we start from counts as seen: a server sending it back loops.
      const seen = new Set(nextToken === null ? [] : [nextToken]);
      do {
        const page = await inModule(() => own.list(pageParams(nextToken)));
        yield* page.items;
        nextToken = page.nextToken;
        if (nextToken !== null && seen.has(nextToken)) {
          throw new MoveUgcError('INVALID_RESPONSE', 'the API sent the same page token twice; stopping', { retryable: false });
        }
        seen.add(nextToken);
      } while (nextToken !== null);
    },
  };
}

// ---- waiting for a job ----

/** The states of a job that ended without animation, and those of one that ended with it. */
const FAILED = ['FAILED', 'CANCELLED', 'CANCELED', 'ERROR'];
const FINISHED = ['FINISHED', 'COMPLETED', 'SUCCEEDED'];

/** A job's state as the API now says it: `progress.state`, else the deprecated `state` (which lags); null if neither. */
export function stateOf(job) {
  return job?.progress?.state ?? job?.state ?? null;
}

/** `NOT STARTED`, `not-started` and `NOT_STARTED` are one state: trimmed, spaces and dashes as `_`, ASCII letters upper-cased. */
export function normalizeState(state) {
  return String(state ?? '')
    .trim()
    .replace(/[ -]/g, '_')
    .replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/**
 * Where a job read with its outputs stands: `{ phase, state }`, `state`
 * normalised and `phase` `'failed'` (it ended without animation),
 * `'finished'` (FINISHED with outputs, each with its download URL: the API
 * can report FINISHED before either) or `'pending'`. The one copy of these
 * rules: jobs.waitForCompletion, jobs.downloadOutputs and the move-ugc
 * command read a job with it (tests/job-readiness.json).
 */
export function assess(job) {
  const state = normalizeState(stateOf(job));
  if (FAILED.includes(state)) return { phase: 'failed', state };
  const outputs = job?.outputs ?? [];
  const ready = FINISHED.includes(state) && outputs.length > 0 && outputs.every((output) => output.file?.presignedUrl);
  return { phase: ready ? 'finished' : 'pending', state };
}

/** JOB_FAILED: job `id` ended in `state`, without animation. */
export function jobFailed(id, state) {
  return new MoveUgcError('JOB_FAILED', `job ${id} ended ${state}`);
}

/**
 * `jobs.waitForCompletion` (declared in src/jobs/mod.rs), with `this` the
 * module's Jobs: the module checks the arguments first (`__waitPlan`: the
 * id, `signal`, `onProgress`, then the params), then the job is read with
 * `retrieve` (retried as every read) every `intervalMs`, until it has its
 * outputs' URLs, ends without animation, or `timeoutMs` would pass before the
 * next poll. A poll that fails for a transient reason does not end the wait.
 */
export async function waitForCompletion(id, params) {
  const inModule = guard();
  const [intervalMs, timeoutMs, expand, signal, onProgress] = inModule(() => this.__waitPlan(id, params));
  return withOwn(this, inModule, async (jobs) => {
    const started = Date.now();
    let seen;
    for (;;) {
      let job;
      try {
        job = await inModule(() => jobs.retrieve(id, { expand, signal }));
      } catch (error) {
        if (!error?.retryable) throw error;
      }
      if (job) {
        const { phase, state } = assess(job);
        const progress = `${state} ${job.progress?.percentageComplete ?? ''}`;
        if (onProgress && progress !== seen) {
          try {
            onProgress(job);
          } catch {
            // The caller's callback failing does not end the wait it observes.
          }
        }
        seen = progress;
        if (phase === 'finished') return job;
        if (phase === 'failed') throw jobFailed(id, state);
      }
      if (Date.now() - started + intervalMs > timeoutMs) {
        // Retryable, as every TIMEOUT: waiting again may see the job end.
        throw new MoveUgcError('TIMEOUT', `job ${id} did not finish within ${Math.round(timeoutMs)} ms`, { retryable: true });
      }
      try {
        await inModule(() => sleep(intervalMs, signal));
      } catch (error) {
        // INTERNAL if the module failed meanwhile; otherwise the caller's signal.
        throw isMoveUgcError(error) ? error : new MoveUgcError('ABORTED', 'waitForCompletion: the operation was aborted');
      }
    }
  });
}

/**
 * How a method written in JavaScript calls into the module after an await:
 * through callModule, and with INTERNAL if the module was replaced meanwhile
 * (the objects it holds belong to the failed instance). Made at the method's
 * start, which is the module's own doing (see fromModule).
 */
export function guard() {
  fromModule();
  const born = generation;
  return (run) => {
    if (generation !== born) throw internalError(droppedWhy, false);
    return callModule(run);
  };
}

/**
 * Runs `work(own)`, a method written in JavaScript that calls the module
 * across awaits, with `own` a handle of its own on `service` (the module's
 * object the method was called on: `__own()`, the same client): freeing the
 * service meanwhile (`using jobs = ugc.jobs`) does not end the work, nor make
 * it call a freed object. `own` is freed when the work ends (unless the
 * instance was replaced meanwhile: it went with it). `inModule` is the
 * method's guard().
 */
export async function withOwn(service, inModule, work) {
  const own = inModule(() => service.__own());
  try {
    return await work(own);
  } finally {
    try {
      inModule(() => own.free());
    } catch {
      // The module was replaced: the handle went with its instance.
    }
  }
}

/** Reads an optional callback `params[key]`. */
export function readCallback(params, name, key) {
  if (params === undefined || params === null || typeof params !== 'object') return undefined;
  const callback = params[key];
  if (callback === undefined || callback === null) return undefined;
  if (typeof callback !== 'function') throw invalid(`${name}.${key}`, `expected a function, got ${shown(callback)}`);
  return callback;
}

/** Calls a caller's callback; what it throws is its own business, not the SDK's. */
export function notify(callback, value) {
  fromModule();
  try {
    callback(value);
  } catch (error) {
    // A failing progress callback must not break the call it observes; but if
    // the module itself failed meanwhile (the callback called into it), the
    // call that is running must not go on in that instance: unwind it.
    if (failure) throw error;
  }
}

// ---- uploads ----

/** `dir/clip.MP4` → `clip.MP4`. */
function baseName(path) {
  return String(path).split(/[\\/]/).pop() || undefined;
}

// What only Node can do, handed over by the Node entry (js/node-files.js):
// no static import here, bundlers would trip on node:fs, and browsers never
// load that code.
let node = {};

/** The Node entry hands over `{ readPath, downloadOutputs }` (js/node-files.js). */
export function useNode(nodeOnly) {
  node = nodeOnly;
}

/**
 * Reads a whole stream into a Blob: a web ReadableStream through its reader
 * (not every browser's is async-iterable), or any async iterable (Node's Readable).
 */
async function streamToBlob(stream) {
  const chunks = [];
  const add = (chunk) => chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  if (typeof stream.getReader === 'function') {
    const reader = stream.getReader();
    for (let step = await reader.read(); !step.done; step = await reader.read()) add(step.value);
  } else {
    for await (const chunk of stream) add(chunk);
  }
  return new Blob(chunks);
}

/**
 * Reads what `files.upload` sends into `{ body, name, mimeType }`: `body` a
 * Blob or a Uint8Array that fetch and XMLHttpRequest can send, `name` the
 * data's own file name and `mimeType` a Blob's type, where it has them (the
 * module takes the file type from them).
 * Accepts a Blob or File, an ArrayBuffer or any view of one (Buffer too), and
 * in Node a file path (sent from disk as it is read) or a readable stream.
 * Empty data is refused: there would be nothing to animate.
 */
async function readUploadData(data, name) {
  let body;
  let fileName;
  let mimeType;
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    body = data;
    if (typeof data.name === 'string') fileName = baseName(data.name);
    mimeType = data.type || undefined;
  } else if (data instanceof ArrayBuffer) {
    body = new Uint8Array(data);
  } else if (ArrayBuffer.isView(data)) {
    body = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } else if (typeof data === 'string') {
    if (!node.readPath) {
      throw invalid(name, `got a string (${shown(data)}): a file path is read only by the Node entry; pass the bytes (a Blob, ArrayBuffer or Uint8Array)`);
    }
    body = await node.readPath(data, name);
    fileName = baseName(data);
  } else if (data !== null && typeof data === 'object' && (Symbol.asyncIterator in data || typeof data.getReader === 'function')) {
    try {
      body = await streamToBlob(data);
    } catch (error) {
      throw invalid(name, `the stream failed while it was read: ${error?.message ?? error}`, error);
    }
    if (typeof data.path === 'string') fileName = baseName(data.path);
  } else {
    throw invalid(name, `expected a Blob, File, ArrayBuffer, Uint8Array, Buffer, file path or readable stream, got ${shown(data)}`);
  }
  const size = body instanceof Uint8Array ? body.byteLength : body.size;
  if (size === 0) throw invalid(name, 'is empty (0 bytes): there is nothing to upload');
  return { body, name: fileName, mimeType };
}

// ---- downloads ----

/**
 * `files.upload` (declared in src/files/mod.rs), with `this` the module's
 * Files: the data read (a path from disk as it is sent), the file created
 * by the module from the params and the data's own name and type (which it
 * checks), then the module's PUT of the bytes to its URL (retries, no key).
 */
export async function uploadFile(data, params) {
  const inModule = guard();
  readSignal(params, 'params');
  readCallback(params, 'params', 'onProgress');
  return withOwn(this, inModule, async (files) => {
    const { body, name = '', mimeType = '' } = await readUploadData(data, 'data');
    const file = await inModule(() => files.__upload(`${name}\0${mimeType}`, params));
    if (!/^https?:\/\//.test(file.presignedUrl)) {
      throw new MoveUgcError('INVALID_RESPONSE', 'the API sent a response the SDK cannot read: createFile: the file has no upload URL');
    }
    await inModule(() => files.__transfer(file.presignedUrl, params, body));
    return file;
  });
}

/**
 * The id of `value`, an id or an object with its `id` (a `what`: 'file',
 * 'job'), named `name` in errors; `shape` is how such an object is written
 * in them (`{ id, presignedUrl }`). Shared by files.download and
 * jobs.downloadOutputs (js/node-files.js): one wording.
 */
export function idOf(value, name, what, shape) {
  const isObject = typeof value === 'object' && value !== null;
  const id = isObject ? value.id : value;
  if (typeof id !== 'string' || !id || id.trim() !== id) {
    const or = isObject ? '' : ` or a ${what} (${shape})`;
    throw invalid(isObject ? `${name}.id` : name, `expected a ${what} id (a non-empty string, no spaces around it)${or}, got ${shown(id)}`);
  }
  return id;
}

/**
 * `files.download` (declared in src/files/mod.rs), with `this` the module's
 * Files: the arguments checked first (the params by the module), the file
 * read by id unless the caller's has its URL, then the module's download
 * (retries, timeouts, no key to storage) into a Uint8Array (Node) or a Blob.
 * A URL of the caller's that storage refuses (403: the upload URL that
 * files.create and files.upload return, signed for PUT only, or one that
 * expired) is replaced once by the URL of a fresh read. (Not on a 404: the
 * file's key is the same in every URL, so a fresh one would fail alike.)
 */
export async function downloadFile(fileOrId, params) {
  const inModule = guard();
  this.__transfer(undefined, params);
  const signal = readSignal(params, 'params');
  readCallback(params, 'params', 'onProgress');
  const id = idOf(fileOrId, 'fileOrId', 'file', '{ id, presignedUrl }');
  let url = fileOrId?.presignedUrl;
  const sink = bytesSink();
  return withOwn(this, inModule, async (files) => {
    for (let theirs = /^https?:/.test(url); ; theirs = false) {
      if (!theirs) {
        url = (await inModule(() => files.retrieve(id, { signal }))).presignedUrl;
        if (!url) throw new MoveUgcError('NOT_FOUND', `file ${id} has no download URL yet: a job's outputs get theirs soon after it finishes (see jobs.waitForCompletion)`);
      }
      try {
        await inModule(() => files.__transfer(url, params, undefined, sink));
        return sink.result;
      } catch (error) {
        // Once only: a URL read just now is not refused for its age.
        if (!theirs || error?.status !== 403) throw error;
      }
    }
  });
}

/**
 * `jobs.downloadOutputs` (declared in src/jobs/mod.rs), with `this` the
 * module's Jobs: the Node entry's (js/node-files.js). Elsewhere there is no
 * file system to write to.
 */
export async function downloadOutputs(jobOrId, params) {
  if (!node.downloadOutputs) throw invalid('jobs.downloadOutputs', 'writes files: it runs only in Node; in a browser, use files.download(output.file)');
  return withOwn(this, guard(), (jobs) => node.downloadOutputs(jobs, jobOrId, params));
}

/**
 * One request to a presigned storage URL under `attempt`, with no
 * Authorization and no API header (the key never goes to storage), through
 * `fetchImpl` (undefined: the global fetch). Resolves with `[status,
 * Retry-After]`; rejects when no answer came or the body broke off.
 *
 * With a `body` (a Blob or Uint8Array), a PUT: an upload, with no timeout (a
 * large video takes what it takes); browsers send it with XMLHttpRequest,
 * which reports bytes as they go, Node's fetch cannot tell, so there the
 * start and the end are reported. With none, a GET whose 2xx body goes into
 * `sink` as it arrives: `open(total)` (each attempt starts afresh; `total`
 * the Content-Length, or null), `write(chunk)` awaited (a slow disk holds
 * the network back), then `sink.result = close()`; the attempt's timeout
 * bounds the wait for the answer and then each wait for the next chunk (not
 * the writes, nor `onProgress`), never the whole transfer. `onProgress` gets
 * `{ loaded, total }` (`total` null when storage does not say the length),
 * never the same value twice in a row.
 */
export async function storage(attempt, url, body, sink, onProgress, fetchImpl) {
  fromModule();
  let total = body ? (body.size ?? body.byteLength) : null;
  let last;
  const report = (loaded) => {
    if (onProgress && loaded !== last) notify(onProgress, { loaded, total });
    last = loaded;
  };
  const signal = attempt.controller.signal;
  if (body) {
    clearTimeout(attempt.timer);
    report(0);
    // XMLHttpRequest reports bytes as they go; a client's own fetch is used
    // all the same (tests, proxies).
    if (typeof XMLHttpRequest !== 'undefined' && !fetchImpl) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        const onAbort = () => xhr.abort();
        xhr.open('PUT', url);
        xhr.upload.onprogress = (event) => report(event.loaded);
        xhr.onload = () => {
          signal.removeEventListener('abort', onAbort);
          if (xhr.status >= 200 && xhr.status < 300) report(total);
          resolve([xhr.status, xhr.getResponseHeader('retry-after')]);
        };
        xhr.onerror = () => reject(new Error('the upload failed'));
        xhr.onabort = () => reject(new Error('aborted'));
        signal.addEventListener('abort', onAbort, { once: true });
        xhr.send(body);
      });
    }
  }
  const response = await send(fetchImpl, url, body ? { method: 'PUT', body, signal } : { signal });
  if (response.ok && !body) {
    const length = response.headers.get('content-length');
    total = length === null ? null : Number(length);
    let loaded = 0;
    await sink.open(total);
    report(0);
    // (A body cut short of its Content-Length fails the read: fetch checks it.)
    // No body at all (a fetch of the caller's may give `new Response(null)`): no bytes.
    for (const reader = response.body?.getReader(); reader; ) {
      const { done, value } = await reader.read();
      if (done) break;
      // The timeout bounds the wait for storage, not the disk nor the caller's onProgress.
      clearTimeout(attempt.timer);
      await sink.write(value);
      report((loaded += value.byteLength));
      attempt.arm();
    }
    sink.result = await sink.close();
  } else {
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) report(total);
  }
  return [response.status, response.headers.get('retry-after')];
}

/**
 * A sink that keeps a download's bytes in one Uint8Array, made at once as
 * long as Content-Length says (else grown as bytes come), and hands back that
 * very array in Node, a Blob of it elsewhere: the bytes are held once, never
 * as chunks and a copy of them.
 */
function bytesSink() {
  let bytes;
  let size;
  return {
    // `| 0`: no length, or one that is not a sane integer, starts from nothing.
    open: (total) => {
      bytes = new Uint8Array(Math.max(total | 0, 0));
      size = 0;
    },
    write: (chunk) => {
      if (size + chunk.length > bytes.length) {
        const old = bytes;
        (bytes = new Uint8Array(2 * size + chunk.length)).set(old);
      }
      bytes.set(chunk, size);
      size += chunk.length;
    },
    close: () => ((bytes = bytes.subarray(0, size)), node.readPath ? bytes : new Blob([bytes])),
  };
}

// ---- the module's health: a trap, and a fresh instance after it ----
//
// Once the WebAssembly instance traps (a Rust panic, or any other failure that
// unwinds through it), it must not run again: its shadow stack and allocator
// are wherever the trap left them. The failure is noted (`failure`), and as
// soon as no frame of the module is on the stack (`depth` is 0) `recover()`
// rejects every call still pending in it with INTERNAL, stops their requests
// and timers, and replaces the instance with a fresh one of the same compiled
// module (wasm-bindgen's `__wbg_reset_state`). Each client then makes itself
// again on the new instance from the options it was made with (see
// `defineClient`), and `generation` tells what belongs to which instance.

/** Where to report a failure of the module. */
const REPORT_URL = 'https://github.com/move-ugc/move-ugc/issues';

let resetModule; // the glue's __wbg_reset_state, handed over by defineClient
let ready = false; // whether the module was instantiated (init(), initSync(), or it called in)
let generation = 0; // how many times the instance was replaced
let depth = 0; // calls into the module made through here, on the stack right now
let failure; // { why }: the module failed; it must not run again
let droppedWhy = 'the module was restarted after a failure'; // the last failure, for calls that outlive it
const inFlight = new Set(); // stops the requests and timers of calls in the module

const tasks = new Map(); // call id -> { id, resolve, reject, poll, scheduled }

/**
 * The error of a call the module dropped: INTERNAL, never retryable (a
 * mutation dropped this way may have been carried out).
 */
function internalError(why, own) {
  const which = own ? 'this call' : 'this call, which was running beside the one that failed';
  return new MoveUgcError(
    'INTERNAL',
    `move-ugc failed internally (${why}) and dropped ${which}; please report it at ${REPORT_URL}. ` +
      'A create or update dropped this way may have been carried out: check before sending it again. ' +
      'The next call runs on a fresh instance of the module.',
    { retryable: false },
  );
}

/** Words for what came out of a failed module call. */
function describe(thrown) {
  if (thrown instanceof Error) return thrown.message ? `${thrown.name}: ${thrown.message}` : thrown.name;
  return shown(thrown);
}

/** Notes that the module failed; recovers as soon as the stack is clear of it. */
function noteFailure(why) {
  if (failure) return;
  failure = { why };
  droppedWhy = why;
  // Whoever called in may not be here to catch the trap (a promise callback of
  // the module): recover all the same, once the current job is done.
  queueMicrotask(() => {
    if (failure && depth === 0) recover();
  });
}

/** The package's init() and initSync() call this once the module is instantiated. */
export function moduleReady() {
  ready = true;
}

/**
 * Called by the module's panic hook just before it traps (src/executor.rs),
 * while the instance is still sound: why it failed.
 */
export function recordPanic(message) {
  noteFailure(message);
}

/**
 * Where the imports the module calls begin. The module is running, so it was
 * instantiated, whoever did it (the package's init(), or the harness of the
 * module's own wasm-bindgen tests). And a failed module may not go on: the
 * imports it calls throw, so that code of a failed instance still on the
 * stack unwinds instead of running on.
 */
function fromModule() {
  ready = true;
  if (failure) throw new Error(`move-ugc: the module failed (${failure.why})`);
}

/** Rejects what the failed instance was running, and replaces it. */
function recover() {
  const { why } = failure;
  const dropped = [...tasks.values()];
  tasks.clear();
  const stops = [...inFlight];
  inFlight.clear();
  generation += 1;
  for (const stop of stops) stop();
  if (resetModule) {
    try {
      resetModule();
      failure = undefined;
    } catch (error) {
      // No fresh instance (out of memory?): every call fails until one can be made.
      failure = { why: `${why}; then a fresh instance could not be made: ${describe(error)}` };
    }
  } else {
    // Without the package's entry (the module's own wasm-bindgen tests) there
    // is no instance to replace; the pending calls are rejected all the same.
    failure = undefined;
  }
  for (const task of dropped) task.reject(internalError(why, false));
}

/**
 * Runs `run`, a call into the module. A MoveUgcError it throws is the call's
 * own answer; anything else (a trap, a stack overflow, an exception that went
 * through the module) means the module failed: the call throws INTERNAL (and
 * `ownTask`, the call being polled, rejects with it), the others pending in
 * the module reject too, and the instance is replaced.
 */
function callModule(run, ownTask) {
  // Not a failure of the module: there is none yet (move-ugc/web without init()).
  if (!ready) throw new Error("move-ugc: the module is not initialised: call `await init()` (from 'move-ugc/web') first");
  if (failure && depth === 0) recover();
  if (failure) throw internalError(failure.why, true);
  depth += 1;
  let value;
  let thrown;
  let threw = false;
  try {
    value = run();
  } catch (error) {
    threw = true;
    thrown = error;
  } finally {
    depth -= 1;
  }
  if (threw && !failure && !(thrown instanceof MoveUgcError)) noteFailure(describe(thrown));
  if (!failure) {
    if (threw) throw thrown;
    return value;
  }
  // The module failed in this call (or in a callback it made): whatever came
  // out of it is not to be trusted.
  const own = internalError(failure.why, true);
  if (ownTask && tasks.get(ownTask.id) === ownTask) {
    tasks.delete(ownTask.id);
    ownTask.reject(own);
  }
  if (depth === 0) recover();
  throw own;
}

// ---- the call executor (see src/executor.rs) ----

/** Starts call `id`; the module polls it through `poll(id)` in microtasks. */
export function startTask(id, poll) {
  fromModule();
  return new Promise((resolve, reject) => {
    tasks.set(id, { id, resolve, reject, poll, scheduled: false });
    wakeTask(id);
  });
}

/** Schedules one more poll of call `id`. */
export function wakeTask(id) {
  fromModule();
  const task = tasks.get(id);
  if (!task || task.scheduled) return;
  task.scheduled = true;
  queueMicrotask(() => {
    task.scheduled = false;
    // A failure noted where nobody caught it (a promise callback of the
    // module) is recovered from first: this task may be among the dropped.
    if (failure && depth === 0) recover();
    // Settled, or dropped with a failed instance (whose ids the new one reuses).
    if (tasks.get(id) !== task) return;
    try {
      callModule(() => task.poll(id), task);
    } catch {
      // callModule rejected this call (and the others) already.
    }
  });
}

/** Settles call `id` with its result. */
export function settleTask(id, ok, value) {
  fromModule();
  const task = tasks.get(id);
  if (!task) return;
  tasks.delete(id);
  if (ok) task.resolve(value);
  else task.reject(value);
}

// ---- the client: misuse from JavaScript, and a fresh module after a failure ----

// Per client made by the MoveUgc of defineClient: { options, inner, generation,
// freed, services }. `inner` is the module's own MoveUgc on instance
// `generation`; `options` what it was made from, to make it again on a fresh
// instance. Kept here, in a WeakMap: never a property of the client, so never
// enumerable, shown by util.inspect or JSON.stringify, or put in an error.
const clients = new WeakMap();
// The getters of MoveUgc that are plain values; every other getter is a service.
const CLIENT_VALUES = new Set(['endpointUrl']);
// The methods of MoveUgc that return a promise (`ugc.request`).
const ASYNC_METHODS = new Set(['request']);

function freedError(where, what) {
  return new MoveUgcError(
    'INVALID_ARGUMENT',
    `${where}: this ${what} was freed (free() was called); create a new MoveUgc to go on`,
    { retryable: false },
  );
}

/** What a method of a service gives for a failure: a rejection (an iterable that rejects, for iterate). */
function rejectWith(key, failure) {
  if (key === 'iterate') {
    return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(failure) }) };
  }
  return Promise.reject(failure);
}

/**
 * A stand-in for a service of a freed client: any method name rejects, while
 * what every object has (`toString`, `valueOf`…) stays harmless and it is no
 * thenable.
 */
function freedService(service) {
  const target = {
    toString: () => `${service} (of a freed MoveUgc)`,
    free: () => undefined,
    [Symbol.dispose]: () => undefined,
  };
  return new Proxy(target, {
    get(_, key) {
      if (typeof key === 'string' && key !== 'then' && !(key in target)) {
        return () => rejectWith(key, freedError(`${service}.${key}`, 'client'));
      }
      return Reflect.get(target, key);
    },
  });
}

/** The own methods of `proto`, symbols included (`Symbol.dispose`). */
function methodsOf(proto) {
  return Reflect.ownKeys(proto).filter(
    (key) =>
      key !== 'constructor' &&
      !(typeof key === 'string' && key.startsWith('__')) && // the glue's plumbing (`__destroy_into_raw`)
      typeof Object.getOwnPropertyDescriptor(proto, key)?.value === 'function',
  );
}

/**
 * A copy of the constructor's options, to make the client again from should
 * the module be replaced (the caller may change their object later). The
 * module reads the same thing from it: own enumerable properties.
 */
function snapshotOf(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options) || lossy(options)) return options;
  return { ...options };
}

/**
 * Makes the package's `MoveUgc` class around the module's own (`Inner`):
 *
 * - its services' methods work detached (`const { list } = ugc.jobs; list()`),
 *   and after `free()` (or `Symbol.dispose`) every call rejects with a
 *   MoveUgcError (`INVALID_ARGUMENT`) instead of throwing "null pointer passed
 *   to rust" (a service taken before `free()` keeps working until it is freed
 *   itself);
 * - should the module fail, the call rejects with `INTERNAL`, and the client
 *   and its services make themselves again on the fresh instance, from the
 *   options the client was made with, at their next call.
 *
 * `reset` replaces the module's instance (the glue's `__wbg_reset_state`).
 * The package's core module calls this once.
 */
export function defineClient(Inner, reset) {
  resetModule = reset;
  const proto = Inner.prototype;

  function clientState(client, key) {
    const state = clients.get(client);
    if (!state) throw new MoveUgcError('INVALID_ARGUMENT', `${String(key)}: called on something that is not a MoveUgc`, { retryable: false });
    return state;
  }

  /** The module's MoveUgc of `state` on the current instance (made again after a failure). */
  function innerOf(state) {
    if (state.generation !== generation) {
      state.inner = new Inner(state.options);
      state.generation = generation;
    }
    return state.inner;
  }

  /** The module's object of a service on the current instance. */
  function serviceOf(service) {
    if (service.generation !== generation) {
      const { client, get } = service;
      if (client.freed) {
        // The client is gone but its service lives on: take the service from a
        // client made for the purpose (the service holds what it needs).
        const maker = new Inner(client.options);
        service.inner = get.call(maker);
        maker.free();
      } else {
        service.inner = get.call(innerOf(client));
      }
      service.generation = generation;
    }
    return service.inner;
  }

  /** The facade of service `key`: the same object every time (`ugc.jobs === ugc.jobs`). */
  function facadeOf(state, key, get) {
    let facade = state.services.get(key);
    if (facade) return facade;
    const service = { client: state, get, inner: undefined, generation: -1, freed: false };
    const first = callModule(() => serviceOf(service));
    if (first === null || typeof first !== 'object') return first;
    const serviceProto = Object.getPrototypeOf(first);
    facade = Object.create(serviceProto);
    const free = () => {
      if (service.freed) return;
      service.freed = true;
      // Only an object of the current instance is freed: one of a replaced
      // instance went with it (and its pointer means nothing to the new one).
      if (service.generation === generation) callModule(() => serviceProto.free.call(service.inner));
      service.inner = undefined;
    };
    for (const name of methodsOf(serviceProto)) {
      const method = serviceProto[name];
      const call =
        name === 'free' || name === Symbol.dispose
          ? free
          : (...args) => {
              if (service.freed) return rejectWith(name, freedError(`${key}.${String(name)}`, 'service'));
              try {
                return callModule(() => method.apply(serviceOf(service), args));
              } catch (error) {
                return rejectWith(name, error);
              }
            };
      Object.defineProperty(facade, name, { value: call, writable: true, configurable: true });
    }
    state.services.set(key, facade);
    return facade;
  }

  // The class users make: its state lives in `clients`, the module's object inside it.
  class MoveUgc {
    constructor(options) {
      const snapshot = snapshotOf(options);
      const inner = callModule(() => new Inner(snapshot));
      clients.set(this, { options: snapshot, inner, generation, freed: false, services: new Map() });
    }
  }
  const ours = MoveUgc.prototype;

  function free() {
    const state = clients.get(this);
    if (!state || state.freed) return; // once only: a second free() is harmless
    state.freed = true;
    if (state.generation === generation) callModule(() => proto.free.call(state.inner));
    state.inner = undefined;
  }

  for (const key of Reflect.ownKeys(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    // The glue's own plumbing (`__destroy_into_raw`) is not the client's.
    if (key === 'constructor' || !descriptor || (typeof key === 'string' && key.startsWith('__'))) continue;
    if (descriptor.get) {
      const get = descriptor.get;
      const isService = !CLIENT_VALUES.has(key);
      Object.defineProperty(ours, key, {
        configurable: true,
        enumerable: descriptor.enumerable,
        get() {
          const state = clientState(this, key);
          if (state.freed) {
            if (isService) return freedService(key);
            throw freedError(String(key), 'client');
          }
          if (isService) return facadeOf(state, key, get);
          return callModule(() => get.call(innerOf(state)));
        },
      });
    } else if (typeof descriptor.value === 'function') {
      const method = descriptor.value;
      const value =
        key === 'free' || key === Symbol.dispose
          ? free
          : function guardedMethod(...args) {
              const state = clientState(this, key);
              if (state.freed) {
                // toString, and Node's util.inspect (a symbol-keyed method).
                if (key === 'toString' || typeof key === 'symbol') return 'MoveUgc(freed)';
                if (key === 'toJSON') return { freed: true };
                throw freedError(String(key), 'client');
              }
              return callModule(() => method.apply(innerOf(state), args));
            };
      // A method that returns a promise rejects instead of throwing: detached,
      // after free(), or when the module fails.
      const guarded = ASYNC_METHODS.has(key)
        ? function guardedAsync(...args) {
            try {
              return value.apply(this, args);
            } catch (error) {
              return Promise.reject(error);
            }
          }
        : value;
      Object.defineProperty(ours, key, { configurable: true, writable: true, enumerable: descriptor.enumerable, value: guarded });
    }
  }
  // Node's util.inspect shows the settings, never the key.
  Object.defineProperty(ours, Symbol.for('nodejs.util.inspect.custom'), {
    configurable: true,
    writable: true,
    value: function inspect() {
      const state = clients.get(this);
      return !state || state.freed ? 'MoveUgc(freed)' : `MoveUgc ${JSON.stringify(this.toJSON())}`;
    },
  });
  return MoveUgc;
}
