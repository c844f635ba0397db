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
