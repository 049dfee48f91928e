/**
 * Imports template files into a store: a folder of CSV template files or one of them. Every
 * import is validated in one transaction; a dry run reports what would change and writes nothing.
 * Problems come back as file/line issues (`ImportError`), nothing written.
 *
 * CSV files (template and CORDIS) are streamed: their text is never held whole, only the rows read
 * from it (the write is one transaction, so the batch is). XLSX, JSON, GEXF and GraphML files are
 * read whole. `onProgress` hears the bytes read, then the rows checked and written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { BATCH_KEYS, type BatchKey, type GraphBatchInput } from '../domain/model.ts';
import { BatchValidationError } from '../store/batch.ts';
import type { BatchResult, GraphStore, WriteOptions } from '../store/graph-store.ts';
import { formatIssue, ImportError, streamCsvBundle, streamCsvFile, toImportError, type CsvBundle, type ImportIssue, type RowOrigin } from './csv-bundle.ts';
import { CSV_FILES, STORIES_JSON } from './csv-format.ts';
import { isCordisFolder, streamCordis } from './cordis.ts';
import { ReadMeter, type ProgressListener } from './progress.ts';
import { readGexf } from './gexf.ts';
import { readGraphml } from './graphml.ts';
import { readJson } from './json.ts';
import { readXlsx } from './xlsx.ts';
import { placeBundle } from './placement.ts';
import { BKG_SOURCE } from '../geo/germany.ts';
import type { PlacementReport } from '../geo/placement.ts';

/** The file types an import takes (by extension; a folder holds CSV template files). */
export const IMPORT_TYPES = ['.csv', '.xlsx', '.json', '.gexf', '.graphml'] as const;

export type { ImportProgress, ProgressListener } from './progress.ts';

export interface ReadOptions {
  /** Hears the bytes read (phase `read`). */
  onProgress?: ProgressListener;
}

/** A file read whole by `read`, with read progress before and after. */
function whole<T>(path: string, meter: ReadMeter, read: (file: string) => T): T {
  const file = basename(path);
  meter.at(file, 0);
  const result = read(file);
  meter.fileDone(file, meter.total);
  return result;
}

/**
 * Reads what a path holds: a CORDIS export folder, a folder of CSV template files (stories.json
 * with them), one template CSV file (named like `actors.csv`), an XLSX workbook with one sheet per
 * template file, our JSON export (or a stories.json on its own), or a GEXF (Gephi) or GraphML (yEd)
 * file — ours exactly, anyone else's as actors and cooperations.
 */
export async function readImport(path: string, options: ReadOptions = {}): Promise<CsvBundle> {
  const { onProgress } = options;
  if (!existsSync(path)) throw new ImportError([{ file: path, line: null, field: null, message: 'no such file or folder' }]);
  // A CORDIS export (organization/project as JSON or `;`-CSV).
  if (statSync(path).isDirectory() && isCordisFolder(path)) return streamCordis(path, { onProgress });
  const ext = extname(path).toLowerCase();
  if (['.xlsx', '.json', '.gexf', '.graphml'].includes(ext)) {
    const meter = ReadMeter.forFiles([path], onProgress);
    if (ext === '.xlsx') return whole(path, meter, (file) => readXlsx(readFileSync(path), file));
    if (ext === '.json') return whole(path, meter, (file) => readJson(readFileSync(path, 'utf8'), file));
    if (ext === '.gexf') return whole(path, meter, (file) => readGexf(readFileSync(path, 'utf8'), file));
    return whole(path, meter, (file) => readGraphml(readFileSync(path, 'utf8'), file));
  }
  if (statSync(path).isDirectory()) {
    const bundle = await streamCsvBundle(path, onProgress);
    const templates = [...BATCH_KEYS.map((k) => CSV_FILES[k].file), STORIES_JSON];
    if (BATCH_KEYS.every((k) => (bundle.batch[k]?.length ?? 0) === 0) && !templates.some((f) => existsSync(`${path}/${f}`)))
      throw new ImportError([{ file: path, line: null, field: null, message: `no template files here (expected: ${templates.join(', ')})` }]);
    return bundle;
  }
  const name = basename(path).toLowerCase();
  const key = BATCH_KEYS.find((k) => CSV_FILES[k].file === name);
  if (key === undefined)
    throw new ImportError([{ file: name, line: null, field: null, message: `not a template file name (expected one of: ${BATCH_KEYS.map((k) => CSV_FILES[k].file).join(', ')})` }]);
  const { rows, origins, warnings } = await streamCsvFile(key, path, name, ReadMeter.forFiles([path], onProgress));
  const batch: GraphBatchInput = { [key]: rows };
  const all = Object.fromEntries(BATCH_KEYS.map((k) => [k, k === key ? origins : []])) as Record<BatchKey, RowOrigin[]>;
  return { batch, origins: all, warnings };
}

