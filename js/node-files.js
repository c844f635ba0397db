// What only Node can do, handed to host.js by the Node entry (useNode), so
// that none of it is in what a browser loads: the file path of files.upload,
// read from disk as it is sent, and jobs.downloadOutputs. The module checks
// the params, reads the job and downloads each output (its retries,
// timeouts, and no API key to storage); this file chooses the outputs and
// their file names and writes the files. Each output is streamed to a
// temporary file beside its final name, chunk by chunk as it arrives, and
// renamed once complete: an existing file is only ever replaced by a whole
// one, and a failed or aborted download leaves no temporary file behind.
//
// How a job's state is read (`stateOf`, `normalizeState`, `assess`) is
// host.js's, re-exported here for the move-ugc command, which imports it
// from this file (node/files.mjs), and tested against one table of cases
// (tests/job-readiness.json).

import { randomBytes } from 'node:crypto';
import { constants, openAsBlob } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { MoveUgcError, assess, editDistance, guard, idOf, invalid, isMoveUgcError, jobFailed, normalizeState, readCallback, readSignal, shown, stateOf } from './host.js';

/** Words for the errors of reading a file. */
const FILE_ERRORS = { ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'a directory, not a file' };

/**
 * The Blob of the file at `path` for files.upload (`name` is the argument's
 * name in errors): read from disk as it is sent, so a large video is never
 * held in memory.
 */
export async function readPath(path, name) {
  try {
    if (!(await stat(path)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return await openAsBlob(path);
  } catch (error) {
    const why = FILE_ERRORS[error?.code] ?? error?.message ?? String(error);
    throw invalid(name, `cannot read the file ${shown(path)}: ${why}`, error);
  }
}

/**
 * `jobs.downloadOutputs(jobOrId, params)` (declared in src/jobs/mod.rs) on
 * `jobs`, the module's Jobs. Everything is checked before anything is sent:
 * the params (the module), the job's id, and that `dir` can be written
 * (without making it yet). The job is read next; `dir` is made only once its
 * outputs are known to be there to download, and none of their files' names
 * is a directory in it.
 */
export async function downloadOutputs(jobs, jobOrId, params) {
  const inModule = guard();
  jobs.__transfer(undefined, params);
  const signal = readSignal(params, 'params');
  const onProgress = readCallback(params, 'params', 'onProgress');
  const id = idOf(jobOrId, 'jobOrId', 'job', '{ id }');
  if (params.formats?.length === 0) {
    throw invalid('params.formats', 'expected at least one output type, got an empty array (omit it for every output)');
  }
  // Checked by the module: output types in any letter case, as the API spells them.
  const formats = [...new Set((params.formats ?? []).map((format) => format.toUpperCase()))];
  const { dir } = params;
  await writable(dir);
  const job = await inModule(() => jobs.retrieve(id, { expand: ['outputs'], signal }));
  const planned = plan(job, id, formats);
  await prepare(dir, planned);
  const done = [];
  for (const { format, url, name } of planned) {
    done.push(await transfer(inModule, jobs, url, fileSink(dir, name, format), signal, onProgress && ((p) => onProgress({ format, ...p }))));
  }
  return done;
}

/**
 * One output through the module's download into `sink`. A failure of the
 * sink itself (the disk) stops the download at once (no retry can help) and
 * is what the call rejects with; any failure removes the temporary file.
 */
async function transfer(inModule, jobs, url, sink, signal, onProgress) {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) stop.abort();
  let failure;
  const guarded = (step) => async (...args) => {
    try {
      return await step(...args);
    } catch (error) {
      failure = error;
      stop.abort();
      throw error;
    }
  };
  const checked = { open: guarded(sink.open), write: guarded(sink.write), close: guarded(sink.close) };
  try {
    await inModule(() => jobs.__transfer(url, { signal: stop.signal, onProgress }, undefined, checked));
    return checked.result;
  } catch (error) {
    throw failure ?? error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await sink.fail();
  }
}

// ---- a job's state: host.js's rules (re-exported for the move-ugc command) ----

export { assess, editDistance, normalizeState, stateOf };

/**
 * The outputs of `job` (read with its outputs) to download, in the API's
 * order: every one, or those of `formats`; each `{ format, url, name }`.
 * A job that ended without animation is JOB_FAILED; one not finished with
 * its outputs' URLs yet, or without an output of `formats`, NOT_FOUND.
 */
export function plan(job, id, formats) {
  const { phase, state } = assess(job);
  if (phase === 'failed') throw jobFailed(id, state);
  if (phase !== 'finished') {
    throw new MoveUgcError(
      'NOT_FOUND',
      `job ${id} has no outputs ready to download yet (it is ${state || 'in no known state'}): wait for it with jobs.waitForCompletion first`,
    );
  }
  const { outputs } = job;
  const missing = formats.find((format) => !outputs.some((output) => output.format === format));
  if (missing) {
    throw new MoveUgcError('NOT_FOUND', `job ${id} has no ${missing} output (its outputs are ${outputs.map((o) => o.format).join(', ')})`);
  }
  const names = new Set();
  const planned = [];
  for (const { format, file } of outputs) {
    if (formats.length && !formats.includes(format)) continue;
    const stem = `${safe(id)}-${safe(format ?? 'OUTPUT')}`;
    const ext = extension(file.type, format ?? '');
    let name = `${stem}.${ext}`;
    for (let n = 2; names.has(name); n += 1) name = `${stem}-${n}.${ext}`;
    names.add(name);
    planned.push({ format, url: file.presignedUrl, name });
  }
  return planned;
}

/**
 * The extension of an output's file: its `type` (`fbx`, `.MP4`), lower-cased,
 * when that is a plain extension; else a `MAIN_<X>` format's `x`; else `bin`.
 */
export function extension(type, format) {
  const plain = (text) => {
    const ext = typeof text === 'string' ? text.replace(/^\./, '') : '';
    return /^[A-Za-z0-9]{1,16}$/.test(ext) ? ext.toLowerCase() : undefined;
  };
  return plain(type) ?? (format.startsWith('MAIN_') ? plain(format.slice(5)) : undefined) ?? 'bin';
}

/**
 * `text` as one safe part of a file name: letters, digits, `-`, `_` and `.`
 * kept, anything else (a `/`, a space) written `_`, so that a name from the
 * API can never reach outside the directory.
 */
export function safe(text) {
  return String(text).replace(/[^A-Za-z0-9._-]/g, '_');
}

// ---- the directory and the files ----

/** Words for what the file system refused. */
const WHY = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file, not a directory',
  ENOTDIR: 'a file, not a directory',
  EISDIR: 'a directory is in its place',
  ENOENT: 'no such file or directory',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'a read-only file system',
};

