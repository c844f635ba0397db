// What the capture forms need to know about a chosen file: its extension, the
// API's SourceFormat for it, and a one-line summary for the page.

import { sizeText } from './dom.js';

/** Video extensions and the API's SourceFormat for each. */
export const VIDEO_FORMATS = { mp4: 'MP4', mov: 'MOV', avi: 'AVI' };

/** Every SourceFormat: the videos, and MOVE (depth and sensor data from Move One). */
export const SOURCE_FORMATS = { ...VIDEO_FORMATS, move: 'MOVE' };

/** The lower-case extension of a file's name ('' without one): the type files.upload sends. */
export function extensionOf(file) {
  const dot = file.name.lastIndexOf('.');
  return dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase();
}

/** `clip.mp4 · 5.1 KiB`: the name and size of a chosen file. */
export function fileSummary(file) {
  return `${file.name} · ${sizeText(file.size)}`;
}

/** Makes `zone` take dropped files: `onFiles(files)` with an array of File. */
export function acceptDrops(zone, onFiles) {
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    onFiles([...e.dataTransfer.files]);
  });
}
