// Imports the package by name, with no plugin and no init(): the bundler entry;
// and move-ugc/bundler, which must be the very same module (one .wasm, one class).
import { MoveUgc, isMoveUgcError } from 'move-ugc';
import { MoveUgc as BundlerMoveUgc } from 'move-ugc/bundler';

const result = document.getElementById('result');
try {
  const { apiUrl, apiKey } = await fetch('/config.json').then((r) => r.json());
  if (BundlerMoveUgc !== MoveUgc) throw new Error("move-ugc/bundler is another copy of the package's module");
  const ugc = new MoveUgc({ apiKey, endpointUrl: apiUrl, dangerouslyAllowBrowser: true });
  const client = await ugc.client.retrieve();
  result.textContent = `client: ${client.name}`;
} catch (error) {
  result.textContent = isMoveUgcError(error) ? `error: ${error.code}` : `error: ${error}`;
}
