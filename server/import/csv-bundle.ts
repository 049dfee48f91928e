/**
 * Reads a folder of CSV files in the template format into a batch, remembering where each row came
 * from, so that validation errors name the file and line. Imports stream each file (its text is
 * never held whole); the whole-text forms serve small inputs (the demo network, tests). A folder
 * may hold its stories as `stories.json` (a JSON array, readable by people) instead of `stories.csv`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_KEYS, type BatchKey, type GraphBatchInput } from '../domain/model.ts';
import { type BatchValidationError, formatPath } from '../store/batch.ts';
import { CellError, CSV_FILES, importColumns, parseCell, STORIES_JSON, unneutraliseCell, type Column } from './csv-format.ts';
import { ImportWarnings, isMissingToken, MAX_WARNINGS } from './missing.ts';
import { csvIssue, eachCsvRecord, eachCsvRecordInFile, type CsvReading } from './csv-stream.ts';
import { jsonErrorLine, topLevelItemLines } from './json-lines.ts';
import { ReadMeter, type ProgressListener } from './progress.ts';

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
  /** Cells read as missing (`NA`, `k. A.`, …): where, and how many in all. */
  warnings?: ImportWarnings;
}

/** `;` when the header line has more semicolons than commas, else `,`. */
const delimiterOf = (header: string): string => ((header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',');

type Known = ReadonlyMap<string, Column>;
const knownColumns = (key: BatchKey): Known => new Map(importColumns(key).map((c) => [c.header, c]));

function unknownColumns(headers: readonly string[], known: Known, file: string, headerLine: number): ImportIssue[] {
  return headers
    .filter((h) => !known.has(h))
    .map((h) => ({ file, line: headerLine, field: h, message: `unknown column "${h}" (expected: ${[...known.keys()].join(', ')})` }));
}

/**
 * A record as a row; a cell that cannot be read (broken JSON) is reported to `bad` and left out; a cell
 * saying "no value" (`NA`, `k. A.`, `-`, …) is read as empty and reported to `missing`. From CSV
 * (`csv`), a cell the export neutralised against formulas (`'=…`, `'-`) loses that one quote and
 * is a value, never "missing".
 */
function rowOf(
  record: Record<string, string>,
  known: Known,
  bad: (header: string, message: string) => void,
  missing: (header: string, raw: string) => void,
  csv: boolean,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [h, text] of Object.entries(record)) {
    const c = known.get(h);
    if (!c) continue;
    let raw = csv ? unneutraliseCell(text) : text;
    if (raw === text && isMissingToken(raw)) {
      missing(h, raw);
      raw = '';
    }
    try {
      row[c.field] = parseCell(raw, c.type);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      bad(h, e.message);
    }
  }
  return row;
}

/**
 * The rows of one template file, built record by record as the parser hands them over. A record's
 * line is the one after the line the previous record ended on. The columns are checked at the first
 * record; with an unknown column no rows are built (the rest of the file is still parsed, so that a
 * syntax error further down is what gets reported, as it always was).
 */
class TemplateRows {
  readonly rows: Record<string, unknown>[] = [];
  readonly origins: RowOrigin[] = [];
  readonly warnings = new ImportWarnings();
  private readonly known: Known;
  private headerIssues: ImportIssue[] | null = null;
  private readonly cellIssues: ImportIssue[] = [];
  private previousEnd = 1;

  constructor(
    key: BatchKey,
    private readonly file: string,
  ) {
    this.known = knownColumns(key);
  }

  readonly reading: CsvReading = {
    delimiter: delimiterOf,
    columns: (header) => header.map((h) => h.trim().toLowerCase()),
    onRecord: (record, info) => {
      const line = this.previousEnd + 1;
      this.previousEnd = info.lines;
      this.headerIssues ??= unknownColumns(Object.keys(record), this.known, this.file, 1);
      if (this.headerIssues.length > 0) return;
      this.rows.push(
        rowOf(
          record,
          this.known,
          (field, message) => this.cellIssues.push({ file: this.file, line, field, message }),
          (field, raw) => this.warnings.missing(this.file, line, field, raw),
          true,
        ),
      );
      this.origins.push({ file: this.file, line });
    },
  };

