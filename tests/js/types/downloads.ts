// The type surface of downloads: files.download and jobs.downloadOutputs.
// Correct usage compiles; each `@ts-expect-error` must fail.

import type { MoveUgc, DownloadProgress, DownloadedOutput, OutputDownloadProgress, OutputType, FileRef } from 'move-ugc';

export async function downloads(ugc: MoveUgc): Promise<void> {
  const job = await ugc.jobs.waitForCompletion('job-1');
  // An id, a File as the SDK returns it, or any { id, presignedUrl? }.
  const byId: Uint8Array | Blob = await ugc.files.download('file-1');
  const byFile = await ugc.files.download(job.outputs[0].file, { signal: new AbortController().signal });
  const ref: FileRef = { id: 'file-2', presignedUrl: null };
  const progress: DownloadProgress[] = [];
  await ugc.files.download(ref, { onProgress: (p) => progress.push(p) });
  const total: number | null = progress[0].total;
  // The bytes are a Uint8Array (Node) or a Blob (browsers): narrowed as usual.
  const size = byFile instanceof Blob ? byFile.size : byFile.byteLength;

  const written: DownloadedOutput[] = await ugc.jobs.downloadOutputs(job, {
    dir: 'out',
    formats: ['MAIN_FBX', 'render_video'],
    onProgress: (p: OutputDownloadProgress) => void [p.format, p.loaded, p.total],
  });
  const format: OutputType | null = written[0].format;
  const path: string = written[0].path;
  const bytes: number = written[0].bytes;
  await ugc.jobs.downloadOutputs('job-1', { dir: 'out', signal: new AbortController().signal });
  const { downloadOutputs } = ugc.jobs;
  await downloadOutputs('job-1', { dir: 'out' });
  void [byId, total, size, format, path, bytes];

  // @ts-expect-error a number is neither an id nor a file
  await ugc.files.download(42);
  // @ts-expect-error a file needs its id
  await ugc.files.download({ presignedUrl: 'https://x.example/f' });
  // @ts-expect-error download takes no expand
  await ugc.files.download('file-1', { expand: ['client'] });
  // @ts-expect-error the bytes are not a string
  const text: string = await ugc.files.download('file-1');
  // @ts-expect-error downloadOutputs needs a directory
  await ugc.jobs.downloadOutputs('job-1', {});
  // @ts-expect-error downloadOutputs needs its params
  await ugc.jobs.downloadOutputs('job-1');
  // @ts-expect-error 'MIAN_FBX' is no output type
  await ugc.jobs.downloadOutputs('job-1', { dir: 'out', formats: ['MIAN_FBX'] });
  // @ts-expect-error onProgress of an output says its format, not the job
  await ugc.jobs.downloadOutputs('job-1', { dir: 'out', onProgress: (p: { id: string }) => p.id });
  void text;
}
