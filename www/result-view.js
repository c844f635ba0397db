// The result of a finished job: its animation in a 3D view (the MAIN_GLB
// output, else ALL_GLB), its rendered video beside it, and a row per output
// with a Download button (files.download, with progress) and a share code.

import { el, sizeText, transferText } from './dom.js';
import { describeError } from './errors.js';

/** The first output with a file among `formats`, in that order of preference. */
function pick(outputs, formats) {
  for (const format of formats) {
    const output = outputs.find((o) => o.format === format && o.file);
    if (output) return output;
  }
  return null;
}

/**
 * Fills `container` with the 3D view of the job's GLB output and a player of
 * its rendered video (each only if the job has that output); returns
 * `{ dispose() }`, which stops the GLB's download and the video's loading and
 * frees the 3D view's WebGL context: call it before showing another job.
 * Failures go to `onError` (and the 3D view's own status line), except a GLB
 * that cannot be drawn, which the view itself explains; nothing is reported
 * for a result already disposed.
 */
export function renderResult(container, outputs, getClient, onError) {
  const glb = pick(outputs, ['MAIN_GLB', 'ALL_GLB']);
  const video = pick(outputs, ['RENDER_VIDEO', 'RENDER_OVERLAY_VIDEO']);
  // The client of the account these outputs belong to, even if another
  // connection is made while they load.
  const ugc = getClient();
  const parts = [];
  container.replaceChildren();
  container.hidden = !glb && !video;
  if (glb) parts.push(renderGlb(container, glb, ugc, onError));
  if (video) parts.push(renderVideo(container, video, ugc, onError));

  return {
    dispose() {
      for (const part of parts) part.dispose();
      container.replaceChildren();
    },
  };
}

/**
 * The 3D view of a GLB output, appended to `container`: the view (and its
 * "Loading" status) first, then the download with its progress in that
 * status line; `dispose()` aborts a download still running.
 */
function renderGlb(container, output, ugc, onError) {
  const view = el('div', { class: 'viewer' });
  container.append(el('figure', { class: 'result-3d' }, view, el('figcaption', {}, `3D view · ${output.format}`)));
  const abort = new AbortController();
  let viewer = null;
  let disposed = false;
  const progress = ({ loaded, total }) => {
    viewer.setStatus(`Downloading the figure… ${transferText(loaded, total)}`);
  };
  (async () => {
    try {
      // three.js is loaded only now, when there is a figure to show.
      const { createResultViewer } = await import('./viewer.js');
      if (disposed) return;
      viewer = createResultViewer(view);
      const blob = await ugc.files.download(output.file, { signal: abort.signal, onProgress: progress });
      const bytes = await blob.arrayBuffer();
      if (!disposed) await viewer.show(bytes);
    } catch (error) {
      // Disposed: the download was aborted because another job is shown.
      if (disposed) return;
      const reason = `The 3D view could not be loaded. ${describeError(error)}`;
      if (viewer) viewer.setStatus(reason);
      else view.replaceChildren(el('p', { class: 'viewer-status muted' }, reason));
      onError(error);
    }
  })();
  return {
    dispose() {
      disposed = true;
      abort.abort();
      viewer?.dispose();
    },
  };
}

/**
 * A `<video>` of the output, appended to `container`, streamed from its
 * presigned URL: the browser starts playing before the whole file arrives and
 * seeks with range requests, where files.download would hold all of it in
 * memory first. The URL is storage's, signed for this file: it carries no API
 * key. A URL that is missing (not ready yet) or refused (expired) is read
 * again once by id. `dispose()` stops the loading and silences its handlers.
 */
function renderVideo(container, output, ugc, onError) {
  const player = el('video', { controls: true, muted: true, playsInline: true, preload: 'metadata', loop: true });
  player.setAttribute('aria-label', `Rendered video · ${output.format}`);
  let refreshed = false;
  let disposed = false;
  const refresh = async () => {
    refreshed = true;
    try {
      const file = await ugc.files.retrieve(output.file.id);
      if (disposed) return;
      if (file.presignedUrl) player.src = file.presignedUrl;
      else onError('The rendered video has no download URL yet: open the job again in a moment.');
    } catch (error) {
      if (!disposed) onError(error);
    }
  };
  player.addEventListener('error', () => {
    if (disposed) return;
    if (!refreshed) refresh();
    else onError('The rendered video could not be played.');
  });
  if (output.file.presignedUrl) player.src = output.file.presignedUrl;
  else refresh();
  container.append(el('figure', { class: 'result-video' }, player, el('figcaption', {}, `Rendered video · ${output.format}`)));
  return {
    dispose() {
      disposed = true;
      // Without a source and reloaded, the element drops its connection to storage.
      player.removeAttribute('src');
      player.load();
    },
  };
}

/**
 * Saves a Blob as a file named `name`: an object URL clicked through a
 * temporary `<a download>`. The URL is revoked 40 s later, as FileSaver.js
 * does: revoking it at once can cancel the download before the browser has
 * read the Blob.
 */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/**
 * Output list items: format, a Download button with progress, and a button
 * for a share code. `failed`: the job failed, so no outputs will come.
 */
export function renderOutputs(list, outputs, getClient, onError, { failed = false, jobId = null } = {}) {
  if (outputs.length === 0) {
    list.replaceChildren(el('li', { class: 'muted' }, failed ? 'No outputs (the job failed).' : 'No outputs yet.'));
    return;
  }
  // The client of the account these outputs belong to (see renderResult).
  const ugc = getClient();
  list.replaceChildren(
    ...outputs.map((output) => {
      // Named as jobs.downloadOutputs names it, <jobId>-<FORMAT>.<ext>: every
      // job's outputs have the same file names (main_glb.glb…), which would
      // overwrite each other in a Downloads folder.
      const extension = output.file.type ?? 'bin';
      const name = jobId && output.format ? `${jobId}-${output.format}.${extension}` : (output.file.name ?? `output.${extension}`);
      const code = el('span', { 'aria-live': 'polite' });
      const share = el('button', {
        type: 'button',
        class: 'link',
        onclick: async () => {
          share.disabled = true;
          try {
            const shared = await ugc.files.generateShareCode(output.file.id);
            code.replaceChildren(' share code ', el('code', {}, shared.code));
          } catch (error) {
            onError(error);
          } finally {
            share.disabled = false;
          }
        },
      }, 'Share code');
      const progress = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': `Download progress of ${name}` });
      const done = el('span', { class: 'muted', 'aria-live': 'polite' });
      const download = el('button', {
        type: 'button',
        class: 'download',
        onclick: async () => {
          download.disabled = true;
          progress.hidden = false;
          progress.removeAttribute('value');
          done.textContent = '';
          try {
            const blob = await ugc.files.download(output.file, {
              onProgress: ({ loaded, total }) => {
                if (total) progress.value = loaded / total;
                done.textContent = ` ${transferText(loaded, total)}`;
              },
            });
            saveBlob(blob, name);
            progress.value = 1;
            done.textContent = ` saved ${name} · ${sizeText(blob.size)}`;
          } catch (error) {
            progress.hidden = true;
            done.textContent = '';
            onError(error);
          } finally {
            download.disabled = false;
          }
        },
      }, 'Download');
      download.setAttribute('aria-label', `Download ${output.format ?? 'output'} (${name})`);
      return el(
        'li',
        { 'data-format': output.format ?? '' },
        el('strong', {}, output.format ?? 'output'), ' · ', download, ' ', progress, done, ' · ', share, code,
      );
    }),
  );
}
