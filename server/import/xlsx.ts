/**
 * Reads an XLSX workbook in the template format: one sheet per template file (`actors`, `regions`,
 * … — the CSV file names without `.csv`), header row first. Cells may be text, numbers or dates
 * (Excel's own): numbers are read as numbers, dates as ISO dates; problems name the sheet and row.
 */
import readXlsxFile from 'read-excel-file/node';
import { BATCH_KEYS, type BatchKey, type GraphBatchInput } from '../domain/model.ts';
import { ImportError, joinWarnings, rowsFromRecords, type CsvBundle, type ImportIssue, type RowOrigin } from './csv-bundle.ts';
import type { ImportWarnings } from './missing.ts';
import { CSV_FILES } from './csv-format.ts';

const sheetOf = (key: BatchKey) => CSV_FILES[key].file.replace(/\.csv$/, '');

/** A cell as the text a CSV file would hold (dates as ISO dates, numbers as plain numbers). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export async function readXlsx(data: Buffer, file: string): Promise<CsvBundle> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(data)) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    throw new ImportError([{ file, line: null, field: null, message: `not a readable XLSX workbook (${(e as Error).message})` }]);
  }
  const byName = new Map(sheets.map((s) => [s.sheet.trim().toLowerCase(), s.data]));
  const batch: GraphBatchInput = {};
  const origins = Object.fromEntries(BATCH_KEYS.map((k) => [k, [] as RowOrigin[]])) as Record<BatchKey, RowOrigin[]>;
  const issues: ImportIssue[] = [];
  const warnings: ImportWarnings[] = [];
  const known = new Set(BATCH_KEYS.map(sheetOf));
  for (const name of byName.keys()) {
    if (!known.has(name)) issues.push({ file, line: null, field: null, message: `unknown sheet "${name}" (expected: ${[...known].join(', ')})` });
  }
  for (const key of BATCH_KEYS) {
    const rows = byName.get(sheetOf(key));
    if (!rows || rows.length === 0) continue;
    const label = `${file} [${sheetOf(key)}]`;
    const headers = (rows[0] as unknown[]).map((h) => cellText(h).trim().toLowerCase());
    const records = rows.slice(1).flatMap((r, i) => {
      if (r.every((v) => cellText(v).trim() === '')) return [];
      const record: Record<string, string> = {};
      headers.forEach((h, c) => {
        if (h !== '') record[h] = cellText(r[c]);
      });
      return [{ record, line: i + 2 }];
    });
    try {
      const parsed = rowsFromRecords(key, headers.filter((h) => h !== ''), records, label);
      batch[key] = parsed.rows;
      origins[key] = parsed.origins;
      warnings.push(parsed.warnings);
    } catch (e) {
      if (e instanceof ImportError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  return { batch, origins, warnings: joinWarnings(warnings) };
}
