/** `npm run schema:emit`: writes server/schema.graphql from the type-graphql resolvers. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printAppSchema } from '../schema.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

writeFileSync(SCHEMA_FILE, await printAppSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