/** `INVALID_ARGUMENT` about `params.dir`, before anything is sent: where the files were to go. */
function refused(dir, what, error) {
  const why = WHY[error?.code] ?? error?.message ?? String(error);
  return invalid('params.dir', `cannot ${what} in ${shown(dir)}: ${why}`, error);
}

/**
 * A failure of the disk once requests went out (the job read, a download
 * under way): still `INVALID_ARGUMENT` about `params.dir`, the one raised
 * after sending (see the JSDoc of downloadOutputs), saying what failed, with
 * the file system's error as its `cause` and its code in the message:
 * `params.dir: writing out/job-1-MAIN_FBX.fbx failed: no space left on device (ENOSPC)`.
 */
function diskFailure(doing, path, error) {
  const why = WHY[error?.code] ?? error?.message ?? String(error);
  return invalid('params.dir', `${doing} ${path} failed: ${why}${typeof error?.code === 'string' ? ` (${error.code})` : ''}`, error);
}

/**
 * Checks, without making anything, that `dir` could take the files: it, or
 * the nearest of its parents that exists (it is made later), is a directory
 * this process may write in.
 */
async function writable(dir) {
  try {
    for (let at = resolve(dir); ; at = dirname(at)) {
      let stats;
      try {
        stats = await stat(at);
      } catch (error) {
        if (error?.code === 'ENOENT' && dirname(at) !== at) continue;
        throw error;
      }
      if (!stats.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      await access(at, constants.W_OK | constants.X_OK);
      return;
    }
  } catch (error) {
    throw refused(dir, 'write files', error);
  }
}

/**
 * Before any transfer: refuses a planned file whose name is a directory in
 * `dir` (the rename at its end would fail), then makes `dir` if it is missing.
 */
async function prepare(dir, planned) {
  for (const { name } of planned) {
    const path = join(dir, name);
    if ((await stat(path).catch(() => undefined))?.isDirectory()) {
      throw invalid('params.dir', `${path} is a directory: the output cannot be written there (move it away, or choose another dir)`);
    }
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw diskFailure('making', dir, error);
  }
}

/** Creates a file of a fresh name beside `name` in `dir`: `{ path, handle }`. */
async function temporary(dir, name) {
  const path = join(dir, `.${name}.${randomBytes(6).toString('hex')}.part`);
  return { path, handle: await open(path, 'wx') };
}

/**
 * A sink (see host.js `storage`) that writes one output to `dir/name`: each
 * attempt into a temporary file of its own (`open`, which drops the last
 * attempt's), renamed to `name` by `close`; `fail` removes what is left.
 * Its result is `{ format, path, bytes }`. A failure of the disk is
 * `diskFailure` (INVALID_ARGUMENT about `params.dir`).
 */
function fileSink(dir, name, format) {
  const path = join(dir, name);
  let temp;
  let handle;
  let bytes;
  const fail = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
    temp = undefined;
  };
  const refusing = (step) => async (...args) => {
    try {
      return await step(...args);
    } catch (error) {
      throw isMoveUgcError(error) ? error : diskFailure('writing', path, error);
    }
  };
  return {
    open: refusing(async () => {
      await fail();
      ({ path: temp, handle } = await temporary(dir, name));
      bytes = 0;
    }),
    write: refusing(async (chunk) => {
      // A write may take part of the chunk: go on until all of it is written.
      for (let at = 0; at < chunk.byteLength; ) at += (await handle.write(chunk, at)).bytesWritten;
      bytes += chunk.byteLength;
    }),
    close: refusing(async () => {
      await handle.close();
      handle = undefined;
      await rename(temp, path);
      temp = undefined;
      return { format, path, bytes };
    }),
    fail,
  };
}
