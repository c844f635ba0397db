// The no-bundler entry: `init()` first, then the same API and types.
import init, { MoveUgc, type Job } from 'move-ugc/web';

export async function webUsage(): Promise<Job> {
  await init();
  const ugc = new MoveUgc({ apiKey: 'mv_key_0123456789' });
  return ugc.jobs.retrieve('job-1');
}
