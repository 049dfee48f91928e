/** Reads an edge list CSV (header `source,target[,weight]`, comma or semicolon) for the `metrics` CLI. */
import { parse } from 'csv-parse/sync';
import type { EdgeRow } from './graph.ts';

export class EdgeListError extends Error {}

export function parseEdgeList(text: string, file = 'input'): EdgeRow[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records = parse(text, { bom: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const si = header.indexOf('source');
  const ti = header.indexOf('target');
  const wi = header.indexOf('weight');
  if (si < 0 || ti < 0) throw new EdgeListError(`${file}: line 1: the header must name the columns source and target (found: ${header.join(', ') || 'nothing'})`);
  const rows: EdgeRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const r = records[i] as string[];
    const line = i + 1;
    const source = r[si] ?? '';
    const target = r[ti] ?? '';
    if (source === '' || target === '') throw new EdgeListError(`${file}: line ${line}: source and target must not be empty`);
    let weight: number | null = null;
    const raw = wi >= 0 ? (r[wi] ?? '') : '';
    if (raw !== '') {
      weight = Number(raw.replace(',', '.'));
      // A tie of weight 0 is no tie (and would leave PageRank and Burt's measures undefined).
      if (!Number.isFinite(weight) || weight <= 0) throw new EdgeListError(`${file}: line ${line}: weight must be a positive number, not "${raw}"`);
    }
    rows.push({ source, target, weight });
  }
  return rows;
}
