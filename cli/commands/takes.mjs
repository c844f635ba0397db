// move-ugc takes list | get

import { fields, indent, table, when } from '../output.mjs';
import { positiveInteger } from '../parse.mjs';
import { command, group, namedBy } from './common.mjs';

const list = command({
  path: ['takes', 'list'],
  summary: 'list your takes, newest first',
  description: 'Lists the first page of your takes (10 unless --limit says otherwise), newest first, or every take with --all.',
  options: {
    limit: { type: 'string', value: 'N', help: 'takes per page (default 10)' },
    all: { type: 'boolean', help: 'every take, page after page' },
  },
  json: 'the page { items, limit, nextToken } (with --all, every take in items and nextToken null)',
  examples: ['move-ugc takes list', 'move-ugc takes list --all --json'],
  async run({ values, ugc, signal }) {
    const params = { signal };
    if (values.limit !== undefined) params.limit = positiveInteger('--limit', values.limit);
    const page = await namedBy({ 'params.limit': '--limit' }, values.all ? everyTake(ugc(), params) : ugc().takes.list(params));
    return { data: page, text: takesText(page) };
  },
});

/** Every take, as one page. */
async function everyTake(ugc, params) {
  const items = [];
  for await (const take of ugc.takes.iterate(params)) items.push(take);
  return { items, limit: params.limit ?? 10, nextToken: null };
}

function takesText(page) {
  if (!page.items.length) return 'No takes.';
  const rows = table(
    [
      ['ID', (t) => t.id],
      ['NAME', (t) => t.name],
      ['TYPE', (t) => t.takeType],
      ['CREATED', (t) => when(t.created)],
    ],
    page.items,
  );
  return page.nextToken ? `${rows}\n(more takes: --all lists every one, --limit N more per page)` : rows;
}

const get = command({
  path: ['takes', 'get'],
  summary: 'show a take and its sources',
  description: 'Shows a take: its name, type, creation time and its sources (each camera\'s files).',
  args: [{ name: 'id', help: 'the take\'s id (take-…)', expected: 'a take id' }],
  json: 'the take, with its sources',
  examples: ['move-ugc takes get take-123'],
  async run({ args, ugc, signal }) {
    const take = await namedBy({ id: '<id>' }, ugc().takes.retrieve(args.id, { expand: ['sources'], signal }));
    return { data: take, text: takeText(take) };
  },
});

/** The lines of a take for people. */
export function takeText(take) {
  const lines = [fields([['take', take.id], ['name', take.name], ['type', take.takeType], ['created', when(take.created)]])];
  if (take.sources?.length) {
    lines.push('sources');
    lines.push(indent(table([['CAMERA', (s) => s.deviceLabel], ['FORMAT', (s) => s.format], ['FILE', (s) => s.file?.id]], take.sources)));
  }
  return lines.join('\n');
}

export const takes = group('takes', 'list and show your takes', [list, get]);
