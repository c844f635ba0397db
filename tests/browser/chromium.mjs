// Debian's Chromium driven by playwright-core (no browser download), with the
// flags this machine needs, and a collector of console errors.

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

import { chromium } from 'playwright-core';

/** Launches Chromium; `extraArgs` are more command-line flags. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Records console errors and uncaught page errors; `allow(re)` excuses expected ones. */
export function watchErrors(page) {
  const errors = [];
  const allowed = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed.some((re) => re.test(message.text()))) errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return {
    errors,
    allow: (re) => allowed.push(re),
    forbid: (re) => allowed.splice(allowed.indexOf(re), 1),
  };
}

/**
 * A page that loads the package's no-bundler entry (`init()`), puts
 * `{ MoveUgc, MoveUgcError }` in `window.pkg`, runs `more` (script text) and
 * then sets `window.ready`.
 */
export function packagePage(title, more = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>
<body><script type="module">
  import init, { MoveUgc, MoveUgcError } from '/pkg/web/index.js';
  await init();
  window.pkg = { MoveUgc, MoveUgcError };
  ${more}
  window.ready = true;
</script></body></html>`;
}

/**
 * Serves `page` (HTML) at / and the files of the package directory `pkgDir`
 * under /pkg/ (404 outside it); resolves with `{ url, port, asked, close }`,
 * `asked` the paths requested, in order.
 */
export async function servePackage(pkgDir, page) {
  if (!existsSync(join(pkgDir, 'web', 'index.js'))) {
    throw new Error(`no package in ${pkgDir}: run \`make pkg pkg-fault pkg-for-tests\` (make test does)`);
  }
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  const root = normalize(pkgDir).replace(/[\\/]$/, '');
  const asked = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    asked.push(path);
    if (!path.startsWith('/pkg/')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
      return;
    }
    const file = normalize(join(root, decodeURIComponent(path.slice(5))));
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside the package');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, port, asked, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Chromium on `page` (HTML, which sets `window.ready` once loaded) served
 * with the package directory `pkgDir` (see servePackage): `{ site, browser,
 * page, watch, close }`, the page loaded and ready, its errors watched.
 */
export async function openPackagePage(pkgDir, html) {
  const site = await servePackage(pkgDir, html);
  const browser = await launch();
  const page = await browser.newPage();
  const watch = watchErrors(page);
  await page.goto(site.url);
  await page.waitForFunction(() => window.ready === true);
  return {
    site,
    browser,
    page,
    watch,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}
