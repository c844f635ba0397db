// The help texts, written from the command table: `move-ugc --help`, a
// group's (`move-ugc jobs --help`) and a command's (`move-ugc jobs list --help`).

import { COMMON_OPTIONS } from './parse.mjs';

const ENVIRONMENT = `Environment:
  MOVE_API_KEY  your Move API key (mv_key_…), needed by all but webhooks verify
  MOVE_API_URL  another endpoint (default https://api.move.ai/ugc/graphql)`;

const EXIT = `Exit status: 0 done, 1 failed (the API refused, a job failed, the disk failed,
Ctrl-C, …), 2 bad usage.
Errors go to stderr as "move-ugc: <CODE>: <message>"; progress bars too, and only on a terminal.`;

/** The help of `node`: the whole tool (null), a group or a command. */
export function helpOf(node, table) {
  if (node === null) return toolHelp(table);
  if (node.commands) return groupHelp(node);
  return commandHelp(node);
}

function toolHelp(table) {
  const rows = table.flatMap((node) => (node.commands ? node.commands : [node]));
  return `move-ugc: Move AI's motion-capture API from the command line.

Usage: move-ugc <command> [options]

Commands:
${aligned(rows.map((c) => [c.usage.replace(/^move-ugc /, '').split(' [')[0], c.summary]))}

Every command takes --json (one JSON document on stdout, nothing else) and --help.
move-ugc help <command> shows a command's help; move-ugc --version the version.

${ENVIRONMENT}

${EXIT}
`;
}

function groupHelp(group) {
  return `move-ugc ${group.name}: ${group.summary}.

Usage:
${group.commands.map((c) => `  ${c.usage}`).join('\n')}

Commands:
${aligned(group.commands.map((c) => [c.name, c.summary]))}

See move-ugc ${group.name} <command> --help for each.
`;
}

function commandHelp(command) {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const optionRows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value}` : ''}`;
    return [flag, name === 'json' && command.json ? `print one JSON document on stdout, nothing else: ${command.json}` : o.help];
  });
  const sections = [
    `Usage: ${command.usage} [--json]`,
    wrap(command.description ?? `${command.summary}.`),
  ];
  if (command.args.length) sections.push(`Arguments:\n${aligned(command.args.map((a) => [`<${a.name}>`, a.help]))}`);
  sections.push(`Options:\n${aligned(optionRows)}`);
  if (command.examples.length) sections.push(`Examples:\n${command.examples.map((e) => `  ${e}`).join('\n')}`);
  if (command.title !== 'webhooks verify') sections.push(ENVIRONMENT);
  return `${sections.join('\n\n')}\n`;
}

/** Two columns, the second aligned (and wrapped under itself). */
function aligned(rows) {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows
    .map(([left, right]) => `  ${left.padEnd(width)}${wrap(right, 78 - width - 2).replace(/\n/g, `\n${' '.repeat(width + 2)}`)}`)
    .join('\n');
}

/** Words wrapped at `width` columns. */
function wrap(text, width = 78) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
