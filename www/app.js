// The Move capture desk: connect, browse jobs, start captures. Uses the
// move-ugc package through its no-bundler entry, `move-ugc/web`.

import init, { MoveUgc } from 'move-ugc/web';

import { byId } from './dom.js';
import { describeError } from './errors.js';
import { createJobsView } from './jobs-view.js';
import { createCaptureView } from './capture-view.js';

const SESSION_KEY = 'move-ugc-desk-connection';

/** Shows a message for a person; every failure on this page ends up here. */
export function showNotice(text) {
  byId('notice-text').textContent = text;
  byId('notice').hidden = false;
}

function clearNotice() {
  byId('notice').hidden = true;
}

/**
 * What is wrong with a real endpoint and key as typed, in words, or null: the
 * package would refuse them too, but in a developer's terms (`options.apiKey`).
 */
function connectionProblem({ apiKey, endpointUrl }) {
  if (!apiKey) return 'Enter your Move API key (it starts with mv_key_).';
  let url = null;
  try {
    url = new URL(endpointUrl);
  } catch {
    // not a URL at all: said below
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return 'The endpoint must be a whole web address, such as https://api.move.ai/ugc/graphql.';
  }
  return null;
}

/** Switches the visible section; a notice about the one left goes with it. */
function showTab(name) {
  clearNotice();
  for (const button of document.querySelectorAll('[data-tab]')) {
    const active = button.dataset.tab === name;
    if (active) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
    byId(`tab-${button.dataset.tab}`).hidden = !active;
  }
}

async function main() {
  await init();
  const config = await fetch('/config.json').then((r) => r.json()).catch(() => ({}));
  const state = { ugc: null };

  window.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    showNotice(describeError(event.reason));
  });
  window.addEventListener('error', (event) => showNotice(describeError(event.error ?? event.message)));
  byId('notice-close').addEventListener('click', clearNotice);

  // Views report failures (or plain sentences of their own) here.
  const onError = (problem) => showNotice(typeof problem === 'string' ? problem : describeError(problem));
  const jobs = createJobsView({ getClient: () => state.ugc, onError });
  const capture = createCaptureView({
    getClient: () => state.ugc,
    onError,
    onJobStarted: () => jobs.reload(),
  });

  // A new capture is a new try: the notice about the last one goes (the
  // capture's own submit handler, registered after this one, shows any new one).
  byId('capture-form').addEventListener('submit', clearNotice);

  for (const button of document.querySelectorAll('[data-tab]')) {
    button.addEventListener('click', () => {
      showTab(button.dataset.tab);
      if (button.dataset.tab === 'jobs') jobs.reload();
    });
  }

  // Connect form: the fake by default; a real endpoint needs a key.
  const form = byId('connect-form');
  const fakeAvailable = Boolean(config.fakeApiUrl);
  if (!fakeAvailable) {
    form.querySelector('input[value="fake"]').disabled = true;
    form.querySelector('input[value="real"]').checked = true;
  }
  const syncFields = () => {
    byId('real-fields').hidden = form.target.value !== 'real';
  };
  for (const radio of form.querySelectorAll('input[name="target"]')) radio.addEventListener('change', syncFields);

  // A key remembered for this tab only (sessionStorage), never in localStorage or a URL.
  const remembered = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  if (remembered) {
    form.querySelector('input[value="real"]').checked = true;
    byId('endpoint').value = remembered.endpointUrl;
    byId('api-key').value = remembered.apiKey;
    byId('remember').checked = true;
  }
  syncFields();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearNotice();
    const button = byId('connect-button');
    button.disabled = true;
    const status = byId('connection-status');
    // Kept to be shown again if this connection fails while another one stands.
    const before = status.textContent;
    const real = form.target.value === 'real';
    const options = real
      ? { apiKey: byId('api-key').value.trim(), endpointUrl: byId('endpoint').value.trim() }
      : { apiKey: config.fakeApiKey, endpointUrl: config.fakeApiUrl };
    const problem = real ? connectionProblem(options) : null;
    if (problem) {
      showNotice(problem);
      button.disabled = false;
      return;
    }
    status.textContent = 'Connecting…';
    status.classList.remove('connected');
    try {
      // The key is the user's own, typed into this page (or the local fake's):
      // nobody else's key is exposed by this page, so the browser guard is lifted.
      const ugc = new MoveUgc({ ...options, dangerouslyAllowBrowser: true });
      const client = await ugc.client.retrieve();
      // The old client is not freed here: a 3D view's download, a Download
      // button or a capture run may still be using it, and a freed wasm client
      // fails them with null-pointer errors. Once nothing refers to it, the
      // garbage collector frees it (wasm-bindgen registers every client with a
      // FinalizationRegistry).
      state.ugc = ugc;
      // What the page showed belongs to the account before.
      jobs.reset();
      if (real && byId('remember').checked) sessionStorage.setItem(SESSION_KEY, JSON.stringify(options));
      else sessionStorage.removeItem(SESSION_KEY);
      status.textContent = `Connected as ${client.name} · ${ugc.endpointUrl}`;
      status.classList.add('connected');
      for (const tab of document.querySelectorAll('[data-tab]')) tab.disabled = false;
      showTab('jobs');
      await jobs.reload();
    } catch (error) {
      if (state.ugc) {
        // The page goes on with the connection it had: say so, not "Not connected".
        status.textContent = before;
        status.classList.add('connected');
        showNotice(`${describeError(error)} (The page stays connected as before.)`);
      } else {
        status.textContent = 'Not connected';
        showNotice(describeError(error));
      }
    } finally {
      button.disabled = false;
    }
  });

  capture.setup();
  jobs.setup();

  // The demo opens full: with the local fake at hand and no real connection
  // remembered, connect to the fake at once, as if Connect were pressed.
  if (fakeAvailable && !remembered) form.requestSubmit();
}

main().catch((error) => showNotice(describeError(error)));
