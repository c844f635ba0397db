// The client of the command: its key and endpoint from the environment only.

import { invalidArgument } from './errors.mjs';

// Whether the client sent any request (to the API or to storage): a value
// the SDK refuses before that is bad usage (exit 2), one it refuses after
// (the disk failing mid-download) is a failure (exit 1).
let sent = false;

/** Whether any request went out, through the client's fetch. */
export function requestsSent() {
  return sent;
}

/**
 * A MoveUgc from MOVE_API_KEY and MOVE_API_URL, which the package reads
 * itself (and names, never showing their values, when it refuses one).
 * Without a key, the command says how to set one. Its requests go through a
 * fetch that notes that they went out.
 */
export function clientFromEnv(sdk) {
  if (!process.env.MOVE_API_KEY) {
    throw invalidArgument(
      'MOVE_API_KEY is not set: set it to your Move API key (export MOVE_API_KEY=mv_key_…); MOVE_API_URL sets another endpoint than https://api.move.ai/ugc/graphql',
    );
  }
  return new sdk.MoveUgc({
    fetch: (url, init) => {
      sent = true;
      return fetch(url, init);
    },
  });
}
