// The in-memory state of the fake Move API and the resolvers of every Query
// and Mutation field of the real schema. Objects are stored flat and turned
// into GraphQL "views" (with lazily resolved relations) when read.
//
// It models the API from evidence (see /work/shared/move-ugc-api/README.md,
// "What real users send and store"), never from the SDK's own rules:
// - takes and volumes accept any number of sources (Move One sends an MP4 and a
//   `.move` file of one camera under one deviceLabel); unknown ids are
//   MoveNotFoundError;
// - metadata is whatever JSON the client stored, kept as the AWSJSON text it
//   sent: an object, but also a JSON string ("\"{}\"") or an array ("[1,2]");
// - a job moves on each time it is read (getJob): `NOT STARTED` or `NOT_STARTED`
//   (alternating per job), `STARTED`, `RUNNING`, then `FINISHED`, `FAILED` or
//   `CANCELLED` (its fate); its outputs can stay `[]` for some reads after
//   FINISHED, then lack their download URL for some more; the deprecated
//   `state` field can lag one read behind `progress.state` or spell it the
//   other way;
// - a volume moves on each time it is read (getVolume) through NOT_STARTED and
//   RUNNING to FINISHED or FAILED (`state` is the schema's JobState enum,
//   `progress.state` a free string).

import { randomBytes, randomUUID } from 'node:crypto';

import { hasPreview } from './previews.mjs';

/** Bytes of an output's content when neither the store nor the job says (`outputBytes`). */
export const DEFAULT_OUTPUT_BYTES = 4096;

/** How an output's content is generated and streamed: in chunks of this size. */
export const CHUNK = 64 * 1024;

/**
 * The content of a job output, as the fake's storage serves it: `size`
 * deterministic bytes for file `id` (a line naming the file, then
 * pseudo-random bytes from a seed of the id), made chunk by chunk as they are
 * read, so that a 200 MB output costs the fake no memory. `from` skips that
 * many bytes. Tests compare downloads with `outputContent`.
 */
export function* outputChunks(id, size, from = 0) {
  const head = Buffer.from(`move-ugc fake output ${id}\n`);
  // xorshift32, seeded from the id (FNV-1a): the same bytes on every read.
  let seed = 2166136261;
  for (const byte of Buffer.from(id)) seed = Math.imul(seed ^ byte, 16777619) >>> 0;
  let x = seed || 1;
  const words = new Uint32Array(CHUNK / 4);
  for (let at = 0; at < size; at += CHUNK) {
    for (let i = 0; i < words.length; i += 1) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x;
    }
    const chunk = Buffer.from(words.buffer.slice(0, Math.min(CHUNK, size - at)));
    if (at < head.length) head.copy(chunk, 0, at, Math.min(head.length, at + chunk.length));
    if (at + chunk.length > from) yield at >= from ? chunk : chunk.subarray(from - at);
  }
}

/** The whole content of an output (see outputChunks), for tests to compare with. */
export function outputContent(id, size) {
  return Buffer.concat([...outputChunks(id, size)]);
}

/** Error in AppSync's shape; `errorType` decides the SDK's error code. */
export class AppSyncError extends Error {
  constructor(errorType, message) {
    super(message);
    this.errorType = errorType;
  }
}

const NOT_FOUND = 'Resource not found in move-ugc-api.';

/** What a job produces when created without `outputs` (see the API notes). */
const DEFAULT_OUTPUTS = {
  single: ['RENDER_VIDEO', 'MAIN_FBX', 'MAIN_USDC', 'MAIN_USDZ', 'MAIN_BLEND', 'MOTION_DATA', 'RENDER_OVERLAY_VIDEO'],
  multi: ['RENDER_VIDEO', 'MAIN_FBX', 'MAIN_USDC', 'MAIN_USDZ', 'MAIN_BLEND', 'MOTION_DATA'],
};

