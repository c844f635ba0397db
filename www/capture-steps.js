// The progress steps of a capture run (uploads, volume, take, job), drawn
// afresh for each run, and the two long waits every run shares: an upload
// with its bytes, and a job polled until it has its outputs.

import { byId, el, stateOf } from './dom.js';
import { extensionOf } from './capture-files.js';

/**
 * A stop of the run that the page explains in its own words (a failed
 * volume, a wait given up), shown as is rather than as "something went wrong".
 */
export class CaptureStopped extends Error {}

/** What a screen reader hears when a step changes state (never its progress ticks). */
const STATE_NEWS = { running: 'started', done: 'done', failed: 'stopped' };

/**
 * One step: an <li> with a label, an optional progress bar (`#<key>-progress`,
 * from 0 to `max`) and a line of text (`#<key>-text`); `data-state` is
 * waiting, running, done or failed. The list is a polite live region, but the
 * line of text (bytes, percentages: many changes a second) is `aria-live="off"`:
 * only a change of state is announced, as “<label>: started / done / stopped”
 * from a visually hidden `.step-news`.
 */
function makeStep({ key, label, max }) {
  const text = el('span', { id: `${key}-text`, class: 'muted', 'aria-live': 'off' }, 'waiting');
  const news = el('span', { class: 'step-news' });
  const bar = max ? el('progress', { id: `${key}-progress`, max, value: 0, 'aria-label': `${label} progress` }) : null;
  const item = el('li', { id: `step-${key}`, 'data-state': 'waiting' }, el('span', { class: 'step-label' }, label), ' ', bar, ' ', text, news);
  const set = (state, value, words) => {
    if (item.dataset.state !== state) news.textContent = `${label}: ${STATE_NEWS[state]}`;
    item.dataset.state = state;
    if (bar && value !== undefined) bar.value = value;
    if (words !== undefined) text.textContent = words;
  };
  return {
    /** Shows progress (`value` on the bar's scale) and a line of text. */
    update: (value, words) => set('running', value, words),
    /** The step is complete: a full bar. */
    done: (words) => set('done', max, words),
    fail: () => set('failed'),
    get running() {
      return item.dataset.state === 'running';
    },
    label,
    item,
  };
}

/**
 * Replaces the steps with `defs` (`{ key, label, max? }`, in order), shows
 * them, and returns the steps by key.
 */
export function showSteps(defs) {
  const steps = Object.fromEntries(defs.map((def) => [def.key, makeStep(def)]));
  const list = byId('capture-steps');
  list.replaceChildren(...Object.values(steps).map((step) => step.item));
  list.hidden = false;
  return steps;
}

/** Marks every running step of `steps` as failed (the run stopped there); returns their labels. */
export function failRunning(steps) {
  const stopped = Object.values(steps).filter((step) => step.running);
  for (const step of stopped) step.fail();
  return stopped.map((step) => step.label);
}

/** Uploads `file` (its type from its extension) with its bytes shown on `step` (max 1). */
export async function uploadWithProgress(ugc, file, step) {
  step.update(0, 'starting');
  const uploaded = await ugc.files.upload(file, {
    type: extensionOf(file),
    name: file.name,
    // total is null when the size is not known (a stream): the bytes so far then.
    onProgress: ({ loaded, total }) =>
      step.update(total ? loaded / total : 1, total ? `${loaded.toLocaleString()} of ${total.toLocaleString()} bytes` : `${loaded.toLocaleString()} bytes`),
  });
  step.done(`${file.name} · ${uploaded.id}`);
  return uploaded;
}

/**
 * Polls `job` until it is FINISHED with its outputs (jobs.waitForCompletion),
 * its state and percentage on `step` (max 100); resolves with the job.
 */
export async function followJob(ugc, job, step) {
  step.update(0, `${job.id} · ${stateOf(job)}`);
  const done = await ugc.jobs.waitForCompletion(job.id, {
    intervalMs: 1000,
    onProgress: (polled) => {
      const percent = polled.progress?.percentageComplete ?? 0;
      step.update(percent, `${job.id} · ${stateOf(polled)} ${percent}%`);
    },
  });
  step.done(`${job.id} · ${stateOf(done)}`);
  return done;
}
