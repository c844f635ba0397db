// The demo web app in Chromium against the fake Move API: connect, the job list
// and its pages, a job's details and outputs, a capture from a video file to
// FINISHED, share codes, and the error a wrong key shows. Fails on any console
// error or unhandled rejection; saves a screenshot of each main screen.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { serveApp } from '../../www/serve.mjs';
import { launch, watchErrors } from './chromium.mjs';

const shots = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
const sample = fileURLToPath(new URL('../../examples/media/sample.mp4', import.meta.url));

describe('the demo web app', () => {
  let fake;
  let app;
  let browser;
  let page;
  let watch;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    fake = await startFakeApi({ pollsToFinish: 3 });
    // Twelve jobs: more than one page of ten. The newest is finished, with outputs.
    const take = fake.store.addTake({ name: 'Seeded take' });
    for (let i = 1; i <= 12; i += 1) fake.store.addJob({ takeId: take.id, name: `Seeded job ${i}`, outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
    const newest = [...fake.store.jobs.values()].at(-1);
    for (let i = 0; i < 3; i += 1) fake.store.advance(newest);
    app = await serveApp({ port: 0, fakeApiUrl: fake.url, fakeApiKey: fake.apiKey });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    watch = watchErrors(page);
    console.log(`# screenshots in ${shots}`);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  it('connects to the fake API on opening and lists jobs', async () => {
    // No Connect click: with the local fake at hand, the page connects to it at once.
    await page.goto(app.url);
    await page.getByText('Connected as Fake Studio').waitFor();
    await page.locator('#jobs-body tr').first().waitFor();
    assert.equal(await page.locator('#jobs-body tr').count(), 10);
    assert.ok(await page.locator('#notice').isHidden(), 'no error shown');
    assert.equal(await page.locator('#jobs-body tr').first().locator('button').textContent(), 'Seeded job 12');
    assert.equal(fake.requests.filter((r) => r.operationName === 'client').length, 1, 'one connection');
    await page.screenshot({ path: `${shots}2-jobs.png` });
    // The Connection tab, connected (the screen where a real key is entered).
    await page.getByRole('button', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor();
    await page.screenshot({ path: `${shots}1-connect.png` });
    await page.getByRole('button', { name: 'Jobs' }).click();
    await page.locator('#jobs-body tr').first().waitFor();
  });

  it('pages through the list and changes the order', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#jobs-body tr').length === 2);
    assert.ok(await page.getByRole('button', { name: 'Next' }).isDisabled());
    await page.getByRole('button', { name: 'First page' }).click();
    await page.getByText('Page 1').waitFor();
    await page.getByLabel('Order').selectOption('ASC');
    await page.waitForFunction(() => document.querySelector('#jobs-body tr button')?.textContent === 'Seeded job 1');
    await page.getByLabel('Order').selectOption('DESC');
    await page.waitForFunction(() => document.querySelector('#jobs-body tr button')?.textContent === 'Seeded job 12');
  });

  it('opens a finished job with its outputs and makes a share code', async () => {
    await page.getByRole('button', { name: 'Seeded job 12' }).click();
    await page.locator('#job-details').waitFor();
    await page.locator('#details-outputs li[data-format="MAIN_FBX"]').getByRole('button', { name: /^Download/ }).waitFor();
    await page.locator('#details-outputs li[data-format="RENDER_VIDEO"]').getByRole('button', { name: 'Share code' }).click();
    await page.locator('#details-outputs li[data-format="RENDER_VIDEO"] code').waitFor();
    assert.match(await page.locator('#details-outputs li[data-format="RENDER_VIDEO"] code').textContent(), /^[0-9A-F]{8}$/);
    await page.screenshot({ path: `${shots}3-job-details.png`, fullPage: true });
  });

  it('starts a capture from a video file and follows it to FINISHED', async () => {
    await page.getByRole('button', { name: 'New capture' }).click();
    await page.setInputFiles('#video', sample);
    await page.getByText('sample.mp4 · 5.1 KiB').waitFor();
    await page.getByLabel('Job name').fill('Browser capture');
    assert.ok(await page.getByLabel('GLB (main)').isChecked(), 'MAIN_GLB is a default output: the 3D view shows it');
    await page.getByLabel('Mocap model').selectOption('M2');
    await page.getByLabel('Track fingers').check();
    await page.getByRole('button', { name: 'Upload and start the job' }).click();
    await page.locator('#capture-result').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('#upload-progress').evaluate((p) => p.value), 1);
    assert.equal(await page.locator('#job-progress').evaluate((p) => p.value), 100);
    assert.match(await page.locator('#job-text').textContent(), /FINISHED/);
    const formats = await page.locator('#capture-outputs li').evaluateAll((items) => items.map((li) => li.dataset.format));
    assert.deepEqual(formats, ['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_GLB']);
    assert.ok(await page.locator('#notice').isHidden(), 'no error shown');
    await page.screenshot({ path: `${shots}4-capture.png`, fullPage: true });

    // What the page sent: the bytes of the file, and the choices made.
    const [upload] = [...fake.store.uploads.values()];
    assert.equal(upload.bytes.length, 5208);
    const created = fake.requests.find((r) => r.operationName === 'createSingleCamJob');
    assert.equal(created.variables.name, 'Browser capture');
    assert.deepEqual(created.variables.outputs, ['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_GLB']);
    assert.equal(created.variables.options.mocapModel, 'M2');
    assert.equal(created.variables.options.trackFingers, true);
  });

  it('keeps a finished capture downloadable after connecting again (the client before is not freed)', async () => {
    const connections = fake.requests.filter((r) => r.operationName === 'client').length;
    await page.getByRole('button', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#connection-status').textContent.startsWith('Connected as'));
    assert.equal(fake.requests.filter((r) => r.operationName === 'client').length, connections + 1);
    await page.getByRole('button', { name: 'New capture' }).click();
    const row = page.locator('#capture-outputs li[data-format="MAIN_FBX"]');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), row.getByRole('button', { name: /^Download/ }).click()]);
    const job = [...fake.store.jobs.values()].find((j) => j.name === 'Browser capture');
    assert.equal(download.suggestedFilename(), `${job.id}-MAIN_FBX.fbx`);
    await row.getByText(`saved ${job.id}-MAIN_FBX.fbx`).waitFor();
    assert.ok(await page.locator('#notice').isHidden(), 'no error shown');
  });

  it('shows a clear message when rate limited', async () => {
    watch.allow(/status of 429/);
    fake.inject({ kind: 'status', status: 429, operation: 'listJobs', headers: { 'retry-after': '0' }, times: 3 });
    await page.getByRole('button', { name: 'Jobs' }).click();
    await page.getByRole('alert').getByText('rate-limiting').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.ok(await page.locator('#notice').isHidden());
  });

  it('shows a clear message for a wrong key', async () => {
    // Chromium logs the refused request itself; that one console line is expected.
    const expected = /status of 401/;
    watch.allow(expected);
    await page.getByRole('button', { name: 'Connection' }).click();
    await page.getByLabel('A Move API endpoint with your API key').check();
    const connectedAs = await page.locator('#connection-status').textContent();
    assert.match(connectedAs, /^Connected as Fake Studio/);

    // Mistakes in the form are said in words, before anything is sent.
    const sent = fake.requests.length;
    await page.getByLabel('Endpoint', { exact: true }).fill('api.move.ai/ugc/graphql');
    await page.getByLabel('API key', { exact: true }).fill('');
    await page.locator('#connect-button').click();
    await page.getByRole('alert').getByText('Enter your Move API key (it starts with mv_key_).').waitFor();
    await page.getByLabel('API key', { exact: true }).fill('mv_key_wrong_but_long_enough');
    await page.locator('#connect-button').click();
    await page.getByRole('alert').getByText('The endpoint must be a whole web address, such as https://api.move.ai/ugc/graphql.').waitFor();
    assert.equal(fake.requests.length, sent, 'nothing was sent');

    await page.getByLabel('Endpoint', { exact: true }).fill(fake.url);
    await page.locator('#connect-button').click();
    await page.getByRole('alert').getByText('The API key was refused').waitFor();
    // The connection the page had stands, and says so.
    await page.getByRole('alert').getByText('The page stays connected as before.').waitFor();
    assert.equal(await page.locator('#connection-status').textContent(), connectedAs);
    await page.screenshot({ path: `${shots}5-wrong-key.png` });
    watch.forbid(expected);
    // The key went nowhere but to the API: not in storage, not in the URL.
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.ok(!page.url().includes('wrong_but'));
  });

  it('had no console errors and no unhandled rejections', () => {
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(fake.violations, []);
  });
});
