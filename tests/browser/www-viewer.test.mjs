// The demo web app's result of a finished job, in Chromium against the fake
// Move API serving its real preview content (fake-api/previews.mjs): the 3D
// view of the GLB output draws and animates, pauses, seeks and orbits; the
// rendered video loads; the Download buttons save the output's bytes through
// files.download; switching jobs frees each WebGL context. Fails on any
// console error; saves target/screenshots/6-result-3d.png mid-animation.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { previewFor } from '../../fake-api/previews.mjs';
import { serveApp } from '../../www/serve.mjs';
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

  before(async () => {
    mkdirSync(shots, { recursive: true });
    fake = await startFakeApi({ pollsToFinish: 3 });
    const take = fake.store.addTake({ name: 'Warm-up take' });
    fake.store.addJob({ takeId: take.id, name: 'Broken figure', outputs: ['MAIN_GLB'], state: 'FINISHED', outputBytes: 2048 });
    fake.store.addJob({ takeId: take.id, name: 'Second walk', outputs: ['ALL_GLB', 'RENDER_OVERLAY_VIDEO'], state: 'FINISHED' });
    fake.store.addJob({ takeId: take.id, name: 'Walk cycle', outputs: ['MAIN_GLB', 'RENDER_VIDEO', 'MAIN_FBX'], state: 'FINISHED' });
    app = await serveApp({ port: 0, fakeApiUrl: fake.url, fakeApiKey: fake.apiKey });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    await page.addInitScript(countContexts);
    watch = watchErrors(page);
    // Chromium's warning when pages keep too many WebGL contexts: a leak.
    page.on('console', (message) => {
      if (/too many active webgl contexts/i.test(message.text())) watch.errors.push(`console: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  it('opens a finished job on its 3D view, drawn and animating', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Walk cycle' }).click();
    await page.locator('#details-result .viewer-status', { hasText: 'drag to orbit' }).waitFor({ timeout: 20_000 });
    assert.equal(await canvas().count(), 1);
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
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Download/ }).click()]);
    assert.equal(download.suggestedFilename(), 'main_glb.glb');
    const saved = readFileSync(await download.path());
    assert.ok(saved.equals(previewFor('MAIN_GLB')), 'the saved bytes are the fake storage content');
    await row.getByText('saved main_glb.glb').waitFor();
    assert.equal(await row.locator('progress').evaluate((p) => p.value), 1);
    // Saved from a Blob that files.download read from storage (as many reads of
    // the file as the 3D view's one plus this one), not from a link to storage.
    assert.ok(download.url().startsWith('blob:'), download.url());
    const glbJob = [...fake.store.jobs.values()].find((job) => job.name === 'Walk cycle');
    const glbId = glbJob.outputFiles.find((o) => o.format === 'MAIN_GLB').file.id;
    assert.equal(fake.downloads.filter((d) => d.fileId === glbId).length, 2);

    // Other formats: placeholder bytes, saved under their names too.
    const fbx = page.locator('#details-outputs li[data-format="MAIN_FBX"]');
    const [other] = await Promise.all([page.waitForEvent('download'), fbx.getByRole('button', { name: /^Download/ }).click()]);
    assert.equal(other.suggestedFilename(), 'main_fbx.fbx');
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

  it('had no console errors and no violations of the fake', () => {
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(fake.violations, []);
  });
});
