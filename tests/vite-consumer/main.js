// Imports the package by name, with no plugin and no init(): the bundler entry;
// and move-ugc/bundler, which must be the very same module (one .wasm, one class).
// verifyWebhook's code is a chunk of its own, loaded on its first call.
import { MoveUgc, isMoveUgcError, verifyWebhook } from 'move-ugc';
import { MoveUgc as BundlerMoveUgc } from 'move-ugc/bundler';

const result = document.getElementById('result');
try {
  const { apiUrl, apiKey, webhook } = await fetch('/config.json').then((r) => r.json());
  if (BundlerMoveUgc !== MoveUgc) throw new Error("move-ugc/bundler is another copy of the package's module");
  const ugc = new MoveUgc({ apiKey, endpointUrl: apiUrl });
  const client = await ugc.client.retrieve();
  const event = await verifyWebhook(webhook.body, webhook.headers, webhook.secret);
  result.textContent = `client: ${client.name}; webhook: ${event.event_name}`;
} catch (error) {
  result.textContent = isMoveUgcError(error) ? `error: ${error.code}` : `error: ${error}`;
}
