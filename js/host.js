// Host-side helpers of the move-ugc WebAssembly module: the error class, the
// encoding of caller arguments with the host's JSON, and timers. The package
// entry re-exports MoveUgcError and isMoveUgcError from this same file, so
// `instanceof` holds for the errors the module creates.

/**
 * The error of every failed move-ugc call. `code` says what went wrong;
 * `status`, `errorType` and `graphqlErrors` carry what the API answered.
 */
export class MoveUgcError extends Error {
  constructor(code, message, details = {}) {
    super(message);
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
export function createError(code, message, status, errorType, graphqlErrors, retryable) {
  const details = { retryable };
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

function invalid(path, problem) {
  return new MoveUgcError('INVALID_ARGUMENT', `${path}: ${problem}`, { retryable: false });
}

function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

// Keys of a params object that are not data and never travel as JSON.
const CONTROL_KEYS = new Set(['signal', 'onProgress']);

/**
 * Encodes the params object `value` (named `name` in errors) as JSON text for
 * the module, refusing what JSON cannot carry: functions, symbols, BigInts,
 * NaN and infinities, cycles. `signal` and `onProgress` are left out: they are
 * read separately. An absent optional object encodes as `{}`.
 */
export function encodeArgument(value, name, required) {
  if (value === undefined || value === null) {
    if (required) throw invalid(name, 'is required');
    return '{}';
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(name, `expected an object, got ${kindOf(value)}`);
  }
  const paths = new WeakMap([[value, name]]);
  try {
    return JSON.stringify(value, function replacer(key, item) {
      if (key === '' && item === value) return item;
      if (this === value && CONTROL_KEYS.has(key)) return undefined;
      const base = paths.get(this) ?? name;
      const path = Array.isArray(this) ? `${base}[${key}]` : `${base}.${key}`;
      switch (typeof item) {
        case 'function':
        case 'symbol':
        case 'bigint':
          throw invalid(path, `${kindOf(item)} cannot be sent as JSON`);
        case 'number':
          if (!Number.isFinite(item)) throw invalid(path, 'must be a finite number');
          break;
        case 'undefined':
          if (Array.isArray(this)) throw invalid(path, 'undefined cannot be sent as JSON');
          break;
        case 'object':
          if (item !== null) paths.set(item, path);
          break;
      }
      return item;
    });
  } catch (error) {
    if (error instanceof MoveUgcError) throw error;
    // JSON.stringify's own TypeError: a cycle, or a toJSON that threw.
    throw invalid(name, 'contains a cycle or a value that cannot be sent as JSON');
  }
}

/** Reads `params.signal`: undefined, or an AbortSignal. */
export function readSignal(params, name) {
  if (params === undefined || params === null || typeof params !== 'object') return undefined;
  const signal = params.signal;
  if (signal === undefined || signal === null) return undefined;
  if (typeof AbortSignal !== 'undefined' && signal instanceof AbortSignal) return signal;
  throw invalid(`${name}.signal`, 'must be an AbortSignal');
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
  get fetchSignal() {
    return this.controller.signal;
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
  if (typeof callback !== 'function') throw invalid(`${name}.${key}`, 'must be a function');
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

/** Reads the bytes of `files.upload`: a Blob, an ArrayBuffer or any view of one (Buffer too). */
export function readUploadData(data, name) {
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalid(name, `expected a Blob, ArrayBuffer, Uint8Array or Buffer, got ${kindOf(data)}`);
}

/**
 * PUTs `body` to a presigned storage URL, without any Authorization header.
 * Resolves with the HTTP status; rejects on a network failure or an abort.
 * Browsers report progress as bytes go (XMLHttpRequest); Node cannot tell, so
 * it reports the start and the end.
 */
export function putBytes(url, body, signal, onProgress) {
  const total = body instanceof Uint8Array ? body.byteLength : body.size;
  const report = (loaded) => {
    if (onProgress) notify(onProgress, { loaded, total });
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
