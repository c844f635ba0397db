// The files of jobs.downloadOutputs, for Node only: the Node entry hands
// `outputFiles` to host.js (useNodeFs), so none of this is in what a browser
// loads. Each output is streamed to a temporary file beside its final name,
// written chunk by chunk as it arrives, and renamed once complete: an existing
// file is only ever replaced by a whole one, and a failed or aborted attempt
// removes its temporary file. (The module retries the download itself.)

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { MoveUgcError, shown } from './host.js';

/** Words for what the file system refused. */
const WHY = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file, not a directory',
  ENOTDIR: 'a file, not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'a read-only file system',
};

/** `INVALID_ARGUMENT` about `params.dir`: where the files were to go. */
function refused(dir, what, error) {
  const why = WHY[error?.code] ?? error?.message ?? String(error);
  return new MoveUgcError('INVALID_ARGUMENT', `params.dir: cannot ${what} in ${shown(dir)}: ${why}`, { cause: error });
}

/**
 * Checks that `dir` is a directory that can be written (making it if it is
 * missing) and resolves with `(name, format) => sink` for host.js `download`.
 */
export async function outputFiles(dir) {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    // A file made and removed now, rather than a refusal after the job was read.
    const probe = await temporary(dir, 'move-ugc-check');
    await probe.handle.close();
    await rm(probe.path, { force: true });
  } catch (error) {
    throw refused(dir, 'write files', error);
  }
  return (name, format) => fileSink(dir, name, format);
}

/** Creates a file of a fresh name beside `name` in `dir`: `{ path, handle }`. */
async function temporary(dir, name) {
  const path = join(dir, `.${name}.${randomBytes(6).toString('hex')}.part`);
  return { path, handle: await open(path, 'wx') };
}

/**
 * A sink that writes one output to `dir/name`: each attempt into a temporary
 * file of its own (`open`), renamed to `name` by `close`; `fail` removes it.
 * Its result is `{ format, path, bytes }`.
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
  const guard = async (what, step) => {
    try {
      return await step();
    } catch (error) {
      throw refused(dir, what, error);
    }
  };
  return {
    tag: { format },
    open: () =>
      guard(`write ${name}`, async () => {
        await fail();
        ({ path: temp, handle } = await temporary(dir, name));
        bytes = 0;
      }),
    write: (chunk) =>
      guard(`write ${name}`, async () => {
        // A write may take part of the chunk: go on until all of it is written.
        for (let at = 0; at < chunk.byteLength; ) at += (await handle.write(chunk, at)).bytesWritten;
        bytes += chunk.byteLength;
      }),
    close: () =>
      guard(`write ${name}`, async () => {
        await handle.close();
        handle = undefined;
        await rename(temp, path);
        temp = undefined;
        return { format, path, bytes };
      }),
    fail,
  };
}
