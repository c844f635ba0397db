// The in-memory state of the fake Move API and the resolvers of every Query
// and Mutation field of the real schema. Objects are stored flat and turned
// into GraphQL "views" (with lazily resolved relations) when read.

import { randomUUID } from 'node:crypto';

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
  MAIN_GLB: 'glb', ALL_GLB: 'zip', ALL_BVH: 'zip', ALL_C3D: 'zip', MOTION_DATA: 'json', SYNC_DATA: 'json',
};

/**
 * The fake's data. `origin` is the server's own base URL, used for upload and
 * download links. `pollsToFinish` is how many reads of a job it takes to go
 * from NOT STARTED to FINISHED; `urlLagPolls` how many more reads the outputs
 * lack their download URL after FINISHED (as the real API sometimes does).
 */
export class Store {
  constructor({ origin, pollsToFinish = 3, urlLagPolls = 0 } = {}) {
    this.origin = origin;
    this.pollsToFinish = pollsToFinish;
    this.urlLagPolls = urlLagPolls;
    this.clock = Date.parse('2025-01-01T00:00:00.000Z');
    this.client = {
      id: 'client-fake-0001',
      name: 'Fake Studio',
      created: '2024-06-01T09:00:00.000Z',
      metadata: null,
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
    this.cameraSettings = [{ lens: 'iphone-13-pro-wide' }, { lens: 'gopro-hero-11-linear' }];
  }

  /** A strictly increasing creation time, so that sorting is deterministic. */
  now() {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  // ---- creation helpers, also used by tests to seed data ----

  addFile({ type = 'mp4', name = null, metadata = null } = {}) {
    const file = { id: `file-${randomUUID()}`, created: this.now(), type, name, metadata, uploaded: false };
    this.files.set(file.id, file);
    return file;
  }

  addTake({ name = null, metadata = null, sources, takeType = 'SINGLE_CAM', volumeId = null, syncMethod = null } = {}) {
    const srcs = sources ?? [{ deviceLabel: 'phone', fileId: this.addFile().id, format: 'MP4' }];
    for (const s of srcs) this.requireFile(s.fileId);
    const take = { id: `take-${randomUUID()}`, created: this.now(), name, metadata, sources: srcs, takeType, volumeId, syncMethod };
    this.takes.set(take.id, take);
    return take;
  }

  addJob({ takeId, name = null, metadata = null, outputs = null, options = null, clipWindow = null, numberOfActors = null, rig = null, multi = false }) {
    this.requireTake(takeId);
    const job = {
      id: `job-${randomUUID()}`,
      created: this.now(),
      takeId,
      name,
      metadata,
      outputs: outputs && outputs.length ? outputs : DEFAULT_OUTPUTS[multi ? 'multi' : 'single'],
      options,
      clipWindow,
      numberOfActors: multi ? numberOfActors : 1,
      rig: multi ? (rig ?? 'move_mo') : null,
      polls: 0,
      fate: 'FINISHED',
      outputFiles: null,
    };
    this.jobs.set(job.id, job);
    return job;
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

  // ---- job progress ----

  /** One poll of a job: progress moves on, and outputs appear at the end. */
  advance(job) {
    job.polls += 1;
    if (job.polls >= this.pollsToFinish && !job.outputFiles && job.fate === 'FINISHED') {
      job.outputFiles = job.outputs.map((format) => ({
        format,
        file: this.addFile({ type: EXTENSION[format] ?? 'bin', name: `${format.toLowerCase()}.${EXTENSION[format] ?? 'bin'}` }),
      }));
      job.finishedAtPoll = job.polls;
    }
  }

  progressOf(job) {
    if (job.polls === 0) return { state: 'NOT STARTED', percentageComplete: 0 };
    if (job.polls < this.pollsToFinish) {
      return { state: 'RUNNING', percentageComplete: Math.floor((100 * job.polls) / this.pollsToFinish) };
    }
    if (job.fate !== 'FINISHED') return { state: job.fate, percentageComplete: 100 };
    return { state: 'FINISHED', percentageComplete: 100 };
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
    const lagging = job.finishedAtPoll !== undefined && job.polls - job.finishedAtPoll < this.urlLagPolls;
    return {
      id: job.id,
      created: job.created,
      name: job.name,
      metadata: job.metadata,
      state: progress.state,
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
    return {
      __typename: 'HumanVolume',
      ...volume,
      state: 'FINISHED',
      progress: { state: 'FINISHED', percentageComplete: 100 },
      sources: () => volume.sources.map((s) => this.sourceView(s)),
      client: () => this.clientView(),
      outputs: () => [],
    };
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
        const volume = this.volumes.get(id);
        if (!volume) throw new AppSyncError('MoveNotFoundError', NOT_FOUND);
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
      createSingleCamTake: ({ sources = [], metadata = null, name = null }) => {
        if (sources.length !== 1) throw new AppSyncError('ValidationError', 'A single-camera take needs exactly one source.');
        return this.takeView(this.addTake({ sources, metadata, name }));
      },
      createMultiCamTake: ({ sources = [], syncMethod = null, metadata = null, name = null, volumeId }) => {
        if (!this.volumes.has(volumeId)) throw new AppSyncError('MoveNotFoundError', NOT_FOUND);
        if (sources.length < 2) throw new AppSyncError('ValidationError', 'A multi-camera take needs at least two sources.');
        return this.takeView(this.addTake({ sources, metadata, name, takeType: 'MULTI_CAM', volumeId, syncMethod }));
      },
      updateTake: ({ id, metadata, name }) => {
        const take = this.requireTake(id);
        if (metadata !== undefined) take.metadata = metadata;
        if (name !== undefined) take.name = name;
        return this.takeView(take);
      },
      createSingleCamJob: (args) => this.jobView(this.addJob({ ...args })),
      createMultiCamJob: (args) => this.jobView(this.addJob({ ...args, multi: true })),
      updateJob: ({ id, metadata, name }) => {
        const job = this.requireJob(id);
        if (metadata !== undefined) job.metadata = metadata;
        if (name !== undefined) job.name = name;
        return this.jobView(job);
      },
      createVolumeWithHuman: ({ clipWindow = null, sources = [], syncMethod = null, humanHeight, areaType, metadata = null, name = null }) => {
        if (sources.length < 2) throw new AppSyncError('ValidationError', 'A volume needs sources from at least two cameras.');
        for (const s of sources) this.requireFile(s.fileId);
        const volume = { id: `volume-${randomUUID()}`, created: this.now(), clipWindow, sources, syncMethod, humanHeight, areaType, metadata, name };
        this.volumes.set(volume.id, volume);
        return this.volumeView(volume);
      },
      updateClient: ({ metadata }) => {
        this.client.metadata = metadata;
        return this.clientView();
      },
      upsertWebhookEndpoint: ({ uid, url, events = null, description = null, metadata = null, secret = null }) => {
        const existing = this.webhooks.get(uid);
        const endpoint = { uid, url, events, description, metadata, secret: existing ? existing.secret : (secret ?? `whsec_${randomUUID().replace(/-/g, '')}`) };
        this.webhooks.set(uid, endpoint);
        // The secret is only returned when the endpoint is first created.
        return { ...endpoint, secret: existing ? null : endpoint.secret, client: () => this.clientView() };
      },
    };
  }
}
