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

function invalid(path, problem, cause) {
  return new MoveUgcError('INVALID_ARGUMENT', `${path}: ${problem}`, { retryable: false, cause });
}

/**
 * A value as an error message shows it, the way a JavaScript reader writes it:
 * `2.5`, `"FBX"` (long strings cut), `undefined`, `null`, `5n`, `an array`,
 * `an object`, `a function`, `NaN`.
 */
export function shown(value) {
  switch (typeof value) {
    case 'string':
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
 * JSON cannot carry whole (a function, a symbol, a BigInt, a Map…).
 */
export function kindOf(value) {
  switch (typeof value) {
    case 'undefined':
      return 0;
    case 'boolean':
      return 2;
    case 'number':
      return 3;
    case 'string':
      return 4;
    case 'object':
      if (value === null) return 1;
      if (Array.isArray(value)) return 5;
      return lossy(value) ? 7 : 6;
    default:
      return 7;
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
    this.controller = new AbortController();
    this.callerSignal = signal ?? undefined;
    this.timedOut = false;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, timeoutMs);
    if (this.callerSignal) {
      this.onAbort = () => this.controller.abort();
      this.callerSignal.addEventListener('abort', this.onAbort, { once: true });
    }
  }
  /**
   * POSTs a GraphQL body under this attempt's signal, with a plain init:
   * a `Request` object built first would be built a second time by fetch
   * (undici), which costs a tenth of a small call.
   */
  post(url, key, body) {
    return fetch(url, {
      method: 'POST',
      headers: { authorization: key, 'content-type': 'application/json' },
      body,
      signal: this.controller.signal,
    });
  }
  get aborted() {
    return Boolean(this.callerSignal && this.callerSignal.aborted);
  }
  finish() {
    clearTimeout(this.timer);
    if (this.callerSignal) this.callerSignal.removeEventListener('abort', this.onAbort);
  }
}

/** Waits `ms` milliseconds; rejects early if `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) {
      reject(new Error('aborted'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * An AsyncIterable over every item of every page: `fetchPage(params)` lists
 * one page (the caller's params with `nextToken` set), until `nextToken` is null.
 */
export function paginate(fetchPage, params) {
  const isObject = params !== null && typeof params === 'object' && !Array.isArray(params);
  // Anything that is not a params object goes to fetchPage as it is, to be refused there.
  const pageParams = (nextToken) => (isObject ? { ...params, nextToken } : params);
  return {
    async *[Symbol.asyncIterator]() {
      let nextToken = isObject ? (params.nextToken ?? null) : null;
      const seen = new Set();
      do {
        const page = await fetchPage(pageParams(nextToken));
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
  try {
    callback(value);
  } catch {
    // A failing progress callback must not break the call it observes.
  }
}

// ---- uploads ----

/** `dir/clip.MP4` → `clip.MP4`. */
function baseName(path) {
  return String(path).split(/[\\/]/).pop() || undefined;
}

/** Words for the errors of reading a file. */
const FILE_ERRORS = { ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'a directory, not a file' };

let registeredFs;

/** The Node entry hands over `node:fs` (no static import here: bundlers would trip on it). */
export function useNodeFs(fs) {
  registeredFs = fs;
}

/** Node's `fs`: the one the Node entry handed over, else Node 20.16+'s built-in. */
function nodeFs() {
  if (registeredFs) return registeredFs;
  const getBuiltin = globalThis.process?.getBuiltinModule;
  return typeof getBuiltin === 'function' ? getBuiltin('node:fs') : undefined;
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
export async function readUploadData(data, name) {
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
    const fs = nodeFs();
    if (!fs?.openAsBlob) {
      throw invalid(name, `got a string (${shown(data)}): a file path is read only in Node; pass the bytes (a Blob, ArrayBuffer or Uint8Array)`);
    }
    try {
      const stats = await fs.promises.stat(data);
      if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      // Read from disk as it is sent: a large video is never held in memory.
      body = await fs.openAsBlob(data);
    } catch (error) {
      const why = FILE_ERRORS[error?.code] ?? error?.message ?? String(error);
      throw invalid(name, `cannot read the file ${shown(data)}: ${why}`, error);
    }
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

/**
 * PUTs `body` to a presigned storage URL, without any Authorization header.
 * Resolves with the HTTP status; rejects on a network failure or an abort.
 * Browsers report progress as bytes go (XMLHttpRequest); Node cannot tell, so
 * it reports the start and the end. No value is reported twice in a row, so
 * the final `loaded === total` comes once.
 */
export function putBytes(url, body, signal, onProgress) {
  const total = body instanceof Uint8Array ? body.byteLength : body.size;
  let last;
  const report = (loaded) => {
    if (onProgress && loaded !== last) notify(onProgress, { loaded, total });
    last = loaded;
  };
  if (typeof XMLHttpRequest !== 'undefined') {
    return new Promise((resolve, reject) => {
      if (signal && signal.aborted) {
        reject(new Error('aborted'));
        return;
      }
      const xhr = new XMLHttpRequest();
      const onAbort = () => xhr.abort();
      xhr.open('PUT', url);
      xhr.upload.onprogress = (event) => report(event.loaded);
      xhr.onload = () => {
        if (signal) signal.removeEventListener('abort', onAbort);
        if (xhr.status >= 200 && xhr.status < 300) report(total);
        resolve(xhr.status);
      };
      xhr.onerror = () => reject(new Error('the upload failed'));
      xhr.onabort = () => reject(new Error('aborted'));
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
      report(0);
      xhr.send(body);
    });
  }
  report(0);
  return fetch(url, { method: 'PUT', body, signal }).then(async (response) => {
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) report(total);
    return response.status;
  });
}

// ---- misuse from JavaScript: detached methods, calls after free() ----

const facades = new WeakMap(); // a service object -> its facade with bound methods
const freed = new WeakSet(); // clients and services whose free() was called
// The getters of MoveUgc that are plain values; every other getter is a service.
const CLIENT_VALUES = new Set(['endpointUrl']);

function freedError(where, what) {
  return new MoveUgcError(
    'INVALID_ARGUMENT',
    `${where}: this ${what} was freed (free() was called); create a new MoveUgc to go on`,
    { retryable: false },
  );
}

/** What a method of a freed client or service gives: a rejection (an iterable that rejects, for iterate). */
function rejectFreed(key, failure) {
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
        return () => rejectFreed(key, freedError(`${service}.${key}`, 'client'));
      }
      return Reflect.get(target, key);
    },
  });
}

/** The own methods of `proto`, symbols included (`Symbol.dispose`). */
function methodsOf(proto) {
  return Reflect.ownKeys(proto).filter((key) => key !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, key)?.value === 'function');
}

