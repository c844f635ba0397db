// The demo web app's result of a finished job, in Chromium against the fake
// Move API serving its real preview content (fake-api/previews.mjs): the 3D
// view of the GLB output draws and animates, pauses, seeks and orbits; the
// rendered video loads; the Download buttons save the output's bytes through
// files.download; switching jobs frees each WebGL context; downloads and
// videos of a job no longer shown stop, also across a new connection; what
// cannot be drawn (no WebGL, a zip, not a GLB, a failed download) is said in
// words. Fails on any console error; saves target/screenshots/6-result-3d.png
// mid-animation.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { previewFor } from '../../fake-api/previews.mjs';
import { serveApp } from '../../www/serve.mjs';
import { sizeText } from '../../www/dom.js';
import { launch, watchErrors } from './chromium.mjs';

const shots = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

// Every canvas that gets a WebGL context, kept so that the test can ask which
// contexts are still alive (a disposed view loses its context at once).
const countContexts = () => {
  const made = [];
  window.webglContexts = made;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    const context = getContext.call(this, kind, ...rest);
    if (context && kind.startsWith('webgl') && !made.includes(context)) made.push(context);
    return context;
  };
};

/** How many pixels differ between two PNG screenshots (decoded by the page itself). */
async function pixelsChanged(page, a, b) {
  return page.evaluate(
    async ([pngA, pngB]) => {
      const pixels = async (b64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = await Promise.all([pixels(pngA), pixels(pngB)]);
      if (x.length !== y.length) return Infinity;
      let changed = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) changed += 1;
      }
      return changed;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

/** How many pixels of a PNG screenshot differ from its top-left pixel (the background). */
async function pixelsDrawn(page, png) {
  return page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn += 1;
    }
    return drawn;
  }, png.toString('base64'));
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How many of three pairs of frames 230 ms apart differ. A looping clip can
 * pass through the same pose twice (a swing there and back), so one pair may
 * match by chance; two matching pairs mean the figure stands still.
 */
async function movingPairs(page, frame) {
  const frames = [];
  for (let i = 0; i < 4; i += 1) {
    if (i > 0) await pause(230);
    frames.push(await frame());
  }
  let moving = 0;
  for (let i = 1; i < frames.length; i += 1) if ((await pixelsChanged(page, frames[i - 1], frames[i])) > 50) moving += 1;
  return moving;
}

