// What a person should read when something fails, by MoveUgcError code.

import { isMoveUgcError } from 'move-ugc/web';

const MESSAGES = {
  INVALID_ARGUMENT: (e) => `That input was not accepted: ${e.message}`,
  UNAUTHENTICATED: () => 'The API key was refused. Check that it is complete and still active.',
  PERMISSION_DENIED: () => 'This API key may not do that.',
  NOT_FOUND: () => 'It no longer exists, or belongs to another account.',
  RATE_LIMITED: () => 'The Move API is rate-limiting this key. Wait a moment and try again.',
  SERVER_ERROR: (e) => `The Move API had a problem (HTTP ${e.status}). Try again shortly.`,
  HTTP_ERROR: (e) => `The Move API answered HTTP ${e.status}.`,
  GRAPHQL_ERROR: (e) => `The Move API refused the request: ${e.message}`,
  NETWORK_ERROR: () => 'Cannot reach the Move API. Check the endpoint and your network connection.',
  TIMEOUT: () => 'The Move API did not answer in time. Try again.',
  ABORTED: () => 'Cancelled.',
  INVALID_RESPONSE: () => 'The Move API sent an answer this page cannot read.',
  JOB_FAILED: (e) =>
    `Move could not make an animation from this capture (${e.message}). Check the video: enough light, the whole body in view, then try again.`,
};

/** A sentence for a person, for any thrown value. */
export function describeError(error) {
  if (isMoveUgcError(error)) {
    const message = MESSAGES[error.code];
    return message ? message(error) : error.message;
  }
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}
