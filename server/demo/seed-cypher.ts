/** cypher/seed.cypher: the demo network (and the demo story) for Neo4j Browser users, generated from the demo files. */
import { batchToCypherScript } from '../store/neo4j/cypher-script.ts';
import { demoBundle } from './load-demo.ts';

export async function seedCypher(): Promise<string> {
  return batchToCypherScript(demoBundle().batch, [
    'The Netzwerkatlas demo network (five regional cooperation networks) and its demo story, for Neo4j Browser or cypher-shell,',
    "with Germany's built-in states and districts (BKG VG5000 2021, © GeoBasis-DE / BKG 2021, dl-de/by-2-0) it refers to.",
    'GENERATED from server/demo/*.csv and stories.json by `npm run seed:cypher` — edit those files, not this script.',
    'Run cypher/schema.cypher first. Idempotent: running it again changes nothing.',
    'The app loads the same network into an empty Neo4j by itself (same statements, with parameters).',
  ]);
}
