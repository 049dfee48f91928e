/**
 * The export formats: each turns a batch (everything a store holds) into files. CSV is a folder of
 * template files; the others are one file each.
 */
import type { GraphBatch } from '../domain/model.ts';
import { batchToCypherScript } from '../store/neo4j/cypher-script.ts';
import { writeCsvBundle } from './csv.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeJson } from './json.ts';
import { writeXlsx } from './xlsx.ts';

export interface ExportFormat {
  /** What the format is for, in a few words (CLI help). */
  title: string;
  /** One file (`extension`) or a folder of files (`folder`). */
  output: { extension: string } | 'folder';
  write(batch: GraphBatch): Promise<Map<string, string | Buffer> | string | Buffer>;
}

export const EXPORT_FORMATS = {
  csv: { title: 'CSV template files (a folder; the import format)', output: 'folder', write: async (b) => writeCsvBundle(b) },
  xlsx: { title: 'XLSX workbook, one sheet per template file', output: { extension: '.xlsx' }, write: (b) => writeXlsx(b) },
  json: { title: 'JSON (the domain model)', output: { extension: '.json' }, write: async (b) => writeJson(b) },
  gexf: { title: 'GEXF 1.3 (opens in Gephi)', output: { extension: '.gexf' }, write: async (b) => writeGexf(b) },
  graphml: { title: 'GraphML (yEd, Gephi)', output: { extension: '.graphml' }, write: async (b) => writeGraphml(b) },
  cypher: {
    title: 'Cypher script that recreates the network in Neo4j',
    output: { extension: '.cypher' },
    write: (b) => batchToCypherScript(b, ['// Netzwerkatlas export: run in Neo4j Browser or cypher-shell (MERGE: running it again leaves the same network).']),
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
