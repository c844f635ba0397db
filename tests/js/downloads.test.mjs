// Downloads: files.download (the bytes, byte for byte) and jobs.downloadOutputs
// (files on disk), against the fake API's storage: no key sent there, retries
// of transient failures only, timeouts per wait for data, abort, progress, and
// no partial or temporary file left behind by a failure.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { outputContent } from '../../fake-api/server.mjs';
import { useFakeApi, clientOf, rejectsWith } from './helpers.mjs';

const SIZE = 200_000; // every output's content in these tests: 4 chunks of the fake's storage
const SINGLE_CAM = ['RENDER_VIDEO', 'MAIN_FBX', 'MAIN_USDC', 'MAIN_USDZ', 'MAIN_BLEND', 'MOTION_DATA', 'RENDER_OVERLAY_VIDEO'];

/** A fresh directory, removed after `run`. */
async function inTempDir(run) {
  const dir = await mkdtemp(join(tmpdir(), 'move-ugc-downloads-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('files.download', () => {
  const api = useFakeApi({ outputBytes: SIZE });
  /** A finished job (outputs and URLs ready) and its outputs as the SDK reads them. */
  const finishedJob = async (ugc, outputs) => {
    const job = api.fake.store.addJob({ state: 'FINISHED', ...(outputs ? { outputs } : {}) });
    return ugc.jobs.retrieve(job.id, { expand: ['outputs'] });
  };
  const noKeyReachedStorage = () => {
    assert.ok(api.fake.downloads.length > 0, 'storage was asked');
    for (const { headers } of api.fake.downloads) {
      assert.equal(headers.authorization, undefined);
      assert.ok(!Object.values(headers).some((v) => String(v).includes(api.fake.apiKey)), 'the key reached storage');
    }
  };

  it('gives back an uploaded file byte for byte, as a Uint8Array, by id', async () => {
    const ugc = clientOf(api.fake);
    const data = randomBytes(300_000);
    const file = await ugc.files.upload(data, { type: 'mp4' });
    const bytes = await ugc.files.download(file.id);
    assert.ok(bytes instanceof Uint8Array && !Buffer.isBuffer(bytes), 'a plain Uint8Array');
    assert.ok(Buffer.from(bytes).equals(data), 'the same bytes');
    assert.deepEqual(
      api.fake.requests.map((r) => r.operationName),
      ['createFile', 'getFile'],
      'the id was read for its download URL',
    );
    assert.deepEqual(api.fake.requests[1].variables, { fileId: file.id });
    noKeyReachedStorage();
  });

  it('an upload and a download go on when the service is freed meanwhile (using files = ugc.files)', async () => {
    const ugc = clientOf(api.fake);
    const other = clientOf(api.fake);
    const data = randomBytes(300_000);
    const files = ugc.files;
    const uploading = files.upload(data, { type: 'mp4' });
    files.free();
    const file = await uploading;
    const again = ugc.files; // the same freed service
    await rejectsWith(again.download(file.id), 'INVALID_ARGUMENT');
    const downloader = other.files;
    const listing = ugc.takes.list();
    const downloading = downloader.download(file.id);
    downloader.free();
    assert.ok(Buffer.from(await downloading).equals(data), 'the same bytes');
    assert.ok(Array.isArray((await listing).items), 'the client goes on');
  });

  it("downloads an output from the file object's own URL, without a read", async () => {
    const ugc = clientOf(api.fake);
    const job = await finishedJob(ugc, ['MAIN_FBX', 'RENDER_VIDEO']);
    const reads = api.fake.requests.length;
    for (const output of job.outputs) {
      const bytes = await ugc.files.download(output.file);
      assert.ok(Buffer.from(bytes).equals(outputContent(output.file.id, SIZE)), `${output.format}: the stored bytes`);
    }
    assert.equal(api.fake.requests.length, reads, 'no API request: the URLs were there');
    assert.equal(api.fake.downloads.length, 2);
    noKeyReachedStorage();
  });

  it('reads a file object without a URL by its id', async () => {
    const ugc = clientOf(api.fake);
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    const { id } = job.outputs[0].file;
    const bytes = await ugc.files.download({ id, presignedUrl: null });
    assert.ok(Buffer.from(bytes).equals(outputContent(id, SIZE)));
    assert.equal(api.fake.requests.at(-1).operationName, 'getFile');
  });

  it('is NOT_FOUND, saying why, for a file the API has no download URL for', async () => {
    const ugc = clientOf(api.fake);
    const file = api.fake.store.addFile();
    api.fake.inject({ operation: 'getFile', kind: 'transform', transform: 'noUrl' });
    const error = await rejectsWith(ugc.files.download(file.id), 'NOT_FOUND');
    assert.match(error.message, new RegExp(`^file ${file.id} has no download URL yet: .*jobs\\.waitForCompletion`));
    assert.equal(error.retryable, false);
    assert.equal(api.fake.downloads.length, 0);
  });

  it('reports progress from 0 to every byte, with the total from Content-Length', async () => {
    const ugc = clientOf(api.fake);
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    const progress = [];
    await ugc.files.download(job.outputs[0].file, { onProgress: (p) => progress.push(p) });
    assert.deepEqual(progress[0], { loaded: 0, total: SIZE });
    assert.deepEqual(progress.at(-1), { loaded: SIZE, total: SIZE });
    assert.ok(progress.length >= 3, `progress as chunks arrive (${progress.length} calls)`);
    for (let i = 1; i < progress.length; i += 1) assert.ok(progress[i].loaded > progress[i - 1].loaded, 'loaded only grows');
  });

  it('retries a 503 at once when Retry-After says 0', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 1 });
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    api.fake.inject({ target: 'download', kind: 'status', status: 503, headers: { 'retry-after': '0' } });
    const started = Date.now();
    const bytes = await ugc.files.download(job.outputs[0].file);
    // The backoff alone would wait at least 375 ms.
    assert.ok(Date.now() - started < 300, `Retry-After: 0 was honoured (${Date.now() - started} ms)`);
    assert.equal(bytes.length, SIZE);
    assert.equal(api.fake.downloads.length, 2);
  });

  it('retries a connection cut mid-body; progress starts again from 0', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 1 });
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    const { file } = job.outputs[0];
    api.fake.inject({ target: 'download', kind: 'cut', afterBytes: 70_000 });
    const loaded = [];
    const bytes = await ugc.files.download(file, { onProgress: (p) => loaded.push(p.loaded) });
    assert.ok(Buffer.from(bytes).equals(outputContent(file.id, SIZE)), 'the whole content, once');
    assert.equal(api.fake.downloads.length, 2, 'cut, then whole');
    assert.equal(loaded.filter((n) => n === 0).length, 2, 'each attempt starts from 0');
    assert.ok(loaded.some((n) => n > 0 && n < SIZE && loaded.indexOf(0, 1) > loaded.indexOf(n)), 'bytes of the cut attempt were seen');
    assert.equal(loaded.at(-1), SIZE);
  });

  it('gives up after maxRetries, with the last status', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 1 });
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    api.fake.inject({ target: 'download', kind: 'status', status: 503, headers: { 'retry-after': '0' }, times: 2 });
    const error = await rejectsWith(ugc.files.download(job.outputs[0].file), 'SERVER_ERROR');
    assert.equal(error.status, 503);
    assert.equal(error.retryable, true);
    assert.equal(api.fake.downloads.length, 2);
    api.fake.inject({ target: 'download', kind: 'reset', times: 2 });
    const network = await rejectsWith(ugc.files.download(job.outputs[0].file), 'NETWORK_ERROR');
    assert.match(network.message, /^download: could not reach the storage/);
  });

  it('does not retry a 404 or a 403', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 2 });
    // A file created but never uploaded: storage has no such key.
    const file = api.fake.store.addFile();
    const missing = await rejectsWith(ugc.files.download(file.id), 'NOT_FOUND');
    assert.equal(missing.status, 404);
    assert.equal(missing.message, 'download: the storage answered HTTP 404');
    assert.equal(api.fake.downloads.length, 1);
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    // A URL read just now (by id) that storage refuses: refused, not read again.
    api.fake.inject({ target: 'download', kind: 'status', status: 403 });
    const reads = api.fake.requests.length;
    const denied = await rejectsWith(ugc.files.download(job.outputs[0].file.id), 'PERMISSION_DENIED');
    assert.equal(denied.status, 403);
    assert.equal(api.fake.downloads.length, 2);
    assert.equal(api.fake.requests.length, reads + 1, 'one read of the file');
  });

  it('downloads what files.upload returned: its upload URL refused (403), the file is read once for its download URL', async () => {
    const ugc = clientOf(api.fake);
    const data = randomBytes(5_000);
    const created = await ugc.files.upload(data, { type: 'mp4' });
    assert.match(created.presignedUrl, /\/__fake\/uploads\//, 'the upload URL, signed for PUT');
    const bytes = await ugc.files.download(created);
    assert.ok(Buffer.from(bytes).equals(data), 'the uploaded bytes');
    assert.deepEqual(api.fake.requests.map((r) => r.operationName), ['createFile', 'getFile']);
    assert.deepEqual(
      api.fake.downloads.map((d) => [d.fileId, Boolean(d.uploadUrl)]),
      [[created.id, true], [created.id, false]],
      'the upload URL (403), then the download URL read',
    );
    noKeyReachedStorage();
    // files.create's result the same way (its bytes uploaded by hand).
    const made = await ugc.files.create({ type: 'mov' });
    await fetch(made.presignedUrl, { method: 'PUT', body: data });
    assert.ok(Buffer.from(await ugc.files.download(made)).equals(data));
  });

  it('reads the file once for a fresh URL when its own has expired (403), and no more', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 2 });
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    const { file } = job.outputs[0];
    const expired = { target: 'download', kind: 'status', status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>' };
    api.fake.inject(expired);
    const reads = api.fake.requests.length;
    const progress = [];
    const bytes = await ugc.files.download({ ...file }, { onProgress: (p) => progress.push(p) });
    assert.ok(Buffer.from(bytes).equals(outputContent(file.id, SIZE)));
    assert.deepEqual(api.fake.requests.slice(reads).map((r) => [r.operationName, r.variables]), [['getFile', { fileId: file.id }]]);
    assert.equal(api.fake.downloads.length, 2, 'the stale URL, then the fresh one');
    assert.deepEqual(progress[0], { loaded: 0, total: SIZE });
    assert.deepEqual(progress.at(-1), { loaded: SIZE, total: SIZE });
    // The fresh URL refused too: PERMISSION_DENIED after one read, no loop.
    api.fake.inject({ ...expired, times: 2 });
    const denied = await rejectsWith(ugc.files.download(file), 'PERMISSION_DENIED');
    assert.equal(denied.status, 403);
    assert.equal(api.fake.requests.length, reads + 2, 'one more read');
    assert.equal(api.fake.downloads.length, 4);
    // A 404 is no old URL (a fresh one names the same key): not read again.
    api.fake.inject({ target: 'download', kind: 'status', status: 404 });
    await rejectsWith(ugc.files.download(file), 'NOT_FOUND');
    assert.equal(api.fake.requests.length, reads + 2, 'no read for a 404');
  });

  it('bounds each wait for data by timeoutMs, not the whole transfer', async () => {
    const ugc = clientOf(api.fake, { timeoutMs: 300, maxRetries: 0 });
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    const { file } = job.outputs[0];
    // Four chunks 150 ms apart: 600 ms in all, never 300 ms without data.
    api.fake.inject({ target: 'download', kind: 'drip', ms: 150 });
    const started = Date.now();
    const bytes = await ugc.files.download(file);
    assert.ok(Date.now() - started >= 550, 'the transfer took longer than timeoutMs');
    assert.equal(bytes.length, SIZE);
    // A body that stops: TIMEOUT, retryable; retried, it succeeds.
    api.fake.inject({ target: 'download', kind: 'stall', afterBytes: 100_000 });
    const error = await rejectsWith(ugc.files.download(file), 'TIMEOUT');
    assert.equal(error.message, 'download: the storage sent nothing for 300 ms');
    assert.equal(error.retryable, true);
    const retrying = clientOf(api.fake, { timeoutMs: 300, maxRetries: 1 });
    api.fake.inject({ target: 'download', kind: 'stall', afterBytes: 100_000 });
    assert.equal((await retrying.files.download(file)).length, SIZE);
  });

  it("never sends the client's defaultHeaders, nor its key, to storage", async () => {
    const sent = [];
    const recording = (url, init) => {
      sent.push({ url: String(url), headers: { ...init?.headers } });
      return fetch(url, init);
    };
    const ugc = clientOf(api.fake, { defaultHeaders: { 'x-trace': 't' }, fetch: recording });
    const job = await finishedJob(ugc, ['MAIN_FBX', 'RENDER_VIDEO']);
    await ugc.files.download(job.outputs[0].file);
    await ugc.files.download(job.outputs[1].file.id);
    const uploaded = await ugc.files.upload(new Uint8Array([1, 2, 3]), { type: 'mp4' });
    await ugc.files.download(uploaded);
    await inTempDir((dir) => ugc.jobs.downloadOutputs(job.id, { dir }));
    // The API's requests carried them (the option is in force)…
    const posts = sent.filter((r) => r.url === api.fake.url);
    assert.ok(posts.length >= 4);
    for (const { headers } of posts) assert.equal(headers['x-trace'], 't');
    // …storage's GETs did not: as storage saw them, and as they were handed to fetch.
    assert.equal(api.fake.downloads.length, 6, 'two files, the upload URL and its download URL, two outputs');
    for (const { headers } of api.fake.downloads) {
      assert.equal(headers['x-trace'], undefined, 'defaultHeaders reached storage');
      assert.equal(headers.authorization, undefined);
    }
    noKeyReachedStorage();
    for (const { url, headers } of sent.filter((r) => r.url !== api.fake.url)) {
      assert.deepEqual(Object.keys(headers), [], `no headers at all to ${url}`);
    }
  });

  it("downloads through the client's fetch option", async () => {
    const urls = [];
    const ugc = clientOf(api.fake, {
      fetch: (url, init) => {
        urls.push([init?.method ?? 'GET', String(url)]);
        return fetch(url, init);
      },
    });
    const job = await finishedJob(ugc, ['MAIN_FBX', 'RENDER_VIDEO']);
    urls.length = 0;
    const [fbx, video] = job.outputs;
    const bytes = await ugc.files.download(fbx.file);
    assert.ok(Buffer.from(bytes).equals(outputContent(fbx.file.id, SIZE)));
    await ugc.files.download(video.file.id);
    await inTempDir((dir) => ugc.jobs.downloadOutputs(job.id, { dir, formats: ['MAIN_FBX'] }));
    assert.deepEqual(urls, [
      ['GET', fbx.file.presignedUrl],
      ['POST', api.fake.url],
      ['GET', video.file.presignedUrl],
      ['POST', api.fake.url],
      ['GET', fbx.file.presignedUrl],
    ]);
    assert.equal(api.fake.downloads.length, 3, 'every GET reached storage through it');
  });

  it('takes a response with no body from a fetch of the caller: no bytes', async () => {
    const empty = async () => new Response(null, { status: 200 });
    const ugc = clientOf(api.fake, { fetch: empty, maxRetries: 0 });
    const progress = [];
    const bytes = await ugc.files.download({ id: 'file-1', presignedUrl: 'https://storage.example/file-1' }, { onProgress: (p) => progress.push(p) });
    assert.ok(bytes instanceof Uint8Array);
    assert.equal(bytes.byteLength, 0);
    assert.deepEqual(progress, [{ loaded: 0, total: null }]);
  });

  it('takes a body without a Content-Length, however its chunks come', async () => {
    const chunks = [1, 70_000, 3, 200_000, 0, 65_536, 12].map((n) => randomBytes(n));
    const whole = Buffer.concat(chunks);
    const storage = async () => {
      const queue = [...chunks];
      const body = new ReadableStream({
        pull(controller) {
          if (queue.length) controller.enqueue(new Uint8Array(queue.shift()));
          else controller.close();
        },
      });
      return new Response(body, { status: 200 });
    };
    const ugc = clientOf(api.fake, { fetch: storage, maxRetries: 0 });
    const progress = [];
    const bytes = await ugc.files.download({ id: 'file-1', presignedUrl: 'https://storage.example/file-1' }, { onProgress: (p) => progress.push(p) });
    assert.ok(Buffer.from(bytes).equals(whole), 'the bytes, in order');
    assert.equal(bytes.byteLength, whole.length);
    assert.deepEqual(progress.at(-1), { loaded: whole.length, total: null });
  });

  it('bounds the waits for storage only, not a slow onProgress', async () => {
    const ugc = clientOf(api.fake, { timeoutMs: 200, maxRetries: 0 });
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    // Chunks 20 ms apart; the caller's callback holds the thread 300 ms for each.
    api.fake.inject({ target: 'download', kind: 'drip', ms: 20 });
    let calls = 0;
    const busy = ({ loaded }) => {
      if (loaded === 0 || calls++ > 1) return;
      for (const until = Date.now() + 300; Date.now() < until; );
    };
    const bytes = await ugc.files.download(job.outputs[0].file, { onProgress: busy });
    assert.equal(bytes.length, SIZE);
    assert.equal(api.fake.downloads.length, 1);
  });

  it('holds the bytes once: the array made from Content-Length is the one handed back', async () => {
    const size = 40_000_000;
    const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX'], outputBytes: size });
    // In a process of its own: the peak of its memory (maxRSS) while one file is downloaded.
    const script = `
      import { MoveUgc } from 'move-ugc';
      const ugc = new MoveUgc({ apiKey: ${JSON.stringify(api.fake.apiKey)}, endpointUrl: ${JSON.stringify(api.fake.url)} });
      const job = await ugc.jobs.retrieve(${JSON.stringify(job.id)}, { expand: ['outputs'] });
      const small = await ugc.files.upload(new Uint8Array(1000), { type: 'mp4' });
      await ugc.files.download(small.id);
      const before = process.resourceUsage().maxRSS * 1024;
      const bytes = await ugc.files.download(job.outputs[0].file);
      const peak = process.resourceUsage().maxRSS * 1024;
      console.log(JSON.stringify({ size: bytes.byteLength, buffer: bytes.buffer.byteLength, offset: bytes.byteOffset, growth: peak - before }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('.', import.meta.url) });
    const seen = JSON.parse(stdout);
    assert.deepEqual([seen.size, seen.buffer, seen.offset], [size, size, 0], 'a Uint8Array of the whole buffer, exactly');
    // Chunks, a Blob of them and its ArrayBuffer held the bytes about four times over.
    assert.ok(seen.growth < 2.5 * size, `the memory grew by ${(seen.growth / size).toFixed(2)} times the file's size`);
  });

  it('bounds the waits for storage only, not a slow disk (host.js storage)', async () => {
    const snippets = new URL('./node_modules/move-ugc/web/snippets/', import.meta.url);
    const [crate] = await readdir(snippets);
    const { storage, Attempt } = await import(new URL(`${crate}/js/host.js`, snippets));
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    /** A fetch whose body gives `chunks` 10 ms apart (then stalls if `stall`), and breaks off when its signal aborts, as fetch's does. */
    const storageOf = (chunks, stall) => async (url, init) => {
      let stream;
      const body = new ReadableStream({
        start(controller) {
          stream = controller;
          init.signal.addEventListener('abort', () => controller.error(new Error('aborted')), { once: true });
        },
        async pull(controller) {
          await sleep(10);
          if (chunks.length) controller.enqueue(chunks.shift());
          else if (stall) await new Promise(() => {});
          else controller.close();
        },
      });
      assert.ok(stream !== undefined);
      return new Response(body, { headers: { 'content-length': String(3 * 1000) } });
    };
    // Each write takes 150 ms, the timeout is 100 ms: only the waits for data count.
    const written = [];
    const slowDisk = {
      open: () => undefined,
      write: async (chunk) => {
        await sleep(150);
        written.push(chunk.length);
      },
      close: () => written.length,
    };
    const chunks = () => [1, 2, 3].map((n) => new Uint8Array(1000).fill(n));
    const attempt = new Attempt(100);
    try {
      assert.deepEqual(await storage(attempt, 'https://storage.example/f', undefined, slowDisk, undefined, storageOf(chunks())), [200, null]);
      assert.equal(attempt.timedOut, false);
      assert.deepEqual(written, [1000, 1000, 1000]);
      assert.equal(slowDisk.result, 3);
    } finally {
      attempt.finish();
    }
    // A body that stops after its first chunk still times out.
    const stalled = new Attempt(100);
    try {
      await assert.rejects(storage(stalled, 'https://storage.example/f', undefined, slowDisk, undefined, storageOf(chunks().slice(0, 1), true)));
      assert.equal(stalled.timedOut, true);
    } finally {
      stalled.finish();
    }
  });

  it('a finished attempt is not timed again (a download whose call was dropped meanwhile)', async () => {
    const snippets = new URL('./node_modules/move-ugc/web/snippets/', import.meta.url);
    const [crate] = await readdir(snippets);
    const { Attempt } = await import(new URL(`${crate}/js/host.js`, snippets));
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const attempt = new Attempt(60_000, undefined);
    assert.equal(timers(), before + 1);
    // The module failed while the sink wrote: the call's attempt was finished (stop),
    // then the download's loop re-arms after the write.
    attempt.finish();
    attempt.arm();
    assert.equal(timers(), before, 'a timer left to keep the process waiting for nothing');
  });

  it('can be aborted, before it starts and while bytes arrive', async () => {
    const ugc = clientOf(api.fake);
    const job = await finishedJob(ugc, ['MAIN_FBX']);
    const { file } = job.outputs[0];
    const before = new AbortController();
    before.abort();
    await rejectsWith(ugc.files.download(file, { signal: before.signal }), 'ABORTED');
    await rejectsWith(ugc.files.download(file.id, { signal: before.signal }), 'ABORTED');
    assert.equal(api.fake.downloads.length, 0);
    const during = new AbortController();
    api.fake.inject({ target: 'download', kind: 'stall', afterBytes: 100_000 });
    const error = await rejectsWith(
      ugc.files.download(file, { signal: during.signal, onProgress: (p) => p.loaded > 0 && during.abort() }),
      'ABORTED',
    );
    assert.equal(error.retryable, false);
    assert.equal(api.fake.downloads.length, 1, 'not retried');
  });

  it('survives an onProgress that throws, works detached, and refuses after free()', async () => {
    const ugc = clientOf(api.fake);
    const file = await ugc.files.upload(new Uint8Array([7, 8, 9]), { type: 'mov' });
    const bytes = await ugc.files.download(file.id, {
      onProgress: () => {
        throw new Error('observer bug');
      },
    });
    assert.deepEqual([...bytes], [7, 8, 9]);
    const { download } = ugc.files;
    assert.deepEqual([...(await download(file.id))], [7, 8, 9]);
    ugc.free();
    const error = await rejectsWith(ugc.files.download(file.id), 'INVALID_ARGUMENT');
    assert.match(error.message, /freed/);
  });

  const misuse = [
    ['a number', (f) => f.download(42), 'fileOrId: expected a file id (a non-empty string, no spaces around it) or a file ({ id, presignedUrl }), got 42'],
    ['nothing', (f) => f.download(), 'fileOrId: expected a file id (a non-empty string, no spaces around it) or a file ({ id, presignedUrl }), got undefined'],
    ['an empty id', (f) => f.download(''), 'fileOrId: expected a file id (a non-empty string, no spaces around it) or a file ({ id, presignedUrl }), got ""'],
    ['an id with spaces around it', (f) => f.download(' file-1'), 'fileOrId: expected a file id (a non-empty string, no spaces around it) or a file ({ id, presignedUrl }), got " file-1"'],
    ['a file without an id', (f) => f.download({ presignedUrl: 'https://x/y' }), 'fileOrId.id: expected a file id (a non-empty string, no spaces around it), got undefined'],
    ['a file whose id is a number', (f) => f.download({ id: 5 }), 'fileOrId.id: expected a file id (a non-empty string, no spaces around it), got 5'],
    ['a misspelt option', (f) => f.download('file-1', { onProgres: () => {} }), 'params.onProgres: unknown property; did you mean "onProgress"? (the properties are signal, onProgress)'],
    ['an option of another method', (f) => f.download('file-1', { expand: ['client'] }), 'params.expand: unknown property (the properties are signal, onProgress)'],
    ['params that are not an object', (f) => f.download('file-1', 'fast'), 'params: expected an object, got "fast"'],
    ['a signal that is not one', (f) => f.download('file-1', { signal: 1 }), 'params.signal: expected an AbortSignal, got 1'],
    ['onProgress that is not a function', (f) => f.download('file-1', { onProgress: 'log' }), 'params.onProgress: expected a function, got "log"'],
  ];
  for (const [what, call, message] of misuse) {
    it(`refuses ${what} before sending`, async () => {
      const ugc = clientOf(api.fake);
      const error = await rejectsWith(call(ugc.files), 'INVALID_ARGUMENT');
      assert.equal(error.message, message);
      assert.equal(api.fake.requests.length, 0);
      assert.equal(api.fake.downloads.length, 0);
    });
  }
});

