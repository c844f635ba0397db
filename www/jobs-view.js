// The jobs section: a paged, sortable table, and the details of one job with
// its inputs, its result (3D view and video) and its outputs (Download
// buttons and a share code per output).

import { byId, el, facts, stateOf, when } from './dom.js';
import { renderOutputs, renderResult } from './result-view.js';

const PAGE_SIZE = 10;

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

  /** Closes the job's details: its result stops loading and frees its WebGL context. */
  function closeDetails() {
    result?.dispose();
    result = null;
    byId('job-details').hidden = true;
  }

  function render(jobs) {
    byId('jobs-body').replaceChildren(
      ...jobs.map((job) => {
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
      }),
    );
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
      result = renderResult(byId('details-result'), job.outputs ?? [], getClient, onError);
      renderOutputs(byId('details-outputs'), job.outputs ?? [], getClient, onError, { failed: stateOf(job) === 'FAILED' });
      byId('job-details').hidden = false;
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
