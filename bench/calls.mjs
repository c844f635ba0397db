// Per-call cost, side by side in one process against one local server that
// answers at once with a canned body: move-ugc vs a careful hand-written
// fetch + JSON.parse client doing the same work (metadata decoding included),
// and for retrieve, the same with a timeout and a client built like move-ugc
// that checks nothing; then retrieve again against a stubbed fetch.
// Prints JSON: per-call times (ms) per round, for each client and case.

import { isDeepStrictEqual } from 'node:util';

import { MoveUgc } from 'move-ugc';

import { JOB_BODY } from './canned.mjs';

const [url, key] = process.argv.slice(2);
const EXPANDS = ['client', 'take', 'outputs', 'rig', 'inputs'];

// ---- the baseline: what a careful developer writes by hand ----

const FILE = 'id created type metadata name presignedUrl thumbnailUrl';
const TAKE = `id created name metadata takeType syncMethod { clapWindow { startTime endTime } timecodeSync { useTimecode } } videoFile { ${FILE} } additionalFiles { format file { ${FILE} } } sources { deviceLabel format cameraSettings { lens } file { ${FILE} } }`;
const JOB = `id created metadata state name progress { state percentageComplete } client { id name created metadata portal } take { ${TAKE} } outputs { format file { ${FILE} } } rig { name } inputs { clipWindow { startTime endTime } numberOfActors options { floorPlane mocapModel trackBall trackFingers trackJerseyNumbers } }`;
const GET_JOB = `query getJob($jobId: ID!) { getJob(jobId: $jobId) { ${JOB} } }`;
const LIST_JOBS = `query listJobs($first: Int, $after: AWSJSON, $sortDirection: SortDirection, $takeId: String) { listJobs(first: $first, after: $after, sortDirection: $sortDirection, takeId: $takeId) { first after items { ${JOB} } } }`;

const parseMetadata = (text) => (text === null || text === undefined ? null : JSON.parse(text));

const decodeFile = (file) => {
  if (file) file.metadata = parseMetadata(file.metadata);
};

function decodeJob(job) {
  job.metadata = parseMetadata(job.metadata);
  if (job.client) job.client.metadata = parseMetadata(job.client.metadata);
  if (job.take) {
    job.take.metadata = parseMetadata(job.take.metadata);
    decodeFile(job.take.videoFile);
    job.take.additionalFiles = (job.take.additionalFiles ?? []).filter(Boolean);
    for (const extra of job.take.additionalFiles) decodeFile(extra.file);
    job.take.sources = (job.take.sources ?? []).filter(Boolean);
    for (const source of job.take.sources) decodeFile(source.file);
  }
  for (const output of job.outputs ?? []) decodeFile(output.file);
  return job;
}

async function post(operationName, query, variables, fetchFn = fetch) {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { authorization: key, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, operationName }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = JSON.parse(await response.text());
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data;
}

// The same baseline with a timeout, as an SDK must have one (move-ugc's is
// 60 s per attempt): an AbortController whose signal goes to fetch, and a
// timer. Not the budget's baseline: printed beside it, to show what a
// timeout alone costs here. `read` reads the answer's text under the timeout.
async function postWithTimeout(operationName, query, variables, { read = (response) => response.text(), fetchFn = fetch } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { authorization: key, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables, operationName }),
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = JSON.parse(await read(response));
    if (body.errors?.length) throw new Error(body.errors[0].message);
    return body.data;
  } finally {
    clearTimeout(timer);
  }
}

const baseline = {
  retrieve: async (id) => decodeJob((await post('getJob', GET_JOB, { jobId: id })).getJob),
  list: async () => {
    const page = (await post('listJobs', LIST_JOBS, { first: 1000, sortDirection: 'DESC' })).listJobs;
    return { items: page.items.map(decodeJob), limit: page.first, nextToken: page.after };
  },
};

