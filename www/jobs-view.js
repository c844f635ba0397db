// The jobs section: a paged, sortable table, and the details of one job with
// its inputs, its result (3D view and video) and its outputs (Download
// buttons and a share code per output).

import { byId, el, facts, stateOf, when } from './dom.js';
import { renderOutputs, renderResult } from './result-view.js';

const PAGE_SIZE = 10;
/** How often an open job that is still going is read again. */
const FOLLOW_MS = 2000;

/**
 * Whether a job has nothing more to show: it failed or was cancelled, or it
 * finished and every output has its download URL (outputs can arrive a little
 * after FINISHED, and their URLs a little later still).
 */
function settled(job) {
  const state = stateOf(job);
  if (state === 'FAILED' || state === 'CANCELLED') return true;
  const outputs = job.outputs ?? [];
  return state === 'FINISHED' && outputs.length > 0 && outputs.every((o) => o.file?.presignedUrl);
}

export function createJobsView({ getClient, onError }) {
  // Tokens of the pages before this one, to go back to the first.
  let token = null;
  let nextToken = null;
  let pageNumber = 1;
  let selectedId = null;
  // The result shown in the details (its 3D view holds a WebGL context until disposed).
  let result = null;
  // Counts the list reads: only the latest one is shown (an older one, of
  // another page, order or account, may answer after it).
  let loads = 0;
  // The next read of an open job that is still going (see follow).
  let following = null;

  async function load() {
    const ugc = getClient();
    if (!ugc) return;
    const load = ++loads;
    try {
      const page = await ugc.jobs.list({ limit: PAGE_SIZE, nextToken: token, sortBy: byId('sort').value, expand: ['take'] });
      if (load !== loads) return;
      nextToken = page.nextToken;
      render(page.items);
    } catch (error) {
      if (load === loads) onError(error);
    }
  }

  /**
   * Reads the open job again in a moment while it is still going, so that its
   * progress, and then its result, show without a click; only while it is the
   * job shown and the jobs tab is in view.
   */
  function follow(job) {
    clearTimeout(following);
    if (settled(job)) return;
    following = setTimeout(() => {
      if (job.id === selectedId && !byId('tab-jobs').hidden && !byId('job-details').hidden) showDetails(job.id);
    }, FOLLOW_MS);
  }

  /** Its row in the table, brought up to date with a fresher read of the job. */
  function updateRow(job) {
    const row = [...byId('jobs-body').rows].find((r) => r.dataset.jobId === job.id);
    if (row) row.replaceWith(jobRow(job));
  }

  /** Closes the job's details: its result stops loading and frees its WebGL context. */
  function closeDetails() {
    clearTimeout(following);
    result?.dispose();
    result = null;
    byId('job-details').hidden = true;
  }

  function jobRow(job) {
    const state = stateOf(job);
    const percent = job.progress?.percentageComplete ?? 0;
    return el(
      'tr',
      { class: job.id === selectedId ? 'selected' : '', 'data-job-id': job.id },
      el('td', {}, el('button', { type: 'button', onclick: () => showDetails(job.id) }, job.name ?? job.take?.name ?? job.id)),
      el('td', {}, when(job.created)),
      el('td', {}, el('span', { class: `state ${state.toLowerCase()}` }, state)),
      el('td', {}, el('progress', { max: 100, value: percent, 'aria-label': `${percent}% complete` }), ` ${percent}%`),
    );
  }

  function render(jobs) {
    byId('jobs-body').replaceChildren(...jobs.map(jobRow));
    byId('jobs-empty').hidden = jobs.length > 0 || pageNumber > 1;
    byId('next-page').disabled = nextToken === null;
    byId('first-page').disabled = pageNumber === 1;
    byId('page-label').textContent = `Page ${pageNumber}`;
  }

  async function showDetails(id) {
    selectedId = id;
    for (const row of byId('jobs-body').rows) row.classList.toggle('selected', row.dataset.jobId === id);
    try {
      const job = await getClient().jobs.retrieve(id, { expand: ['take', 'outputs', 'inputs', 'rig'] });
      // Another job was chosen while this one was read: that one is shown.
      if (id !== selectedId) return;
      byId('details-title').textContent = job.name ?? job.id;
      facts(byId('details-facts'), [
        ['Job id', job.id],
        ['State', `${stateOf(job)} (${job.progress?.percentageComplete ?? 0}%)`],
        ['Created', when(job.created)],
        ['Take', job.take ? `${job.take.name ?? '(no name)'} · ${job.take.id}` : '—'],
        ['Rig', job.rig?.name],
        ['Metadata', job.metadata ? JSON.stringify(job.metadata) : '—'],
      ]);
      const options = job.inputs?.options ?? {};
      facts(byId('details-inputs'), [
        ['Actors', job.inputs?.numberOfActors],
        ['Clip window', job.inputs?.clipWindow ? `${job.inputs.clipWindow.startTime}–${job.inputs.clipWindow.endTime} s` : 'whole take'],
        ['Mocap model', options.mocapModel ?? 'default'],
        ['Track fingers', String(options.trackFingers ?? false)],
        ['Floor plane', String(options.floorPlane ?? false)],
      ]);
      result?.dispose();
      // A job still going has no result yet: it is drawn once, when the job
      // has settled with its outputs' URLs (see follow), not at every read.
      result = settled(job) ? renderResult(byId('details-result'), job.outputs ?? [], getClient, onError) : null;
      if (!result) byId('details-result').hidden = true;
      renderOutputs(byId('details-outputs'), job.outputs ?? [], getClient, onError, { failed: stateOf(job) === 'FAILED', jobId: job.id });
      byId('job-details').hidden = false;
      updateRow(job);
      follow(job);
    } catch (error) {
      // Another job was chosen meanwhile (or another account): that one is shown.
      if (id !== selectedId) return;
      // The details of the job before must not stay under this one's row.
      closeDetails();
      onError(error);
    }
  }

  return {
    setup() {
      byId('refresh').addEventListener('click', load);
      byId('sort').addEventListener('change', () => {
        token = null;
        pageNumber = 1;
        load();
      });
      byId('next-page').addEventListener('click', () => {
        if (nextToken === null) return;
        token = nextToken;
        pageNumber += 1;
        load();
      });
      byId('first-page').addEventListener('click', () => {
        token = null;
        pageNumber = 1;
        load();
      });
    },
    reload: load,
    /**
     * Forgets what was shown (another account is connected): the details and
     * their result close, no job is selected, the list starts at its first page.
     */
    reset() {
      closeDetails();
      selectedId = null;
      token = null;
      nextToken = null;
      pageNumber = 1;
      loads += 1;
      byId('jobs-body').replaceChildren();
    },
  };
}