describe('the result of a finished job in the demo web app', () => {
  let fake;
  let app;
  let browser;
  let page;
  let watch;
  const canvas = () => page.locator('#details-result canvas');
  const frame = () => canvas().screenshot();
  // Requests the page gave up (aborted) or lost.
  const failed = [];
  const status = (text) => page.locator('#details-result .viewer-status', { hasText: text });
  const liveContexts = () => page.evaluate(() => window.webglContexts.filter((gl) => !gl.isContextLost()).length);
  const fileOf = (jobName, format) => [...fake.store.jobs.values()].find((job) => job.name === jobName).outputFiles.find((o) => o.format === format).file;
  /** Opens a job without video whose figure does not parse, so that no download is under way afterwards. */
  const quiet = async () => {
    await page.getByRole('button', { name: 'Broken figure' }).click();
    await status('could not be shown').waitFor({ timeout: 10_000 });
  };

  before(async () => {
    mkdirSync(shots, { recursive: true });
    fake = await startFakeApi({ pollsToFinish: 3 });
    const take = fake.store.addTake({ name: 'Warm-up take' });
    fake.store.addJob({ takeId: take.id, name: 'Broken figure', outputs: ['MAIN_GLB'], state: 'FINISHED', outputBytes: 2048 });
    fake.store.addJob({ takeId: take.id, name: 'Second walk', outputs: ['ALL_GLB', 'RENDER_OVERLAY_VIDEO'], state: 'FINISHED' });
    fake.store.addJob({ takeId: take.id, name: 'Walk cycle', outputs: ['MAIN_GLB', 'RENDER_VIDEO', 'MAIN_FBX'], state: 'FINISHED' });
    // Ten chunks of 64 KiB (not a GLB): long enough to be slowed down (drip faults).
    fake.store.addJob({ takeId: take.id, name: 'Slow figure', outputs: ['MAIN_GLB'], state: 'FINISHED', outputBytes: 640 * 1024 });
    fake.store.addJob({ takeId: take.id, name: 'Video only', outputs: ['RENDER_VIDEO'], state: 'FINISHED' });
    // Still going: it finishes after a few reads, its outputs' URLs a read later.
    fake.store.addJob({ takeId: take.id, name: 'Running capture', outputs: ['MAIN_GLB'], state: 'RUNNING', pollsToFinish: 4, urlLagPolls: 1 });
    const zipped = fake.store.addJob({ takeId: take.id, name: 'Zipped figures', outputs: ['ALL_GLB'], state: 'FINISHED' });
    // What storage would hold if ALL_GLB were a zip of several files: a zip's local file header first.
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60)]);
    fake.store.uploads.set(zipped.outputFiles[0].file.id, { bytes: zip, contentType: 'application/zip' });
    fake.store.addJob({ takeId: take.id, name: 'Failed capture', outputs: ['MAIN_GLB'], state: 'FAILED' });
    fake.store.addJob({ takeId: take.id, name: 'Queued capture', outputs: ['MAIN_GLB'], state: 'NOT_STARTED' });
    app = await serveApp({ port: 0, fakeApiUrl: fake.url, fakeApiKey: fake.apiKey });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    await page.addInitScript(countContexts);
    watch = watchErrors(page);
    // Chromium's warning when pages keep too many WebGL contexts: a leak.
    page.on('console', (message) => {
      if (/too many active webgl contexts/i.test(message.text())) watch.errors.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => failed.push({ url: request.url(), error: request.failure()?.errorText }));
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  it('opens a finished job on its 3D view, drawn and animating', async () => {
    await page.goto(app.url);
    // The page connects to the local fake on opening.
    await page.getByText('Connected as Fake Studio').waitFor();
    await page.getByRole('button', { name: 'Walk cycle' }).click();
    await page.locator('#details-result .viewer-status', { hasText: 'drag to orbit' }).waitFor({ timeout: 20_000 });
    assert.equal(await canvas().count(), 1);
    assert.equal(await page.getByRole('img', { name: '3D view of the animation' }).count(), 1, 'the canvas is an image with a name');
    assert.equal(await page.getByRole('button', { name: 'Pause' }).count(), 1, 'it plays on opening');

    const first = await frame();
    assert.ok((await pixelsDrawn(page, first)) > 500, 'the figure and the grid are drawn');
    const before = await page.locator('.viewer-scrubber').inputValue();
    assert.ok((await movingPairs(page, frame)) >= 2, 'frames a moment apart differ');
    assert.notEqual(await page.locator('.viewer-scrubber').inputValue(), before, 'the scrubber follows playback');
    assert.match(await page.locator('.viewer-time').textContent(), /^\d+\.\d\d s \/ [2-4]\.\d\d s$/);
    await page.screenshot({ path: `${shots}6-result-3d.png`, fullPage: true });
  });

  it('pauses, seeks with the scrubber and orbits with a drag', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await pause(100);
    const paused = await frame();
    const time = await page.locator('.viewer-time').textContent();
    await pause(400);
    assert.equal(await pixelsChanged(page, paused, await frame()), 0, 'paused: the frame stays');
    assert.equal(await page.locator('.viewer-time').textContent(), time);

    const duration = Number(await page.locator('.viewer-scrubber').getAttribute('max'));
    const target = Number((await page.locator('.viewer-scrubber').inputValue()) < duration / 2 ? duration * 0.75 : duration * 0.25).toFixed(2);
    await page.locator('.viewer-scrubber').fill(target);
    await page.waitForFunction((t) => document.querySelector('.viewer-time').textContent.startsWith(`${t} s`), target);
    const sought = await frame();
    assert.ok((await pixelsChanged(page, paused, sought)) > 50, 'seeking moves the figure');
    await pause(300);
    assert.equal(await pixelsChanged(page, sought, await frame()), 0, 'seeking leaves it paused');

    const box = await canvas().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 20, { steps: 8 });
    await page.mouse.up();
    await pause(100);
    assert.ok((await pixelsChanged(page, sought, await frame())) > 500, 'dragging orbits the camera');

    await page.getByRole('button', { name: 'Play' }).click();
    assert.ok((await movingPairs(page, frame)) >= 2, 'playing again animates');
  });

  it('plays the rendered video beside the 3D view', async () => {
    const video = page.locator('#details-result video');
    assert.equal(await video.count(), 1);
    await page.waitForFunction(() => document.querySelector('#details-result video').readyState >= 1, null, { timeout: 10_000 });
    const { duration, width, src } = await video.evaluate((v) => ({ duration: v.duration, width: v.videoWidth, src: v.currentSrc }));
    assert.ok(duration > 0 && Number.isFinite(duration), `duration ${duration}`);
    assert.ok(width > 0, `videoWidth ${width}`);
    assert.match(src, /\/__fake\/files\//);
    // Side by side on a wide screen.
    const [view, player] = [await canvas().boundingBox(), await video.boundingBox()];
    assert.ok(player.x > view.x + view.width / 2, 'the video is to the right of the 3D view');
  });

  it('downloads an output through files.download, with no bare link', async () => {
    assert.equal(await page.locator('#details-outputs a').count(), 0);
    const row = page.locator('#details-outputs li[data-format="MAIN_GLB"]');
    const glbJob = [...fake.store.jobs.values()].find((job) => job.name === 'Walk cycle');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Download/ }).click()]);
    // Named as jobs.downloadOutputs names files: <jobId>-<FORMAT>.<ext>.
    assert.equal(download.suggestedFilename(), `${glbJob.id}-MAIN_GLB.glb`);
    const saved = readFileSync(await download.path());
    assert.ok(saved.equals(previewFor('MAIN_GLB')), 'the saved bytes are the fake storage content');
    await row.getByText(`saved ${glbJob.id}-MAIN_GLB.glb`).waitFor();
    assert.equal(await row.locator('progress').evaluate((p) => p.value), 1);
    // Saved from a Blob that files.download read from storage (as many reads of
    // the file as the 3D view's one plus this one), not from a link to storage.
    assert.ok(download.url().startsWith('blob:'), download.url());
    const glbId = glbJob.outputFiles.find((o) => o.format === 'MAIN_GLB').file.id;
    assert.equal(fake.downloads.filter((d) => d.fileId === glbId).length, 2);

    // Other formats: placeholder bytes, saved under their names too.
    const fbx = page.locator('#details-outputs li[data-format="MAIN_FBX"]');
    const [other] = await Promise.all([page.waitForEvent('download'), fbx.getByRole('button', { name: /^Download/ }).click()]);
    assert.equal(other.suggestedFilename(), `${glbJob.id}-MAIN_FBX.fbx`);
  });

  it('switches between finished jobs without leaking WebGL contexts', async () => {
    for (let round = 0; round < 4; round += 1) {
      for (const name of ['Second walk', 'Walk cycle']) {
        await page.getByRole('button', { name }).click();
        await page.locator('#details-title', { hasText: name }).waitFor();
        await page.locator('#details-result .viewer-status', { hasText: 'drag to orbit' }).waitFor({ timeout: 20_000 });
      }
    }
    assert.equal(await page.locator('canvas').count(), 1);
    const contexts = await page.evaluate(() => window.webglContexts.map((gl) => gl.isContextLost()));
    assert.equal(contexts.length, 9, 'one context per view shown');
    assert.deepEqual(contexts.filter((lost) => !lost).length, 1, 'only the shown view keeps its context');
    // ALL_GLB and RENDER_OVERLAY_VIDEO stand in when MAIN_GLB and RENDER_VIDEO are absent.
    await page.getByRole('button', { name: 'Second walk' }).click();
    await page.locator('#details-result figcaption', { hasText: 'ALL_GLB' }).waitFor();
    await page.locator('#details-result figcaption', { hasText: 'RENDER_OVERLAY_VIDEO' }).waitFor();
  });

  it('goes on animating after another tab was shown', async () => {
    await page.getByRole('button', { name: 'Walk cycle' }).click();
    await page.locator('#details-result .viewer-status', { hasText: 'drag to orbit' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'New capture' }).click();
    await pause(300);
    await page.getByRole('button', { name: 'Jobs' }).click();
    await canvas().waitFor();
    assert.ok((await movingPairs(page, frame)) >= 2, 'it animates again');
  });

  it('says in words when a GLB cannot be shown', async () => {
    await page.getByRole('button', { name: 'Broken figure' }).click();
    await page.locator('#details-result .viewer-status', { hasText: 'could not be shown' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('canvas').count(), 0, 'the previous view was disposed');
    assert.ok(await page.locator('#notice').isHidden(), 'no error notice: the view explains');
  });

  it('stacks the 3D view and the video on a narrow screen', async () => {
    await page.setViewportSize({ width: 480, height: 900 });
    await page.getByRole('button', { name: 'Walk cycle' }).click();
    await page.locator('#details-result .viewer-status', { hasText: 'drag to orbit' }).waitFor({ timeout: 20_000 });
    const [view, player] = [await canvas().boundingBox(), await page.locator('#details-result video').boundingBox()];
    assert.ok(player.y >= view.y + view.height, 'the video is below the 3D view');
    assert.ok(view.width <= 480);
  });

  it('shows the figure downloading, and stops that download when another job is chosen', async () => {
    await page.setViewportSize({ width: 1200, height: 900 });
    await quiet();
    fake.inject({ target: 'download', kind: 'drip', ms: 250 });
    await page.getByRole('button', { name: 'Slow figure' }).click();
    await status(/^Downloading the figure… \d+\.\d KiB of 640\.0 KiB$/).waitFor({ timeout: 10_000 });
    const slow = fileOf('Slow figure', 'MAIN_GLB').id;
    await page.getByRole('button', { name: 'Walk cycle' }).click();
    await status('drag to orbit').waitFor({ timeout: 20_000 });
    // Past the time the slow download would have taken: nothing of it shows up.
    await pause(2_600);
    assert.deepEqual(
      failed.filter((f) => f.url.includes(slow)).map((f) => f.error),
      ['net::ERR_ABORTED'],
      'the slow download was aborted',
    );
    assert.equal(await page.locator('#details-title').textContent(), 'Walk cycle');
    assert.equal(await page.locator('canvas').count(), 1);
    assert.ok(await status('drag to orbit').isVisible());
    assert.equal(await liveContexts(), 1, 'one live WebGL context');
    assert.ok(await page.locator('#notice').isHidden(), 'no notice');
  });

  it('shows the job clicked last when two are clicked in quick succession', async () => {
    // The first one's details answer late: after the second one's.
    fake.inject({ kind: 'delay', ms: 600, operation: 'getJob' });
    await page.getByRole('button', { name: 'Second walk' }).click();
    await page.getByRole('button', { name: 'Walk cycle' }).click();
    await status('drag to orbit').waitFor({ timeout: 20_000 });
    await pause(1_200);
    assert.equal(await page.locator('#details-title').textContent(), 'Walk cycle');
    assert.deepEqual(await page.locator('#details-result figcaption').allTextContents(), ['3D view · MAIN_GLB', 'Rendered video · RENDER_VIDEO']);
    assert.equal(await page.locator('canvas').count(), 1);
    assert.equal(await liveContexts(), 1, 'one live WebGL context');
    assert.ok(await page.locator('#notice').isHidden(), 'no notice');
  });

  it('plays a video whose URL storage refused once (expired): read again by id', async () => {
    await quiet();
    const video = fileOf('Video only', 'RENDER_VIDEO').id;
    const [downloads, requests] = [fake.downloads.length, fake.requests.length];
    // Chromium logs the refused request itself; that one console line is expected.
    const refused = /status of 403/;
    watch.allow(refused);
    fake.inject({ target: 'download', kind: 'status', status: 403, body: '<Error><Code>AccessDenied</Code></Error>' });
    await page.getByRole('button', { name: 'Video only' }).click();
    await page.waitForFunction(() => document.querySelector('#details-result video')?.readyState >= 1, null, { timeout: 10_000 });
    const duration = await page.locator('#details-result video').evaluate((v) => v.duration);
    assert.ok(duration > 0 && Number.isFinite(duration), `duration ${duration}`);
    assert.ok(fake.downloads.slice(downloads).filter((d) => d.fileId === video).length >= 2, 'refused, then read again');
    const reread = fake.requests.slice(requests).filter((r) => r.operationName === 'getFile');
    assert.deepEqual(reread.map((r) => r.variables.fileId), [video], 'the file read again by id');
    assert.ok(await page.locator('#notice').isHidden(), 'no notice');
    watch.forbid(refused);
  });

  it('closes the job on a new connection, without stopping a download the person asked for', async () => {
    await quiet();
    const slow = fileOf('Slow figure', 'MAIN_GLB').id;
    const aborted = failed.length;
    // The 3D view's download, slowed down…
    fake.inject({ target: 'download', kind: 'drip', ms: 200 });
    await page.getByRole('button', { name: 'Slow figure' }).click();
    await status(/^Downloading the figure…/).waitFor({ timeout: 10_000 });
    // …and a Download button's, slowed down too.
    fake.inject({ target: 'download', kind: 'drip', ms: 200 });
    const row = page.locator('#details-outputs li[data-format="MAIN_GLB"]');
    const saved = page.waitForEvent('download', { timeout: 20_000 });
    await row.getByRole('button', { name: /^Download/ }).click();
    await row.getByText(/KiB of 640\.0 KiB/).waitFor();

    const connections = fake.requests.filter((r) => r.operationName === 'client').length;
    await page.getByRole('button', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#connection-status').textContent.startsWith('Connected as'));
    await page.locator('#jobs-body tr').first().waitFor();
    assert.equal(fake.requests.filter((r) => r.operationName === 'client').length, connections + 1);
    assert.ok(await page.locator('#job-details').isHidden(), 'the job of the connection before is closed');
    assert.equal(await page.locator('canvas').count(), 0);
    assert.equal(await liveContexts(), 0, 'no live WebGL context');
    assert.equal(await page.locator('#jobs-body tr.selected').count(), 0, 'no job selected');
    // The client of the connection before still serves the download under way (it is not freed).
    const download = await saved;
    assert.equal(readFileSync(await download.path()).length, 640 * 1024);
    assert.deepEqual(
      failed.slice(aborted).map((f) => [f.url.includes(slow), f.error]),
      [[true, 'net::ERR_ABORTED']],
      "only the 3D view's download was aborted",
    );
    assert.ok(await page.locator('#notice').isHidden(), 'no notice');
  });

  it('closes the details of the job before when the chosen one cannot be read', async () => {
    await page.getByRole('button', { name: 'Walk cycle' }).click();
    await status('drag to orbit').waitFor({ timeout: 20_000 });
    fake.inject({ kind: 'graphqlError', errorType: 'NotFoundException', message: 'Job not found.', operation: 'getJob' });
    await page.getByRole('button', { name: 'Second walk' }).click();
    await page.getByRole('alert').getByText('Job not found.').waitFor();
    assert.ok(await page.locator('#job-details').isHidden(), "Walk cycle's details are not left under Second walk's row");
    assert.equal(await page.locator('canvas').count(), 0);
    assert.equal(await liveContexts(), 0, 'no live WebGL context');
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('says that an output is a zip archive rather than failing to parse it', async () => {
    await page.getByRole('button', { name: 'Zipped figures' }).click();
    await status('This output is a zip archive (several files): download it to open it.').waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('canvas').count(), 0);
    assert.ok(await page.locator('#notice').isHidden(), 'no notice: the view explains');
  });

  it('says in the view and in a notice why the figure could not be downloaded', async () => {
    watch.allow(/status of 404/);
    await quiet();
    fake.inject({ target: 'download', kind: 'status', status: 404, body: '<Error><Code>NoSuchKey</Code></Error>' });
    await page.getByRole('button', { name: 'Slow figure' }).click();
    await status('The 3D view could not be loaded. It no longer exists').waitFor({ timeout: 10_000 });
    await page.getByRole('alert').getByText('It no longer exists').waitFor();
    assert.equal(await page.locator('canvas').count(), 0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it("says why a job has no outputs: failed, or not yet", async () => {
    await page.getByRole('button', { name: 'Failed capture' }).click();
    await page.locator('#details-outputs', { hasText: 'No outputs (the job failed).' }).waitFor();
    await page.getByRole('button', { name: 'Queued capture' }).click();
    await page.locator('#details-outputs', { hasText: 'No outputs yet.' }).waitFor();
  });

  it('follows an open job that is still going, to its result, without a click', async () => {
    await page.getByRole('button', { name: 'Running capture' }).click();
    const facts = page.locator('#details-facts');
    await facts.getByText(/^RUNNING \(\d+%\)$/).waitFor();
    const reads = () => fake.requests.filter((r) => r.operationName === 'getJob').length;
    const before = reads();
    // Read again every 2 s while it is shown: its progress, its row, then its 3D view.
    await facts.getByText('FINISHED (100%)').waitFor({ timeout: 20_000 });
    await status('drag to orbit').waitFor({ timeout: 20_000 });
    assert.ok(reads() > before + 1, `read ${reads() - before} more times`);
    assert.equal(await page.locator('#jobs-body tr.selected .state').textContent(), 'FINISHED');
    assert.equal(await canvas().count(), 1);
    // Settled: no more reads.
    const settledReads = reads();
    await page.waitForTimeout(4500);
    assert.equal(reads(), settledReads, 'a settled job is not read again');
  });

  it('says in words that a browser without WebGL cannot draw the figure', async () => {
    const other = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // A browser with WebGL off: no WebGL context for any canvas.
    await other.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind.startsWith('webgl') ? null : getContext.call(this, kind, ...rest);
      };
    });
    const otherWatch = watchErrors(other);
    await other.goto(app.url);
    await other.getByText('Connected as Fake Studio').waitFor();
    await other.getByRole('button', { name: 'Walk cycle' }).click();
    await other
      .locator('#details-result .viewer-status', { hasText: 'This browser cannot draw 3D (WebGL is off or unavailable); download the GLB instead.' })
      .waitFor({ timeout: 20_000 });
    assert.equal(await other.locator('canvas').count(), 0);
    await other.waitForFunction(() => document.querySelector('#details-result video')?.readyState >= 1, null, { timeout: 10_000 });
    assert.ok(await other.locator('#notice').isHidden(), 'no notice: the view explains');
    assert.deepEqual(otherWatch.errors, [], 'no console error (three.js is not asked for a context it cannot get)');
    await other.close();
  });

  it('writes sizes in the unit that reads best (sizeText)', () => {
    assert.equal(sizeText(0), '0 B');
    assert.equal(sizeText(1023), '1023 B');
    assert.equal(sizeText(5208), '5.1 KiB');
    assert.equal(sizeText(1024 * 1024 - 1), '1.0 MiB');
    assert.equal(sizeText(200 * 1024 * 1024), '200.0 MiB');
    assert.equal(sizeText(1.5 * 1024 ** 3), '1.5 GiB');
  });

  it('had no console errors and no violations of the fake', () => {
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(fake.violations, []);
  });
});
