// Reads a command line against the command table (commands/index.mjs) with
// Node's util.parseArgs, and turns every mistake into a usage error (exit 2)
// that says what was wrong and, for a near miss, what was meant.

import { parseArgs } from 'node:util';

import { didYouMean, invalidArgument, usageError } from './errors.mjs';

/** The options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', help: 'print one JSON document on stdout, nothing else' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

/**
 * Finds the command that `argv` names. Resolves with `{ command, rest }` for a
 * command, `{ help: node }` where help was asked for (`node` a group, a
 * command or null for the whole tool), `{ version: true }` for --version.
 */
export function findCommand(argv, table) {
  const [first, ...rest] = argv;
  if (first === undefined) throw usageError('missing command; see move-ugc --help');
  if (first === '--help' || first === '-h') return { help: null };
  if (first === '--version') return { version: true };
  if (first === 'help') return { help: helpTarget(rest, table) };
  if (first.startsWith('-')) {
    throw usageError(`expected a command before the option ${first}; see move-ugc --help`);
  }
  const node = childOf(table, first, 'command', 'move-ugc');
  if (!node.commands) return { command: node, rest };
  const [second, ...more] = rest;
  if (second === undefined) {
    throw usageError(`missing ${node.name} subcommand: ${names(node.commands)}; see move-ugc ${node.name} --help`);
  }
  if (second === '--help' || second === '-h') return { help: node };
  if (second.startsWith('-')) {
    throw usageError(`expected a ${node.name} subcommand (${names(node.commands)}) before the option ${second}`);
  }
  return { command: childOf(node.commands, second, `${node.name} subcommand`, `move-ugc ${node.name}`), rest: more };
}

/** What `move-ugc help [command [subcommand]]` is about. */
function helpTarget(words, table) {
  if (words.length === 0) return null;
  const node = childOf(table, words[0], 'command', 'move-ugc');
  if (words.length === 1) return node;
  if (!node.commands || words.length > 2) throw usageError(`no help for "${words.join(' ')}"; see move-ugc --help`);
  return childOf(node.commands, words[1], `${node.name} subcommand`, `move-ugc ${node.name}`);
}

/** The entry of `list` named `name`, or a usage error with a "did you mean". */
function childOf(list, name, what, where) {
  const found = list.find((c) => c.name === name);
  if (found) return found;
  throw usageError(`unknown ${what} "${name}"${didYouMean(name, list.map((c) => c.name))} (see ${where} --help)`);
}

/** `list, get, wait or download`. */
function names(list) {
  const all = list.map((c) => c.name);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} or ${all.at(-1)}` : all.join('');
}

/**
 * Parses the arguments of `command`: resolves with `{ args, values }`, args by
 * the names of the command's positional arguments, values by option name
 * (common options included). Every mistake is a usage error naming the command.
 */
export function parseCommandLine(command, argv) {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, multiple: Boolean(o.multiple), ...(o.short ? { short: o.short } : {}) }]),
  );
  // Not strict: every mistake is reported here, in our words, from the tokens.
  const { values, positionals, tokens } = parseArgs({ args: argv, options: config, strict: false, allowPositionals: true, tokens: true });
  const where = `see move-ugc ${command.title} --help`;
  // --help wins over anything else on the line: who asks for help may not know the rest.
  if (values.help === true) return { args: {}, values };
  const known = Object.keys(options).map((n) => `--${n}`);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) {
      const near = token.rawName.startsWith('--') ? didYouMean(token.rawName, known) : '';
      throw usageError(`unknown option ${token.rawName} for ${command.title}${near} (${where})`);
    }
    if (option.type === 'boolean' && token.inlineValue) {
      throw usageError(`${token.rawName} takes no value, got "${token.value}"`);
    }
    if (option.type === 'string') {
      if (token.value === undefined) throw usageError(`${token.rawName} needs a value: ${token.rawName} ${option.value}`);
      // Like parseArgs' strict mode: `--dir --json` is a forgotten value, not a directory named --json.
      if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
        throw usageError(`${token.rawName} needs a value, got the option ${token.value} (write ${token.rawName}=${token.value} if that is the value)`);
      }
    }
  }
  for (const [name, option] of Object.entries(options)) {
    if (option.required && values[name] === undefined) {
      throw usageError(`missing --${name} ${option.value}: ${command.usage} (${where})`);
    }
  }
  const wanted = command.args ?? [];
  if (positionals.length < wanted.length) {
    const missing = wanted[positionals.length];
    throw usageError(`missing argument <${missing.name}>: ${command.usage} (${where})`);
  }
  if (positionals.length > wanted.length) {
    const extra = positionals[wanted.length];
    throw usageError(`unexpected argument "${extra}": ${command.usage} (${where})`);
  }
  const args = {};
  wanted.forEach((arg, i) => {
    if (positionals[i] === '') throw invalidArgument(`<${arg.name}>: expected ${arg.expected ?? 'a value'}, got ""`);
    args[arg.name] = positionals[i];
  });
  return { args, values };
}

/** `--limit 20` as a number, checked as the SDK checks it (1 to 2147483647). */
export function positiveInteger(flag, text) {
  const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 2147483647)) {
    throw invalidArgument(`${flag}: expected an integer from 1 to 2147483647, got "${text}"`);
  }
  return n;
}

/** Repeated (or comma-separated) values of a flag: `--output a --output b,c` → [a, b, c]. */
export function listOf(values) {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
