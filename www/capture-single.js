// Single-camera captures: one video, optionally with the `.move` file Move One
// records beside it. Both are uploaded and sent as two sources of one camera
// (one deviceLabel), as Move's phone app sends them.

import { byId } from './dom.js';
import { SOURCE_FORMATS, VIDEO_FORMATS, acceptDrops, extensionOf, fileSummary } from './capture-files.js';
import { uploadWithProgress } from './capture-steps.js';

/** The device label of the browser's camera: the video and its .move file share it. */
const DEVICE_LABEL = 'browser upload';

export function createSingleCapture() {
  let video = null;
  let moveFile = null;

  function show() {
    byId('video-name').textContent = video ? fileSummary(video) : '';
    byId('move-name').textContent = moveFile ? fileSummary(moveFile) : '';
    byId('clear-move').hidden = !moveFile;
  }

  /** Dropped files: a video, and a .move file beside a video (a .move alone is the video). */
  function drop(files) {
    const videos = files.filter((f) => extensionOf(f) !== 'move');
    const moves = files.filter((f) => extensionOf(f) === 'move');
    if (videos.length > 0) video = videos[0];
    if (moves.length > 0) {
      if (video) moveFile = moves[0];
      else video = moves[0];
    }
    show();
  }

  return {
    setup() {
      byId('video').addEventListener('change', (e) => {
        video = e.target.files[0] ?? null;
        show();
      });
      byId('move-file').addEventListener('change', (e) => {
        moveFile = e.target.files[0] ?? null;
        show();
      });
      byId('clear-move').addEventListener('click', () => {
        moveFile = null;
        byId('move-file').value = '';
        show();
      });
      acceptDrops(byId('drop-zone'), drop);
    },

    /** A sentence saying what is wrong with the choices, or null. */
    problem() {
      if (!video) return 'Choose a video first.';
      if (!SOURCE_FORMATS[extensionOf(video)]) return 'The video must be an .mp4, .mov, .avi or .move file.';
      if (moveFile) {
        if (extensionOf(moveFile) !== 'move') return `${moveFile.name} is not a .move file: the file recorded with the video must be one.`;
        if (!VIDEO_FORMATS[extensionOf(video)]) return 'With a .move file, the video must be an .mp4, .mov or .avi file.';
      }
      return null;
    },

    defaultName: () => video.name,

    /** The steps this run shows. */
    steps() {
      const steps = [{ key: 'upload', label: 'Upload the video', max: 1 }];
      if (moveFile) steps.push({ key: 'upload-move', label: 'Upload the .move file', max: 1 });
      return [...steps, { key: 'take', label: 'Take' }, { key: 'job', label: 'Job', max: 100 }];
    },

    /** Uploads the files, creates the take and the job; resolves with the job. */
    async run(ugc, { name, outputs, options }, steps) {
      const files = [video, moveFile].filter(Boolean);
      const keys = ['upload', 'upload-move'];
      // One after the other: a phone's two files of one camera, the video first.
      const sources = [];
      for (const [i, file] of files.entries()) {
        const uploaded = await uploadWithProgress(ugc, file, steps[keys[i]]);
        sources.push({ deviceLabel: DEVICE_LABEL, fileId: uploaded.id, format: SOURCE_FORMATS[extensionOf(file)] });
      }
      steps.take.update(undefined, 'creating');
      const take = await ugc.takes.createSingleCam({ sources, name: video.name });
      steps.take.done(take.id);
      return ugc.jobs.createSingleCam({ takeId: take.id, name, outputs, options });
    },
  };
}
