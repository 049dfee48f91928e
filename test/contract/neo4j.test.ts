/**
 * The Neo4j half of the store tests, against the real Neo4j 5.26 server that the test run starts
 * (test/support/neo4j-global-setup.ts; or the one NEO4J_TEST_URI names). In one file, so the suites
 * take turns on the one database (Community Edition has one): the GraphStore contract, the graph
 * primitives' property test against the reference, and the public GraphQL queries against the
 * embedded store's answers.
 *
 * WARNING: this CLEARS the database it runs against. NEO4J_TEST_URI must never name one holding data
 * you want to keep.
 */
import { describe, expect, inject, it } from 'vitest';
import { openNeo4j } from '../../server/store/neo4j/driver.ts';
import { Neo4jBackend } from '../../server/store/neo4j/neo4j-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { captureContract } from './capture.contract.ts';
import { graphStoreContract } from './graph-store.contract.ts';
import { primitivesProperty } from './primitives.property.ts';
import { storesAlike } from './stores-alike.ts';

const uri = inject('NEO4J_TEST_URI');
const SKIPPED = 'Neo4j half of the store tests SKIPPED: no Neo4j (install Java 17 + Maven 3.8, or set NEO4J_TEST_URI)';
if (uri === null) console.warn(`⚠ ${SKIPPED}`);
const config = { uri: uri ?? '', username: 'neo4j', password: '', database: 'neo4j' };

describe.skipIf(uri === null)('Neo4j adapter', () => {
  if (uri === null) {
    it(SKIPPED, () => undefined);
    return;
  }
  graphStoreContract(`Neo4j 5.26 (${uri})`, async () => {
    const store = createGraphStore(new Neo4jBackend(config));
    await store.init();
    return store;
  });
  captureContract(`Neo4j 5.26 (${uri})`, async () => {
    const store = createGraphStore(new Neo4jBackend(config));
    await store.init();
    return store;
  });
  primitivesProperty(
    `Neo4j 5.26 (${uri})`,
    async () => {
      const backend = new Neo4jBackend(config);
      const store = createGraphStore(backend);
      await store.init();
      return { backend, store };
    },
    { numRuns: 40, timeoutMs: 300_000 },
  );
  it('an audit log from before (:AuditRef) is linked once at start, in batches, and then found by entity', { timeout: 120_000 }, async () => {
    const conn = await openNeo4j(config);
    try {
      await conn.write("MATCH (c:Counter {name: 'auditRefs'}) DELETE c");
      // 25,000 entries as an older version stored them: refs as a list only (three batches to link).
      await conn.write(
        `UNWIND range(1, 25000) AS i
         CREATE (:AuditEntry {seq: -i, at: '2025-01-01T00:00:00.000Z', who: 'old', action: 'update', entityType: 'actors',
           entityId: 'old-' + toString(i % 100), refs: ['old-' + toString(i % 100), 'old-all'], summary: null})`,
      );
      const store = createGraphStore(new Neo4jBackend(config));
      await store.init();
      expect((await store.auditLog({ entityId: 'old-7', limit: 1000, offset: 0 })).total).toBe(250);
      expect((await store.auditLog({ entityId: 'old-all', limit: 1, offset: 0 })).total).toBe(25000);
      await store.close();
      const [marker] = await conn.read("MATCH (c:Counter {name: 'auditRefs'}) RETURN c.value AS v");
      expect(marker?.v).toBe(1);
    } finally {
      await conn.write("MATCH (e:AuditEntry) WHERE e.seq < 0 DETACH DELETE e");
      await conn.write("MATCH (r:AuditRef) WHERE r.id STARTS WITH 'old-' DETACH DELETE r");
      await conn.close();
    }
  });
  storesAlike(
    () => uri,
    async () => {
      const store = createGraphStore(new Neo4jBackend(config));
      await store.init();
      await store.clear();
      await store.close();
    },
  );
});