  /** The rows, or the unknown columns (else the unreadable cells) as an ImportError. */
  result(): FileRows {
    if (this.headerIssues !== null && this.headerIssues.length > 0) throw new ImportError(this.headerIssues);
    if (this.cellIssues.length > 0) throw new ImportError(this.cellIssues);
    return { rows: this.rows, origins: this.origins, warnings: this.warnings };
  }
}

/** The rows of one file, where each came from, and the cells read as missing. */
export interface FileRows {
  rows: Record<string, unknown>[];
  origins: RowOrigin[];
  warnings: ImportWarnings;
}

/** All files' warnings as one. */
export function joinWarnings(parts: readonly (ImportWarnings | undefined)[]): ImportWarnings {
  const out = new ImportWarnings();
  for (const w of parts) {
    if (!w) continue;
    out.count += w.count;
    out.list.push(...w.list.slice(0, MAX_WARNINGS - out.list.length));
  }
  return out;
}

/** A CsvError as an ImportError of `file`; anything else as it is. */
function rethrow(e: unknown, file: string): never {
  const issue = csvIssue(e, file);
  throw issue === null ? e : new ImportError([issue]);
}

/** One template file's rows from its whole text. */
export function parseCsvFile(key: BatchKey, text: string, file: string): FileRows {
  const rows = new TemplateRows(key, file);
  try {
    eachCsvRecord(text, rows.reading);
  } catch (e) {
    rethrow(e, file);
  }
  return rows.result();
}

/**
 * One template file's rows, streamed from `path`: the file's text is never held whole, only the
 * rows built from it. `meter` hears the bytes read.
 */
export async function streamCsvFile(
  key: BatchKey,
  path: string,
  file: string,
  meter: ReadMeter = new ReadMeter(0),
): Promise<FileRows> {
  const rows = new TemplateRows(key, file);
  let bytes = 0;
  try {
    await eachCsvRecordInFile(path, rows.reading, (b) => meter.at(file, (bytes = b)));
  } catch (e) {
    rethrow(e, file);
  }
  meter.fileDone(file, bytes);
  return rows.result();
}

/**
 * Template records (header → cell text) as batch rows of one kind, with their origins; unknown
 * columns are an error naming the header line. Used by the XLSX reader.
 */
export function rowsFromRecords(
  key: BatchKey,
  headers: readonly string[],
  records: readonly { record: Record<string, string>; line: number }[],
  file: string,
  issues: ImportIssue[] = [],
  headerLine = 1,
): FileRows {
  const known = knownColumns(key);
  issues.push(...unknownColumns(headers, known, file, headerLine));
  if (issues.length > 0) throw new ImportError(issues);
  const warnings = new ImportWarnings();
  const rows = records.map(({ record, line }) =>
    rowOf(
      record,
      known,
      (field, message) => issues.push({ file, line, field, message }),
      (field, raw) => warnings.missing(file, line, field, raw),
      false,
    ),
  );
  if (issues.length > 0) throw new ImportError(issues);
  return { rows, origins: records.map(({ line }) => ({ file, line })), warnings };
}

/**
 * The stories of a `stories.json` file: a JSON array of stories (as in the JSON export's
 * `batch.stories`), each remembering the line its object starts on.
 */
export function parseStoriesJson(text: string, file: string): { rows: Record<string, unknown>[]; origins: RowOrigin[] } {
  const body = text.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    throw new ImportError([{ file, line: jsonErrorLine(body, e), field: null, message: `not valid JSON (${(e as Error).message})` }]);
  }
  if (!Array.isArray(doc)) throw new ImportError([{ file, line: 1, field: null, message: 'expected a JSON array of stories ([{ "id": …, "title": …, "slides": […] }, …])' }]);
  const lines = topLevelItemLines(body);
  return { rows: doc as Record<string, unknown>[], origins: doc.map((_, i) => ({ file, line: lines[i] ?? 1 })) };
}

/** `stories.json` in a template folder, when there is one (with `stories.csv` beside it: an error). */
function storiesJsonIn(dir: string): { rows: Record<string, unknown>[]; origins: RowOrigin[] } | null {
  const path = join(dir, STORIES_JSON);
  if (!existsSync(path)) return null;
  if (existsSync(join(dir, CSV_FILES.stories.file)))
    throw new ImportError([{ file: STORIES_JSON, line: null, field: null, message: `both ${CSV_FILES.stories.file} and ${STORIES_JSON} hold stories; keep one of them` }]);
  return parseStoriesJson(readFileSync(path, 'utf8'), STORIES_JSON);
}

