/**
 * The import wizard as plain data: which files may go, the report as a table (per kind: to create,
 * to update, unchanged), the problems of a rejected import sorted by file and line, and the steps.
 */
import type { ImportIssue, ImportReport } from '../api/import.ts';

/** The kinds of rows in the order the table lists them (as the import names them). */
export const IMPORT_KINDS = ['regions', 'actors', 'projects', 'events', 'sources', 'participations', 'eventParticipations', 'cooperations', 'targets'] as const;

export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx', '.json', '.gexf', '.graphml'] as const;

/** The server takes bodies up to 100 MB; base64 makes files a third larger. */
export const MAX_UPLOAD_BYTES = Math.floor((100 * 1024 * 1024 * 3) / 4) - 64 * 1024;

export interface ReportRow {
  kind: string;
  created: number;
  updated: number;
  unchanged: number;
}

export interface ReportTable {
  rows: ReportRow[];
  total: ReportRow;
  /** Rows that would be (or were) created or updated. */
  changes: number;
}

/** One row per kind that occurs (known kinds first, in their order), and the totals. */
export function reportTable(report: ImportReport): ReportTable {
  const { created, updated, unchanged } = report.result;
  const kinds = new Set([...Object.keys(created), ...Object.keys(updated), ...Object.keys(unchanged)]);
  const known: readonly string[] = IMPORT_KINDS;
  const order = [...IMPORT_KINDS.filter((k) => kinds.has(k)), ...[...kinds].filter((k) => !known.includes(k)).sort()];
  const rows = order
    .map((kind) => ({ kind, created: created[kind] ?? 0, updated: updated[kind] ?? 0, unchanged: unchanged[kind] ?? 0 }))
    .filter((r) => r.created + r.updated + r.unchanged > 0);
  const total = rows.reduce((t, r) => ({ kind: 'total', created: t.created + r.created, updated: t.updated + r.updated, unchanged: t.unchanged + r.unchanged }), {
    kind: 'total',
    created: 0,
    updated: 0,
    unchanged: 0,
  });
  return { rows, total, changes: total.created + total.updated };
}

/** The problems by file (in the order the files were given), then line. */
export function sortIssues(issues: readonly ImportIssue[], files: readonly string[] = []): ImportIssue[] {
  const rank = (f: string | null) => {
    const i = f === null ? -1 : files.indexOf(f);
    return i < 0 ? files.length : i;
  };
  return [...issues].sort((a, b) => rank(a.file) - rank(b.file) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}

export interface FileCheck {
  /** Files that may be sent. */
  ok: File[];
  /** Files left out, with the translation key of the reason. */
  refused: { name: string; reason: 'type' | 'empty' }[];
  /** All files together are more than the server takes. */
  tooLarge: boolean;
  /** Several files, not all CSV template files (or a CORDIS export): the server takes other files one at a time. */
  mixed: boolean;
  /** More files than the server takes at once. */
  tooMany: boolean;
  bytes: number;
}

export const MAX_FILES = 20;

/** Several files go together only as CSV template files or as a CORDIS export (organization, project). */
export function canGoTogether(names: readonly string[]): boolean {
  return names.length <= 1 || names.every((n) => /\.csv$/i.test(n) || /^(organization|project)\.json$/i.test(n));
}

/** Adds picked files to those chosen before (a file of the same name replaces the earlier one). */
export function addFiles(chosen: readonly File[], picked: readonly File[]): FileCheck {
  const byName = new Map(chosen.map((f) => [f.name, f]));
  const refused: FileCheck['refused'] = [];
  for (const f of picked) {
    const lower = f.name.toLowerCase();
    if (!ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext))) refused.push({ name: f.name, reason: 'type' });
    else if (f.size === 0) refused.push({ name: f.name, reason: 'empty' });
    else byName.set(f.name, f);
  }
  const ok = [...byName.values()];
  const bytes = ok.reduce((n, f) => n + f.size, 0);
  return { ok, refused, tooLarge: bytes > MAX_UPLOAD_BYTES, mixed: !canGoTogether(ok.map((f) => f.name)), tooMany: ok.length > MAX_FILES, bytes };
}

/** 1.234 Bytes / 12,3 kB / 4,5 MB, in the language's number format. */
export function formatBytes(bytes: number, lang: 'de' | 'en'): string {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  if (bytes < 1024) return `${bytes.toLocaleString(locale)} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString(locale, { maximumFractionDigits: v < 10 ? 1 : 0 })} ${units[u]}`;
}

/** Where the wizard is. */
export type WizardStep =
  | { step: 'choose' }
  | { step: 'uploading'; dryRun: boolean; sent: number; total: number }
  | { step: 'checked'; report: ImportReport }
  | { step: 'rejected'; issues: ImportIssue[] }
  | { step: 'done'; report: ImportReport };

/** Upload progress as a fraction; null while unknown or once all is sent and the server works (the bar then runs without a value). */
export function progressOf(s: WizardStep): number | null {
  if (s.step !== 'uploading' || s.total <= 0 || s.sent >= s.total) return null;
  return s.sent / s.total;
}

/** Which of the three steps (choose, check, apply) the wizard shows. */
export function stepIndex(s: WizardStep): 0 | 1 | 2 {
  switch (s.step) {
    case 'choose':
      return 0;
    case 'uploading':
      return s.dryRun ? 1 : 2;
    case 'checked':
    case 'rejected':
      return 1;
    case 'done':
      return 2;
  }
}
