// The command's own errors, beside the SDK's MoveUgcError: both carry a
// `code` and print as `move-ugc: <CODE>: <message>`. How the process ends
// follows from the code (move-ugc.mjs `exitCodeOf`): 2 for bad usage, 1 for
// a failure.

import { editDistance } from '../node/files.mjs';

/** A failure of the command itself: bad usage (USAGE), or a value it cannot take (INVALID_ARGUMENT). */
export class CliError extends Error {
  /**
   * @param {string} code  what kind of failure (USAGE, INVALID_ARGUMENT)
   * @param {string} message  what happened, and what to do about it
   */
  constructor(code, message) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

/** An unknown command or option, a missing or extra argument: exit 2. */
export function usageError(message) {
  return new CliError('USAGE', message);
}

/** A value the command cannot take (`--limit abc`): exit 2 (checked before anything is sent). */
export function invalidArgument(message) {
  return new CliError('INVALID_ARGUMENT', message);
}

/**
 * The nearest of `candidates` to a mistyped `word`, for a "did you mean";
 * undefined when none is near (more than a third of the word differs).
 */
export function nearest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const allowed = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  if (bestDistance <= allowed) return best;
  // A prefix (`--lim` for `--limit`) is a near miss too.
  const prefixed = candidates.filter((c) => word.length >= 2 && c.startsWith(word));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** `; did you mean "x"?` for the nearest candidate, or nothing. */
export function didYouMean(word, candidates) {
  const near = nearest(word, candidates);
  return near === undefined ? '' : `; did you mean "${near}"?`;
}
