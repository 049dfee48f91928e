/**
 * `npm run geo:generate [-- <folder>]`: writes Germany's built-in regions (server/geo/germany.json,
 * client/geo/de-districts.topo.json) from the reference data in ../shared/data/geo (BKG VG5000 2021,
 * dl-de/by-2-0; see server/geo/generate.ts).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGermany } from '../geo/generate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = resolve(process.argv[2] ?? join(ROOT, '../shared/data/geo'));
try {
  const g = generateGermany(dir);
  const serverFile = join(ROOT, 'server/geo/germany.json');
  const clientFile = join(ROOT, 'client/geo/de-districts.topo.json');
  writeFileSync(serverFile, g.server);
  writeFileSync(clientFile, g.client);
  console.log(`Wrote ${serverFile} (${g.states} states, ${g.districts} districts) and ${clientFile}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
