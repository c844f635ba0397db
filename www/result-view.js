// The result of a finished job: its animation in a 3D view (the MAIN_GLB
// output, else ALL_GLB), its rendered video beside it, and a row per output
// with a Download button (files.download, with progress) and a share code.

import { el } from './dom.js';

/** The first output with a file among `formats`, in that order of preference. */
function pick(outputs, formats) {
  for (const format of formats) {
    const output = outputs.find((o) => o.format === format && o.file);
    if (output) return output;
  }
  return null;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Fills `container` with the 3D view of the job's GLB output and a player of
 * its rendered video (each only if the job has that output); returns
 * `{ dispose() }`, which frees the 3D view's WebGL context: call it before
 * showing another job. Failures go to `onError`, except a GLB that does not
 * parse, which the view itself explains.
 */
export function renderResult(container, outputs, getClient, onError) {
  const glb = pick(outputs, ['MAIN_GLB', 'ALL_GLB']);
  const video = pick(outputs, ['RENDER_VIDEO', 'RENDER_OVERLAY_VIDEO']);
  let viewer = null;
  let disposed = false;
  container.replaceChildren();
  container.hidden = !glb && !video;

  if (glb) {
    const box = el('figure', { class: 'result-3d' }, el('figcaption', {}, `3D view · ${glb.format}`));
    const view = el('div', { class: 'viewer' });
    box.prepend(view);
    container.append(box);
    // three.js is loaded only now, when there is a figure to show.
    (async () => {
      try {
        const [{ createResultViewer }, blob] = await Promise.all([import('./viewer.js'), getClient().files.download(glb.file)]);
        if (disposed) return;
        viewer = createResultViewer(view);
        await viewer.show(await blob.arrayBuffer());
      } catch (error) {
        if (!disposed) onError(error);
      }
    })();
  }

  if (video) container.append(renderVideo(video, getClient, onError));

  return {
    dispose() {
      disposed = true;
      viewer?.dispose();
      container.replaceChildren();
    },
  };
}

/**
 * A `<video>` of the output, streamed from its presigned URL: the browser
 * starts playing before the whole file arrives and seeks with range requests,
 * where files.download would hold all of it in memory first. The URL is
 * storage's, signed for this file: it carries no API key. A URL that is
 * missing (not ready yet) or refused (expired) is read again once by id.
 */
function renderVideo(output, getClient, onError) {
  const player = el('video', { controls: true, muted: true, playsInline: true, preload: 'metadata', loop: true });
  player.setAttribute('aria-label', `Rendered video · ${output.format}`);
  let refreshed = false;
  const refresh = async () => {
    refreshed = true;
    try {
      const file = await getClient().files.retrieve(output.file.id);
      if (file.presignedUrl) player.src = file.presignedUrl;
      else onError('The rendered video has no download URL yet: open the job again in a moment.');
    } catch (error) {
      onError(error);
    }
  };
  player.addEventListener('error', () => {
    if (!refreshed) refresh();
    else onError('The rendered video could not be played.');
  });
  if (output.file.presignedUrl) player.src = output.file.presignedUrl;
  else refresh();
  return el('figure', { class: 'result-video' }, player, el('figcaption', {}, `Rendered video · ${output.format}`));
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

/** Output list items: format, a Download button with progress, and a button for a share code. */
export function renderOutputs(list, outputs, getClient, onError) {
  if (outputs.length === 0) {
    list.replaceChildren(el('li', { class: 'muted' }, 'No outputs yet.'));
    return;
  }
  list.replaceChildren(
    ...outputs.map((output) => {
      const name = output.file.name ?? `${(output.format ?? 'output').toLowerCase()}.${output.file.type}`;
      const code = el('span', { 'aria-live': 'polite' });
      const share = el('button', {
        type: 'button',
        class: 'link',
        onclick: async () => {
          share.disabled = true;
          try {
            const shared = await getClient().files.generateShareCode(output.file.id);
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
            const blob = await getClient().files.download(output.file, {
              onProgress: ({ loaded, total }) => {
                if (total) progress.value = loaded / total;
                done.textContent = total ? ` ${kib(loaded)} of ${kib(total)}` : ` ${kib(loaded)}`;
              },
            });
            saveBlob(blob, name);
            progress.value = 1;
            done.textContent = ` saved ${name} · ${kib(blob.size)}`;
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
