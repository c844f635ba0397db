// Tiny DOM helpers: no framework, nothing hidden.

/** The element with this id (it must exist: the page is ours). */
export const byId = (id) => document.getElementById(id);

/** Creates an element with attributes/properties and children (strings become text). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Fills a <dl> with [term, description] pairs. */
export function facts(list, pairs) {
  list.replaceChildren(...pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '—')]));
}

/** A readable local date and time for an ISO string. */
export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A job's state, from progress.state or the deprecated state. */
export function stateOf(job) {
  return job.progress?.state ?? job.state ?? 'UNKNOWN';
}

const SIZE_UNITS = ['KiB', 'MiB', 'GiB'];

/** A byte count as a person reads it: `512 B`, `5.1 KiB`, `200.0 MiB`, `1.5 GiB`. */
export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Compared once rounded, so that 1,048,575 B reads 1.0 MiB, not 1024.0 KiB.
  while (Math.round(value * 10) >= 1024 * 10 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

/** `64.0 KiB of 640.0 KiB` (or the bytes so far alone when the total is not known): a transfer's progress. */
export function transferText(loaded, total) {
  return total ? `${sizeText(loaded)} of ${sizeText(total)}` : sizeText(loaded);
}
