// The demo web app's capture tab in Chromium against the fake Move API: a
// multi-camera capture from three video files to FINISHED (uploads, the
// volume's progress, the take, the job with actors and rig, the outputs, the
// 3D view and video), one with the API's default rig, one during which the
// page connects again, a single-camera capture with its .move file (two
// sources of one camera), and the sentences that refuse bad choices before
// anything is sent. Fails on any console error; saves
// target/screenshots/7-multicam.png. And the sizes the capture forms show.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { serveApp } from '../../www/serve.mjs';
import { fileSummary } from '../../www/capture-files.js';
import { launch, watchErrors } from './chromium.mjs';

const shots = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
const sample = fileURLToPath(new URL('../../examples/media/sample.mp4', import.meta.url));

describe('the demo web app: single- and multi-camera captures', () => {
  let fake;
  let app;
  let browser;
  let page;
  let watch;
  let dir;
  const videos = {};

  /** The requests the fake received with this operation name. */
  const sent = (operationName) => fake.requests.filter((r) => r.operationName === operationName);

  /** Clicks the start button; waits for the notice and returns its text. */
  async function refusal() {
    await page.locator('#start-capture').click();
    await page.getByRole('alert').waitFor();
    const text = await page.locator('#notice-text').textContent();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    return text;
  }

  /**
   * Waits until the finished capture's 3D view has drawn its figure and its
   * video has loaded its metadata; returns the number of canvases on the
   * capture tab (one: a run's view replaces the last one's).
   */
  async function resultShown() {
    await page.locator('#capture-preview .viewer-status').getByText(/drag to orbit/).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#capture-preview video')?.readyState >= 1, null, { timeout: 20_000 });
    return page.locator('#tab-capture canvas').count();
  }

  before(async () => {
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'move-ugc-multicam-'));
    // Three cameras: the sample video under three names.
    for (const name of ['front', 'left', 'right']) {
      videos[name] = join(dir, `${name}.mp4`);
      copyFileSync(sample, videos[name]);
    }
    // The fake reads no .move content: any bytes stand for Move One's file.
    videos.move = join(dir, 'sample.move');
    writeFileSync(videos.move, Buffer.alloc(3000, 7));
    // Four reads of a volume to FINISHED: RUNNING 25%, 50%, 75% on the way.
    fake = await startFakeApi({ pollsToFinish: 3, volumePollsToFinish: 4 });
    app = await serveApp({ port: 0, fakeApiUrl: fake.url, fakeApiKey: fake.apiKey });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    watch = watchErrors(page);
    await page.goto(app.url);
    // The page connects to the local fake by itself.
    await page.getByText(/^Connected as /).waitFor();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('offers single and multi-camera captures, with the rigs the API lists', async () => {
    await page.getByRole('button', { name: 'New capture' }).click();
    assert.ok(await page.getByLabel('Single camera').isChecked());
    assert.ok(await page.locator('#multi-fields').isHidden());
    await page.getByLabel('Multi-camera').check();
    assert.ok(await page.locator('#single-fields').isHidden());
    await page.locator('#rig option[value="move_ve"]').waitFor({ state: 'attached' });
    assert.deepEqual(await page.locator('#rig option').evaluateAll((os) => os.map((o) => o.value)), ['', 'move_mo', 'move_ve']);
    assert.equal(await page.locator('#rig option').first().textContent(), 'API default');
    assert.equal(await page.getByLabel('Rig', { exact: true }).inputValue(), '', 'the API default rig until one is chosen');
    assert.equal(await page.getByLabel('Height of the person in the videos (metres)').inputValue(), '1.75');
    assert.deepEqual(await page.locator('#area-type option').evaluateAll((os) => os.map((o) => o.value)), ['NORMAL', 'LARGE']);
    assert.ok(await page.getByLabel('GLB (main)').isChecked(), 'MAIN_GLB is a default output');
    assert.equal(await page.getByRole('button', { name: 'Upload, calibrate and start the job' }).count(), 1);
  });

  it('refuses bad multi-camera choices in words, before anything is sent', async () => {
    const before = fake.requests.length;
    assert.match(await refusal(), /at least two videos, one per camera \(none yet\)/);

    await page.setInputFiles('#cameras', videos.front);
    await page.getByText('front.mp4 · 5.1 KiB').waitFor();
    assert.match(await refusal(), /at least two videos, one per camera \(one so far\)/);

    await page.setInputFiles('#cameras', videos.left);
    await page.getByLabel('Device label of left.mp4').fill('cam-1');
    assert.match(await refusal(), /Two videos have the device label “cam-1”/);
    await page.getByLabel('Device label of left.mp4').fill('cam-2');

    await page.getByLabel('Height of the person in the videos (metres)').fill('178');
    assert.match(await refusal(), /height must be in metres, from 0\.5 to 2\.75 \(got “178”\)/);
    await page.getByLabel('Height of the person in the videos (metres)').fill('1.75m');
    assert.match(await refusal(), /height must be in metres, from 0\.5 to 2\.75 \(got “1\.75m”\)/);
    // A decimal comma is a decimal point.
    await page.getByLabel('Height of the person in the videos (metres)').fill('1,82');

    await page.getByLabel('Number of actors').fill('0');
    assert.match(await refusal(), /number of actors must be a whole number from 1 to 10 \(got “0”\)/);
    await page.getByLabel('Number of actors').fill('2');

    // Nothing reached the API.
    assert.deepEqual(fake.requests.slice(before).map((r) => r.operationName), []);
    assert.ok(await page.locator('#capture-steps').isHidden(), 'no run started');
  });

  it('runs a multi-camera capture from three videos to FINISHED, the volume followed, its 3D view and video shown', async () => {
    // The two videos of the last test stay; a third joins, and one is removed and added back.
    await page.setInputFiles('#cameras', [videos.right]);
    await page.getByRole('button', { name: 'Remove front.mp4' }).click();
    await page.setInputFiles('#cameras', videos.front);
    const labels = await page.locator('#camera-list input').evaluateAll((inputs) => inputs.map((i) => i.value));
    assert.deepEqual(labels, ['cam-2', 'cam-3', 'cam-1']);
    await page.getByLabel('Device label of right.mp4').fill('right');
    await page.getByLabel('Capture area').selectOption('LARGE');
    await page.getByLabel('Rig', { exact: true }).selectOption('move_ve');
    await page.getByLabel('Job name').fill('Three cameras');

    // Every text the volume's step shows, as it changes; and every change a
    // screen reader is told of (in the steps' live region, not under aria-live="off").
    await page.evaluate(() => {
      window.volumeSeen = [];
      window.announced = [];
      const list = document.getElementById('capture-steps');
      new MutationObserver((mutations) => {
        const text = document.getElementById('volume-text')?.textContent;
        if (text && text !== window.volumeSeen.at(-1)) window.volumeSeen.push(text);
        for (const m of mutations) {
          const node = m.target.nodeType === Node.TEXT_NODE ? m.target.parentElement : m.target;
          if (node !== list && node.closest('[aria-live]').getAttribute('aria-live') !== 'off') window.announced.push(node.textContent);
        }
      }).observe(list, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Upload, calibrate and start the job' }).click();
    // The run takes seconds (four reads of the volume, a second apart): the form is still disabled.
    assert.ok(await page.locator('#start-capture').isDisabled(), 'the start button is disabled while it runs');
    assert.ok(await page.getByRole('button', { name: 'Remove left.mp4' }).isDisabled(), 'the videos are fixed while it runs');
    await page.locator('#volume-text').getByText(/RUNNING \d+%/).waitFor();
    await page.locator('#capture-result').waitFor({ timeout: 30_000 });
    assert.ok(await page.locator('#notice').isHidden(), 'no error shown');
    assert.ok(await page.locator('#start-capture').isEnabled(), 'the start button is enabled again');

    const seen = await page.evaluate(() => window.volumeSeen);
    const percents = seen.map((t) => t.match(/RUNNING (\d+)%$/)?.[1]).filter(Boolean).map(Number);
    assert.ok(percents.some((p) => p > 0 && p < 100), `an intermediate percentage among ${JSON.stringify(seen)}`);
    assert.match(seen.at(-1), /FINISHED 100%$/);
    assert.equal(await page.locator('#volume-progress').evaluate((p) => p.value), 100);
    for (const key of ['upload-1', 'upload-2', 'upload-3']) assert.equal(await page.locator(`#${key}-progress`).evaluate((p) => p.value), 1);
    assert.deepEqual(await page.locator('#capture-steps li').evaluateAll((items) => items.map((li) => li.dataset.state)), Array(6).fill('done'));
    assert.match(await page.locator('#job-text').textContent(), /FINISHED/);
    const formats = await page.locator('#capture-outputs li').evaluateAll((items) => items.map((li) => li.dataset.format));
    assert.deepEqual(formats, ['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_GLB']);

    // Announced: each step's changes of state, never its bytes or percentages.
    const announced = await page.evaluate(() => window.announced);
    for (const words of announced) assert.match(words, /^(Upload cam-[123]|Upload right|Volume|Take|Job): (started|done)$/);
    for (const step of ['Upload cam-2', 'Upload right', 'Upload cam-1', 'Volume', 'Take', 'Job']) {
      assert.deepEqual(announced.filter((words) => words.startsWith(`${step}:`)), [`${step}: started`, `${step}: done`]);
    }
    assert.equal(await page.locator('#volume-text').getAttribute('aria-live'), 'off');

    // The finished capture's animation and video, as a job's details show them.
    assert.equal(await resultShown(), 1, 'one 3D view');
    // The video plays (muted) past its first half second: the screenshot shows a frame of it.
    await page.locator('#capture-preview video').evaluate((video) => video.play());
    await page.waitForFunction(() => document.querySelector('#capture-preview video').currentTime > 0.5, null, { timeout: 20_000 });
    await page.screenshot({ path: `${shots}7-multicam.png`, fullPage: true });

    // What the API received: three uploads, the volume, the take on it, the job.
    assert.equal(fake.store.uploads.size, 3);
    for (const { bytes } of fake.store.uploads.values()) assert.deepEqual(bytes, readFileSync(sample));
    const [volume] = sent('createVolumeWithHuman');
    assert.equal(volume.variables.humanHeight, 1.82);
    assert.equal(volume.variables.areaType, 'LARGE');
    const sources = volume.variables.sources;
    assert.deepEqual(sources.map((s) => [s.deviceLabel, s.format]), [['cam-2', 'MP4'], ['right', 'MP4'], ['cam-1', 'MP4']]);
    assert.deepEqual(new Set(sources.map((s) => s.fileId)), new Set(fake.store.uploads.keys()));
    assert.ok(sent('getVolume').length >= 4, 'the volume was read until FINISHED');

    const [take] = sent('createMultiCamTake');
    const [volumeId] = fake.store.volumes.keys();
    assert.equal(take.variables.volumeId, volumeId);
    assert.deepEqual(take.variables.sources, sources);
    const [job] = sent('createMultiCamJob');
    assert.equal(job.variables.numberOfActors, 2);
    assert.equal(job.variables.rig, 'move_ve');
    assert.equal(job.variables.name, 'Three cameras');
    assert.deepEqual(job.variables.outputs, ['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_GLB']);
    assert.equal(job.variables.takeId, [...fake.store.takes.keys()].at(-1));
    // The take was created only once the volume was FINISHED.
    const order = fake.requests.map((r) => r.operationName);
    assert.ok(order.lastIndexOf('getVolume') < order.indexOf('createMultiCamTake'));
    assert.equal(sent('createSingleCamTake').length, 0);
  });

  it('stops at a volume that fails, says why, and draws fresh steps for the run', async () => {
    await page.getByRole('button', { name: 'Upload, calibrate and start the job' }).click();
    await page.locator('#volume-text').getByText(/^volume-/).waitFor();
    const volume = [...fake.store.volumes.values()].at(-1);
    fake.store.setFate(volume.id, 'FAILED');
    await page.getByRole('alert').getByText('The volume could not be calibrated (FAILED)').waitFor({ timeout: 20_000 });
    const states = await page.locator('#capture-steps li').evaluateAll((items) => items.map((li) => li.dataset.state));
    assert.deepEqual(states, ['done', 'done', 'done', 'failed', 'waiting', 'waiting']);
    assert.ok(await page.locator('#capture-result').isHidden(), 'no outputs of the run before');
    assert.equal(await page.locator('#tab-capture canvas').count(), 0, "the last run's 3D view was disposed");
    assert.equal(sent('createMultiCamTake').length, 1, 'no take on a failed volume');
    assert.ok(await page.locator('#start-capture').isEnabled());
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it("runs with the API's default rig when the account lists none: no rig is sent", async () => {
    // An account whose rig list is empty: the tab reloads it when opened.
    const rigs = fake.store.rigs;
    fake.store.rigs = [];
    try {
      await page.getByRole('button', { name: 'New capture' }).click();
      await page.waitForFunction(() => document.querySelectorAll('#rig option').length === 1);
      assert.equal(await page.getByLabel('Rig', { exact: true }).inputValue(), '');
      await page.getByLabel('Job name').fill('Default rig');
      await page.getByRole('button', { name: 'Upload, calibrate and start the job' }).click();
      await page.locator('#capture-result').waitFor({ timeout: 30_000 });
    } finally {
      fake.store.rigs = rigs;
    }
    assert.ok(await page.locator('#notice').isHidden(), 'no error shown');
    assert.match(await page.locator('#job-text').textContent(), /FINISHED/);
    const job = sent('createMultiCamJob').at(-1);
    assert.equal(job.variables.name, 'Default rig');
    // Declared in the mutation but not given: null to the API, its default rig.
    assert.ok(!('rig' in job.variables), `no rig variable: ${JSON.stringify(job.variables)}`);
    // The fake animates with its default rig, as the API does.
    assert.equal([...fake.store.jobs.values()].at(-1).rig, 'move_mo');
    // A second finished run: its view replaced the first one's (disposed by the failed run between).
    assert.equal(await resultShown(), 1, 'one 3D view on the capture tab');
  });

  it('ends a run in words when the page connects again during it', async () => {
    // The rigs are listed again (the last test emptied the list) when the tab opens.
    await page.getByRole('button', { name: 'New capture' }).click();
    await page.getByLabel('Rig', { exact: true }).selectOption('move_mo');
    await page.getByLabel('Job name').fill('Reconnected');
    const jobsBefore = sent('createMultiCamJob').length;
    await page.getByRole('button', { name: 'Upload, calibrate and start the job' }).click();
    await page.locator('#volume-text').getByText(/RUNNING/).waitFor();
    await page.getByRole('button', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    // Connected again: the page shows the jobs.
    await page.locator('#tab-jobs').waitFor();
    await page.getByRole('button', { name: 'New capture' }).click();
    // Either the run goes on with the client it started with (a page that keeps
    // the old client: its results are read with it), or, when connecting freed
    // that client, it stops with a sentence that names the reconnection.
    // (:disabled: the run disables the fieldset around the button, not the button.)
    await page.waitForFunction(() => !document.getElementById('start-capture').matches(':disabled'), null, { timeout: 30_000 });
    const finished = await page.locator('#capture-result').isVisible();
    if (finished) {
      assert.ok(await page.locator('#notice').isHidden(), 'no error shown');
      assert.equal(sent('createMultiCamJob').length, jobsBefore + 1);
      assert.equal(await resultShown(), 1, "the run's 3D view, read with the run's client");
    } else {
      assert.match(
        await page.locator('#notice-text').textContent(),
        /^The page connected again while this capture ran, and the run stopped at “Volume”: .+\. Start the capture again to run it on the new connection\.$/,
      );
      assert.equal(await page.locator('#step-volume').getAttribute('data-state'), 'failed');
      assert.equal(sent('createMultiCamJob').length, jobsBefore, 'no job on a stopped run');
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
  });

  it('sends a single-camera video and its .move file as two sources of one camera', async () => {
    const uploadsBefore = fake.store.uploads.size;
    await page.getByLabel('Single camera').check();
    await page.setInputFiles('#video', sample);
    await page.setInputFiles('#move-file', videos.move);
    await page.getByText('sample.move · 2.9 KiB').waitFor();
    await page.getByLabel('Job name').fill('With its .move');
    await page.getByRole('button', { name: 'Upload and start the job' }).click();
    await page.locator('#capture-result').waitFor({ timeout: 20_000 });
    assert.ok(await page.locator('#notice').isHidden(), 'no error shown');
    // A second run draws its own steps: the multi-camera ones are gone.
    const keys = await page.locator('#capture-steps li').evaluateAll((items) => items.map((li) => li.id));
    assert.deepEqual(keys, ['step-upload', 'step-upload-move', 'step-take', 'step-job']);
    assert.equal(await page.locator('#upload-move-progress').evaluate((p) => p.value), 1);
    assert.equal(await resultShown(), 1, 'one 3D view on the capture tab');

    assert.equal(fake.store.uploads.size, uploadsBefore + 2);
    const [take] = sent('createSingleCamTake');
    const sources = take.variables.sources;
    assert.deepEqual(sources.map((s) => s.format), ['MP4', 'MOVE']);
    assert.equal(new Set(sources.map((s) => s.deviceLabel)).size, 1, 'one camera: one deviceLabel');
    assert.notEqual(sources[0].fileId, sources[1].fileId);
    assert.deepEqual(fake.store.uploads.get(sources[1].fileId).bytes, readFileSync(videos.move));
    const create = sent('createFile').at(-1);
    assert.equal(create.variables.type, 'move');
    assert.equal(sent('createSingleCamJob')[0].variables.name, 'With its .move');
  });

  it('refuses a .move file beside a .move video', async () => {
    const before = fake.requests.length;
    await page.setInputFiles('#video', videos.move);
    assert.match(await refusal(), /With a \.move file, the video must be an \.mp4, \.mov or \.avi file/);
    await page.getByRole('button', { name: 'No .move file' }).click();
    assert.equal(await page.locator('#move-name').textContent(), '');
    assert.equal(fake.requests.length, before);
  });

  it('had no console errors and no unhandled rejections', () => {
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(fake.violations, []);
  });
});

describe('the capture forms: sizes of chosen files', () => {
  const summary = (size) => fileSummary({ name: 'clip.mp4', size });

  it('shows bytes, KiB, MiB and GiB', () => {
    assert.equal(summary(0), 'clip.mp4 · 0 B');
    assert.equal(summary(1023), 'clip.mp4 · 1023 B');
    assert.equal(summary(5187), 'clip.mp4 · 5.1 KiB');
    assert.equal(summary(1024 * 1024 - 1), 'clip.mp4 · 1.0 MiB', 'rounded up to the next unit');
    assert.equal(summary(48.3 * 1024 ** 2), 'clip.mp4 · 48.3 MiB');
    assert.equal(summary(2.5 * 1024 ** 3), 'clip.mp4 · 2.5 GiB');
    assert.equal(summary(3 * 1024 ** 4), 'clip.mp4 · 3072.0 GiB');
  });
});
