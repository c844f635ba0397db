// Client options beyond the key, and ugc.request: compiled with tsc --strict.

import { MoveUgc } from 'move-ugc';

export async function optionsAndRequest(): Promise<void> {
  // Node: key and endpoint from MOVE_API_KEY / MOVE_API_URL.
  const fromEnv = new MoveUgc();
  // A web app's own backend: no key, its own headers.
  const viaBackend = new MoveUgc({ endpointUrl: 'https://my.app/move-graphql', defaultHeaders: { 'x-session': 's1' } });
  // Any fetch with the standard signature, e.g. one that traces.
  const traced = new MoveUgc({
    apiKey: 'mv_key_0123456789',
    fetch: (url, init) => {
      const started = Date.now();
      return fetch(url, init).finally(() => console.log(url, Date.now() - started));
    },
    dangerouslyAllowBrowser: true,
  });
  const passThrough = new MoveUgc({ apiKey: 'mv_key_0123456789', fetch: globalThis.fetch });

  const data: unknown = await traced.request('query Job($jobId: ID!) { getJob(jobId: $jobId) { id } }', { jobId: 'job-1' });
  const again: unknown = await fromEnv.request('{ client { id } }', undefined, { signal: AbortSignal.timeout(1000) });

  // @ts-expect-error header values are strings
  new MoveUgc({ endpointUrl: 'https://my.app', defaultHeaders: { 'x-count': 3 } });
  // @ts-expect-error fetch is a function
  new MoveUgc({ apiKey: 'mv_key_0123456789', fetch: 'node-fetch' });
  // @ts-expect-error the query is a string
  await viaBackend.request({ query: '{ client { id } }' });
  // @ts-expect-error what the data holds is unknown until checked
  const id: string = data.getJob.id;
  void [again, passThrough, id];
}
