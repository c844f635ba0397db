// The client of the command: its key and endpoint from the environment only.

import { invalidArgument } from './errors.mjs';

const DEFAULT_ENDPOINT = 'https://api.move.ai/ugc/graphql';

/**
 * A MoveUgc from MOVE_API_KEY and MOVE_API_URL. A missing or malformed key
 * or endpoint is a usage error that names the variable (never its value).
 */
export function clientFromEnv(sdk, env = process.env) {
  const apiKey = env.MOVE_API_KEY;
  const endpointUrl = env.MOVE_API_URL;
  if (!apiKey) {
    throw invalidArgument(
      `MOVE_API_KEY is not set: set it to your Move API key (export MOVE_API_KEY=mv_key_…); MOVE_API_URL sets another endpoint than ${DEFAULT_ENDPOINT}`,
    );
  }
  try {
    return new sdk.MoveUgc({ apiKey, ...(endpointUrl ? { endpointUrl } : {}) });
  } catch (error) {
    // The constructor names its options (`options.apiKey: …`); here they are variables.
    const message = typeof error?.message === 'string' ? error.message : '';
    for (const [option, variable] of [['options.apiKey', 'MOVE_API_KEY'], ['options.endpointUrl', 'MOVE_API_URL']]) {
      if (error?.code === 'INVALID_ARGUMENT' && message.startsWith(`${option}:`)) {
        throw invalidArgument(`${variable}${message.slice(option.length)}`);
      }
    }
    throw error;
  }
}
