// What the capture forms need to know about a chosen file: its extension, the
// API's SourceFormat for it, and a one-line summary for the page.

/** Video extensions and the API's SourceFormat for each. */
export const VIDEO_FORMATS = { mp4: 'MP4', mov: 'MOV', avi: 'AVI' };

/** Every SourceFormat: the videos, and MOVE (depth and sensor data from Move One). */
export const SOURCE_FORMATS = { ...VIDEO_FORMATS, move: 'MOVE' };

/** The lower-case extension of a file's name ('' without one): the type files.upload sends. */
export function extensionOf(file) {
  const dot = file.name.lastIndexOf('.');
  return dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase();
}

/**
 * `512 B`, `5.1 KiB`, `48.3 MiB`, `2.4 GiB`: a size for a person. The page's
 * one formatter will be www/dom.js's sizeText; until then, the same here.
 */
function sizeText(bytes) {
  const units = ['KiB', 'MiB', 'GiB'];
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  // 1023.96 KiB reads as 1.0 MiB, not 1024.0 KiB.
  while (value >= 1023.95 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
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