describe('jobs.downloadOutputs', () => {
  const api = useFakeApi({ outputBytes: SIZE });
  const finished = (options = {}) => api.fake.store.addJob({ state: 'FINISHED', ...options });

  it('writes every output to <jobId>-<FORMAT>.<ext>, byte for byte, and says what it wrote', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake);
      const job = finished();
      const written = await ugc.jobs.downloadOutputs(job.id, { dir });
      const extensions = { RENDER_VIDEO: 'mp4', MAIN_FBX: 'fbx', MAIN_USDC: 'usdc', MAIN_USDZ: 'usdz', MAIN_BLEND: 'blend', MOTION_DATA: 'json', RENDER_OVERLAY_VIDEO: 'mp4' };
      assert.deepEqual(
        written,
        SINGLE_CAM.map((format) => ({ format, path: join(dir, `${job.id}-${format}.${extensions[format]}`), bytes: SIZE })),
      );
      const read = api.fake.requests.find((r) => r.operationName === 'getJob');
      assert.match(read.query, /outputs \{ format file \{/, 'the job is read with its outputs');
      for (const { format, path } of written) {
        const output = job.outputFiles.find((o) => o.format === format);
        assert.ok((await readFile(path)).equals(outputContent(output.file.id, SIZE)), `${format}: the stored bytes`);
      }
      assert.deepEqual((await readdir(dir)).sort(), written.map((w) => w.path.slice(dir.length + 1)).sort(), 'nothing else in dir');
      for (const { headers } of api.fake.downloads) assert.equal(headers.authorization, undefined);
    });
  });

  it('takes a job object, and only the formats asked for, in any letter case', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake);
      const job = await ugc.jobs.retrieve(finished().id);
      const progress = [];
      const written = await ugc.jobs.downloadOutputs(job, {
        dir,
        formats: ['main_fbx', 'Render_Video', 'MAIN_FBX'],
        onProgress: (p) => progress.push(p),
      });
      // In the API's order, each once.
      assert.deepEqual(written.map((w) => w.format), ['RENDER_VIDEO', 'MAIN_FBX']);
      assert.equal(api.fake.downloads.length, 2);
      assert.deepEqual(progress[0], { format: 'RENDER_VIDEO', loaded: 0, total: SIZE });
      assert.deepEqual(progress.at(-1), { format: 'MAIN_FBX', loaded: SIZE, total: SIZE });
      assert.ok(progress.some((p) => p.format === 'RENDER_VIDEO' && p.loaded === SIZE));
    });
  });

  it('makes a missing directory, and streams a large output to it', async () => {
    await inTempDir(async (root) => {
      const ugc = clientOf(api.fake);
      const job = finished({ outputs: ['MAIN_FBX'], outputBytes: 5_000_000 });
      const dir = join(root, 'out', 'nested');
      const [written] = await ugc.jobs.downloadOutputs(job.id, { dir });
      assert.equal(written.bytes, 5_000_000);
      assert.equal((await stat(written.path)).size, 5_000_000);
      assert.ok((await readFile(written.path)).equals(outputContent(job.outputFiles[0].file.id, 5_000_000)));
    });
  });

  it('retries a cut download and leaves only the whole file', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake, { maxRetries: 2 });
      const job = finished({ outputs: ['MAIN_FBX'] });
      api.fake.inject({ target: 'download', kind: 'cut', afterBytes: 100_000 });
      api.fake.inject({ target: 'download', kind: 'status', status: 429, headers: { 'retry-after': '0' } });
      const [written] = await ugc.jobs.downloadOutputs(job.id, { dir });
      assert.equal(api.fake.downloads.length, 3);
      assert.ok((await readFile(written.path)).equals(outputContent(job.outputFiles[0].file.id, SIZE)));
      assert.deepEqual(await readdir(dir), [`${job.id}-MAIN_FBX.fbx`]);
    });
  });

  it('never replaces an existing file with a partial one, and leaves no temporary file', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake, { maxRetries: 1 });
      const job = finished({ outputs: ['MAIN_FBX'] });
      const path = join(dir, `${job.id}-MAIN_FBX.fbx`);
      await writeFile(path, 'the earlier download');
      api.fake.inject({ target: 'download', kind: 'cut', afterBytes: 100_000, times: 2 });
      await rejectsWith(ugc.jobs.downloadOutputs(job.id, { dir }), 'NETWORK_ERROR');
      assert.equal(await readFile(path, 'utf8'), 'the earlier download');
      assert.deepEqual(await readdir(dir), [`${job.id}-MAIN_FBX.fbx`], 'no temporary file');
      // A whole download does replace it.
      await ugc.jobs.downloadOutputs(job.id, { dir });
      assert.ok((await readFile(path)).equals(outputContent(job.outputFiles[0].file.id, SIZE)));
    });
  });

  it('can be aborted mid-body: ABORTED, the earlier outputs kept, no temporary file', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake);
      const job = finished({ outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
      const controller = new AbortController();
      // The first output whole, the second stalls after 100,000 bytes: abort then.
      api.fake.inject({ target: 'download', kind: 'drip', ms: 0 });
      api.fake.inject({ target: 'download', kind: 'stall', afterBytes: 100_000 });
      const onProgress = (p) => p.format === 'RENDER_VIDEO' && p.loaded >= 100_000 && controller.abort();
      await rejectsWith(ugc.jobs.downloadOutputs(job.id, { dir, signal: controller.signal, onProgress }), 'ABORTED');
      assert.deepEqual(await readdir(dir), [`${job.id}-MAIN_FBX.fbx`]);
      assert.equal(api.fake.downloads.length, 2, 'not retried');
    });
  });

  it('refuses, before any transfer, a file name that is a directory in dir', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake, { maxRetries: 2 });
      const job = finished({ outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
      const path = join(dir, `${job.id}-RENDER_VIDEO.mp4`);
      await mkdir(path);
      const error = await rejectsWith(ugc.jobs.downloadOutputs(job.id, { dir }), 'INVALID_ARGUMENT');
      assert.equal(error.message, `params.dir: ${path} is a directory: the output cannot be written there (move it away, or choose another dir)`);
      assert.equal(api.fake.downloads.length, 0, 'nothing downloaded, not even the outputs before it');
      assert.deepEqual(await readdir(dir), [`${job.id}-RENDER_VIDEO.mp4`]);
    });
  });

  it('stops at once when the disk fails mid-download, without retrying, says what failed, and cleans up', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake, { maxRetries: 2 });
      const job = finished({ outputs: ['MAIN_FBX'] });
      const path = join(dir, `${job.id}-MAIN_FBX.fbx`);
      // A directory takes the file's name while it downloads (slowly): the rename at its end fails.
      api.fake.inject({ target: 'download', kind: 'drip', ms: 40 });
      let made;
      const onProgress = ({ loaded }) => {
        if (loaded > 0) made ??= mkdir(path);
      };
      const error = await rejectsWith(ugc.jobs.downloadOutputs(job.id, { dir, onProgress }), 'INVALID_ARGUMENT');
      await made;
      assert.equal(error.message, `params.dir: writing ${path} failed: a directory is in its place (EISDIR)`);
      assert.equal(error.cause?.code, 'EISDIR', 'the file system error is the cause');
      assert.equal(error.retryable, false);
      assert.equal(api.fake.downloads.length, 1, 'not retried');
      assert.deepEqual(await readdir(dir), [`${job.id}-MAIN_FBX.fbx`], 'no temporary file');
      // The directory gone while it downloads: the same, with the system's words.
      const gone = join(dir, 'gone');
      const removing = ({ loaded }) => {
        if (loaded > 0) made ??= rm(gone, { recursive: true });
      };
      made = undefined;
      api.fake.inject({ target: 'download', kind: 'drip', ms: 40 });
      const lost = await rejectsWith(ugc.jobs.downloadOutputs(job.id, { dir: gone, onProgress: removing }), 'INVALID_ARGUMENT');
      assert.equal(lost.message, `params.dir: writing ${join(gone, `${job.id}-MAIN_FBX.fbx`)} failed: no such file or directory (ENOENT)`);
      assert.equal(lost.cause?.code, 'ENOENT');
    });
  });

  it('says to wait for a job that is not ready, and JOB_FAILED for one that failed', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake);
      const running = api.fake.store.addJob({ state: 'RUNNING' });
      const notYet = await rejectsWith(ugc.jobs.downloadOutputs(running.id, { dir }), 'NOT_FOUND');
      assert.equal(
        notYet.message,
        `job ${running.id} has no outputs ready to download yet (it is RUNNING): wait for it with jobs.waitForCompletion first`,
      );
      // FINISHED, but the outputs are not attached yet, then not their URLs.
      const lagging = api.fake.store.addJob({ pollsToFinish: 1, outputsLagPolls: 1, urlLagPolls: 1 });
      for (let read = 0; read < 2; read += 1) {
        const error = await rejectsWith(ugc.jobs.downloadOutputs(lagging.id, { dir }), 'NOT_FOUND');
        assert.match(error.message, /it is FINISHED\): wait for it with jobs\.waitForCompletion first$/);
      }
      assert.equal((await ugc.jobs.downloadOutputs(lagging.id, { dir })).length, SINGLE_CAM.length, 'then it is ready');
      const failed = api.fake.store.addJob({ state: 'FAILED' });
      const error = await rejectsWith(ugc.jobs.downloadOutputs(failed.id, { dir }), 'JOB_FAILED');
      assert.equal(error.message, `job ${failed.id} ended FAILED`);
      const glb = await rejectsWith(ugc.jobs.downloadOutputs(finished({ outputs: ['MAIN_FBX', 'RENDER_VIDEO'] }).id, { dir, formats: ['MAIN_GLB'] }), 'NOT_FOUND');
      assert.match(glb.message, /has no MAIN_GLB output \(its outputs are MAIN_FBX, RENDER_VIDEO\)$/);
      await rejectsWith(ugc.jobs.downloadOutputs('job-missing', { dir }), 'NOT_FOUND');
      assert.equal(api.fake.downloads.length, SINGLE_CAM.length, 'only the ready job was downloaded');
    });
  });

  it('makes no directory for a job not ready, failed or missing, for a format it lacks, nor for an aborted call', async () => {
    await inTempDir(async (root) => {
      const ugc = clientOf(api.fake);
      const dir = join(root, 'out', 'nested');
      const calls = [
        ['NOT_FOUND', { id: api.fake.store.addJob({ state: 'RUNNING', hold: true }).id }],
        ['NOT_FOUND', { id: api.fake.store.addJob({ pollsToFinish: 1, outputsLagPolls: 5 }).id }],
        ['JOB_FAILED', { id: api.fake.store.addJob({ state: 'FAILED' }).id }],
        ['NOT_FOUND', { id: 'job-missing' }],
        ['NOT_FOUND', { id: finished({ outputs: ['MAIN_FBX'] }).id, formats: ['MAIN_GLB'] }],
        ['ABORTED', { id: finished().id, signal: AbortSignal.abort() }],
      ];
      for (const [code, { id, ...params }] of calls) {
        await rejectsWith(ugc.jobs.downloadOutputs(id, { dir, ...params }), code);
        assert.deepEqual(await readdir(root), [], `${code}: nothing made`);
      }
      assert.equal(api.fake.downloads.length, 0);
      // Bad params and an aborted signal: refused for the params first, nothing sent.
      const requests = api.fake.requests.length;
      await rejectsWith(ugc.jobs.downloadOutputs('job-1', { dir, formats: ['FBX'], signal: AbortSignal.abort() }), 'INVALID_ARGUMENT');
      assert.equal(api.fake.requests.length, requests);
    });
  });

  it('refuses a directory that cannot be written before sending anything', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake);
      const file = join(dir, 'a-file');
      await writeFile(file, 'x');
      const error = await rejectsWith(ugc.jobs.downloadOutputs('job-1', { dir: file }), 'INVALID_ARGUMENT');
      assert.equal(error.message, `params.dir: cannot write files in ${JSON.stringify(file)}: a file, not a directory`);
      const below = await rejectsWith(ugc.jobs.downloadOutputs('job-1', { dir: join(file, 'sub') }), 'INVALID_ARGUMENT');
      assert.match(below.message, /^params\.dir: cannot write files in .*: a file, not a directory$/);
      assert.equal(api.fake.requests.length, 0);
    });
  });

  const misuse = [
    ['a number for the job', (j) => j.downloadOutputs(5, { dir: 'out' }), 'jobOrId: expected a job id (a non-empty string, no spaces around it) or a job ({ id }), got 5'],
    ['a job without an id', (j) => j.downloadOutputs({ name: 'x' }, { dir: 'out' }), 'jobOrId.id: expected a job id (a non-empty string, no spaces around it), got undefined'],
    ['an empty id', (j) => j.downloadOutputs('', { dir: 'out' }), 'jobOrId: expected a job id (a non-empty string, no spaces around it) or a job ({ id }), got ""'],
    ['an id with spaces around it', (j) => j.downloadOutputs({ id: 'job-1 ' }, { dir: 'out' }), 'jobOrId.id: expected a job id (a non-empty string, no spaces around it), got "job-1 "'],
    ['no params', (j) => j.downloadOutputs('job-1'), 'params: expected an object, got undefined'],
    ['no dir', (j) => j.downloadOutputs('job-1', {}), 'params.dir: is required'],
    ['an empty dir', (j) => j.downloadOutputs('job-1', { dir: '' }), 'params.dir: expected a non-empty string, got ""'],
    ['a near-miss format', (j) => j.downloadOutputs('job-1', { dir: 'out', formats: ['FBX'] }), 'params.formats[0]: expected one of MAIN_BLEND, MAIN_FBX, MAIN_GLB, MAIN_USDC, MAIN_USDZ, ALL_BLEND, ALL_BVH, ALL_C3D, ALL_FBX, ALL_GLB, ALL_USDC, ALL_USDZ, MOTION_DATA, RENDER_OVERLAY_VIDEO, RENDER_VIDEO, SYNC_DATA, got "FBX"; did you mean "MAIN_FBX" or "ALL_FBX"?'],
    ['formats that are not a list', (j) => j.downloadOutputs('job-1', { dir: 'out', formats: 'MAIN_FBX' }), 'params.formats: expected an array, got "MAIN_FBX"'],
    ['no formats at all', (j) => j.downloadOutputs('job-1', { dir: 'out', formats: [] }), 'params.formats: expected at least one output type, got an empty array (omit it for every output)'],
    ['a misspelt param', (j) => j.downloadOutputs('job-1', { dir: 'out', format: ['MAIN_FBX'] }), 'params.format: unknown property; did you mean "formats"? (the properties are dir, formats, signal, onProgress)'],
    ['onProgress that is not a function', (j) => j.downloadOutputs('job-1', { dir: 'out', onProgress: true }), 'params.onProgress: expected a function, got true'],
  ];
  for (const [what, call, message] of misuse) {
    it(`refuses ${what} before sending`, async () => {
      const ugc = clientOf(api.fake);
      const error = await rejectsWith(call(ugc.jobs), 'INVALID_ARGUMENT');
      assert.equal(error.message, message);
      assert.equal(api.fake.requests.length, 0);
      assert.equal(api.fake.downloads.length, 0);
    });
  }

  it('works detached', async () => {
    await inTempDir(async (dir) => {
      const ugc = clientOf(api.fake);
      const { downloadOutputs } = ugc.jobs;
      const written = await downloadOutputs(finished({ outputs: ['MOTION_DATA'] }).id, { dir });
      assert.equal(written[0].bytes, SIZE);
      assert.ok(written[0].path.endsWith('-MOTION_DATA.json'));
    });
  });
});

