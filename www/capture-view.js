// The capture section: a single-camera capture (a video, optionally with its
// .move file) or a multi-camera one (videos calibrated with a volume), the
// outputs and options they share, and a run followed step by step to the
// job's outputs. The two kinds live in capture-single.js and capture-multi.js.

import { byId, el } from './dom.js';
import { describeError } from './errors.js';
import { renderOutputs, renderResult } from './result-view.js';
import { createSingleCapture } from './capture-single.js';
import { createMultiCapture } from './capture-multi.js';
import { CaptureStopped, failRunning, followJob, showSteps } from './capture-steps.js';

const OUTPUTS = [
  ['MAIN_FBX', 'FBX (main)'], ['RENDER_VIDEO', 'Rendered video'], ['RENDER_OVERLAY_VIDEO', 'Overlay video'],
  ['MAIN_USDZ', 'USDZ (main)'], ['MAIN_USDC', 'USDC (main)'], ['MAIN_GLB', 'GLB (main)'], ['MAIN_BLEND', 'Blender (main)'],
  ['MOTION_DATA', 'Motion data'], ['ALL_FBX', 'FBX (all)'], ['ALL_BVH', 'BVH (all)'], ['ALL_C3D', 'C3D (all)'],
  ['ALL_GLB', 'GLB (all)'], ['ALL_USDZ', 'USDZ (all)'], ['ALL_USDC', 'USDC (all)'], ['ALL_BLEND', 'Blender (all)'],
];
// MAIN_GLB: the job details show it in the 3D view.
const DEFAULT_OUTPUTS = new Set(['MAIN_FBX', 'RENDER_VIDEO', 'MAIN_GLB']);

/** The submit button's words per kind of capture. */
const START_LABELS = { single: 'Upload and start the job', multi: 'Upload, calibrate and start the job' };

/**
 * Why a run stopped after the page connected again (Connect pressed during
 * it): the new connection is not the run's, so the words say so first.
 */
function reconnected(stoppedAt, error) {
  const where = stoppedAt.length > 0 ? ` at “${stoppedAt.join('”, “')}”` : '';
  const reason = describeError(error).replace(/\.?$/, '.');
  return `The page connected again while this capture ran, and the run stopped${where}: ${reason} Start the capture again to run it on the new connection.`;
}

export function createCaptureView({ getClient, onError, onJobStarted }) {
  const kinds = { single: createSingleCapture(), multi: createMultiCapture({ getClient, onError }) };
  // The finished capture's 3D view and video (result-view.js), replaced by the next run's.
  let preview = null;
  const kind = () => byId('capture-form').elements.namedItem('capture-kind').value;

  function showKind() {
    const name = kind();
    byId('single-fields').hidden = name !== 'single';
    byId('multi-fields').hidden = name !== 'multi';
    byId('start-capture').textContent = START_LABELS[name];
  }

  /** The choices both kinds share: outputs and options (the job name is the kind's). */
  function sharedChoices() {
    const outputs = [...document.querySelectorAll('#output-choices input:checked')].map((i) => i.value);
    const options = {
      trackFingers: byId('track-fingers').checked,
      floorPlane: byId('floor-plane').checked,
      trackBall: byId('track-ball').checked,
      trackJerseyNumbers: byId('track-jersey').checked,
    };
    if (byId('mocap-model').value) options.mocapModel = byId('mocap-model').value;
    return { outputs, options };
  }

  async function start(event) {
    event.preventDefault();
    const capture = kinds[kind()];
    const { outputs, options } = sharedChoices();
    // Everything is checked before anything is sent.
    const problem = capture.problem() ?? (outputs.length === 0 ? 'Choose at least one output.' : null);
    if (problem) return onError(problem);

    const ugc = getClient();
    const name = byId('job-name').value.trim() || capture.defaultName();
    const fields = byId('capture-fields');
    fields.disabled = true;
    byId('capture-result').hidden = true;
    preview?.dispose();
    preview = null;
    const steps = showSteps(capture.steps());
    // The run keeps the client it started with, and its results are read with
    // it: they belong to that account even if the page connects elsewhere meanwhile.
    const runClient = () => ugc;
    try {
      const job = await capture.run(ugc, { name, outputs, options }, steps);
      onJobStarted();
      const done = await followJob(ugc, job, steps.job);
      renderOutputs(byId('capture-outputs'), done.outputs ?? [], runClient, onError, { jobId: done.id });
      preview = renderResult(byId('capture-preview'), done.outputs ?? [], runClient, onError);
      byId('capture-result').hidden = false;
      onJobStarted();
    } catch (error) {
      const stopped = failRunning(steps);
      if (error instanceof CaptureStopped) onError(error.message);
      else if (getClient() !== ugc) onError(reconnected(stopped, error));
      else onError(error);
    } finally {
      fields.disabled = false;
    }
  }

  return {
    setup() {
      byId('output-choices').replaceChildren(
        ...OUTPUTS.map(([value, label]) =>
          el('label', { class: 'choice' }, el('input', { type: 'checkbox', value, checked: DEFAULT_OUTPUTS.has(value) }), label),
        ),
      );
      kinds.single.setup();
      kinds.multi.setup();
      for (const radio of document.querySelectorAll('input[name="capture-kind"]')) {
        radio.addEventListener('change', () => {
          showKind();
          if (kind() === 'multi') kinds.multi.loadRigs();
        });
      }
      // The rigs are read each time the tab opens: the connection may have changed.
      document.querySelector('[data-tab="capture"]').addEventListener('click', () => kinds.multi.loadRigs());
      byId('capture-form').addEventListener('submit', start);
      showKind();
    },
  };
}
