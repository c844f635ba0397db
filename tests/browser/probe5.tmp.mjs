import { createServer } from 'node:http';
import { launch } from './chromium.mjs';
import { readFileSync } from 'node:fs';
const mp4 = readFileSync(process.argv[2] ?? '/tmp/prev/render.mp4');
const server = createServer((req, res) => {
  if (req.url === '/v.mp4') {
    const m = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    if (m) { const a = +m[1], b = m[2] ? +m[2] : mp4.length - 1; res.writeHead(206, { 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'content-range': `bytes ${a}-${b}/${mp4.length}`, 'content-length': b - a + 1 }); return res.end(mp4.subarray(a, b + 1)); }
    res.writeHead(200, { 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'content-length': mp4.length }); return res.end(mp4); }
  res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><video id=v muted src="/v.mp4"></video>');
}).listen(0);
await new Promise(r => server.on('listening', r));
const browser = await launch();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
const out = await page.evaluate(async () => {
  const v = document.getElementById('v');
  await new Promise((res) => { if (v.readyState >= 2) res(); v.onloadeddata = res; });
  const sig = () => { const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight; const g = c.getContext('2d'); g.drawImage(v, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data; let s = 0; for (let i = 0; i < d.length; i++) s = (s * 31 + d[i]) >>> 0; return s; };
  const seen = [];
  for (const t of [0.2, 1.0, 2.5]) {
    v.currentTime = t; await new Promise(r => v.onseeked = r);
    seen.push([t, sig(), v.seekable.length && v.seekable.end(0)]);
  }
  return seen;
});
console.log(JSON.stringify(out));
await browser.close(); server.close();
