/**
 * Imports template files into a store: a folder of CSV template files or one of them. Every
 * import is validated in one transaction; a dry run reports what would change and writes nothing.
 * Problems come back as file/line issues (`ImportError`), nothing written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { BATCH_KEYS, type BatchKey, type GraphBatchInput } from '../domain/model.ts';
import { BatchValidationError } from '../store/batch.ts';
import type { BatchResult, GraphStore } from '../store/graph-store.ts';
import { ImportError, parseCsvFile, readCsvBundle, toImportError, type CsvBundle, type RowOrigin } from './csv-bundle.ts';
import { CSV_FILES } from './csv-format.ts';
import { isCordisFolder, readCordis } from './cordis.ts';
import { readGexf } from './gexf.ts';
import { readGraphml } from './graphml.ts';
import { readJson } from './json.ts';
import { readXlsx } from './xlsx.ts';

/** The file types an import takes (by extension; a folder holds CSV template files). */
export const IMPORT_TYPES = ['.csv', '.xlsx', '.json', '.gexf', '.graphml'] as const;

/**
 * Reads what a path holds: a CORDIS export folder, a folder of CSV template files, one template CSV file (named like
 * `actors.csv`), an XLSX workbook with one sheet per template file, our JSON export, or a GEXF
 * (Gephi) or GraphML (yEd) file — ours exactly, anyone else's as actors and cooperations.
 */
export async function readImport(path: string, known: { regionIds?: ReadonlySet<string> } = {}): Promise<CsvBundle> {
  if (!existsSync(path)) throw new ImportError([{ file: path, line: null, field: null, message: 'no such file or folder' }]);
  // A CORDIS export (organization/project as JSON or `;`-CSV): organisations are placed in the regions the store knows.
  if (statSync(path).isDirectory() && isCordisFolder(path)) return readCordis(path, { regionIds: new Set(known.regionIds ?? []) });
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readXlsx(readFileSync(path), basename(path));
  if (ext === '.json') return readJson(readFileSync(path, 'utf8'), basename(path));
  if (ext === '.gexf') return readGexf(readFileSync(path, 'utf8'), basename(path));
  if (ext === '.graphml') return readGraphml(readFileSync(path, 'utf8'), basename(path));
  if (statSync(path).isDirectory()) {
    const bundle = readCsvBundle(path);
    if (BATCH_KEYS.every((k) => (bundle.batch[k]?.length ?? 0) === 0) && !BATCH_KEYS.some((k) => existsSync(`${path}/${CSV_FILES[k].file}`)))
      throw new ImportError([{ file: path, line: null, field: null, message: `no template files here (expected: ${BATCH_KEYS.map((k) => CSV_FILES[k].file).join(', ')})` }]);
    return bundle;
  }
  const name = basename(path).toLowerCase();
  const key = BATCH_KEYS.find((k) => CSV_FILES[k].file === name);
  if (key === undefined)
    throw new ImportError([{ file: name, line: null, field: null, message: `not a template file name (expected one of: ${BATCH_KEYS.map((k) => CSV_FILES[k].file).join(', ')})` }]);
  const { rows, origins } = parseCsvFile(key, readFileSync(path, 'utf8'), name);
  const batch: GraphBatchInput = { [key]: rows };
  const all = Object.fromEntries(BATCH_KEYS.map((k) => [k, k === key ? origins : []])) as Record<BatchKey, RowOrigin[]>;
  return { batch, origins: all };
}

const isCordisPath = (path: string) => existsSync(path) && statSync(path).isDirectory() && isCordisFolder(path);

/** Validates and writes (or, dry, only counts) in one transaction; validation problems name file and line. */
export async function importFiles(store: GraphStore, path: string, options: { dryRun?: boolean } = {}): Promise<BatchResult> {
  const regionIds = isCordisPath(path) ? new Set((await store.regions()).map((r) => r.id)) : undefined;
  const { batch, origins } = await readImport(path, { regionIds });
  try {
    return await store.applyBatch(batch, { dryRun: options.dryRun === true });
  } catch (e) {
    throw e instanceof BatchValidationError ? toImportError(e, origins) : e;
  }
}

/** The report as a table: per kind, rows to create, to update, unchanged. */
export function formatReport(result: BatchResult, dryRun: boolean): string {
  const rows = BATCH_KEYS.filter((k) => result.created[k] + result.updated[k] + result.unchanged[k] > 0);
  const width = Math.max(...rows.map((k) => CSV_FILES[k].file.length), 8);
  const head = dryRun ? ['to create', 'to update', 'unchanged'] : ['created', 'updated', 'unchanged'];
  const line = (label: string, cells: (string | number)[]) => `  ${label.padEnd(width)}  ${cells.map((c) => String(c).padStart(11)).join('')}`;
  const total = (part: keyof BatchResult) => BATCH_KEYS.reduce((n, k) => n + result[part][k], 0);
  return [
    line('', head),
    ...rows.map((k) => line(CSV_FILES[k].file, [result.created[k], result.updated[k], result.unchanged[k]])),
    line('total', [total('created'), total('updated'), total('unchanged')]),
  ].join('\n');
}
