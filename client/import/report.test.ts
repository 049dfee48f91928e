/** The import wizard's data: the report table, the problems in order, the file checks and steps. */
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../api/import.ts';
import { MAX_UPLOAD_BYTES, addFiles, formatBytes, progressOf, reportTable, sortIssues, stepIndex } from './report.ts';

const report = (created: Record<string, number>, updated: Record<string, number>, unchanged: Record<string, number>): ImportReport => ({
  dryRun: true,
  result: { created, updated, unchanged },
  files: ['actors.csv'],
  format: 'csv-template',
  warnings: [],
  warningCount: 0,
  placement: null,
});

describe('reportTable', () => {
  it('one row per kind that occurs, in the template order, unknown kinds last; totals and changes', () => {
    const t = reportTable(report({ participations: 4, actors: 2, extras: 1 }, { actors: 1 }, { regions: 400, projects: 0 }));
    expect(t.rows).toEqual([
      { kind: 'regions', created: 0, updated: 0, unchanged: 400 },
      { kind: 'actors', created: 2, updated: 1, unchanged: 0 },
      { kind: 'participations', created: 4, updated: 0, unchanged: 0 },
      { kind: 'extras', created: 1, updated: 0, unchanged: 0 },
    ]);
    expect(t.total).toEqual({ kind: 'total', created: 7, updated: 1, unchanged: 400 });
    expect(t.changes).toBe(8);
  });

  it('a re-import changes nothing', () => {
    const t = reportTable(report({}, {}, { actors: 76, cooperations: 12 }));
    expect(t.changes).toBe(0);
    expect(t.rows.map((r) => r.kind)).toEqual(['actors', 'cooperations']);
  });
});

describe('sortIssues', () => {
  it('orders by the files as given, then by line; issues without file or line last', () => {
    const issues = [
      { file: 'participations.csv', line: 2, field: 'role', message: 'a' },
      { file: 'actors.csv', line: 10, field: 'kind', message: 'b' },
      { file: null, line: null, field: null, message: 'c' },
      { file: 'actors.csv', line: 3, field: 'name', message: 'd' },
    ];
    expect(sortIssues(issues, ['actors.csv', 'participations.csv']).map((i) => i.message)).toEqual(['d', 'b', 'a', 'c']);
  });
});

describe('addFiles', () => {
  const file = (name: string, size = 10) => new File(['x'.repeat(size)], name);

  it('takes the template formats, refuses others and empty files, replaces a file of the same name', () => {
    const first = addFiles([], [file('actors.csv'), file('notes.txt'), file('leer.csv', 0), file('atlas.XLSX')]);
    expect(first.ok.map((f) => f.name)).toEqual(['actors.csv', 'atlas.XLSX']);
    expect(first.refused).toEqual([
      { name: 'notes.txt', reason: 'type' },
      { name: 'leer.csv', reason: 'empty' },
    ]);
    const second = addFiles(first.ok, [file('actors.csv', 20), file('network.graphml')]);
    expect(second.ok.map((f) => `${f.name}:${f.size}`)).toEqual(['actors.csv:20', 'atlas.XLSX:10', 'network.graphml:10']);
    expect(second.bytes).toBe(40);
    expect(second.tooLarge).toBe(false);
  });

  it('several files only as CSV templates or a CORDIS export, at most 20', () => {
    expect(addFiles([], [file('actors.csv'), file('participations.csv')]).mixed).toBe(false);
    expect(addFiles([], [file('organization.json'), file('project.json')]).mixed).toBe(false);
    expect(addFiles([], [file('atlas.gexf')]).mixed).toBe(false);
    expect(addFiles([], [file('actors.csv'), file('atlas.xlsx')]).mixed).toBe(true);
    expect(addFiles([], Array.from({ length: 21 }, (_, i) => file(`t${i}.csv`))).tooMany).toBe(true);
  });

  it('says when the files are more than the server takes (base64 adds a third)', () => {
    const big = { name: 'big.json', size: MAX_UPLOAD_BYTES + 1 } as File;
    expect(addFiles([], [big]).tooLarge).toBe(true);
    expect(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3)).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('formatBytes, progress and steps', () => {
  it('formats sizes per language', () => {
    expect(formatBytes(512, 'de')).toBe('512 B');
    expect(formatBytes(1536, 'de')).toBe('1,5 kB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(25 * 1024 * 1024, 'de')).toBe('25 MB');
  });

  it('progress is a fraction, unknown while the total is', () => {
    expect(progressOf({ step: 'uploading', dryRun: true, sent: 50, total: 200 })).toBe(0.25);
    expect(progressOf({ step: 'uploading', dryRun: true, sent: 0, total: 0 })).toBeNull();
    // All sent: the server is at work, how long it takes is unknown.
    expect(progressOf({ step: 'uploading', dryRun: false, sent: 200, total: 200 })).toBeNull();
    expect(progressOf({ step: 'choose' })).toBeNull();
  });

  it('maps the wizard state to its step', () => {
    expect(stepIndex({ step: 'choose' })).toBe(0);
    expect(stepIndex({ step: 'uploading', dryRun: true, sent: 0, total: 0 })).toBe(1);
    expect(stepIndex({ step: 'rejected', issues: [] })).toBe(1);
    expect(stepIndex({ step: 'uploading', dryRun: false, sent: 0, total: 0 })).toBe(2);
    expect(stepIndex({ step: 'done', report: report({}, {}, {}) })).toBe(2);
  });
});
