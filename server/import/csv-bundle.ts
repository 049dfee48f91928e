/**
 * Reads a folder of CSV files in the template format into a batch, remembering where each row came
 * from, so that validation errors name the file and line.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_KEYS, type BatchKey, type GraphBatchInput } from '../domain/model.ts';
import { type BatchValidationError, formatPath } from '../store/batch.ts';
import { CSV_FILES, parseCell } from './csv-format.ts';

export interface RowOrigin {
  file: string;
  line: number;
}

export interface ImportIssue {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    const shown = issues.slice(0, 10).map(formatIssue);
    super(`Import rejected (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${shown.join('; ')}${issues.length > 10 ? ' …' : ''}`);
    this.name = 'ImportError';
  }
}

export function formatIssue(i: ImportIssue): string {
  return `${i.file}${i.line !== null ? ` line ${i.line}` : ''}${i.field ? ` (${i.field})` : ''}: ${i.message}`;
}

export interface CsvBundle {
  batch: GraphBatchInput;
  origins: Record<BatchKey, RowOrigin[]>;
}

/** Detects `;` or `,` from the header line. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function parseCsvFile(key: BatchKey, text: string, file: string): { rows: Record<string, unknown>[]; origins: RowOrigin[] } {
  const issues: ImportIssue[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new ImportError([{ file, line: err.lines ?? null, field: null, message: err.message }]);
  }
  const lines: number[] = [];
  let prevEnd = 1;
  for (const { info } of records) {
    lines.push(prevEnd + 1);
    prevEnd = info.lines;
  }
  const headers = records[0] ? Object.keys(records[0].record) : [];
  return rowsFromRecords(key, headers, records.map((r, i) => ({ record: r.record, line: lines[i] as number })), file, issues);
}

/**
 * Template records (header → cell text) as batch rows of one kind, with their origins; unknown
 * columns are an error naming the header line. Shared by the CSV and XLSX readers.
 */
export function rowsFromRecords(
  key: BatchKey,
  headers: readonly string[],
  records: readonly { record: Record<string, string>; line: number }[],
  file: string,
  issues: ImportIssue[] = [],
  headerLine = 1,
): { rows: Record<string, unknown>[]; origins: RowOrigin[] } {
  const known = new Map(CSV_FILES[key].columns.map((c) => [c.header, c]));
  for (const h of headers) if (!known.has(h)) issues.push({ file, line: headerLine, field: h, message: `unknown column "${h}" (expected: ${[...known.keys()].join(', ')})` });
  if (issues.length > 0) throw new ImportError(issues);
  const rows: Record<string, unknown>[] = [];
  const origins: RowOrigin[] = [];
  for (const { record, line } of records) {
    const row: Record<string, unknown> = {};
    for (const [h, raw] of Object.entries(record)) {
      const c = known.get(h);
      if (c) row[c.field] = parseCell(raw, c.type);
    }
    rows.push(row);
    origins.push({ file, line });
  }
  return { rows, origins };
}

/** Reads every template file present in `dir` (missing files = no rows of that kind). */
export function readCsvBundle(dir: string): CsvBundle {
  const batch: GraphBatchInput = {};
  const origins = Object.fromEntries(BATCH_KEYS.map((k) => [k, [] as RowOrigin[]])) as Record<BatchKey, RowOrigin[]>;
  const issues: ImportIssue[] = [];
  for (const key of BATCH_KEYS) {
    const path = join(dir, CSV_FILES[key].file);
    if (!existsSync(path)) continue;
    try {
      const r = parseCsvFile(key, readFileSync(path, 'utf8'), CSV_FILES[key].file);
      batch[key] = r.rows;
      origins[key] = r.origins;
    } catch (e) {
      if (e instanceof ImportError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  return { batch, origins };
}

/** Translates a batch validation error into file/line issues. */
export function toImportError(err: BatchValidationError, origins: Record<BatchKey, RowOrigin[]>): ImportError {
  return new ImportError(
    err.issues.map((i) => {
      const [key, index, ...rest] = i.path;
      const origin = typeof index === 'number' ? origins[key as BatchKey]?.[index] : undefined;
      const spec = CSV_FILES[key as BatchKey];
      const field = rest.length > 0 ? (spec?.columns.find((c) => c.field === rest[0])?.header ?? formatPath(rest)) : null;
      return {
        file: origin?.file ?? spec?.file ?? String(key),
        line: origin?.line ?? null,
        field,
        message: i.message,
      };
    }),
  );
}
