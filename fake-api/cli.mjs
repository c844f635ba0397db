#!/usr/bin/env node
// Runs the fake Move API as its own process (for the wasm tests, the demo and
// people). Usage: node fake-api/cli.mjs [--port 4010] [--polls 3]
// Prints one line, `fake Move API on <url>`, once it listens; stops on SIGTERM/SIGINT.

import { startFakeApi, FAKE_API_KEY } from './server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};

const fake = await startFakeApi({
  port: Number(option('port', process.env.FAKE_API_PORT ?? 4010)),
  pollsToFinish: Number(option('polls', 3)),
});
console.log(`fake Move API on ${fake.url} (API key ${FAKE_API_KEY})`);

const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
