/**
 * The public GraphQL queries answer alike on both stores: the demo network served once from the
 * embedded store and once from Neo4j, every query below sent to both, the answers compared whole.
 * Used by test/contract/neo4j.test.ts (which owns the Neo4j database for its run).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const NETWORK_FIELDS = 'truncated nodes { id type kind label regionId lat lon sectors startYear endYear } edges { id source target kind role weight derived via }';

/** Query name → [query, variables]: what the explorer and the analysis ask. */
export const ALIKE_QUERIES: Record<string, [string, Record<string, unknown>?]> = {
  stats: ['{ stats { actors projects events regions participations eventParticipations cooperations targets stories } }'],
  facets: ['{ facets { actorKinds { value count } sectors { value count } minYear maxYear } }'],
  network: [`{ network { ${NETWORK_FIELDS} } }`],
  networkFiltered: [
    `query($f: NetworkFilter) { network(filter: $f) { ${NETWORK_FIELDS} } }`,
    { f: { regionIds: ['de-14'], fromYear: 2020, toYear: 2024 } },
  ],
  neighborhood1: [`{ neighborhood(id: "a-zarof", depth: 1) { ${NETWORK_FIELDS} } }`],
  neighborhood2: [`{ neighborhood(id: "a-zarof", depth: 2, limit: 30) { ${NETWORK_FIELDS} } }`],
  neighborhoodProject: [`{ neighborhood(id: "p-netzwerk-chemie", depth: 2) { ${NETWORK_FIELDS} } }`],
  shortestPaths: ['{ shortestPaths(from: "a-zarof", to: "a-stadt-delitzsch", maxLength: 6) { length nodes { id label } } }'],
  regionMatrixDistrict: ['{ regionMatrix(level: "district") { a b directTies derivedTies derivedWeight } }'],
  regionMatrixState: ['{ regionMatrix(level: "state") { a b directTies derivedTies derivedWeight } }'],
  regionMatrixWindow: [
    'query($f: NetworkFilter) { regionMatrix(level: "district", filter: $f) { a b directTies derivedTies derivedWeight } }',
    { f: { fromYear: 2023, toYear: 2023, actorKinds: ['company', 'municipality', 'research_institute'] } },
  ],
  searchUmlaut: ['{ search(text: "Görlitz") { id type kind label } }'],
  searchFolded: ['{ search(text: "goerlitz") { id type kind label } }'],
  searchPlain: ['{ search(text: "Wirtschaftsforderung") { id type kind label } }'],
  searchTyped: ['{ search(text: "stadt", types: [ACTOR], limit: 5) { id type kind label } }'],
  regions: ['{ regions(kind: "district") { id name kind } }'],
  actor: ['{ actor(id: "a-zarof") { id name kind sectors version region { id } participations { project { id } role } cooperations { partner { id } kind } } }'],
  project: ['{ project(id: "p-netzwerk-chemie") { id name start end status participants { actor { id } role } } }'],
  networkStats: ['{ networkStats(level: "district") { nodes edges components density articulationPoints bridges diameter } }'],
};

/** `clearNeo4j` empties the Neo4j database first, so the app seeds it with the demo as the embedded one does. */
export function storesAlike(neo4jUri: () => string | null, clearNeo4j: () => Promise<void>): void {
  describe('the public GraphQL queries answer alike on both stores (demo network)', () => {
    let embedded: TestServer;
    let graph: TestServer;
    beforeAll(async () => {
      const uri = neo4jUri();
      if (uri === null) return;
      await clearNeo4j();
      embedded = await startTestServer();
      graph = await startTestServer({ env: { NEO4J_URI: uri } });
    }, 120_000);
    afterAll(async () => {
      await embedded?.close();
      await graph?.close();
    });

    for (const [name, [query, variables]] of Object.entries(ALIKE_QUERIES)) {
      it(name, async () => {
        const [a, b] = await Promise.all([embedded.gql(query, variables), graph.gql(query, variables)]);
        expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
        expect(b).toEqual(a);
      });
    }
  });
}
