// The capture section: pick or drop a video, upload it with progress, create
// the take, start the job with chosen outputs and options, and follow it live.

import { byId, el, stateOf } from './dom.js';
import { renderOutputs } from './jobs-view.js';

const OUTPUTS = [
  ['MAIN_FBX', 'FBX (main)'], ['RENDER_VIDEO', 'Rendered video'], ['RENDER_OVERLAY_VIDEO', 'Overlay video'],
  ['MAIN_USDZ', 'USDZ (main)'], ['MAIN_USDC', 'USDC (main)'], ['MAIN_GLB', 'GLB (main)'], ['MAIN_BLEND', 'Blender (main)'],
  ['MOTION_DATA', 'Motion data'], ['ALL_FBX', 'FBX (all)'], ['ALL_BVH', 'BVH (all)'], ['ALL_C3D', 'C3D (all)'],
  ['ALL_GLB', 'GLB (all)'], ['ALL_USDZ', 'USDZ (all)'], ['ALL_USDC', 'USDC (all)'], ['ALL_BLEND', 'Blender (all)'],
];
const DEFAULT_OUTPUTS = new Set(['MAIN_FBX', 'RENDER_VIDEO']);
const FORMATS = { mp4: 'MP4', mov: 'MOV', avi: 'AVI', move: 'MOVE' };

export function createCaptureView({ getClient, onError, onJobStarted }) {
  let video = null;

  function choose(file) {
    video = file;
    byId('video-name').textContent = file ? `${file.name} · ${(file.size / 1024).toFixed(1)} KiB` : '';
  }

  async function start(event) {
    event.preventDefault();
    const ugc = getClient();
    const extension = video?.name.split('.').pop()?.toLowerCase() ?? '';
    if (!video) return onError('Choose a video first.');
    if (!FORMATS[extension]) return onError('The video must be an .mp4, .mov, .avi or .move file.');
    const outputs = [...document.querySelectorAll('#output-choices input:checked')].map((i) => i.value);
    if (outputs.length === 0) return onError('Choose at least one output.');

    const button = byId('start-capture');
    button.disabled = true;
    byId('capture-steps').hidden = false;
    byId('capture-result').hidden = true;
    byId('upload-progress').value = 0;
    byId('job-progress').value = 0;
    byId('take-text').textContent = 'waiting';
    byId('job-text').textContent = '';
    try {
      const file = await ugc.files.upload(video, {
        type: extension,
        name: video.name,
        onProgress: ({ loaded, total }) => {
          byId('upload-progress').value = total ? loaded / total : 1;
          byId('upload-text').textContent = `${loaded.toLocaleString()} of ${total.toLocaleString()} bytes`;
        },
      });
      const take = await ugc.takes.createSingleCam({
        sources: [{ deviceLabel: 'browser upload', fileId: file.id, format: FORMATS[extension] }],
        name: video.name,
      });
      byId('take-text').textContent = take.id;
      const options = {
        trackFingers: byId('track-fingers').checked,
        floorPlane: byId('floor-plane').checked,
        trackBall: byId('track-ball').checked,
        trackJerseyNumbers: byId('track-jersey').checked,
      };
      if (byId('mocap-model').value) options.mocapModel = byId('mocap-model').value;
      const job = await ugc.jobs.createSingleCam({
        takeId: take.id,
        name: byId('job-name').value.trim() || video.name,
        outputs,
        options,
      });
      byId('job-text').textContent = `${job.id} · ${stateOf(job)}`;
      onJobStarted();
      const done = await ugc.jobs.waitForCompletion(job.id, {
        intervalMs: 1000,
        onProgress: (polled) => {
          byId('job-progress').value = polled.progress?.percentageComplete ?? 0;
          byId('job-text').textContent = `${job.id} · ${stateOf(polled)} ${polled.progress?.percentageComplete ?? 0}%`;
        },
      });
      byId('job-progress').value = 100;
      byId('job-text').textContent = `${job.id} · ${stateOf(done)}`;
      renderOutputs(byId('capture-outputs'), done.outputs ?? [], getClient, onError);
      byId('capture-result').hidden = false;
      onJobStarted();
    } catch (error) {
      onError(error);
    } finally {
      button.disabled = false;
    }
  }

  return {
    setup() {
      byId('output-choices').replaceChildren(
        ...OUTPUTS.map(([value, label]) =>
          el('label', { class: 'choice' }, el('input', { type: 'checkbox', value, checked: DEFAULT_OUTPUTS.has(value) }), label),
        ),
      );
      byId('video').addEventListener('change', (e) => choose(e.target.files[0] ?? null));
      const zone = byId('drop-zone');
      zone.addEventListener('dragover', (e) => {
        e.preventDefault();
        zone.classList.add('over');
      });
      zone.addEventListener('dragleave', () => zone.classList.remove('over'));
      zone.addEventListener('drop', (e) => {
        e.preventDefault();
        zone.classList.remove('over');
        choose(e.dataTransfer.files[0] ?? null);
      });
      byId('capture-form').addEventListener('submit', start);
    },
  };
}
