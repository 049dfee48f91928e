/** `npm run seed:cypher`: writes cypher/seed.cypher from the demo files (CSV and stories.json). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedCypher } from '../demo/seed-cypher.ts';

const file = fileURLToPath(new URL('../../cypher/seed.cypher', import.meta.url));
writeFileSync(file, await seedCypher());
console.log(`Wrote ${file}`);
