/**
 * CSV through csv-parse for the template and CORDIS readers, from a whole text or streamed from a
 * file. Each record goes to a callback as soon as it is parsed and is not collected here; streaming
 * holds one chunk of the file at a time (64 KiB), never its whole text. The delimiter is chosen
 * from the header line; a BOM is skipped. Parse errors are csv-parse's `CsvError` (`lines`: the
 * line it stopped on); `csvIssue` turns one into an import issue.
 */
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

export type CsvRecord = Record<string, string>;

export interface CsvReading {
  /** The delimiter for the header line (without BOM and line break). */
  delimiter: (header: string) => string;
  /** Header cells → column names (the keys of each record). */
  columns: (header: string[]) => string[];
  /** Every record, in order; `info.lines` is the line it ends on, `info.raw` its text with `raw`. */
  onRecord: (record: CsvRecord, info: InfoRecord) => void;
  /** Accept quotes inside unquoted fields. */
  relaxQuotes?: boolean;
  /** Pass each record's text as `info.raw`. */
  raw?: boolean;
}

function options(r: CsvReading, delimiter: string): Options {
  return {
    bom: true,
    columns: r.columns,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: false,
    relax_quotes: r.relaxQuotes === true,
    raw: r.raw === true,
    // Handled here and dropped: the parser keeps no records. With `raw` it hands over { record, raw }.
    on_record: (value: unknown, info) => {
      r.onRecord(r.raw === true ? (value as { record: CsvRecord }).record : (value as CsvRecord), info);
      return null;
    },
  };
}

const headerOf = (text: string): string => {
  const body = text.replace(/^\uFEFF/, '');
  const end = body.indexOf('\n');
  return end === -1 ? body : body.slice(0, end);
};

/** Parses a whole text, record by record. */
export function eachCsvRecord(text: string, r: CsvReading): void {
  parseSync(text, options(r, r.delimiter(headerOf(text))));
}

/** The longest header line looked at for the delimiter. */
const HEADER_LIMIT = 1 << 20;

/** The file's first line (up to its first line break, at most 1 MiB), decoded. */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, length);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      chunks.push(chunk);
      length += bytesRead;
      if (chunk.includes(0x0a) || length >= HEADER_LIMIT) break;
    }
    return headerOf(Buffer.concat(chunks).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/**
 * Streams a file through the parser, record by record; `onBytes` hears how many bytes have been
 * parsed so far after each chunk.
 */
export async function eachCsvRecordInFile(path: string, r: CsvReading, onBytes?: (bytes: number) => void): Promise<void> {
  const parser = parse(options(r, r.delimiter(await firstLine(path))));
  let bytes = 0;
  await pipeline(
    createReadStream(path),
    async function* count(chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        yield chunk;
        bytes += chunk.length;
        onBytes?.(bytes);
      }
    },
    parser,
  );
}

/** A parse error as an issue of `file`; anything else is not ours to explain (rethrown by the caller). */
export function csvIssue(e: unknown, file: string): { file: string; line: number | null; field: null; message: string } | null {
  if (!(e instanceof CsvError)) return null;
  return { file, line: typeof e.lines === 'number' ? e.lines : null, field: null, message: e.message };
}
