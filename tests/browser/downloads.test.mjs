// Downloads in Chromium, through the no-bundler entry of the package (pkg/):
// files.download resolves with a Blob of the very bytes storage holds (an
// upload's, an output's), with progress and without the key, and
// jobs.downloadOutputs refuses, pointing at files.download. The fake API is
// on another origin, as storage is for a page. Fails on any console error or
// unhandled rejection in the page.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startFakeApi, outputContent } from '../../fake-api/server.mjs';
import { openPackagePage, packagePage } from './chromium.mjs';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));

const SIZE = 300_000;
const PAGE = packagePage(
  'downloads',
  `window.sha256 = async (blob) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');`,
);

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

describe('downloads in Chromium', () => {
  let fake;
  let browser;
  let page;
  let watch;

  before(async () => {
    fake = await startFakeApi({ outputBytes: SIZE });
    browser = await openPackagePage(pkg, PAGE);
    ({ page, watch } = browser);
  });

  after(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('files.download gives back an upload as a Blob of the same bytes', async () => {
    const seen = await page.evaluate(
      async ({ url, key }) => {
        const ugc = new window.pkg.MoveUgc({ apiKey: key, endpointUrl: url, dangerouslyAllowBrowser: true });
        const bytes = crypto.getRandomValues(new Uint8Array(50_000));
        const file = await ugc.files.upload(bytes, { type: 'mp4' });
        const blob = await ugc.files.download(file.id);
        return { blob: blob instanceof Blob, same: (await window.sha256(blob)) === (await window.sha256(new Blob([bytes]))), size: blob.size };
      },
      { url: fake.url, key: fake.apiKey },
    );
    assert.deepEqual(seen, { blob: true, same: true, size: 50_000 });
    assert.deepEqual(watch.errors, []);
  });

  it("files.download of a job's output: the bytes storage holds, with progress, and no key sent there", async () => {
    const job = fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX'] });
    const fileId = job.outputFiles[0].file.id;
    const before = fake.downloads.length;
    const seen = await page.evaluate(
      async ({ url, key, jobId }) => {
        const ugc = new window.pkg.MoveUgc({ apiKey: key, endpointUrl: url, dangerouslyAllowBrowser: true });
        const done = await ugc.jobs.retrieve(jobId, { expand: ['outputs'] });
        const progress = [];
        const blob = await ugc.files.download(done.outputs[0].file, { onProgress: (p) => progress.push(p) });
        return { blob: blob instanceof Blob, hash: await window.sha256(blob), first: progress[0], last: progress.at(-1) };
      },
      { url: fake.url, key: fake.apiKey, jobId: job.id },
    );
    assert.deepEqual(seen, {
      blob: true,
      hash: sha256(outputContent(fileId, SIZE)),
      first: { loaded: 0, total: SIZE },
      last: { loaded: SIZE, total: SIZE },
    });
    const downloads = fake.downloads.slice(before);
    assert.equal(downloads.length, 1);
    assert.equal(downloads[0].headers.authorization, undefined);
    assert.deepEqual(fake.violations, []);
    assert.deepEqual(watch.errors, []);
  });

  it('files.download of what files.upload returned: its upload URL refused, the file read once for its download URL', async () => {
    // The browser logs the refused GET of the upload URL itself.
    const refusedLogged = /status of 403/;
    watch.allow(refusedLogged);
    const before = fake.downloads.length;
    const seen = await page.evaluate(
      async ({ url, key }) => {
        const ugc = new window.pkg.MoveUgc({ apiKey: key, endpointUrl: url, dangerouslyAllowBrowser: true });
        const bytes = crypto.getRandomValues(new Uint8Array(20_000));
        const file = await ugc.files.upload(bytes, { type: 'mp4' });
        const blob = await ugc.files.download(file);
        return { blob: blob instanceof Blob, same: (await window.sha256(blob)) === (await window.sha256(new Blob([bytes]))) };
      },
      { url: fake.url, key: fake.apiKey },
    );
    assert.deepEqual(seen, { blob: true, same: true });
    assert.deepEqual(fake.downloads.slice(before).map((d) => Boolean(d.uploadUrl)), [true, false], 'the upload URL, then the one read');
    watch.forbid(refusedLogged);
    assert.deepEqual(watch.errors, []);
  });

  it('files.download retries a connection cut mid-body', async () => {
    const job = fake.store.addJob({ state: 'FINISHED', outputs: ['RENDER_VIDEO'] });
    const fileId = job.outputFiles[0].file.id;
    fake.inject({ target: 'download', kind: 'cut', afterBytes: 100_000 });
    // The browser logs the cut attempt itself.
    const cutLogged = /net::ERR_CONTENT_LENGTH_MISMATCH/;
    watch.allow(cutLogged);
    const before = fake.downloads.length;
    const hash = await page.evaluate(
      async ({ url, key, id }) => {
        const ugc = new window.pkg.MoveUgc({ apiKey: key, endpointUrl: url, dangerouslyAllowBrowser: true, maxRetries: 1 });
        return window.sha256(await ugc.files.download(id));
      },
      { url: fake.url, key: fake.apiKey, id: fileId },
    );
    assert.equal(hash, sha256(outputContent(fileId, SIZE)));
    assert.equal(fake.downloads.length - before, 2);
    watch.forbid(cutLogged);
    assert.deepEqual(watch.errors, []);
  });

  it('jobs.downloadOutputs refuses in a browser, pointing at files.download, before sending anything', async () => {
    const requests = fake.requests.length;
    const seen = await page.evaluate(
      async ({ url, key }) => {
        const ugc = new window.pkg.MoveUgc({ apiKey: key, endpointUrl: url, dangerouslyAllowBrowser: true });
        const error = await ugc.jobs.downloadOutputs('job-1', { dir: 'out' }).catch((e) => e);
        return { isError: error instanceof window.pkg.MoveUgcError, code: error.code, message: error.message };
      },
      { url: fake.url, key: fake.apiKey },
    );
    assert.deepEqual(seen, {
      isError: true,
      code: 'INVALID_ARGUMENT',
      message: 'jobs.downloadOutputs: writes files: it runs only in Node; in a browser, use files.download(output.file)',
    });
    assert.equal(fake.requests.length, requests);
    assert.deepEqual(watch.errors, []);
  });
});
