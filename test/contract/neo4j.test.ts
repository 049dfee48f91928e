/**
 * The GraphStore contract against a real Neo4j 5 server, when NEO4J_URI is set (with
 * NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE, read through server/config.ts).
 *
 * WARNING: the suite CLEARS the database it runs against (every Region, Actor, Project, Event and
 * Source node with its relationships, before and between the cases). Point NEO4J_URI /
 * NEO4J_DATABASE at a throwaway database, never at one holding data you want to keep.
 */
import { describe, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { Neo4jBackend } from '../../server/store/neo4j/neo4j-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { graphStoreContract } from './graph-store.contract.ts';

const SKIPPED = 'Neo4j contract suite skipped: set NEO4J_URI (see README) to run it';
const neo4j = loadConfig().neo4j;
if (neo4j === null) console.info(SKIPPED);

describe.skipIf(neo4j === null)('Neo4j adapter', () => {
  if (neo4j === null) {
    it(SKIPPED, () => undefined);
    return;
  }
  graphStoreContract(`Neo4j (${neo4j.uri}, database "${neo4j.database}")`, async () => {
    const store = createGraphStore(new Neo4jBackend(neo4j));
    await store.init();
    return store;
  });
});
