// ugc.files: create, retrieve, update, share codes, and uploads byte for byte.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { useFakeApi, clientOf, rejectsWith } from './helpers.mjs';

describe('ugc.files', () => {
  const api = useFakeApi();
  const last = () => api.fake.requests.at(-1);

  it('create returns an upload URL; retrieve, update and expand client', async () => {
    const ugc = clientOf(api.fake);
    const file = await ugc.files.create({ type: 'mp4', name: 'clip.mp4', metadata: { camera: 'A' } });
    assert.equal(last().operationName, 'createFile');
    assert.deepEqual(last().variables, { type: 'mp4', name: 'clip.mp4', metadata: '{"camera":"A"}' });
    assert.match(file.id, /^file-/);
    assert.equal(file.type, 'mp4');
    assert.deepEqual(file.metadata, { camera: 'A' });
    assert.match(file.presignedUrl, /\/__fake\/uploads\//);
    assert.ok(!('client' in file));

    const read = await ugc.files.retrieve(file.id, { expand: ['client'] });
    assert.deepEqual(last().variables, { fileId: file.id });
    assert.equal(read.client.name, 'Fake Studio');
    assert.match(read.presignedUrl, /\/__fake\/files\//, 'later reads give a download URL');

    const renamed = await ugc.files.update(file.id, { name: 'renamed.mp4' });
    assert.deepEqual(last().variables, { id: file.id, name: 'renamed.mp4' });
    assert.equal(renamed.name, 'renamed.mp4');
  });

  it('generateShareCode returns a code, a URL and the file', async () => {
    const ugc = clientOf(api.fake);
    const file = await ugc.files.create({ type: 'fbx' });
    const share = await ugc.files.generateShareCode(file.id);
    assert.equal(last().operationName, 'generateShareCode');
    assert.deepEqual(last().variables, { fileId: file.id });
    assert.match(last().query, /file \{ id \}/);
    assert.deepEqual(share.file, { id: file.id });
    assert.match(share.code, /^[0-9A-F]{8}$/);
    assert.match(share.url, /\/__fake\/share\//);
    assert.match(share.expires, /^\d{4}-/);
    await rejectsWith(ugc.files.generateShareCode('file-missing'), 'NOT_FOUND');
  });

  const payloads = [
    ['a Uint8Array', () => new Uint8Array(randomBytes(4096))],
    ['a Node Buffer', () => randomBytes(70_000)],
    ['an ArrayBuffer', () => new Uint8Array(randomBytes(1000)).buffer],
    ['a Blob', () => new Blob([randomBytes(2048)], { type: 'video/mp4' })],
    ['a view into a larger buffer', () => new Uint8Array(randomBytes(300).buffer, 100, 50)],
  ];
  for (const [what, make] of payloads) {
    it(`upload stores ${what} byte for byte, without the API key`, async () => {
      const ugc = clientOf(api.fake);
      const data = make();
      const expected = Buffer.from(data instanceof Blob ? await data.arrayBuffer() : data instanceof ArrayBuffer ? new Uint8Array(data) : data);
      const progress = [];
      const file = await ugc.files.upload(data, { type: 'mp4', name: 'take.mp4', onProgress: (p) => progress.push(p) });
      assert.equal(api.fake.requests.length, 1, 'one createFile');
      assert.equal(last().operationName, 'createFile');
      const stored = api.fake.store.uploads.get(file.id);
      assert.ok(stored, 'the bytes reached the upload URL');
      assert.ok(stored.bytes.equals(expected), 'the same bytes');
      assert.deepEqual(progress.at(0), { loaded: 0, total: expected.length });
      assert.deepEqual(progress.at(-1), { loaded: expected.length, total: expected.length });
      assert.equal(file.name, 'take.mp4');
    });
  }

  it('upload takes the type from the name given, when the bytes tell none', async () => {
    const ugc = clientOf(api.fake);
    const file = await ugc.files.upload(new Uint8Array([1, 2, 3]), { name: 'warm-up.move' });
    assert.deepEqual(last().variables, { type: 'move', name: 'warm-up.move' });
    assert.equal(file.type, 'move');
  });

  it('upload reports the final progress once', async () => {
    const ugc = clientOf(api.fake);
    const progress = [];
    await ugc.files.upload(new Uint8Array(randomBytes(5000)), { type: 'mp4', onProgress: (p) => progress.push(p.loaded) });
    assert.deepEqual(progress, [0, 5000]);
  });

  const typed = [
    ['a file path', async (dir) => { const path = join(dir, 'warm-up.MP4'); await writeFile(path, randomBytes(3000)); return path; }, 'mp4'],
    ['a .move file path', async (dir) => { const path = join(dir, 'warm-up.move'); await writeFile(path, randomBytes(100)); return path; }, 'move'],
    ['a file stream', async (dir) => { const path = join(dir, 'side.mov'); await writeFile(path, randomBytes(90_000)); return createReadStream(path); }, 'mov'],
    ['a web ReadableStream', async () => new Blob([randomBytes(1000)]).stream(), null],
    // Safari's ReadableStream is not async-iterable: only its reader is there.
    ['a stream with only a reader', async () => { const stream = new Blob([randomBytes(700)]).stream(); return { getReader: () => stream.getReader() }; }, null],
    ['a File with a name', async () => new File([randomBytes(10)], 'clip.avi'), 'avi'],
    ['a Blob of type video/quicktime', async () => new Blob([randomBytes(10)], { type: 'video/quicktime' }), 'mov'],
  ];
  for (const [what, make, type] of typed) {
    it(`upload takes ${what}${type ? `, typed ${type} from it` : ''}`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'move-ugc-upload-'));
      try {
        const ugc = clientOf(api.fake);
        const data = await make(dir);
        const expected = typeof data === 'string' ? await readFile(data) : data.path ? await readFile(data.path) : null;
        const file = await ugc.files.upload(data, type ? {} : { type: 'mp4' });
        assert.equal(last().variables.type, type ?? 'mp4');
        assert.equal(file.type, type ?? 'mp4');
        // A file's own name is the default name.
        const ownName = typeof data === 'string' ? basename(data) : data.path ? basename(data.path) : data.name;
        assert.equal(file.name, ownName ?? null);
        const stored = api.fake.store.uploads.get(file.id);
        assert.ok(stored && stored.bytes.length > 0, 'the bytes reached storage');
        if (expected) assert.ok(stored.bytes.equals(expected), 'the same bytes');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it('upload retries the PUT on a 503 and reports a 403', async () => {
    const ugc = clientOf(api.fake, { maxRetries: 1 });
    api.fake.inject({ target: 'upload', kind: 'status', status: 503, headers: { 'retry-after': '0' } });
    const file = await ugc.files.upload(new Uint8Array([1, 2, 3]), { type: 'mov' });
    assert.equal(api.fake.uploadAttempts, 2);
    assert.deepEqual([...api.fake.store.uploads.get(file.id).bytes], [1, 2, 3]);

    api.fake.inject({ target: 'upload', kind: 'status', status: 403 });
    const error = await rejectsWith(ugc.files.upload(new Uint8Array([4]), { type: 'mov' }), 'PERMISSION_DENIED');
    assert.equal(error.status, 403);
    api.fake.inject({ target: 'upload', kind: 'reset', times: 2 });
    await rejectsWith(ugc.files.upload(new Uint8Array([5]), { type: 'mov' }), 'NETWORK_ERROR');
  });

  it('upload can be aborted', async () => {
    const ugc = clientOf(api.fake);
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(ugc.files.upload(new Uint8Array([1]), { type: 'mp4', signal: controller.signal }), 'ABORTED');
    assert.equal(api.fake.requests.length, 0);
  });

  it('an onProgress that throws does not break the upload', async () => {
    const ugc = clientOf(api.fake);
    const file = await ugc.files.upload(new Uint8Array([9, 9]), {
      type: 'mp4',
      onProgress: () => {
        throw new Error('observer bug');
      },
    });
    assert.ok(api.fake.store.uploads.has(file.id));
  });

  const bad = [
    ['a path to no file', (f) => f.upload('no/such/clip.mp4'), 'data: cannot read the file "no/such/clip.mp4": no such file'],
    ['empty data', (f) => f.upload(new Uint8Array(0), { type: 'mp4' }), 'data: is empty (0 bytes)'],
    ['an empty Blob', (f) => f.upload(new Blob([]), { type: 'mp4' }), 'data: is empty (0 bytes)'],
    ['a number as data', (f) => f.upload(42, { type: 'mp4' }), 'data: expected a Blob, File, ArrayBuffer, Uint8Array, Buffer, file path or readable stream, got 42'],
    ['no data', (f) => f.upload(undefined, { type: 'mp4' }), 'data: expected a Blob'],
    ['no params and bytes that tell no type', (f) => f.upload(new Uint8Array(1)), 'params.type: is required: the data has no file name or type to take it from'],
    ['a directory as the path', (f) => f.upload(tmpdir()), 'data: cannot read the file'],
    ['no type', (f) => f.upload(new Uint8Array(1), {}), 'params.type: is required'],
    ['a Blob of an unknown type', (f) => f.upload(new Blob(['x'], { type: 'application/x-unknown' })), 'params.type: is required'],
    ['a type with a path', (f) => f.upload(new Uint8Array(1), { type: '../etc' }), 'params.type'],
    ['onProgress that is not a function', (f) => f.upload(new Uint8Array(1), { type: 'mp4', onProgress: 1 }), 'params.onProgress'],
    ['an unknown upload option', (f) => f.upload(new Uint8Array(1), { type: 'mp4', expand: ['client'] }), 'params.expand'],
    ['create without a type', (f) => f.create({}), 'params.type: is required'],
    ['a number id', (f) => f.retrieve(7), 'id'],
    ['update with nothing', (f) => f.update('file-1', {}), 'params'],
    ['an unknown file expand', (f) => f.retrieve('file-1', { expand: ['take'] }), 'params.expand[0]'],
    ['a share code without an id', (f) => f.generateShareCode(), 'fileId'],
  ];
  for (const [what, call, named] of bad) {
    it(`refuses ${what} before sending`, async () => {
      const ugc = clientOf(api.fake);
      const error = await rejectsWith(call(ugc.files), 'INVALID_ARGUMENT');
      assert.ok(error.message.startsWith(named), error.message);
      assert.equal(api.fake.requests.length, 0);
      assert.equal(api.fake.uploadAttempts, 0);
    });
  }
});
