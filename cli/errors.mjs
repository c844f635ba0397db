// The command's own errors, beside the SDK's MoveUgcError: both carry a
// `code` and print as `move-ugc: <CODE>: <message>`. How the process ends
// follows from the code (move-ugc.mjs `exitCodeOf`): 2 for bad usage, 1 for
// a failure.

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
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
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

/** Optimal string alignment distance: edits, and swaps of two neighbours (`josb` → `jobs`). */
function distance(a, b) {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}
