// Debian's Chromium driven by playwright-core (no browser download), with the
// flags this machine needs, and a collector of console errors.

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
 * Serves `page` (HTML) at / and the files of the package directory `pkgDir`
 * under /pkg/; resolves with `{ url, close }`.
 */
export async function servePackage(pkgDir, page) {
  const { createServer } = await import('node:http');
  const { readFileSync } = await import('node:fs');
  const { extname, join, normalize, sep } = await import('node:path');
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  const root = normalize(pkgDir).replace(/[\\/]$/, '');
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
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
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}
