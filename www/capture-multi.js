// Multi-camera captures: two or more videos, one per camera, each with its
// device label; a volume calibrated from them with the person's height
// (volumes.createHumanVolume), followed until FINISHED; then the multi-camera
// take on that volume and the job with its actors and rig.

import { byId, el, stateOf } from './dom.js';
import { VIDEO_FORMATS, acceptDrops, extensionOf, fileSummary } from './capture-files.js';
import { CaptureStopped, uploadWithProgress } from './capture-steps.js';

/** The person's height in metres, as the package accepts it (centimetres are refused). */
const HEIGHT = { min: 0.5, max: 2.75 };
/** People in the take: the page's bound (the API states none above 1). */
const ACTORS = { min: 1, max: 10 };
/** How often the volume is read while it calibrates, and for how long at most. */
const VOLUME_POLL_MS = 1000;
const VOLUME_WAIT_MS = 60 * 60 * 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads the volume every VOLUME_POLL_MS, its state and percentage on `step`,
 * until FINISHED (resolves with it); FAILED (or CANCELLED) stops the run.
 */
async function followVolume(ugc, created, step) {
  const deadline = Date.now() + VOLUME_WAIT_MS;
  let volume = created;
  for (;;) {
    const state = stateOf(volume);
    const percent = volume.progress?.percentageComplete ?? 0;
    if (state === 'FINISHED') {
      step.done(`${volume.id} · FINISHED 100%`);
      return volume;
    }
    step.update(percent, `${volume.id} · ${state} ${percent}%`);
    if (state === 'FAILED' || state === 'CANCELLED') {
      throw new CaptureStopped(
        `The volume could not be calibrated (${state}). Check that the person walks through every camera's view, ` +
          'that the videos are of the same moment, and that the height is theirs, in metres.',
      );
    }
    if (Date.now() > deadline) {
      throw new CaptureStopped(`The volume ${volume.id} is still calibrating after an hour; try again later with a new capture.`);
    }
    await sleep(VOLUME_POLL_MS);
    volume = await ugc.volumes.retrieve(volume.id);
  }
}

