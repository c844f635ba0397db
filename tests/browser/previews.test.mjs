// The preview video the fake's storage serves for a RENDER_VIDEO output
// (fake-api/previews.mjs) plays in Chromium: it loads with its duration and
// size, its frames move while it plays, they are pictures (not one flat
// colour), and it seeks (the fake answers byte ranges, as S3 does).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { startFakeApi } from '../../fake-api/server.mjs';
import { VIDEO } from '../../fake-api/preview-mp4.mjs';
import { launch, watchErrors } from './chromium.mjs';

const shots = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

describe('the preview video in Chromium', () => {
  let fake;
  let browser;
  let page;
  let watch;
  let url;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    fake = await startFakeApi();
    const job = fake.store.addJob({ state: 'FINISHED', outputs: ['RENDER_VIDEO'] });
    url = `${fake.url.replace(/\/graphql$/, '')}/__fake/files/${job.outputFiles[0].file.id}?X-Amz-Signature=fake`;
    browser = await launch(['--autoplay-policy=no-user-gesture-required']);
    page = await browser.newPage({ viewport: { width: 480, height: 320 } });
    watch = watchErrors(page);
  });

  after(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('loads with its duration and size, plays changing frames that are pictures, and seeks', async () => {
    // crossorigin: the fake's CORS lets a page read the pixels it draws.
    await page.setContent(`<video id="v" muted playsinline crossorigin="anonymous" style="width:480px" src="${url}"></video>`);
    const seen = await page.evaluate(async () => {
      const v = document.getElementById('v');
      await new Promise((resolve, reject) => {
        if (v.readyState >= 2) resolve();
        v.onloadeddata = resolve;
        v.onerror = () => reject(new Error(`video error ${v.error?.code}: ${v.error?.message}`));
      });
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      // The frame shown now: its pixels' checksum and how many distinct grey levels it has.
      const frame = () => {
        g.drawImage(v, 0, 0);
        const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
        let sum = 0;
        const levels = new Set();
        for (let i = 0; i < data.length; i += 4) {
          sum = (sum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
          levels.add(data[i + 1]);
        }
        return { sum, levels: levels.size };
      };
      // Two frames presented a moment apart while it plays.
      const played = [];
      await new Promise((resolve) => {
        const onFrame = (_, meta) => {
          played.push({ at: meta.mediaTime, ...frame() });
          if (meta.mediaTime < 1) v.requestVideoFrameCallback(onFrame);
          else resolve();
        };
        v.requestVideoFrameCallback(onFrame);
        v.play();
      });
      v.pause();
      // Seeking back and forth shows other frames.
      const seekTo = async (t) => {
        v.currentTime = t;
        await new Promise((resolve) => {
          v.onseeked = resolve;
        });
        return frame();
      };
      const early = await seekTo(0.1);
      const late = await seekTo(2.5);
      return { duration: v.duration, width: v.videoWidth, height: v.videoHeight, played, early, late };
    });
    assert.ok(Math.abs(seen.duration - VIDEO.seconds) < 0.05, `duration ${seen.duration}`);
    assert.deepEqual([seen.width, seen.height], [VIDEO.width, VIDEO.height]);
    const first = seen.played[0];
    const last = seen.played.at(-1);
    assert.ok(last.at - first.at >= 0.5, `played from ${first.at} to ${last.at}`);
    assert.notEqual(first.sum, last.sum, 'the picture moves while it plays');
    assert.ok(new Set(seen.played.map((f) => f.sum)).size >= seen.played.length / 2, 'most frames differ from the one before');
    for (const f of [first, last, seen.early, seen.late]) assert.ok(f.levels > 20, `a picture, not a flat colour (${f.levels} levels)`);
    assert.notEqual(seen.early.sum, seen.late.sum, 'seeking shows another frame');
    // (Whether Chromium asks for a later byte range to seek depends on what it
    // has buffered: the fake's answers to ranges are tested in tests/js/previews.test.mjs.)
    // The screenshot mid-walk, while it plays.
    await page.evaluate(() => {
      const v = document.getElementById('v');
      v.currentTime = 0;
      return v.play();
    });
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${shots}previews-video.png` });
    assert.deepEqual(watch.errors, []);
  });
});
