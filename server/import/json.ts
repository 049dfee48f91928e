/**
 * Reads our JSON export (server/export/json.ts): `{ format: "netzwerkatlas", version: 1, batch: {…} }`.
 * Each row's origin is the line its object starts on, so validation errors name `file line N`.
 * A file named `stories.json` holding a JSON array is a list of stories (the template folder's form).
 */
import { BATCH_KEYS, type BatchKey, type GraphBatchInput } from '../domain/model.ts';
import { JSON_FORMAT } from '../export/json.ts';
import { basename } from 'node:path';
import { ImportError, parseStoriesJson, type CsvBundle, type RowOrigin } from './csv-bundle.ts';
import { STORIES_JSON } from './csv-format.ts';
import { arrayItemLines, jsonErrorLine } from './json-lines.ts';

export { arrayItemLines };

export function readJson(text: string, file: string): CsvBundle {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError([{ file, line: jsonErrorLine(text.replace(/^\uFEFF/, ''), e), field: null, message: `not valid JSON (${(e as Error).message})` }]);
  }
  if (Array.isArray(doc) && basename(file).toLowerCase() === STORIES_JSON) {
    const { rows, origins } = parseStoriesJson(text, file);
    return { batch: { stories: rows }, origins: { ...(Object.fromEntries(BATCH_KEYS.map((k) => [k, []])) as unknown as Record<BatchKey, RowOrigin[]>), stories: origins } };
  }
  const d = doc as { format?: unknown; batch?: unknown };
  if (d === null || typeof d !== 'object' || d.format !== JSON_FORMAT || typeof d.batch !== 'object' || d.batch === null)
    throw new ImportError([{ file, line: 1, field: 'format', message: `not a Netzwerkatlas export (expected "format": "${JSON_FORMAT}" and a "batch")` }]);
  const lines = arrayItemLines(text.replace(/^\uFEFF/, ''), 'batch');
  const batch = d.batch as GraphBatchInput;
  const origins = Object.fromEntries(
    BATCH_KEYS.map((k) => [k, ((batch[k] as unknown[] | undefined) ?? []).map((_, i): RowOrigin => ({ file, line: lines.get(k)?.[i] ?? 1 }))]),
  ) as Record<BatchKey, RowOrigin[]>;
  return { batch, origins };
}
