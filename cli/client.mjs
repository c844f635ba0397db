// The client of the command: its key and endpoint from the environment only.

import { invalidArgument } from './errors.mjs';

/**
 * A MoveUgc from MOVE_API_KEY and MOVE_API_URL, which the package reads
 * itself (and names, never showing their values, when it refuses one).
 * Without a key, the command says how to set one.
 */
export function clientFromEnv(sdk) {
  if (!process.env.MOVE_API_KEY) {
    throw invalidArgument(
      'MOVE_API_KEY is not set: set it to your Move API key (export MOVE_API_KEY=mv_key_…); MOVE_API_URL sets another endpoint than https://api.move.ai/ugc/graphql',
    );
  }
  return new sdk.MoveUgc();
}