export function createMultiCapture({ getClient, onError }) {
  /** The chosen videos: `{ file, label }`, in camera order. */
  let cameras = [];
  let rigsAsked = 0;

  /** cam-1, cam-2…: the first such label no camera has. */
  function freeLabel() {
    const taken = new Set(cameras.map((c) => c.label));
    let n = 1;
    while (taken.has(`cam-${n}`)) n += 1;
    return `cam-${n}`;
  }

  function add(files) {
    for (const file of files) cameras.push({ file, label: freeLabel() });
    render();
  }

  function render() {
    byId('camera-list').replaceChildren(
      ...cameras.map((camera) =>
        el(
          'li',
          {},
          el('span', { class: 'camera-file' }, fileSummary(camera.file)),
          el('input', {
            type: 'text',
            value: camera.label,
            'aria-label': `Device label of ${camera.file.name}`,
            spellcheck: false,
            oninput: (e) => {
              camera.label = e.target.value;
            },
          }),
          el('button', {
            type: 'button',
            'aria-label': `Remove ${camera.file.name}`,
            onclick: () => {
              cameras = cameras.filter((c) => c !== camera);
              render();
            },
          }, 'Remove'),
        ),
      ),
    );
    byId('camera-count').textContent = cameras.length === 0 ? 'No videos yet.' : `${cameras.length} video${cameras.length === 1 ? '' : 's'}`;
  }

  /**
   * Fills the rig select: “API default” first (the job then names no rig and
   * the API picks its default, as Move's own SDK does with rig None), then the
   * rigs of rigs.list(); the chosen rig stays chosen if it is still listed.
   */
  async function loadRigs() {
    const ugc = getClient();
    if (!ugc) return;
    const select = byId('rig');
    const asked = (rigsAsked += 1);
    const chosen = select.value;
    const apiDefault = () => el('option', { value: '' }, 'API default');
    try {
      const rigs = await ugc.rigs.list();
      if (asked !== rigsAsked) return;
      select.replaceChildren(apiDefault(), ...rigs.map((rig) => el('option', { value: rig.name, selected: rig.name === chosen }, rig.name)));
    } catch (error) {
      // The API's default rig still works: a capture can go on without the list.
      if (asked === rigsAsked) select.replaceChildren(apiDefault());
      onError(error);
    }
  }

  // A text field, not type=number: Chromium's number field reads "1,75" as
  // 175 (a thousands separator); here a decimal comma is a decimal point.
  const height = () => {
    const typed = byId('human-height').value.trim().replace(',', '.');
    return /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : NaN;
  };
  const actors = () => Number(byId('actors').value);

  return {
    setup() {
      byId('cameras').addEventListener('change', (e) => {
        add([...e.target.files]);
        // The same file can be picked again after it was removed.
        e.target.value = '';
      });
      acceptDrops(byId('camera-drop'), add);
      render();
    },

    loadRigs,

    /** A sentence saying what is wrong with the choices, or null. */
    problem() {
      if (cameras.length < 2) return `Choose at least two videos, one per camera (${cameras.length === 0 ? 'none yet' : 'one so far'}).`;
      const odd = cameras.find((c) => !VIDEO_FORMATS[extensionOf(c.file)]);
      if (odd) return `${odd.file.name} is not a video the API takes: use .mp4, .mov or .avi files.`;
      const labels = cameras.map((c) => c.label.trim());
      if (labels.some((label) => label === '')) return 'Give every camera a device label.';
      const twice = labels.find((label, i) => labels.indexOf(label) !== i);
      if (twice) return `Two videos have the device label “${twice}”: each camera needs its own.`;
      const h = height();
      if (!(h >= HEIGHT.min && h <= HEIGHT.max)) {
        return `The person's height must be in metres, from ${HEIGHT.min} to ${HEIGHT.max} (got “${byId('human-height').value}”), e.g. 1.75.`;
      }
      const n = actors();
      if (!(Number.isInteger(n) && n >= ACTORS.min && n <= ACTORS.max)) {
        return `The number of actors must be a whole number from ${ACTORS.min} to ${ACTORS.max} (got “${byId('actors').value}”).`;
      }
      return null;
    },

    defaultName: () => `${cameras.length} cameras · ${cameras[0].file.name}`,

    /** The steps this run shows. */
    steps() {
      return [
        ...cameras.map((camera, i) => ({ key: `upload-${i + 1}`, label: `Upload ${camera.label.trim()}`, max: 1 })),
        { key: 'volume', label: 'Volume', max: 100 },
        { key: 'take', label: 'Take' },
        { key: 'job', label: 'Job', max: 100 },
      ];
    },

    /** Uploads the videos, calibrates the volume, creates the take and the job; resolves with the job. */
    async run(ugc, { name, outputs, options }, steps) {
      // The choices are read before the first await: edits during the run change nothing.
      const chosen = cameras.map((c) => ({ file: c.file, label: c.label.trim() }));
      const volumeParams = { humanHeight: height(), areaType: byId('area-type').value };
      const jobParams = { numberOfActors: actors(), outputs, options, name };
      // No rig chosen: none is sent, and the API animates with its default rig.
      if (byId('rig').value) jobParams.rig = byId('rig').value;

      const uploaded = await Promise.all(chosen.map(({ file }, i) => uploadWithProgress(ugc, file, steps[`upload-${i + 1}`])));
      const sources = chosen.map(({ file, label }, i) => ({
        deviceLabel: label,
        fileId: uploaded[i].id,
        format: VIDEO_FORMATS[extensionOf(file)],
      }));

      steps.volume.update(0, 'creating');
      const volume = await ugc.volumes.createHumanVolume({ sources, ...volumeParams, name });
      await followVolume(ugc, volume, steps.volume);

      steps.take.update(undefined, 'creating');
      const take = await ugc.takes.createMultiCam({ sources, volumeId: volume.id, name });
      steps.take.done(take.id);
      return ugc.jobs.createMultiCam({ takeId: take.id, ...jobParams });
    },
  };
}
