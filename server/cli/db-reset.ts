/**
 * `npm run db:reset`: empties the configured store (embedded file or Neo4j) and loads the demo
 * network again (with Germany's built-in regions). `npm run db:reset -- --empty` leaves it empty (the
 * next start adds the built-in regions again).
 */
import { loadConfig } from '../config.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { openStore } from '../store/open-store.ts';

const empty = process.argv.includes('--empty');
const config = loadConfig();
const store = await openStore(config);
try {
  await store.init();
  await store.clear();
  if (!empty) await loadDemo(store);
  const s = await store.stats();
  console.log(
    `${store.kind === 'neo4j' ? `Neo4j ${config.neo4j?.uri}` : config.databaseFile}: reset${empty ? ' (empty)' : ' to the demo network'} — ` +
      `${s.actors} actors, ${s.projects} projects, ${s.regions} regions, ${s.events} events, ${s.stories} ${s.stories === 1 ? 'story' : 'stories'}.`,
  );
} finally {
  await store.close();
}