/**
 * A facade of a service object (`ugc.jobs`) whose methods work detached from
 * it (`const { list } = ugc.jobs; list()`), and reject with a MoveUgcError,
 * never throw a TypeError, once the service was freed.
 */
function facadeOf(service, serviceName) {
  let facade = facades.get(service);
  if (facade) return facade;
  const proto = Object.getPrototypeOf(service);
  facade = Object.create(proto);
  const free = () => {
    if (!freed.has(service)) proto.free.call(service);
    freed.add(service);
  };
  for (const key of methodsOf(proto)) {
    const method = proto[key];
    const call =
      key === 'free' || key === Symbol.dispose
        ? free
        : (...args) => (freed.has(service) ? rejectFreed(key, freedError(`${serviceName}.${String(key)}`, 'service')) : method.apply(service, args));
    Object.defineProperty(facade, key, { value: call, writable: true, configurable: true });
  }
  facades.set(service, facade);
  return facade;
}

// Marks a class hardenClient already went through.
const HARDENED = Symbol('move-ugc hardened');

/**
 * Makes the `MoveUgc` class safe against misuse from JavaScript: its services
 * have methods that work detached, and after `free()` (or `Symbol.dispose`)
 * every call rejects with a MoveUgcError (`INVALID_ARGUMENT`) instead of
 * throwing "null pointer passed to rust". Each entry of the package calls this
 * once on the class it exports.
 */
export function hardenClient(Client) {
  const proto = Client.prototype;
  if (Object.hasOwn(proto, HARDENED)) return;
  Object.defineProperty(proto, HARDENED, { value: true });
  const free = proto.free;
  // Once only: a second free() (or free() after Symbol.dispose) is harmless.
  const guardedFree = function guardedFree() {
    if (!freed.has(this)) free.call(this);
    freed.add(this);
  };
  for (const key of Reflect.ownKeys(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    if (key === 'constructor' || key === HARDENED || !descriptor) continue;
    if (descriptor.get) {
      const get = descriptor.get;
      const isService = !CLIENT_VALUES.has(key);
      Object.defineProperty(proto, key, {
        ...descriptor,
        get() {
          if (freed.has(this)) {
            if (isService) return freedService(key);
            throw freedError(String(key), 'client');
          }
          const value = get.call(this);
          return isService && value !== null && typeof value === 'object' ? facadeOf(value, key) : value;
        },
      });
    } else if (typeof descriptor.value === 'function') {
      const method = descriptor.value;
      let guarded;
      if (key === 'free' || key === Symbol.dispose) guarded = guardedFree;
      else {
        guarded = function guardedMethod(...args) {
          if (freed.has(this)) {
            // toString, and Node's util.inspect (a symbol-keyed method).
            if (key === 'toString' || typeof key === 'symbol') return 'MoveUgc(freed)';
            if (key === 'toJSON') return { freed: true };
            throw freedError(String(key), 'client');
          }
          return method.apply(this, args);
        };
      }
      Object.defineProperty(proto, key, { ...descriptor, value: guarded });
    }
  }
}

// ---- the call executor (see src/executor.rs) ----

const tasks = new Map(); // id -> { resolve, reject, poll, lastPanic, scheduled }

/** Starts call `id`; the module polls it through `poll(id)` in microtasks. */
export function startTask(id, poll, lastPanic) {
  return new Promise((resolve, reject) => {
    tasks.set(id, { resolve, reject, poll, lastPanic, scheduled: false });
    wakeTask(id);
  });
}

/** Schedules one more poll of call `id`. */
export function wakeTask(id) {
  const task = tasks.get(id);
  if (!task || task.scheduled) return;
  task.scheduled = true;
  queueMicrotask(() => {
    task.scheduled = false;
    if (tasks.get(id) !== task) return;
    try {
      task.poll(id);
    } catch (failure) {
      // The module trapped (a Rust panic) while running this call: reject this
      // call alone; the module and every other call go on.
      tasks.delete(id);
      let detail = '';
      try {
        detail = task.lastPanic() ?? '';
      } catch {
        // Reading the message is best effort.
      }
      const why = detail || (failure instanceof Error ? failure.message : String(failure));
      task.reject(
        new MoveUgcError('INVALID_RESPONSE', `move-ugc failed internally and dropped this call (please report it): ${why}`, {
          retryable: false,
        }),
      );
    }
  });
}

/** Settles call `id` with its result. */
export function settleTask(id, ok, value) {
  const task = tasks.get(id);
  if (!task) return;
  tasks.delete(id);
  if (ok) task.resolve(value);
  else task.reject(value);
}
