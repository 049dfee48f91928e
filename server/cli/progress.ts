/**
 * The import's progress as a bar on a terminal, one line per phase, redrawn in place:
 *
 *   Reading     participations.csv        ████████████░░░░░░░░    62 %  3.4/5.5 MB  5.4 MB/s
 *   Validating                            ████████████████████   100 %  126,331 rows  in 1.2 s
 *
 * Redrawn at most every 100 ms and whenever a phase ends; a finished phase's line stays (with its
 * time), an unfinished one is wiped by `end()`. Writes only to a terminal: the caller leaves piped or
 * redirected output alone (`stream.isTTY`).
 */
import type { ImportProgress } from '../import/progress.ts';

export interface Terminal {
  /** Characters per line (lines are cut to fit, so that redrawing in place works). */
  columns?: number;
  write(text: string): unknown;
}

const LABELS: Record<ImportProgress['phase'], string> = { read: 'Reading', validate: 'Validating', write: 'Writing' };
const BAR = 20;
const REDRAW_MS = 100;
/** The longest template file name (event_participations.csv): bars of a folder's files line up. */
const FILE_WIDTH = 24;

const int = (n: number) => Math.round(n).toLocaleString('en');
/** Bytes in MB, or kB below 1 MB (`scale`: the amount that picks the unit). */
const size = (bytes: number, scale = bytes) => (bytes / (scale < 1e6 ? 1e3 : 1e6)).toFixed(1);
const sizeUnit = (scale: number) => (scale < 1e6 ? 'kB' : 'MB');

/** One line of the bar (without line break). */
export function progressLine(p: ImportProgress, seconds: number, finished: boolean): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.floor(share * BAR);
  const amount =
    p.unit === 'bytes'
      ? `${size(p.done, p.total)}/${size(p.total)} ${sizeUnit(p.total)}`
      : p.done === p.total
        ? `${int(p.total)} rows`
        : `${int(p.done)}/${int(p.total)} rows`;
  const perSecond = seconds > 0 ? p.done / seconds : 0;
  const rate = finished ? `in ${seconds.toFixed(1)} s` : perSecond > 0 ? (p.unit === 'bytes' ? `${size(perSecond)} ${sizeUnit(perSecond)}/s` : `${int(perSecond)} rows/s`) : '';
  const file = (p.file ?? '').length > FILE_WIDTH ? `${(p.file ?? '').slice(0, FILE_WIDTH - 1)}…` : (p.file ?? '');
  return [
    LABELS[p.phase].padEnd(10),
    file.padEnd(FILE_WIDTH),
    `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}`,
    `${String(Math.floor(share * 100)).padStart(4)} %`,
    amount,
    rate,
  ]
    .join('  ')
    .trimEnd();
}

/** A progress listener drawing on `out`; `end()` before anything else is written there. */
export function progressBar(out: Terminal, now: () => number = () => performance.now()): { update: (p: ImportProgress) => void; end: () => void } {
  let phase: ImportProgress['phase'] | null = null;
  let started = 0;
  let drawn = -Infinity;
  let open = false; // a line of an unfinished phase is on screen
  let finished = false;
  const files = new Set<string>();
  const fit = (line: string) => (out.columns && line.length >= out.columns ? line.slice(0, out.columns - 1) : line);
  const update = (p: ImportProgress) => {
    const t = now();
    if (p.phase !== phase) {
      if (open) out.write('\n'); // leave the unfinished phase where it stopped
      phase = p.phase;
      started = t;
      drawn = -Infinity;
      finished = false;
      files.clear();
    }
    if (finished) return;
    if (p.file !== undefined) files.add(p.file);
    const done = p.done >= p.total;
    if (!done && t - drawn < REDRAW_MS) return;
    drawn = t;
    // A finished phase over several files names how many, not the last one.
    const shown = done && files.size > 1 ? { ...p, file: `${files.size} files` } : p;
    out.write(`\r${fit(progressLine(shown, (t - started) / 1000, done))}\x1b[K${done ? '\n' : ''}`);
    open = !done;
    finished = done;
  };
  const end = () => {
    if (open) out.write('\r\x1b[K');
    open = false;
  };
  return { update, end };
}
