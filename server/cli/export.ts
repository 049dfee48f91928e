/**
 * `npm run export -- <format> <output>`: everything the configured store holds, as CSV template
 * files (a folder), an XLSX workbook, JSON or a Cypher script. Importing the export into an empty
 * store gives the same network.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { EXPORT_FORMATS, type ExportFormatName } from '../export/formats.ts';
import { openStore } from '../store/open-store.ts';

const names = Object.keys(EXPORT_FORMATS) as ExportFormatName[];
const USAGE = `Usage: npm run export -- <format> <output>

Formats:
${names.map((n) => `  ${n.padEnd(8)} ${EXPORT_FORMATS[n].title}`).join('\n')}

Exports everything in the store configured by DATA_DIR or NEO4J_URI. An existing output file is
replaced; a CSV folder is created when missing.

Exit codes: 0 written; 2 usage error.`;

let format: ExportFormatName;
let output: string;
try {
  const { values, positionals } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 2) throw new Error('name a format and an output');
  if (!names.includes(positionals[0] as ExportFormatName)) throw new Error(`unknown format "${positionals[0]}"`);
  format = positionals[0] as ExportFormatName;
  output = positionals[1] as string;
} catch (e) {
  console.error(`export: ${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const store = await openStore(loadConfig());
try {
  await store.init();
  const batch = await store.exportBatch();
  const written = await EXPORT_FORMATS[format].write(batch);
  if (written instanceof Map) {
    if (!existsSync(output)) mkdirSync(output, { recursive: true });
    for (const [file, content] of written) writeFileSync(join(output, file), content);
    console.log(`Wrote ${written.size} files to ${output}`);
  } else {
    writeFileSync(output, written);
    console.log(`Wrote ${output}`);
  }
  const s = await store.stats();
  console.log(`${s.actors} actors, ${s.projects} projects, ${s.regions} regions, ${s.events} events, ${s.participations + s.eventParticipations + s.cooperations + s.targets} relationships.`);
} finally {
  await store.close();
}
