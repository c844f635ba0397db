// Small statistics helpers for the benchmarks.

/** min / median / max of a list of numbers. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}

/** `min / median / max` in a fixed unit. */
export function fmt({ min, median, max }, unit = 'µs', scale = 1000) {
  const f = (v) => (v * scale).toFixed(scale === 1 ? 1 : 1);
  return `${f(min)} / ${f(median)} / ${f(max)} ${unit}`;
}
