// The demo web app's capture tab in Chromium against the fake Move API: a
// multi-camera capture from three video files to FINISHED (uploads, the
// volume's progress, the take, the job with actors and rig, the outputs), a
// single-camera capture with its .move file (two sources of one camera), and
// the sentences that refuse bad choices before anything is sent. Fails on any
// console error; saves target/screenshots/7-multicam.png.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { serveApp } from '../../www/serve.mjs';
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
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText('Connected as Fake Studio').waitFor();
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
    await page.waitForFunction(() => document.querySelector('#rig option')?.value === 'move_mo');
    assert.deepEqual(await page.locator('#rig option').evaluateAll((os) => os.map((o) => o.value)), ['move_mo', 'move_ve']);
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
    await page.getByLabel('Height of the person in the videos (metres)').fill('1.82');

    await page.getByLabel('Number of actors').fill('0');
    assert.match(await refusal(), /number of actors must be a whole number from 1 to 10 \(got “0”\)/);
    await page.getByLabel('Number of actors').fill('2');

    // An account whose rig list is empty: the tab reloads it when opened.
    const rigs = fake.store.rigs;
    fake.store.rigs = [];
    await page.getByRole('button', { name: 'New capture' }).click();
    await page.waitForFunction(() => document.querySelector('#rig option')?.textContent === 'No rigs available');
    const listed = fake.requests.length;
    assert.match(await refusal(), /Choose a rig/);
    fake.store.rigs = rigs;
    await page.getByRole('button', { name: 'New capture' }).click();
    await page.waitForFunction(() => document.querySelector('#rig option')?.value === 'move_mo');

    // Nothing but the rig lists reached the API.
    assert.deepEqual(fake.requests.slice(before).map((r) => r.operationName), ['listRigs', 'listRigs']);
    assert.equal(listed - before, 1);
    assert.ok(await page.locator('#capture-steps').isHidden(), 'no run started');
  });

  it('runs a multi-camera capture from three videos to FINISHED, the volume followed', async () => {
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

    // Every text the volume's step shows, as it changes.
    await page.evaluate(() => {
      window.volumeSeen = [];
      new MutationObserver(() => {
        const text = document.getElementById('volume-text')?.textContent;
        if (text && text !== window.volumeSeen.at(-1)) window.volumeSeen.push(text);
      }).observe(document.getElementById('capture-steps'), { subtree: true, childList: true, characterData: true });
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
    assert.equal(sent('createMultiCamTake').length, 1, 'no take on a failed volume');
    assert.ok(await page.locator('#start-capture').isEnabled());
    await page.getByRole('button', { name: 'Dismiss' }).click();
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
