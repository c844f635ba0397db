#!/usr/bin/env node
// The move-ugc command: Move AI's motion-capture API from a terminal or a
// script, on the package's own Node entry. `move-ugc --help` lists the commands.
//
// Shipped as bin/move-ugc.mjs of the package (scripts/build-pkg.mjs copies
// cli/ there): it loads ../node/index.mjs, and no other entry loads it.

import { readFileSync } from 'node:fs';

import { clientFromEnv, requestsSent } from './client.mjs';
import { COMMANDS } from './commands/index.mjs';
import { helpOf } from './help.mjs';
import { Progress } from './output.mjs';
import { findCommand, parseCommandLine } from './parse.mjs';

const progress = new Progress(process.stderr);
// Ctrl-C aborts the calls under way: the SDK rejects them with ABORTED once
// it has cleaned up (a partial download's temporary file removed). Until the
// command has ended, more Ctrl-C are ignored, so that nothing cuts that
// cleanup short; once it has, Ctrl-C ends the process at once, with its status.
const interruption = { controller: new AbortController(), happened: false, hint: null, ended: false };
process.on('SIGINT', () => {
  if (interruption.ended) process.exit();
  interruption.happened = true;
  interruption.controller.abort();
});
// `move-ugc jobs list | head -1`: a reader that leaves early is not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  const found = findCommand(process.argv.slice(2), COMMANDS);
  if (found.version) {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`move-ugc ${manifest.version}\n`);
  } else if ('help' in found) {
    process.stdout.write(helpOf(found.help, COMMANDS));
  } else {
    const { command, rest } = found;
    const { args, values } = parseCommandLine(command, rest);
    if (values.help) {
      process.stdout.write(helpOf(command, COMMANDS));
    } else {
      // The module is loaded only for a command that runs (help and usage errors stay instant).
      const sdk = await import('../node/index.mjs');
      let client;
      const { data, text } = await command.run({
        args,
        values,
        sdk,
        ugc: () => (client ??= clientFromEnv(sdk)),
        signal: interruption.controller.signal,
        progress,
        onInterrupt: (hint) => {
          interruption.hint = hint;
        },
      });
      process.stdout.write(values.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
    }
  }
} catch (error) {
  progress.clear();
  report(error);
} finally {
  interruption.ended = true;
}

/** Prints `move-ugc: <CODE>: <message>` on stderr and sets the exit status. */
function report(error) {
  const code = typeof error?.code === 'string' && /^[A-Z][A-Z_]*$/.test(error.code) ? error.code : 'INTERNAL';
  const message = typeof error?.message === 'string' ? error.message : String(error);
  if (interruption.happened && code === 'ABORTED') {
    process.stderr.write(`move-ugc: ABORTED: interrupted (${message})\n`);
    if (interruption.hint) process.stderr.write(`move-ugc: ${interruption.hint}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`move-ugc: ${code}: ${message}\n`);
  if (code === 'INTERNAL' && !error?.name?.startsWith?.('MoveUgc') && error?.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = exitCodeOf(code);
}

/**
 * 2 for bad usage: a USAGE error, or a value refused (INVALID_ARGUMENT, by
 * the command or the SDK) before anything was sent; 1 for any other failure,
 * a refusal once requests went out included (the SDK's `params.dir` when the
 * disk fails mid-download).
 */
function exitCodeOf(code) {
  if (code === 'USAGE') return 2;
  if (code === 'INVALID_ARGUMENT') return requestsSent() ? 1 : 2;
  return 1;
}
