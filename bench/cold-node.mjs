// One cold start in a fresh Node process: import the package, instantiate a
// client, make the first call. Prints JSON with the three times in ms.

const [url, key] = process.argv.slice(2);
const t0 = performance.now();
const { MoveUgc } = await import('move-ugc');
const t1 = performance.now();
const ugc = new MoveUgc({ apiKey: key, endpointUrl: url });
const t2 = performance.now();
await ugc.jobs.retrieve('job-1', { expand: ['outputs'] });
const t3 = performance.now();
console.log(JSON.stringify({ import: t1 - t0, instantiate: t2 - t1, firstCall: t3 - t2 }));
