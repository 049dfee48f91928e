/**
 * A batch as a self-contained Cypher script (for Neo4j Browser / cypher-shell): exactly the write
 * statements the Neo4j adapter runs for that batch on an empty database, with the parameters
 * written in as literals. Built on MERGE: running it twice leaves the same network (only the rows' edit versions move on).
 */
import type { GraphBatch, GraphBatchInput } from '../../domain/model.ts';
import { createGraphStore } from '../store.ts';
import { temporalLiteral, type GraphConnection, type Params, type PlainRecord, type Tx } from './driver.ts';
import { Neo4jBackend } from './neo4j-backend.ts';

/** A Cypher literal for a JS value (numbers as floats, as the driver sends them; DATE values as `date('…')`). */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as Cypher`);
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const temporal = temporalLiteral(value);
  if (temporal !== null) return temporal;
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${cypherLiteral(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  throw new Error(`cannot write a ${typeof value} as Cypher`);
}

/** Replaces `$name` parameters by literals; rows of an UNWIND list go one per line. */
export function inlineParameters(cypher: string, params: Params): string {
  return cypher.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`parameter $${name} has no value`);
    const v = params[name];
    return Array.isArray(v) && v.length > 0 ? `[\n  ${v.map(cypherLiteral).join(',\n  ')}\n]` : cypherLiteral(v);
  });
}

/** Records the writes the adapter sends, answering every read as if the database were empty. */
class RecordingConnection implements GraphConnection {
  readonly writes: { cypher: string; params: Params }[] = [];
  async read(): Promise<PlainRecord[]> {
    return [];
  }
  async write(): Promise<PlainRecord[]> {
    return [];
  }
  async inWriteTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work({
      run: async (cypher: string, params: Params = {}) => {
        if (/\bMERGE\b/.test(cypher)) this.writes.push({ cypher, params });
        return [];
      },
    });
  }
  async close(): Promise<void> {}
}

export async function batchToCypherScript(batch: GraphBatchInput | GraphBatch, header: string[] = []): Promise<string> {
  const conn = new RecordingConnection();
  const store = createGraphStore(
    new Neo4jBackend({ uri: 'bolt://script', username: '', password: '', database: '' }, { connect: async () => conn }),
  );
  await store.init();
  await store.applyBatch(batch);
  const lines = [...header.map((h) => `// ${h}`), ''];
  for (const w of conn.writes) lines.push(`${inlineParameters(w.cypher, w.params)};`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
