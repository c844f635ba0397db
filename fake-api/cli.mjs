#!/usr/bin/env node
// Runs the fake Move API as its own process (for the wasm tests, the demo and
// people), behaving by default as the real API is known to: a job takes 3 reads
// to finish, says 'NOT STARTED' or 'NOT_STARTED' (alternating per job) and
// sometimes STARTED before RUNNING, reports FINISHED one read before its
// outputs appear and one more before they have download URLs, its deprecated
// `state` lags one read behind progress.state, and a volume takes 3 reads to
// be FINISHED; a GLB or video output holds a real animated figure or video
// (previews.mjs), any other 4096 bytes (--output-bytes N: every output N bytes). Usage:
//
//   node fake-api/cli.mjs [--port 4010] [--host 127.0.0.1] [--polls 3] [--outputs-lag 1]
//       [--url-lag 1] [--not-started alternate|'NOT STARTED'|NOT_STARTED]
//       [--started-polls alternate|N] [--deprecated-state lag|same|respell]
//       [--volume-polls N] [--output-bytes N] [--simple]
//
// --simple is --outputs-lag 0 --url-lag 0 --started-polls 0 --deprecated-state same
// --not-started 'NOT STARTED' (the plainest API; later flags still apply).
// Prints one line, `fake Move API on <url>`, once it listens; stops on SIGTERM/SIGINT.

import { startFakeApi, FAKE_API_KEY } from './server.mjs';

const args = process.argv.slice(2);
const FLAGS = ['port', 'host', 'polls', 'outputs-lag', 'url-lag', 'not-started', 'started-polls', 'deprecated-state', 'volume-polls', 'output-bytes'];
const given = {};
let simple = false;
for (let i = 0; i < args.length; i += 1) {
  const name = args[i].replace(/^--/, '');
  if (args[i] === '--simple') simple = true;
  else if (args[i].startsWith('--') && FLAGS.includes(name) && args[i + 1] !== undefined) given[name] = args[++i];
  else {
    console.error(`fake-api: unknown or incomplete argument ${args[i]} (flags: --${FLAGS.join(', --')}, --simple)`);
    process.exit(2);
  }
}
const option = (name, fallback, simpleValue = fallback) => given[name] ?? (simple ? simpleValue : fallback);
const integer = (name, fallback, simpleValue) => {
  const value = Number(option(name, fallback, simpleValue));
  if (!Number.isInteger(value) || value < 0) {
    console.error(`fake-api: --${name} expects a whole number, got ${given[name]}`);
    process.exit(2);
  }
  return value;
};
const startedPolls = option('started-polls', 'alternate', '0');

let fake;
try {
  const pollsToFinish = integer('polls', 3);
  fake = await startFakeApi({
    port: integer('port', process.env.FAKE_API_PORT ?? 4010),
    host: option('host', '127.0.0.1'),
    pollsToFinish,
    outputsLagPolls: integer('outputs-lag', 1, 0),
    urlLagPolls: integer('url-lag', 1, 0),
    notStartedSpelling: option('not-started', 'alternate', 'NOT STARTED'),
    startedPolls: startedPolls === 'alternate' ? startedPolls : integer('started-polls', 0),
    deprecatedState: option('deprecated-state', 'lag', 'same'),
    volumePollsToFinish: integer('volume-polls', pollsToFinish),
    // Unset unless given: real content for the outputs that have some.
    ...(given['output-bytes'] === undefined ? {} : { outputBytes: integer('output-bytes') }),
  });
} catch (error) {
  console.error(`fake-api: ${error.message}`);
  process.exit(2);
}
console.log(`fake Move API on ${fake.url} (API key ${FAKE_API_KEY})`);

const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
