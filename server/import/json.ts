/**
 * Reads our JSON export (server/export/json.ts): `{ format: "netzwerkatlas", version: 1, batch: {…} }`.
 * Each row's origin is the line its object starts on, so validation errors name `file line N`.
 */
import { BATCH_KEYS, type BatchKey, type GraphBatchInput } from '../domain/model.ts';
import { JSON_FORMAT } from '../export/json.ts';
import { ImportError, type CsvBundle, type RowOrigin } from './csv-bundle.ts';

/**
 * Line numbers (1-based) where the objects inside the arrays at `batch.<key>` start: a small scanner
 * that follows strings, escapes and nesting (JSON.parse gives no positions).
 */
export function arrayItemLines(text: string, outer: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const stack: { kind: '{' | '['; key: string | null }[] = [];
  let line = 1;
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') line++;
    else if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          s += text[j + 1] ?? '';
          j += 2;
        } else {
          if (text[j] === '\n') line++;
          s += text[j];
          j++;
        }
      }
      lastString = s;
      i = j;
    } else if (ch === ':') {
      pendingKey = lastString;
    } else if (ch === '{' || ch === '[') {
      const parent = stack[stack.length - 1];
      const grand = stack[stack.length - 2];
      // An object directly in the array that is the value of `<outer>.<key>`.
      if (ch === '{' && parent?.kind === '[' && parent.key !== null && grand?.kind === '{' && grand.key === outer) {
        const list = out.get(parent.key);
        if (list) list.push(line);
        else out.set(parent.key, [line]);
      }
      stack.push({ kind: ch, key: parent?.kind === '{' ? pendingKey : null });
      pendingKey = null;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      pendingKey = null;
    }
  }
  return out;
}

export function readJson(text: string, file: string): CsvBundle {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError([{ file, line: null, field: null, message: `not valid JSON (${(e as Error).message})` }]);
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
