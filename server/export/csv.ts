/**
 * A batch as CSV template files (the demo network's format, read back by server/import/csv-bundle.ts):
 * one file per kind, UTF-8 with a BOM (Excel opens umlauts right), comma-separated, lists joined
 * with `|`, numbers with a decimal point, dates as ISO, a story's slides as JSON in one cell. Text
 * cells a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) get a leading `'`, which the
 * CSV import takes off again (`neutraliseCell` in server/import/csv-format.ts).
 */
import { stringify } from 'csv-stringify/sync';
import { BATCH_KEYS, type BatchKey, type GraphBatch } from '../domain/model.ts';
import { CSV_FILES, LIST_SEPARATOR, neutraliseCell, type CellType } from '../import/csv-format.ts';

/** A field value as template cell text (the inverse of `parseCell`). */
export function formatCell(value: unknown, type: CellType): string {
  if (value === null || value === undefined) return '';
  if (type === 'list') return Array.isArray(value) ? value.map(String).join(LIST_SEPARATOR) : String(value);
  if (type === 'json') return JSON.stringify(value);
  return String(value);
}

/** Header and rows of one kind as cell texts (shared by the CSV and XLSX writers). */
export function templateTable(batch: GraphBatch, key: BatchKey): { header: string[]; rows: string[][] } {
  const columns = CSV_FILES[key].columns;
  return {
    header: columns.map((c) => c.header),
    rows: (batch[key] as unknown as Record<string, unknown>[]).map((row) => columns.map((c) => formatCell(row[c.field], c.type))),
  };
}

/** File name → content, for every kind (files of kinds without rows hold just the header). */
export function writeCsvBundle(batch: GraphBatch): Map<string, string> {
  const files = new Map<string, string>();
  for (const key of BATCH_KEYS) {
    const { header, rows } = templateTable(batch, key);
    const types = CSV_FILES[key].columns.map((c) => c.type);
    const safe = rows.map((r) => r.map((cell, i) => neutraliseCell(cell, types[i] ?? 'text')));
    files.set(CSV_FILES[key].file, `\uFEFF${stringify([header, ...safe], { record_delimiter: '\n' })}`);
  }
  return files;
}
