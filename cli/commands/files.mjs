// move-ugc files upload | get

import { basename } from 'node:path';

import { byteCount, describeFile } from '../output.mjs';
import { command, group, namedBy } from './common.mjs';

const upload = command({
  path: ['files', 'upload'],
  summary: 'upload a video (or a .move file) to Move',
  description:
    'Uploads a file to Move: its type comes from its extension (mp4, mov, avi, move). ' +
    'The file is read from disk as it is sent; its bytes go to Move\'s storage, never with your key.',
  args: [{ name: 'path', help: 'the file to upload', expected: 'a file path' }],
  json: 'the file { id, created, type, metadata, name, presignedUrl, thumbnailUrl }',
  examples: ['move-ugc files upload warm-up.mp4', 'id=$(move-ugc files upload warm-up.mp4 --json | jq -r .id)'],
  async run({ args, ugc, signal, progress }) {
    const { file, bytes } = await uploadFile(ugc(), args.path, { signal, progress }, { data: '<path>' });
    return { data: file, text: describeFile(file, [['size', byteCount(bytes)]]) };
  },
});

/**
 * Uploads the file at `path` (with `params` for files.upload), drawing its
 * bytes; resolves with `{ file, bytes }`.
 */
export async function uploadFile(ugc, path, { signal, progress }, flags, params = {}) {
  const label = `Uploading ${basename(path)}`;
  let bytes = 0;
  const file = await namedBy(
    flags,
    ugc.files.upload(path, {
      ...params,
      signal,
      onProgress: ({ loaded, total }) => {
        bytes = total;
        progress.bytes(label, loaded, total);
      },
    }),
  );
  progress.clear();
  return { file, bytes };
}

const get = command({
  path: ['files', 'get'],
  summary: 'show a file, with its download URL',
  args: [{ name: 'id', help: 'the file\'s id (file-…)', expected: 'a file id' }],
  description: 'Shows a file: its name, type, creation time and a download URL.',
  json: 'the file { id, created, type, metadata, name, presignedUrl, thumbnailUrl }',
  examples: ['move-ugc files get file-123'],
  async run({ args, ugc, signal }) {
    const file = await namedBy({ id: '<id>' }, ugc().files.retrieve(args.id, { signal }));
    return { data: file, text: describeFile(file, [['url', file.presignedUrl]]) };
  },
});

export const files = group('files', 'upload files and show them', [upload, get]);