const EXTENSION = {
  RENDER_VIDEO: 'mp4', RENDER_OVERLAY_VIDEO: 'mp4', MAIN_FBX: 'fbx', ALL_FBX: 'zip', MAIN_USDC: 'usdc',
  ALL_USDC: 'zip', MAIN_USDZ: 'usdz', ALL_USDZ: 'zip', MAIN_BLEND: 'blend', ALL_BLEND: 'zip',
  // ALL_GLB holds the same figure as MAIN_GLB here (see previews.mjs): a .glb.
  // An assumption, not evidence: nothing says what the real API puts in it,
  // and its other ALL_ outputs are archives (the demo's 3D view says so if it
  // meets a zip).
  MAIN_GLB: 'glb', ALL_GLB: 'glb', ALL_BVH: 'zip', ALL_C3D: 'zip', MOTION_DATA: 'json', SYNC_DATA: 'json',
};

/** Every job state seen in the wild (progress.state and the deprecated state). */
export const JOB_STATES = ['NOT STARTED', 'NOT_STARTED', 'STARTED', 'RUNNING', 'FINISHED', 'FAILED', 'CANCELLED'];
/** How a job can end. */
export const JOB_FATES = ['FINISHED', 'FAILED', 'CANCELLED'];
/** The schema's JobState enum: HumanVolume.state. */
export const VOLUME_STATES = ['NOT_STARTED', 'RUNNING', 'FINISHED', 'FAILED'];
/** How a volume can end (JobState has no CANCELLED). */
export const VOLUME_FATES = ['FINISHED', 'FAILED'];

const SPELLINGS = ['alternate', 'NOT STARTED', 'NOT_STARTED'];
const DEPRECATED_STATE = ['lag', 'same', 'respell'];

const respell = (state) => (state === 'NOT STARTED' ? 'NOT_STARTED' : state === 'NOT_STARTED' ? 'NOT STARTED' : state);

/**
 * Metadata as the fake stores it: the AWSJSON text, or null. A string is taken
 * as AWSJSON text already (`'"{}"'` is the JSON string "{}", `'[1,2]'` an
 * array) and must hold valid JSON; any other value is JSON-encoded
 * (`{ shot: 3 }` → `'{"shot":3}'`). `metadataValue` encodes any JSON value,
 * strings included (`metadataValue: '{}'` stores `'"{}"'`).
 */
export function storedMetadata({ metadata, metadataValue } = {}, what = 'metadata') {
  if (metadataValue !== undefined) {
    const text = JSON.stringify(metadataValue);
    if (text === undefined) throw new TypeError(`${what}: metadataValue is not JSON`);
    return text;
  }
  if (metadata === undefined || metadata === null) return null;
  if (typeof metadata === 'string') {
    try {
      JSON.parse(metadata);
    } catch {
      throw new TypeError(`${what}: ${JSON.stringify(metadata)} is not AWSJSON text (valid JSON); use metadataValue for a JSON string`);
    }
    return metadata;
  }
  const text = JSON.stringify(metadata);
  if (text === undefined) throw new TypeError(`${what}: not JSON`);
  return text;
}

