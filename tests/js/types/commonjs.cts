// A CommonJS TypeScript file (`.cts`, compiled to require()) gets the same types.
import { MoveUgc, MoveUgcError, type Job } from 'move-ugc';

export function commonjs(): Promise<Job> {
  const ugc = new MoveUgc({ apiKey: 'mv_key_0123456789' });
  return ugc.jobs.retrieve('job-1').catch((error: unknown) => {
    if (error instanceof MoveUgcError) throw new Error(error.code);
    throw error;
  });
}