/**
 * Validates and writes (or, dry, only counts) in one transaction; validation problems name file and line;
 * `audit` is recorded by the store.
 * `onProgress` hears the bytes read (`read`), then the rows of the batch: `validate` at 0 until the
 * store has checked them all, then `write` as the store writes them.
 */
/** What an import did (or, dry, would do), the cells it read as missing, and where it placed the actors. */
export interface ImportResult extends BatchResult {
  /** The first 1,000 cells read as missing (`NA`, `k. A.`, …), each with file, line and field. */
  warnings: ImportIssue[];
  /** How many cells were read as missing in all. */
  warningCount: number;
  /** Actors placed in Germany's districts (by which method), abroad, and not placed (why, with the first examples). */
  placement: PlacementReport;
}

export async function importFiles(
  store: GraphStore,
  path: string,
  options: Pick<WriteOptions, 'dryRun' | 'audit'> & { onProgress?: ProgressListener } = {},
): Promise<ImportResult> {
  const { onProgress } = options;
  const bundle = await readImport(path, { onProgress });
  // Actors without a region are placed by what the file says about where they are.
  const placement = placeBundle(bundle, { regions: new Set((await store.regions()).map((r) => r.id)), source: (await store.source(BKG_SOURCE.id)) !== null });
  const { batch, origins, warnings } = bundle;
  const rows = BATCH_KEYS.reduce((n, k) => n + (batch[k]?.length ?? 0), 0);
  let validated = false;
  const checked = () => {
    if (validated) return;
    validated = true;
    onProgress?.({ phase: 'validate', done: rows, total: rows, unit: 'rows' });
  };
  onProgress?.({ phase: 'validate', done: 0, total: rows, unit: 'rows' });
  try {
    const result = await store.applyBatch(batch, {
      dryRun: options.dryRun === true,
      audit: options.audit,
      // The store checks the whole batch before it writes the first row.
      onProgress:
        onProgress &&
        ((done, total) => {
          checked();
          onProgress({ phase: 'write', done, total, unit: 'rows' });
        }),
    });
    checked(); // a store that reports no write progress checked and wrote in one step
    return { ...result, warnings: warnings?.list ?? [], warningCount: warnings?.count ?? 0, placement };
  } catch (e) {
    throw e instanceof BatchValidationError ? toImportError(e, origins) : e;
  }
}

/** The cells read as missing, for a terminal: a count, then at most `max` of them with file, line and field. */
export function formatWarnings(result: Pick<ImportResult, 'warnings' | 'warningCount'>, max = 20): string {
  if (result.warningCount === 0) return '';
  const head = `${result.warningCount} value${result.warningCount === 1 ? '' : 's'} read as missing (warnings, imported as empty):`;
  const more = result.warningCount - Math.min(max, result.warnings.length);
  return [head, ...result.warnings.slice(0, max).map((w) => `  ${formatIssue(w)}`), ...(more > 0 ? [`  … and ${more} more`] : [])].join('\n');
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
