import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../import/progress.ts';
import { progressBar, progressLine } from './progress.ts';

const CLEAR = '\x1b[K';

/** A terminal that records what is written, and a clock the test moves. */
function terminal(columns?: number) {
  const writes: string[] = [];
  let t = 0;
  const bar = progressBar({ columns, write: (s: string) => writes.push(s) }, () => t);
  return {
    writes,
    bar,
    at(ms: number, p: ImportProgress) {
      t = ms;
      bar.update(p);
    },
    /** The screen's lines: `\r` returns to the line's start, `\x1b[K` clears the rest. */
    screen: () =>
      writes
        .join('')
        .split('\n')
        .map((line) => line.split('\r').at(-1)?.replaceAll(CLEAR, '') ?? ''),
  };
}

const read = (done: number, file = 'actors.csv'): ImportProgress => ({ phase: 'read', done, total: 5_300_000, unit: 'bytes', file });

describe('progress line', () => {
  it('phase, file, bar, percentage, amount and rate', () => {
    expect(progressLine(read(4_134_000), 1, false)).toBe(
      `Reading     actors.csv                ${'█'.repeat(15)}${'░'.repeat(5)}    78 %  4.1/5.3 MB  4.1 MB/s`,
    );
    expect(progressLine({ phase: 'write', done: 30_000, total: 126_331, unit: 'rows' }, 0.5, false)).toBe(
      `Writing     ${' '.repeat(24)}  ${'█'.repeat(4)}${'░'.repeat(16)}    23 %  30,000/126,331 rows  60,000 rows/s`,
    );
  });

  it('small files in kB', () => {
    expect(progressLine({ phase: 'read', done: 20_500, total: 96_346, unit: 'bytes', file: 'events.csv' }, 0.5, false)).toMatch(/ {4}21 % {2}20\.5\/96\.3 kB {2}41\.0 kB\/s$/);
  });

  it('a finished phase gives its time; an empty one counts as done', () => {
    expect(progressLine({ phase: 'validate', done: 126_331, total: 126_331, unit: 'rows' }, 1.25, true)).toMatch(/█{20} {3}100 % {2}126,331 rows {2}in 1\.3 s$/);
    expect(progressLine({ phase: 'write', done: 0, total: 0, unit: 'rows' }, 0, true)).toMatch(/█{20} {3}100 % {2}0 rows {2}in 0\.0 s$/);
  });

  it('cuts long file names', () => {
    expect(progressLine(read(0, 'ein-sehr-langer-dateiname-fuer-akteure.csv'), 0, false)).toContain('Reading     ein-sehr-langer-dateina…  ░');
  });
});

describe('progress bar', () => {
  it('redraws in place at most every 100 ms, and always when a phase ends, leaving one line per phase', () => {
    const term = terminal();
    term.at(0, read(65_536));
    term.at(50, read(131_072)); // too soon: not drawn
    term.at(120, read(1_000_000));
    term.at(130, read(2_000_000, 'projects.csv')); // too soon
    term.at(200, read(5_300_000, 'participations.csv')); // the end is always drawn
    term.at(210, { phase: 'validate', done: 0, total: 126_331, unit: 'rows' });
    term.at(1_410, { phase: 'validate', done: 126_331, total: 126_331, unit: 'rows' });
    term.at(1_420, { phase: 'write', done: 5_000, total: 126_331, unit: 'rows' });
    term.at(1_430, { phase: 'write', done: 10_000, total: 126_331, unit: 'rows' }); // too soon
    term.at(3_410, { phase: 'write', done: 126_331, total: 126_331, unit: 'rows' });
    term.bar.end();

    expect(term.writes.filter((w) => w.startsWith('\r'))).toHaveLength(7);
    expect(term.writes.join('')).not.toContain('10,000/126,331 rows'); // drawn 10 ms after 5,000
    expect(term.screen()).toEqual([
      expect.stringMatching(/^Reading {5}3 files {19}█{20} {3}100 % {2}5\.3\/5\.3 MB {2}in 0\.2 s$/) as string,
      expect.stringMatching(/^Validating {28}█{20} {3}100 % {2}126,331 rows {2}in 1\.2 s$/) as string,
      expect.stringMatching(/^Writing {31}█{20} {3}100 % {2}126,331 rows {2}in 2\.0 s$/) as string,
      '',
    ]);
  });

  it('end() wipes the line of a phase that did not finish (e.g. rejected rows)', () => {
    const term = terminal();
    term.at(0, read(5_300_000));
    term.at(10, { phase: 'validate', done: 0, total: 126_331, unit: 'rows' });
    term.bar.end();
    expect(term.writes.at(-1)).toBe(`\r${CLEAR}`);
    expect(term.screen()).toEqual([expect.stringMatching(/^Reading .* 100 %/) as string, '']);
    term.bar.end(); // nothing left to wipe
    expect(term.writes.filter((w) => w === `\r${CLEAR}`)).toHaveLength(1);
  });

  it('cuts lines to the terminal width, so that redrawing in place works', () => {
    const term = terminal(40);
    term.at(0, read(1_000_000));
    expect(term.screen()).toEqual(['Reading     actors.csv                █']);
    expect(term.screen()[0]).toHaveLength(39);
  });
});