describe('outside Node (the no-bundler entry, without the Node entry)', () => {
  const api = useFakeApi();

  it('files.download resolves with a Blob; jobs.downloadOutputs refuses, pointing at files.download', async () => {
    const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX'] });
    const fileId = job.outputFiles[0].file.id;
    // A process that loads only move-ugc/web, as a page does (initSync from the bytes).
    const script = `
      import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      import { initSync, MoveUgc, MoveUgcError } from 'move-ugc/web';
      const wasm = createRequire(import.meta.url).resolve('move-ugc/package.json').replace('package.json', 'web/move_ugc_bg.wasm');
      initSync({ module: readFileSync(wasm) });
      const ugc = new MoveUgc({ apiKey: ${JSON.stringify(api.fake.apiKey)}, endpointUrl: ${JSON.stringify(api.fake.url)} });
      const bytes = await ugc.files.download(${JSON.stringify(fileId)});
      const refused = await ugc.jobs.downloadOutputs(${JSON.stringify(job.id)}, { dir: 'out' }).catch((e) => e);
      console.log(JSON.stringify({ blob: bytes instanceof Blob, size: bytes.size, code: refused.code, isError: refused instanceof MoveUgcError, message: refused.message }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('.', import.meta.url) });
    const seen = JSON.parse(stdout);
    assert.deepEqual(seen, {
      blob: true,
      size: 4096,
      code: 'INVALID_ARGUMENT',
      isError: true,
      message: 'jobs.downloadOutputs: writes files: it runs only in Node; in a browser, use files.download(output.file)',
    });
    assert.equal(api.fake.requests.filter((r) => r.operationName === 'getJob').length, 0, 'refused before anything was sent');
  });
});
