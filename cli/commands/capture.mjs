// move-ugc capture: from a video file to animation files, in one command.

import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';

import { invalidArgument } from '../errors.mjs';
import { fields, indent } from '../output.mjs';
import { command, namedBy, OUTPUT_OPTION, outputsOf, shellWord } from './common.mjs';
import { uploadFile } from './files.mjs';
import { downloadOutputs, filesText, waitFor } from './jobs.mjs';

/** The video formats a take takes, by extension. */
const VIDEO_FORMATS = { '.mp4': 'MP4', '.mov': 'MOV', '.avi': 'AVI' };
/** The camera's label: the video and its .move file are one camera's. */
const DEVICE_LABEL = 'camera';

export const capture = command({
  path: ['capture'],
  summary: 'upload a video, animate it, and download the results',
  description:
    'Uploads a video (.mp4, .mov or .avi; with --move, the .move file Move One recorded with it), makes a take of it, ' +
    'starts a single-camera job (this costs credits), waits until it is finished and downloads its outputs ' +
    'into a directory, with progress on a terminal. Everything is checked before anything is sent. ' +
    'Ctrl-C stops the command, not the job: it tells you how to pick it up again.',
  args: [{ name: 'video', help: 'the video file', expected: 'a video file' }],
  options: {
    move: { type: 'string', value: '<file.move>', help: 'the .move file recorded with the video (Move One)' },
    output: { ...OUTPUT_OPTION, help: `${OUTPUT_OPTION.help} (default: the API's set)` },
    dir: { type: 'string', value: '<out>', help: 'where to write the outputs (made if missing; default: the current directory)' },
    name: { type: 'string', value: '<n>', help: 'a name for the take and the job (default: the video\'s file name)' },
  },
  json: '{ video, move, take, job, downloads }: the uploaded files (move null without --move), the take, the finished job and the files written, [{ format, path, bytes }]',
  examples: ['move-ugc capture warm-up.mp4 --output MAIN_FBX --output RENDER_VIDEO --dir out', 'move-ugc capture clip.mp4 --move clip.move --name "Warm-up"'],
  async run({ args, values, ugc, signal, progress, onInterrupt }) {
    const format = VIDEO_FORMATS[extname(args.video).toLowerCase()];
    if (!format) {
      throw invalidArgument(`<video>: expected a .mp4, .mov or .avi file, got "${basename(args.video)}"`);
    }
    await readable('<video>', args.video);
    if (values.move !== undefined) await readable('--move', values.move);
    const name = values.name ?? basename(args.video);
    const outputs = outputsOf(values);
    const client = ugc();
    await checkJob(client, { outputs, name });
    await checkDownload(client, values, progress);

    const video = await uploadFile(client, args.video, { signal, progress }, { data: '<video>' });
    progress.done(`Uploaded ${basename(args.video)}: file ${video.file.id}`);
    const sources = [{ deviceLabel: DEVICE_LABEL, fileId: video.file.id, format }];
    let move;
    if (values.move !== undefined) {
      move = await uploadFile(client, values.move, { signal, progress }, { data: '--move' }, { type: 'move' });
      progress.done(`Uploaded ${basename(values.move)}: file ${move.file.id}`);
      sources.push({ deviceLabel: DEVICE_LABEL, fileId: move.file.id, format: 'MOVE' });
    }
    const take = await namedBy({ 'params.name': '--name' }, client.takes.createSingleCam({ sources, name, signal }));
    progress.done(`Take ${take.id}`);
    const started = await namedBy(
      { 'params.outputs': '--output', 'params.name': '--name' },
      client.jobs.createSingleCam({ takeId: take.id, name, ...(outputs ? { outputs } : {}), signal }),
    );
    progress.done(`Job ${started.id} started`);
    // The download to resume with: the same --dir and --output as this one.
    const download = ['move-ugc', 'jobs', 'download', started.id, ...downloadFlags(values)].map(shellWord).join(' ');
    onInterrupt(`the job ${started.id} goes on at Move: move-ugc jobs wait ${started.id}, then ${download}`);
    const job = await waitFor(client, started.id, { signal, progress });
    progress.done(`Job ${job.id} finished`);
    onInterrupt(`the job ${job.id} is finished: ${download}`);
    const downloads = await downloadOutputs(client, job, values, { signal, progress });
    const data = { video: video.file, move: move?.file ?? null, take, job, downloads };
    const text = [fields([['take', take.id], ['job', job.id]]), 'outputs', indent(filesText(downloads))].join('\n');
    return { data, text };
  },
});

/** The flags of `jobs download` that say what capture downloads: its --dir and --output. */
function downloadFlags(values) {
  const flags = values.dir === undefined ? [] : ['--dir', values.dir];
  for (const output of outputsOf(values) ?? []) flags.push('--output', output);
  return flags;
}

/**
 * Checks --dir and --output as the download at the end will, before any
 * upload: the SDK checks a download's params and its directory before it
 * reads the job, which a signal that has fired already stops there
 * (ABORTED, nothing sent, no directory made).
 */
async function checkDownload(client, values, progress) {
  try {
    await downloadOutputs(client, 'not-sent', values, { signal: AbortSignal.abort(), progress });
  } catch (error) {
    if (error?.code !== 'ABORTED') throw error;
  }
}

/** Refuses a path that is not a readable file now, before anything is uploaded. */
async function readable(flag, path) {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const why = error?.code === 'ENOENT' ? 'no such file' : (error?.message ?? String(error));
    throw invalidArgument(`${flag}: cannot read the file "${path}": ${why}`);
  }
  if (!stats.isFile()) throw invalidArgument(`${flag}: "${path}" is not a file`);
  if (stats.size === 0) throw invalidArgument(`${flag}: "${path}" is empty (0 bytes): there is nothing to animate`);
}

/**
 * Checks the job's params (outputs, name) before any upload, with the SDK's
 * own rules: a call whose signal has already fired checks its params, refuses
 * bad ones with INVALID_ARGUMENT, and otherwise ends ABORTED without sending
 * anything (params are always read before the network is touched).
 */
async function checkJob(client, { outputs, name }) {
  try {
    await namedBy(
      { 'params.outputs': '--output', 'params.name': '--name' },
      client.jobs.createSingleCam({ takeId: 'not-sent', name, ...(outputs ? { outputs } : {}), signal: AbortSignal.abort() }),
    );
  } catch (error) {
    if (error?.code !== 'ABORTED') throw error;
  }
}
