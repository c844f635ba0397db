// What `make demo` runs, as a new user meets it: `node www/serve.mjs --fake
// --journey` starts the fake with the demo account, runs the journey against
// that same fake, then serves the app; the page opens on a full job list, the
// journey's job on top, jobs in every state below it.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { launch, watchErrors } from './chromium.mjs';

const serve = fileURLToPath(new URL('../../www/serve.mjs', import.meta.url));
const shots = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
const sample = fileURLToPath(new URL('../../examples/media/sample.mp4', import.meta.url));

/**
 * Starts serve.mjs with `args`; resolves, once its output matches `until`
 * (whose first group is the app's URL), with the child, its output so far,
 * and that URL.
 */
function startServe(args, until) {
  const child = spawn(process.execPath, [serve, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOVE_API_KEY: '', MOVE_API_URL: '' } });
  const out = { text: '' };
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out.text += chunk;
      const match = until.exec(out.text);
      if (match) resolve({ child, out, url: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (out.text += chunk));
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code} before serving:\n${out.text}`)));
  });
}

describe('the demo (make demo: serve.mjs --fake --journey)', () => {
  let served;
  let browser;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    served = await startServe(['--fake', '--port', '0', '--journey'], /Its job is in the demo app's list: (\S+)/);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (served) {
      const exited = new Promise((resolve) => served.child.once('exit', resolve));
      served.child.kill('SIGTERM');
      await exited;
    }
  });

  it('runs the journey against the fake the page shows, without a schema violation', () => {
    assert.match(served.out.text, /100%\s+FINISHED/);
    assert.match(served.out.text, /The fake has seen 0 schema violations/);
    assert.match(served.out.text, /Its job is in the demo app's list/);
  });

  it("opens on the demo account: the journey's job first, then jobs in every state", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const watch = watchErrors(page);
    // No Connect click: the demo connects to its fake on opening.
    await page.goto(served.url);
    await page.getByText('Connected as Fake Studio').waitFor();
    await page.locator('#jobs-body tr').first().waitFor();
    const rows = await page.locator('#jobs-body tr').evaluateAll((trs) =>
      trs.map((tr) => ({ name: tr.querySelector('button')?.textContent, state: tr.querySelector('.state')?.textContent })),
    );
    assert.equal(rows[0].name, 'Journey example');
    assert.equal(rows[0].state, 'FINISHED');
    const states = new Set(rows.map((r) => r.state));
    for (const state of ['FINISHED', 'RUNNING', 'FAILED']) assert.ok(states.has(state), `a ${state} job in ${JSON.stringify(rows)}`);
    assert.ok(rows.some((r) => /^NOT.STARTED$/.test(r.state)), `a job not started in ${JSON.stringify(rows)}`);
    assert.ok(rows.some((r) => r.name === 'Duet rehearsal'), 'the multi-camera job');
    assert.ok(await page.locator('#jobs-empty').isHidden(), 'no "No jobs yet"');
    await page.screenshot({ path: `${shots}0-demo-jobs.png` });

    // The demo's finished job: its figure in 3D and its video (README's picture).
    await page.getByRole('button', { name: 'Sprint start' }).click();
    await page.locator('#details-result .viewer-status', { hasText: 'drag to orbit' }).waitFor({ timeout: 20_000 });
    const video = page.locator('#details-result video');
    await page.waitForFunction(() => document.querySelector('#details-result video')?.readyState >= 1, null, { timeout: 20_000 });
    assert.ok((await video.evaluate((v) => v.duration)) > 0, 'the video has a duration');
    // Both playing, mid-animation: the video past its first second, the figure past the start of its clip.
    await video.evaluate((v) => v.play());
    await page.waitForFunction(() => document.querySelector('#details-result video').currentTime > 1, null, { timeout: 20_000 });
    await page.waitForFunction(() => Number(document.querySelector('.viewer-scrubber')?.value) > 0.3);
    await page.screenshot({ path: `${shots}0-demo-result.png`, fullPage: true });
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  it("fits a phone's screen: the list, a job's 3D view and video, the multi-camera form", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const watch = watchErrors(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(served.url);
    await page.locator('#jobs-body tr').first().waitFor();
    assert.equal(await overflow(), 0, 'the job list');
    await page.getByRole('button', { name: 'Sprint start' }).click();
    await page.locator('#details-result .viewer-status', { hasText: 'drag to orbit' }).waitFor({ timeout: 20_000 });
    assert.equal(await overflow(), 0, "the job's 3D view and video");
    const [view, controls] = [await page.locator('.viewer-stage').boundingBox(), await page.locator('.viewer-controls').boundingBox()];
    assert.ok(controls.x + controls.width <= view.x + view.width + 1, 'the 3D view\'s controls are as wide as the view at most');
    await page.getByRole('button', { name: 'New capture' }).click();
    await page.getByLabel(/Multi-camera: two or more videos/).check();
    await page.setInputFiles('#cameras', sample);
    await page.getByText('sample.mp4 · 5.1 KiB').waitFor();
    assert.equal(await overflow(), 0, 'the multi-camera form');
    await page.screenshot({ path: `${shots}0-demo-phone.png`, fullPage: true });
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  it('stops the journey with it when stopped while the journey runs', async () => {
    const early = await startServe(['--fake', '--port', '0', '--journey'], /move-ugc demo app on (\S+)/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=,args=', '--ppid', String(early.child.pid)]);
    const journey = stdout.split('\n').find((line) => line.includes('journey.mjs'));
    assert.ok(journey, `the journey runs under serve.mjs:\n${stdout}`);
    const pid = Number(journey.trim().split(' ')[0]);
    const exited = new Promise((resolve) => early.child.once('exit', (code) => resolve(code)));
    early.child.kill('SIGTERM');
    assert.equal(await exited, 0);
    // Gone too (kill(pid, 0) only asks whether it exists), within a moment.
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(alive(), false, 'the journey was stopped');
  });

  it('stops on SIGTERM', async () => {
    const exited = new Promise((resolve) => served.child.once('exit', (code) => resolve(code)));
    served.child.kill('SIGTERM');
    assert.equal(await exited, 0);
    served = null;
  });
});
