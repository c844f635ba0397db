// Imports the package by name, with no plugin and no init(): the bundler entry.
import { MoveUgc, isMoveUgcError } from 'move-ugc';

const result = document.getElementById('result');
try {
  const { apiUrl, apiKey } = await fetch('/config.json').then((r) => r.json());
  const ugc = new MoveUgc({ apiKey, endpointUrl: apiUrl });
  const client = await ugc.client.retrieve();
  result.textContent = `client: ${client.name}`;
} catch (error) {
  result.textContent = isMoveUgcError(error) ? `error: ${error.code}` : `error: ${error}`;
}
