// What the command prints: short tables and lines for people (stdout), progress
// bars on a terminal (stderr, and only there), one JSON document for --json.

// How a job's state is read: the package's one JavaScript copy of it (beside
// jobs.downloadOutputs, Node only).
import { stateOf } from '../node/files.mjs';

/** A fixed-width table: `columns` are `[heading, row => text]`. */
export function table(columns, rows) {
  const cells = [columns.map(([heading]) => heading), ...rows.map((row) => columns.map(([, cell]) => text(cell(row))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  return cells.map((line) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}

/** `label  value` lines, labels aligned; a pair with an undefined value is left out. */
export function fields(pairs) {
  const shown = pairs.filter(([, value]) => value !== undefined);
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${text(value)}`).join('\n');
}

/** A value for people: `-` for nothing. */
function text(value) {
  return value === null || value === undefined || value === '' ? '-' : String(value);
}

/** An API date-time as `2025-01-01 09:30:00 UTC`; anything unreadable as it came. */
export function when(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `RUNNING 40%`, `FINISHED 100%`, `NOT STARTED`. */
export function progressOf(job) {
  const percent = job.progress?.percentageComplete;
  const state = stateOf(job) ?? 'unknown';
  return typeof percent === 'number' ? `${state} ${percent}%` : state;
}

/** `5,208 bytes`. */
export function byteCount(n) {
  return `${n.toLocaleString('en')} bytes`;
}

/** `1.2 MB`. */
export function size(n) {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The lines of a job for people. */
export function describeJob(job) {
  const lines = [
    fields([
      ['job', job.id],
      ['name', job.name],
      ['state', progressOf(job)],
      ['created', when(job.created)],
      ['take', job.take === undefined ? undefined : job.take?.id],
    ]),
  ];
  if (job.outputs) {
    lines.push(job.outputs.length ? 'outputs' : 'outputs   none yet');
    if (job.outputs.length) {
      lines.push(indent(table([['FORMAT', (o) => o.format], ['FILE', (o) => o.file.id], ['URL', (o) => o.file.presignedUrl]], job.outputs)));
    }
  }
  return lines.join('\n');
}

/** The lines of a file for people. */
export function describeFile(file, extra = []) {
  return fields([['file', file.id], ['name', file.name], ['type', file.type], ['created', when(file.created)], ...extra]);
}

/** Every line indented by two spaces. */
export function indent(block) {
  return block.replace(/^/gm, '  ');
}

/** `[##########..........]` for a fraction from 0 to 1. */
export function bar(fraction, width = 24) {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/**
 * One line of progress on stderr, redrawn in place: only when stderr is a
 * terminal, so that pipes, logs and --json consumers never see it.
 */
export class Progress {
  constructor(stream = process.stderr) {
    this.stream = stream;
    this.enabled = Boolean(stream.isTTY);
    this.open = false;
  }

  /** Shows `line` in place of the last one (cut to the terminal's width). */
  show(line) {
    if (!this.enabled) return;
    const width = (this.stream.columns || 80) - 1;
    this.stream.write(`\r\x1b[K${line.length > width ? line.slice(0, width) : line}`);
    this.open = true;
  }

  /**
   * Shows a step with its share done, the bar as wide as the terminal leaves
   * room for (at most 24): `Job job-1 [##########..............] RUNNING 40%`.
   */
  fraction(label, fraction, status) {
    if (!this.enabled) return;
    const room = (this.stream.columns || 80) - 1 - label.length - status.length - 4;
    const width = Math.min(24, room);
    this.show(width >= 8 ? `${label} ${bar(fraction, width)} ${status}` : `${label} ${status}`);
  }

  /** Shows a step's bytes: `Uploading clip.mp4 [####....] 45% 2.3 MB / 5.1 MB`. */
  bytes(label, loaded, total) {
    if (!total) return this.show(`${label} ${size(loaded)}`);
    const percent = `${String(Math.floor((100 * loaded) / total)).padStart(3)}%`;
    this.fraction(label, loaded / total, `${percent}  ${size(loaded)} / ${size(total)}`);
  }

  /** Leaves `line` on the terminal for good. */
  done(line) {
    if (!this.enabled) return;
    this.stream.write(`\r\x1b[K${line}\n`);
    this.open = false;
  }

  /** Wipes a line in progress (before an error is printed). */
  clear() {
    if (this.open) this.stream.write('\r\x1b[K');
    this.open = false;
  }
}