const oneOf = (value, allowed, what) => {
  if (!allowed.includes(value)) throw new TypeError(`${what}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
};

const count = (value, what, min = 0) => {
  if (!Number.isInteger(value) || value < min) throw new TypeError(`${what}: expected an integer >= ${min}, got ${JSON.stringify(value)}`);
  return value;
};

/**
 * The fake's data. `origin` is the server's own base URL, used for upload and
 * download links. Options (all also accepted by startFakeApi):
 * - `pollsToFinish` (3): reads of a job (getJob) from creation to its end;
 * - `outputsLagPolls` (0): reads after FINISHED during which `outputs` is `[]`;
 * - `urlLagPolls` (0): reads after the outputs appear during which their
 *   `file.presignedUrl` is null;
 * - `notStartedSpelling` ('alternate'): 'NOT STARTED', 'NOT_STARTED', or
 *   alternate per job (the 1st, 3rd… job created say 'NOT STARTED', the 2nd,
 *   4th… 'NOT_STARTED');
 * - `startedPolls` ('alternate'): how many reads after creation say `STARTED`
 *   (0%) before `RUNNING`, or 'alternate' (0 for the 1st, 3rd… job, 1 for the
 *   2nd, 4th…); never more than pollsToFinish - 1;
 * - `deprecatedState` ('lag'): the deprecated `Job.state` says what
 *   progress.state said one read before ('lag'), the same ('same'), or the same
 *   with the other NOT STARTED spelling ('respell');
 * - `volumePollsToFinish` (pollsToFinish): reads of a volume (getVolume) from
 *   creation to its end;
 * - `clientMetadata` (null): the client's metadata (see storedMetadata);
 * - `outputBytes` (null): the size of each job output's content (see
 *   outputChunks); a job can have its own. When neither sets it, outputs of
 *   MAIN_GLB / ALL_GLB / RENDER_VIDEO / RENDER_OVERLAY_VIDEO hold real content
 *   (previews.mjs: an animated figure, a video) and the others
 *   DEFAULT_OUTPUT_BYTES; once set, every output holds that many bytes;
 * - `liveClock` (false): creation times are the real time (for the demo app)
 *   rather than a clock from 2025-01-01 that moves a second per object (for
 *   tests: the same times on every run). Either way they strictly increase.
 */
export class Store {
  constructor({
    origin,
    pollsToFinish = 3,
    urlLagPolls = 0,
    outputsLagPolls = 0,
    notStartedSpelling = 'alternate',
    startedPolls = 'alternate',
    deprecatedState = 'lag',
    volumePollsToFinish = pollsToFinish,
    clientMetadata = null,
    outputBytes = null,
    liveClock = false,
  } = {}) {
    this.origin = origin;
    this.pollsToFinish = count(pollsToFinish, 'pollsToFinish', 1);
    this.urlLagPolls = count(urlLagPolls, 'urlLagPolls');
    this.outputsLagPolls = count(outputsLagPolls, 'outputsLagPolls');
    this.notStartedSpelling = oneOf(notStartedSpelling, SPELLINGS, 'notStartedSpelling');
    this.startedPolls = startedPolls === 'alternate' ? startedPolls : count(startedPolls, 'startedPolls');
    this.deprecatedState = oneOf(deprecatedState, DEPRECATED_STATE, 'deprecatedState');
    this.volumePollsToFinish = count(volumePollsToFinish, 'volumePollsToFinish', 1);
    this.outputBytes = outputBytes === null ? null : count(outputBytes, 'outputBytes');
    this.clock = Date.parse('2025-01-01T00:00:00.000Z');
    this.liveClock = Boolean(liveClock);
    this.client = {
      id: 'client-fake-0001',
      name: 'Fake Studio',
      created: '2024-06-01T09:00:00.000Z',
      metadata: storedMetadata({ metadata: clientMetadata }, 'clientMetadata'),
      portal: 'https://portal.move.ai/fake-studio',
    };
    this.files = new Map();
    this.takes = new Map();
    this.jobs = new Map();
    this.volumes = new Map();
    this.webhooks = new Map();
    this.shareCodes = [];
    this.uploads = new Map();
    this.rigs = [{ name: 'move_mo' }, { name: 'move_ve' }];
    // Called with (job, state) when a read moves a job to another state (the
    // server sends webhook events from it: see webhooks.mjs).
    this.onJobState = null;
    this.cameraSettings = [{ lens: 'iphone-13-pro-wide' }, { lens: 'gopro-hero-11-linear' }];
  }

  /** A strictly increasing creation time, so that sorting is deterministic. */
  now() {
    this.clock = this.liveClock ? Math.max(this.clock + 1, Date.now()) : this.clock + 1000;
    return new Date(this.clock).toISOString();
  }

  // ---- creation helpers, also used by tests to seed data ----
  // Every helper takes `metadata` / `metadataValue` (see storedMetadata).

  addFile({ type = 'mp4', name = null, metadata, metadataValue } = {}) {
    const file = { id: `file-${randomUUID()}`, created: this.now(), type, name, metadata: storedMetadata({ metadata, metadataValue }), uploaded: false };
    this.files.set(file.id, file);
    return file;
  }

  /**
   * A take. Without `sources`, one MP4 source on a new file; `sources` may hold
   * any number (each `{ deviceLabel, fileId, format, cameraSettings? }`, files
   * must exist).
   */
  addTake({ name = null, metadata, metadataValue, sources, takeType = 'SINGLE_CAM', volumeId = null, syncMethod = null } = {}) {
    const srcs = sources ?? [{ deviceLabel: 'phone', fileId: this.addFile().id, format: 'MP4' }];
    for (const s of srcs) this.requireFile(s.fileId);
    if (volumeId !== null) this.requireVolume(volumeId);
    const take = {
      id: `take-${randomUUID()}`,
      created: this.now(),
      name,
      metadata: storedMetadata({ metadata, metadataValue }),
      sources: srcs,
      takeType,
      volumeId,
      syncMethod,
    };
    this.takes.set(take.id, take);
    return take;
  }

  /**
   * A job on an existing take (without `takeId`, on a new seeded take).
   * Seeding options: `state` (one of JOB_STATES): the state the next read shows
   * (FINISHED: with its outputs and their URLs ready; FAILED / CANCELLED: that
   * fate, reached); `fate` (FINISHED, FAILED or CANCELLED): how it ends;
   * `hold: true`: it never moves on; and per-job `pollsToFinish`,
   * `outputsLagPolls`, `urlLagPolls`, `notStartedSpelling`, `startedPolls`,
   * `outputBytes` (the size of each output's content; null: real content
   * where there is some, see Store).
   */
  addJob({
    takeId,
    name = null,
    metadata,
    metadataValue,
    outputs = null,
    options = null,
    clipWindow = null,
    numberOfActors = null,
    rig = null,
    multi = false,
    state,
    fate = 'FINISHED',
    hold = false,
    pollsToFinish = this.pollsToFinish,
    outputsLagPolls = this.outputsLagPolls,
    urlLagPolls = this.urlLagPolls,
    notStartedSpelling = this.notStartedSpelling,
    startedPolls = this.startedPolls,
    outputBytes = this.outputBytes,
  } = {}) {
    const take = takeId === undefined ? this.addTake({ takeType: multi ? 'MULTI_CAM' : 'SINGLE_CAM' }) : this.requireTake(takeId);
    const index = this.jobs.size;
    const spelling = oneOf(notStartedSpelling, SPELLINGS, 'notStartedSpelling');
    const job = {
      id: `job-${randomUUID()}`,
      created: this.now(),
      takeId: take.id,
      name,
      metadata: storedMetadata({ metadata, metadataValue }),
      outputs: outputs && outputs.length ? outputs : DEFAULT_OUTPUTS[multi ? 'multi' : 'single'],
      options,
      clipWindow,
      numberOfActors: multi ? numberOfActors : 1,
      // The Python SDK sends `rig: ""` when the user names none: the default rig.
      rig: multi ? rig || 'move_mo' : null,
      polls: 0,
      fate: oneOf(fate, JOB_FATES, 'fate'),
      hold: Boolean(hold),
      // A seeded state is shown by the next read; later reads move on.
      seeded: false,
      pollsToFinish: count(pollsToFinish, 'pollsToFinish', 1),
      outputsLagPolls: count(outputsLagPolls, 'outputsLagPolls'),
      urlLagPolls: count(urlLagPolls, 'urlLagPolls'),
      notStarted: spelling === 'alternate' ? (index % 2 === 0 ? 'NOT STARTED' : 'NOT_STARTED') : spelling,
      startedPolls: startedPolls === 'alternate' ? index % 2 : count(startedPolls, 'startedPolls'),
      finishedAtPoll: null,
      outputFiles: null,
      attachedAtPoll: null,
      outputBytes: outputBytes === null ? null : count(outputBytes, 'outputBytes'),
    };
    job.startedPolls = Math.min(job.startedPolls, job.pollsToFinish - 1);
    if (state !== undefined) this.seedJobState(job, oneOf(state, JOB_STATES, 'state'));
    this.jobs.set(job.id, job);
    return job;
  }

  /** Puts `job` in `state` (see addJob). */
  seedJobState(job, state) {
    switch (state) {
      case 'NOT STARTED':
      case 'NOT_STARTED':
        job.notStarted = state;
        job.polls = 0;
        break;
      case 'STARTED':
        job.pollsToFinish = Math.max(job.pollsToFinish, 2);
        job.startedPolls = Math.max(job.startedPolls, 1);
        job.polls = 1;
        break;
      case 'RUNNING':
        job.pollsToFinish = Math.max(job.pollsToFinish, job.startedPolls + 2);
        job.polls = job.startedPolls + 1;
        break;
      default:
        // FINISHED, FAILED, CANCELLED: the end, reached a read ago (so that a
        // lagging deprecated `state` says so too), outputs and URLs ready.
        if (state !== 'FINISHED') job.fate = state;
        job.polls = job.pollsToFinish + 1;
        job.outputsLagPolls = 0;
        job.urlLagPolls = 0;
        this.settle(job);
    }
    job.seeded = true;
  }

  /**
   * A volume (`sources` may hold any number; without, two MP4 sources on new
   * files). Seeding: `state` (one of VOLUME_STATES) shown by the next read,
   * `fate` (FINISHED or FAILED), `hold`, `pollsToFinish`, `notStartedSpelling`.
   */
  addVolume({
    name = null,
    metadata,
    metadataValue,
    sources,
    humanHeight = 1.8,
    areaType = 'NORMAL',
    clipWindow = null,
    syncMethod = null,
    state,
    fate = 'FINISHED',
    hold = false,
    pollsToFinish = this.volumePollsToFinish,
    notStartedSpelling = this.notStartedSpelling,
  } = {}) {
    const srcs = sources ?? ['left', 'right'].map((deviceLabel) => ({ deviceLabel, fileId: this.addFile().id, format: 'MP4' }));
    for (const s of srcs) this.requireFile(s.fileId);
    const index = this.volumes.size;
    const spelling = oneOf(notStartedSpelling, SPELLINGS, 'notStartedSpelling');
    const volume = {
      id: `volume-${randomUUID()}`,
      created: this.now(),
      clipWindow,
      sources: srcs,
      syncMethod,
      humanHeight,
      areaType,
      metadata: storedMetadata({ metadata, metadataValue }),
      name,
      polls: 0,
      fate: oneOf(fate, VOLUME_FATES, 'fate'),
      hold: Boolean(hold),
      seeded: false,
      pollsToFinish: count(pollsToFinish, 'pollsToFinish', 1),
      notStarted: spelling === 'alternate' ? (index % 2 === 0 ? 'NOT STARTED' : 'NOT_STARTED') : spelling,
    };
    if (state !== undefined) {
      oneOf(state, VOLUME_STATES, 'state');
      if (state === 'RUNNING') volume.pollsToFinish = Math.max(volume.pollsToFinish, 2);
      volume.polls = { NOT_STARTED: 0, RUNNING: 1, FINISHED: volume.pollsToFinish, FAILED: volume.pollsToFinish }[state];
      if (state === 'FAILED') volume.fate = 'FAILED';
      volume.seeded = true;
    }
    this.volumes.set(volume.id, volume);
    return volume;
  }

  /** A webhook endpoint, as upsertWebhookEndpoint would make it. */
  addWebhook({ uid = `hook-${randomUUID()}`, url = 'https://example.com/move', events = ['ugc.job.state.completed'], description = null, metadata, metadataValue, secret } = {}) {
    const endpoint = {
      uid,
      url,
      events,
      description,
      metadata: storedMetadata({ metadata, metadataValue }),
      secret: secret ?? newSecret(),
    };
    this.webhooks.set(uid, endpoint);
    return endpoint;
  }

  /** Replaces the client's metadata (see storedMetadata). */
  setClientMetadata({ metadata, metadataValue } = {}) {
    this.client.metadata = storedMetadata({ metadata, metadataValue });
    return this.client;
  }

  /** Sets how a job or volume ends (FINISHED, FAILED, or for a job CANCELLED). */
  setFate(id, fate) {
    if (this.jobs.has(id)) this.jobs.get(id).fate = oneOf(fate, JOB_FATES, 'fate');
    else if (this.volumes.has(id)) this.volumes.get(id).fate = oneOf(fate, VOLUME_FATES, 'fate');
    else throw new AppSyncError('MoveNotFoundError', NOT_FOUND);
  }

  requireFile(id) {
    const file = this.files.get(id);
    if (!file) throw new AppSyncError('MoveNotFoundError', NOT_FOUND);
    return file;
  }

  requireTake(id) {
    const take = this.takes.get(id);
    if (!take) throw new AppSyncError('MoveNotFoundError', NOT_FOUND);
    return take;
  }

  requireJob(id) {
    const job = this.jobs.get(id);
    if (!job) throw new AppSyncError('MoveNotFoundError', NOT_FOUND);
    return job;
  }

  requireVolume(id) {
    const volume = this.volumes.get(id);
    if (!volume) throw new AppSyncError('MoveNotFoundError', NOT_FOUND);
    return volume;
  }

  // ---- job progress ----

  /**
   * One read of a job: progress moves on; after FINISHED, the outputs appear
   * `outputsLagPolls` reads later and get their URLs `urlLagPolls` reads after that.
   */
  advance(job) {
    if (job.seeded) {
      job.seeded = false;
      return;
    }
    if (job.hold) return;
    const before = this.progressOf(job).state;
    job.polls += 1;
    this.settle(job);
    const after = this.progressOf(job).state;
    if (after !== before) this.onJobState?.(job, after);
  }

  /** Records when the job finished and attaches its outputs when it is time. */
  settle(job) {
    if (job.polls < job.pollsToFinish || job.fate !== 'FINISHED') return;
    job.finishedAtPoll ??= job.polls;
    if (!job.outputFiles && job.polls - job.finishedAtPoll >= job.outputsLagPolls) {
      job.outputFiles = job.outputs.map((format) => {
        const file = this.addFile({ type: EXTENSION[format] ?? 'bin', name: `${format.toLowerCase()}.${EXTENSION[format] ?? 'bin'}` });
        // What storage holds for it: the real preview of its format (made when
        // first downloaded), unless the test chose a size; else content made
        // as it is read (outputChunks).
        if (job.outputBytes === null && hasPreview(format)) file.preview = format;
        else file.outputBytes = job.outputBytes ?? DEFAULT_OUTPUT_BYTES;
        return { format, file };
      });
      job.attachedAtPoll = job.polls;
    }
  }

  /** The job's progress after `polls` reads. */
  progressOf(job, polls = job.polls) {
    const n = job.pollsToFinish;
    const percent = (p) => Math.floor((100 * p) / n);
    if (polls <= 0) return { state: job.notStarted, percentageComplete: 0 };
    if (polls < n) {
      if (polls <= job.startedPolls) return { state: 'STARTED', percentageComplete: 0 };
      return { state: 'RUNNING', percentageComplete: percent(polls) };
    }
    if (job.fate !== 'FINISHED') return { state: job.fate, percentageComplete: n > 1 ? percent(n - 1) : 0 };
    return { state: 'FINISHED', percentageComplete: 100 };
  }

  /** The deprecated `Job.state` (see the `deprecatedState` option). */
  deprecatedStateOf(job) {
    switch (this.deprecatedState) {
      case 'same':
        return this.progressOf(job).state;
      case 'respell':
        return respell(this.progressOf(job).state);
      default:
        return this.progressOf(job, job.polls - 1).state;
    }
  }

  // ---- volume progress ----

  advanceVolume(volume) {
    if (volume.seeded) {
      volume.seeded = false;
      return;
    }
    if (!volume.hold) volume.polls += 1;
  }

  /** `state` (the JobState enum) and `progress` (a free string) of a volume. */
  volumeProgressOf(volume) {
    const n = volume.pollsToFinish;
    if (volume.polls <= 0) return { state: 'NOT_STARTED', progress: { state: volume.notStarted, percentageComplete: 0 } };
    if (volume.polls < n) {
      const percentageComplete = Math.floor((100 * volume.polls) / n);
      return { state: 'RUNNING', progress: { state: 'RUNNING', percentageComplete } };
    }
    if (volume.fate === 'FAILED') return { state: 'FAILED', progress: { state: 'FAILED', percentageComplete: Math.floor((100 * (n - 1)) / n) } };
    return { state: 'FINISHED', progress: { state: 'FINISHED', percentageComplete: 100 } };
  }

  // ---- views: what GraphQL reads ----

  clientView() {
    return { ...this.client };
  }

  fileView(file, { upload = false, withUrl = true } = {}) {
    let presignedUrl = null;
    if (upload) presignedUrl = `${this.origin}/__fake/uploads/${file.id}?X-Amz-Signature=fake`;
    else if (withUrl) presignedUrl = `${this.origin}/__fake/files/${file.id}?X-Amz-Signature=fake`;
    return {
      id: file.id,
      created: file.created,
      type: file.type,
      name: file.name,
      metadata: file.metadata,
      presignedUrl,
      thumbnailUrl: null,
      client: () => this.clientView(),
    };
  }

  sourceView(source) {
    return {
      deviceLabel: source.deviceLabel,
      format: source.format,
      cameraSettings: source.cameraSettings ?? null,
      file: () => (this.files.has(source.fileId) ? this.fileView(this.files.get(source.fileId)) : null),
    };
  }

  takeView(take) {
    return {
      id: take.id,
      created: take.created,
      name: take.name,
      metadata: take.metadata,
      takeType: take.takeType,
      syncMethod: take.syncMethod,
      additionalFiles: [],
      videoFile: () => {
        const first = take.sources[0];
        return first && this.files.has(first.fileId) ? this.fileView(this.files.get(first.fileId)) : null;
      },
      sources: () => take.sources.map((s) => this.sourceView(s)),
      client: () => this.clientView(),
      volume: () => (take.volumeId && this.volumes.has(take.volumeId) ? this.volumeView(this.volumes.get(take.volumeId)) : null),
    };
  }

  jobView(job) {
    const progress = this.progressOf(job);
    const lagging = job.attachedAtPoll !== null && job.polls - job.attachedAtPoll < job.urlLagPolls;
    return {
      id: job.id,
      created: job.created,
      name: job.name,
      metadata: job.metadata,
      state: this.deprecatedStateOf(job),
      progress,
      client: () => this.clientView(),
      take: () => (this.takes.has(job.takeId) ? this.takeView(this.takes.get(job.takeId)) : null),
      outputs: () =>
        (job.outputFiles ?? []).map((o) => ({
          format: o.format,
          key: o.format,
          file: this.fileView(o.file, { withUrl: !lagging }),
        })),
      rig: () => (job.rig ? { name: job.rig } : null),
      inputs: () => ({
        clipWindow: job.clipWindow,
        numberOfActors: job.numberOfActors,
        options: job.options
          ? { floorPlane: null, mocapModel: null, trackBall: null, trackFingers: null, trackJerseyNumbers: null, ...job.options }
          : null,
      }),
    };
  }

  volumeView(volume) {
    const { state, progress } = this.volumeProgressOf(volume);
    return {
      __typename: 'HumanVolume',
      id: volume.id,
      created: volume.created,
      name: volume.name,
      metadata: volume.metadata,
      areaType: volume.areaType,
      humanHeight: volume.humanHeight,
      clipWindow: volume.clipWindow,
      state,
      progress,
      sources: () => volume.sources.map((s) => this.sourceView(s)),
      client: () => this.clientView(),
      outputs: () => [],
    };
  }

  webhookView(endpoint, { withSecret }) {
    return { ...endpoint, secret: withSecret ? endpoint.secret : null, client: () => this.clientView() };
  }

  // ---- paging ----

  page(items, { first, after, sortDirection }, view) {
    const size = first ?? 50;
    const sorted = [...items].sort((a, b) => a.created.localeCompare(b.created));
    if (sortDirection !== 'ASC') sorted.reverse();
    let start = 0;
    if (after !== undefined && after !== null) {
      let cursor;
      try {
        cursor = JSON.parse(after);
      } catch {
        throw new AppSyncError('ValidationError', 'Invalid pagination token.');
      }
      const index = sorted.findIndex((item) => item.id === cursor?.id);
      if (index < 0) throw new AppSyncError('ValidationError', 'Invalid pagination token.');
      start = index + 1;
    }
    const slice = sorted.slice(start, start + size);
    const more = start + size < sorted.length;
    return {
      first: size,
      after: more ? JSON.stringify({ id: slice[slice.length - 1].id }) : null,
      items: slice.map(view),
    };
  }

  // ---- the schema's root fields ----
  // Metadata arrives as AWSJSON text (checked by the schema's scalar) and is
  // stored as sent. No source counts are enforced: nothing published shows the
  // API doing so.

  rootValue() {
    return {
      client: () => this.clientView(),
      getFile: ({ fileId }) => this.fileView(this.requireFile(fileId)),
      getJob: ({ jobId }) => {
        const job = this.requireJob(jobId);
        this.advance(job);
        return this.jobView(job);
      },
      getTake: ({ takeId }) => this.takeView(this.requireTake(takeId)),
      getVolume: ({ id }) => {
        const volume = this.requireVolume(id);
        this.advanceVolume(volume);
        return this.volumeView(volume);
      },
      listCameraSettings: () => ({ first: this.cameraSettings.length, after: null, items: this.cameraSettings }),
      listRigs: () => ({ first: this.rigs.length, after: null, items: this.rigs }),
      listJobs: (args) => {
        const jobs = [...this.jobs.values()].filter((j) => !args.takeId || j.takeId === args.takeId);
        return this.page(jobs, args, (j) => this.jobView(j));
      },
      listTakes: (args) => this.page([...this.takes.values()], args, (t) => this.takeView(t)),
      listVolumes: (args) => this.page([...this.volumes.values()], args, (v) => this.volumeView(v)),

      createFile: ({ type, metadata = null, name = null }) => this.fileView(this.addFile({ type, metadata, name }), { upload: true }),
      updateFile: ({ id, metadata, name }) => {
        const file = this.requireFile(id);
        if (metadata !== undefined) file.metadata = metadata;
        if (name !== undefined) file.name = name;
        return this.fileView(file);
      },
      generateShareCode: ({ fileId }) => {
        const file = this.requireFile(fileId);
        const code = randomUUID().slice(0, 8).toUpperCase();
        const created = this.now();
        const share = { code, created, expires: new Date(this.clock + 7 * 86400e3).toISOString(), fileId };
        this.shareCodes.push(share);
        return { ...share, url: `${this.origin}/__fake/share/${code}`, file: () => this.fileView(file) };
      },
      createSingleCamTake: ({ sources, metadata = null, name = null }) =>
        this.takeView(this.addTake({ sources: sources ?? [], metadata, name })),
      createMultiCamTake: ({ sources, syncMethod = null, metadata = null, name = null, volumeId }) => {
        this.requireVolume(volumeId);
        return this.takeView(this.addTake({ sources: sources ?? [], metadata, name, takeType: 'MULTI_CAM', volumeId, syncMethod }));
      },
      updateTake: ({ id, metadata, name }) => {
        const take = this.requireTake(id);
        if (metadata !== undefined) take.metadata = metadata;
        if (name !== undefined) take.name = name;
        return this.takeView(take);
      },
      createSingleCamJob: ({ takeId, ...args }) => this.jobView(this.addJob({ takeId, ...pick(args, JOB_ARGS) })),
      createMultiCamJob: ({ takeId, ...args }) => this.jobView(this.addJob({ takeId, ...pick(args, JOB_ARGS), multi: true })),
      updateJob: ({ id, metadata, name }) => {
        const job = this.requireJob(id);
        if (metadata !== undefined) job.metadata = metadata;
        if (name !== undefined) job.name = name;
        return this.jobView(job);
      },
      createVolumeWithHuman: ({ clipWindow = null, sources, syncMethod = null, humanHeight, areaType, metadata = null, name = null }) =>
        this.volumeView(this.addVolume({ sources: sources ?? [], clipWindow, syncMethod, humanHeight, areaType, metadata, name })),
      updateClient: ({ metadata }) => {
        this.client.metadata = metadata;
        return this.clientView();
      },
      upsertWebhookEndpoint: ({ uid, url, events = null, description = null, metadata = null, secret = null }) => {
        const existing = this.webhooks.get(uid);
        const endpoint = { uid, url, events, description, metadata, secret: existing ? existing.secret : (secret ?? newSecret()) };
        this.webhooks.set(uid, endpoint);
        // The secret is only returned when the endpoint is first created.
        return this.webhookView(endpoint, { withSecret: !existing });
      },
    };
  }
}

/** A signing secret as Svix makes them: `whsec_` and the base64 of 24 random bytes. */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The arguments of createSingleCamJob / createMultiCamJob that addJob takes. */
const JOB_ARGS = ['name', 'metadata', 'outputs', 'options', 'clipWindow', 'numberOfActors', 'rig'];

/** The GraphQL arguments that were given (null ones become absent). */
function pick(args, names) {
  const out = {};
  for (const name of names) if (args[name] !== undefined && args[name] !== null) out[name] = args[name];
  return out;
}
