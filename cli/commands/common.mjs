// What the commands share: how one is declared, the SDK's refusals of a
// command's values named by its flags, and the outputs a user may ask for.

import { invalidArgument, usageError } from '../errors.mjs';
import { listOf } from '../parse.mjs';

/**
 * Declares a command: `path` its words (`['jobs', 'list']`), `args` its
 * positional arguments (`{ name, help }`), `options` its flags for
 * util.parseArgs plus `value` (the placeholder in help), `help` and
 * `required` (a flag the command cannot do without), `json`
 * what --json prints, `examples`, and `run(ctx)`, which resolves with
 * `{ data, text }`: the JSON document and the lines for people.
 */
export function command({ path, summary, description, args = [], options = {}, json, examples = [], run }) {
  const flags = Object.entries(options).map(([name, o]) => {
    const flag = o.type === 'boolean' ? `--${name}` : `--${name} ${o.value}`;
    if (o.required) return flag;
    return o.multiple ? `[${flag}]…` : `[${flag}]`;
  });
  const usage = ['move-ugc', ...path, ...args.map((a) => `<${a.name}>`), ...flags].join(' ');
  return { name: path.at(-1), title: path.join(' '), summary, description, args, options, json, examples, usage, run };
}

/** A group of subcommands (`move-ugc jobs …`). */
export function group(name, summary, commands) {
  return { name, summary, commands };
}

/**
 * Awaits an SDK call; a refusal of one of the command's values
 * (INVALID_ARGUMENT, nothing sent) is said with the command's names for it:
 * `params.limit: …` becomes `--limit: …`, `params.outputs[1]: …` `--output: …`.
 */
export async function namedBy(flags, promise) {
  try {
    return await promise;
  } catch (error) {
    throw renamed(error, flags);
  }
}

function renamed(error, flags) {
  if (error?.code !== 'INVALID_ARGUMENT' || typeof error.message !== 'string') return error;
  for (const [path, flag] of Object.entries(flags)) {
    if (!error.message.startsWith(path)) continue;
    const rest = error.message.slice(path.length).replace(/^\[\d+\]/, '');
    if (!rest.startsWith(':') && !rest.startsWith('.')) continue;
    const named = invalidArgument(`${flag}${rest}`);
    named.cause = error;
    return named;
  }
  return error;
}

/**
 * The formats of `--output` (repeated or comma-separated), in any letter case
 * (the SDK checks and spells them); undefined when none were given.
 */
export function outputsOf(values) {
  const outputs = listOf(values.output);
  return outputs.length ? outputs : undefined;
}

/** The help line of `--output`. */
export const OUTPUT_OPTION = {
  type: 'string',
  multiple: true,
  value: 'F',
  help: 'an output format (MAIN_FBX, RENDER_VIDEO, MAIN_USDZ, …); repeat it or separate with commas',
};

/** Stops a command that needs piped input when stdin is a terminal (it would wait for typing). */
export function requirePipedStdin(what) {
  if (process.stdin.isTTY) throw usageError(`${what} is read from stdin: pipe it in (… < payload.json)`);
}

/** `word` as a shell reads it back: as it is when it is plain, else in single quotes. */
export function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