/** The template files present in `dir`, in batch order. */
const templateFiles = (dir: string): { key: BatchKey; file: string; path: string }[] =>
  BATCH_KEYS.map((key) => ({ key, file: CSV_FILES[key].file, path: join(dir, CSV_FILES[key].file) })).filter((f) => existsSync(f.path));

const emptyOrigins = () => Object.fromEntries(BATCH_KEYS.map((k) => [k, [] as RowOrigin[]])) as Record<BatchKey, RowOrigin[]>;

/**
 * Reads every template file present in `dir` (missing files = no rows of that kind), each file's
 * text whole: for small folders such as the demo network. Imports stream (`streamCsvBundle`).
 */
export function readCsvBundle(dir: string): CsvBundle {
  const batch: GraphBatchInput = {};
  const origins = emptyOrigins();
  const issues: ImportIssue[] = [];
  const warnings: ImportWarnings[] = [];
  for (const { key, file, path } of templateFiles(dir)) {
    try {
      const r = parseCsvFile(key, readFileSync(path, 'utf8'), file);
      batch[key] = r.rows;
      origins[key] = r.origins;
      warnings.push(r.warnings);
    } catch (e) {
      if (e instanceof ImportError) issues.push(...e.issues);
      else throw e;
    }
  }
  addStoriesJson(dir, batch, origins, issues);
  if (issues.length > 0) throw new ImportError(issues);
  return { batch, origins, warnings: joinWarnings(warnings) };
}

function addStoriesJson(dir: string, batch: GraphBatchInput, origins: Record<BatchKey, RowOrigin[]>, issues: ImportIssue[]): void {
  try {
    const stories = storiesJsonIn(dir);
    if (stories === null) return;
    batch.stories = stories.rows;
    origins.stories = stories.origins;
  } catch (e) {
    if (e instanceof ImportError) issues.push(...e.issues);
    else throw e;
  }
}

/**
 * Reads every template file present in `dir` like `readCsvBundle`, streaming each file; the
 * problems of all files are reported together. `onProgress` hears the bytes read of all files.
 */
export async function streamCsvBundle(dir: string, onProgress?: ProgressListener): Promise<CsvBundle> {
  const files = templateFiles(dir);
  const meter = ReadMeter.forFiles(
    files.map((f) => f.path),
    onProgress,
  );
  const batch: GraphBatchInput = {};
  const origins = emptyOrigins();
  const issues: ImportIssue[] = [];
  const warnings: ImportWarnings[] = [];
  for (const { key, file, path } of files) {
    try {
      const r = await streamCsvFile(key, path, file, meter);
      batch[key] = r.rows;
      origins[key] = r.origins;
      warnings.push(r.warnings);
    } catch (e) {
      if (e instanceof ImportError) issues.push(...e.issues);
      else throw e;
    }
  }
  addStoriesJson(dir, batch, origins, issues);
  if (issues.length > 0) throw new ImportError(issues);
  return { batch, origins, warnings: joinWarnings(warnings) };
}

/** Translates a batch validation error into file/line issues. */
export function toImportError(err: BatchValidationError, origins: Record<BatchKey, RowOrigin[]>): ImportError {
  return new ImportError(
    err.issues.map((i) => {
      const [key, index, ...rest] = i.path;
      const origin = typeof index === 'number' ? origins[key as BatchKey]?.[index] : undefined;
      const spec = CSV_FILES[key as BatchKey];
      const column = rest.length > 0 ? spec?.columns.find((c) => c.field === rest[0]) : undefined;
      // Inside a JSON cell, the path within it too: slides[3].id.
      const field = rest.length === 0 ? null : column === undefined ? formatPath(rest) : column.type === 'json' ? formatPath([column.header, ...rest.slice(1)]) : column.header;
      return {
        file: origin?.file ?? spec?.file ?? String(key),
        line: origin?.line ?? null,
        field,
        message: i.message,
      };
    }),
  );
}