const withTimeout = {
  retrieve: async (id) => decodeJob((await postWithTimeout('getJob', GET_JOB, { jobId: id })).getJob),
};

// A plain-JavaScript client built the way move-ugc is, checking nothing: the
// call started in a microtask, the timeout above (its signal to fetch), the
// body read as bytes and copied (into the module, there), then decoded and
// parsed. The floor of that design: what is left to the module is the
// params' walk, the document, and the check of the answer.
const decoder = new TextDecoder();
async function readLikeTheSdk(response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return decoder.decode(copy);
}
function likeTheSdk(id, fetchFn = fetch) {
  return new Promise((resolve, reject) => {
    queueMicrotask(() => {
      postWithTimeout('getJob', GET_JOB, { jobId: id }, { read: readLikeTheSdk, fetchFn })
        .then((data) => decodeJob(data.getJob))
        .then(resolve, reject);
    });
  });
}
const structure = { retrieve: likeTheSdk };

// The same answer from a stubbed fetch (no server, no socket): what each
// client's own work costs without the network. The client built like the
// SDK splits move-ugc's extra work into what its design costs and what the
// module does.
const jobBytes = new TextEncoder().encode(JOB_BODY);
const stubFetch = () => Promise.resolve(new Response(jobBytes, { status: 200, headers: { 'content-type': 'application/json' } }));
baseline.stubbed = async (id) => decodeJob((await post('getJob', GET_JOB, { jobId: id }, stubFetch)).getJob);
structure.stubbed = (id) => likeTheSdk(id, stubFetch);

// ---- move-ugc ----

const ugc = new MoveUgc({ apiKey: key, endpointUrl: url });
const stubbed = new MoveUgc({ apiKey: key, endpointUrl: url, fetch: stubFetch });
const sdk = {
  retrieve: (id) => ugc.jobs.retrieve(id, { expand: EXPANDS }),
  list: () => ugc.jobs.list({ limit: 1000, expand: EXPANDS }),
  stubbed: (id) => stubbed.jobs.retrieve(id, { expand: EXPANDS }),
};

// Both must return the same thing, or the comparison means nothing.
const [a, b] = [await sdk.retrieve('job-1'), await baseline.retrieve('job-1')];
if (!isDeepStrictEqual(a, b)) throw new Error('the SDK and the baseline disagree on retrieve');
if (!isDeepStrictEqual(a, await withTimeout.retrieve('job-1'))) throw new Error('the baselines disagree on retrieve');
if (!isDeepStrictEqual(a, await structure.retrieve('job-1'))) throw new Error('the client built like the SDK disagrees on retrieve');
const [c, d] = [await sdk.list(), await baseline.list()];
if (!isDeepStrictEqual(c, d)) throw new Error('the SDK and the baseline disagree on list');
for (const client of [sdk, baseline, structure]) {
  if (!isDeepStrictEqual(await client.stubbed('job-1'), a)) throw new Error('a stubbed client disagrees on retrieve');
}

async function perCall(fn, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) await fn('job-1');
  return (performance.now() - start) / calls;
}

const cases = { retrieve: { calls: 400, rounds: 15 }, list: { calls: 8, rounds: 15 }, stubbed: { calls: 1000, rounds: 15 } };
const result = {};
for (const [name, { calls, rounds }] of Object.entries(cases)) {
  const clients = { sdk: sdk[name], baseline: baseline[name] };
  if (withTimeout[name]) clients.withTimeout = withTimeout[name];
  if (structure[name]) clients.structure = structure[name];
  // Warm up each, then turn which goes first round by round.
  for (const fn of Object.values(clients)) await perCall(fn, calls);
  const who = Object.keys(clients);
  const times = Object.fromEntries(who.map((w) => [w, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = who.map((_, i) => who[(i + round) % who.length]);
    for (const w of order) times[w].push(await perCall(clients[w], calls));
  }
  result[name] = times;
}
console.log(JSON.stringify(result));
