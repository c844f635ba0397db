// move-ugc jobs list | get | wait | download

import { byteCount, describeJob, progressOf, table, when } from '../output.mjs';
import { positiveInteger } from '../parse.mjs';
import { command, group, namedBy, OUTPUT_OPTION, outputsOf } from './common.mjs';

/** What a job's commands expand: its take (for the take's id), outputs and inputs. */
const JOB_EXPAND = ['take', 'outputs', 'inputs'];
const ID_ARG = { name: 'id', help: 'the job\'s id (job-…)', expected: 'a job id' };
const ID_FLAGS = { id: '<id>' };

const list = command({
  path: ['jobs', 'list'],
  summary: 'list your jobs, newest first',
  description: 'Lists the first page of your jobs (10 unless --limit says otherwise), newest first, or every job with --all.',
  options: {
    limit: { type: 'string', value: 'N', help: 'jobs per page (default 10)' },
    take: { type: 'string', value: '<id>', help: 'only the jobs of this take' },
    all: { type: 'boolean', help: 'every job, page after page' },
  },
  json: 'the page { items, limit, nextToken } (with --all, every job in items and nextToken null)',
  examples: ['move-ugc jobs list --limit 20', 'move-ugc jobs list --take take-123 --all --json'],
  async run({ values, ugc, signal }) {
    const params = { signal };
    if (values.limit !== undefined) params.limit = positiveInteger('--limit', values.limit);
    if (values.take !== undefined) params.takeId = values.take;
    const page = await namedBy({ 'params.limit': '--limit', 'params.takeId': '--take' }, values.all ? everyJob(ugc(), params) : ugc().jobs.list(params));
    return { data: page, text: jobsText(page, values) };
  },
});

/** Every job, as one page. */
async function everyJob(ugc, params) {
  const items = [];
  for await (const job of ugc.jobs.iterate(params)) items.push(job);
  return { items, limit: params.limit ?? 10, nextToken: null };
}

function jobsText(page, values) {
  if (!page.items.length) return values.take === undefined ? 'No jobs.' : `No jobs of take ${values.take}.`;
  const rows = table(
    [
      ['ID', (j) => j.id],
      ['NAME', (j) => j.name],
      ['STATE', (j) => progressOf(j)],
      ['CREATED', (j) => when(j.created)],
    ],
    page.items,
  );
  return page.nextToken ? `${rows}\n(more jobs: --all lists every one, --limit N more per page)` : rows;
}

const get = command({
  path: ['jobs', 'get'],
  summary: 'show a job: state, take, outputs',
  description: 'Shows a job: its name, state and progress, its take, and its outputs with their download URLs once it is finished.',
  args: [ID_ARG],
  json: 'the job, with its take, outputs and inputs',
  examples: ['move-ugc jobs get job-123'],
  async run({ args, ugc, signal }) {
    const job = await namedBy(ID_FLAGS, ugc().jobs.retrieve(args.id, { expand: JOB_EXPAND, signal }));
    return { data: job, text: describeJob(job) };
  },
});

const wait = command({
  path: ['jobs', 'wait'],
  summary: 'wait until a job is finished, with its progress',
  description:
    'Waits until a job is FINISHED with its outputs and their download URLs, polling it as the SDK\'s ' +
    'jobs.waitForCompletion does (its interval, and its time limit: past it, TIMEOUT), with a progress bar on a terminal. ' +
    'Fails (exit 1, JOB_FAILED) if the job failed or was cancelled. ' +
    'Ctrl-C stops the wait, not the job.',
  args: [ID_ARG],
  json: 'the finished job, with its take, outputs and inputs',
  examples: ['move-ugc jobs wait job-123 && move-ugc jobs download job-123 --dir out'],
  async run({ args, ugc, signal, progress }) {
    const job = await waitFor(ugc(), args.id, { signal, progress }, ID_FLAGS);
    return { data: job, text: describeJob(job) };
  },
});

/** Waits for job `id`, drawing its progress; resolves with the finished job. */
export async function waitFor(ugc, id, { signal, progress }, flags = {}) {
  const job = await namedBy(
    flags,
    ugc.jobs.waitForCompletion(id, {
      expand: JOB_EXPAND,
      signal,
      onProgress: (j) => progress.fraction(`Job ${id}`, (j.progress?.percentageComplete ?? 0) / 100, progressOf(j)),
    }),
  );
  progress.clear();
  return job;
}

const download = command({
  path: ['jobs', 'download'],
  summary: 'download a finished job\'s outputs into a directory',
  description:
    'Downloads every output of a finished job (or those of --output) into a directory (default: the current one), ' +
    'each file named from the job and the output format, with a progress bar on a terminal.',
  args: [ID_ARG],
  options: {
    dir: { type: 'string', value: '<out>', help: 'the directory to write to (made if missing; default: the current directory)' },
    output: OUTPUT_OPTION,
  },
  json: 'the files written, [{ format, path, bytes }]',
  examples: ['move-ugc jobs download job-123 --dir out', 'move-ugc jobs download job-123 --output MAIN_FBX --output RENDER_VIDEO'],
  async run({ args, values, ugc, signal, progress }) {
    const files = await downloadOutputs(ugc(), args.id, values, { signal, progress }, { jobOrId: '<id>' });
    return { data: files, text: filesText(files) };
  },
});

/** Downloads the outputs of `jobOrId` into `--dir` (the SDK makes it if missing), drawing each file's bytes. */
export async function downloadOutputs(ugc, jobOrId, values, { signal, progress }, flags = {}) {
  const dir = values.dir ?? '.';
  const formats = outputsOf(values);
  const files = await namedBy(
    { ...flags, 'params.formats': '--output', 'params.dir': '--dir' },
    ugc.jobs.downloadOutputs(jobOrId, {
      dir,
      ...(formats ? { formats } : {}),
      signal,
      onProgress: (p) => progress.bytes(`Downloading ${p?.format ?? ''}`.trimEnd(), p?.loaded ?? 0, p?.total ?? 0),
    }),
  );
  progress.clear();
  return files;
}

/** The files written, for people (never none: a job without outputs to download is NOT_FOUND). */
export function filesText(files) {
  return table([['FORMAT', (f) => f.format], ['FILE', (f) => f.path], ['SIZE', (f) => byteCount(f.bytes)]], files);
}

export const jobs = group('jobs', 'list, show, wait for and download your jobs', [list, get, wait, download]);
