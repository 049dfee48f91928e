import { getIntrospectionQuery } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printAppSchema } from '../../server/schema.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const committed = readFileSync(fileURLToPath(new URL('../../server/schema.graphql', import.meta.url)), 'utf8');

describe('schema.graphql', () => {
  it('is the schema the resolvers emit (run `npm run schema:emit` when this fails)', async () => {
    expect(await printAppSchema()).toBe(committed);
  });

  it('has the root fields and shapes external tools rely on', () => {
    for (const line of [
      'search(\n    limit: Int = 20\n    text: String!',
      'actor(id: ID!): Actor!',
      'project(id: ID!): Project!',
      'region(id: ID!): Region!',
      'event(id: ID!): Event!',
      'network(filter: NetworkFilter): Network!',
      'regionMatrix(',
      'shortestPaths(',
    ])
      expect(committed).toContain(line);
    expect(committed).toMatch(/types: \[NodeType!\]\n\s*\): \[SearchHit!\]!/);
    expect(committed).toMatch(/enum NodeType \{\s+ACTOR\s+EVENT\s+PROJECT\s+REGION\s+\}/);
    expect(committed).toMatch(/type SearchHit \{[^}]*id: ID![^}]*kind: String[^}]*label: String![^}]*type: NodeType!/);
    expect(committed).toMatch(/type NetworkEdge \{[^}]*derived: Boolean![^}]*id: ID![^}]*kind: String![^}]*source: ID![^}]*target: ID![^}]*weight: Float!/);
    expect(committed).toMatch(/type Path \{[^}]*length: Int![^}]*nodes: \[NetworkNode!\]!/);
    expect(committed).toMatch(/type RegionPair \{[^}]*a: ID![^}]*b: ID![^}]*derivedTies: Int![^}]*directTies: Int!/);
  });
});

describe('GraphQL IDE and introspection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("GraphiQL's introspection query passes the depth and cost limits", async () => {
    const r = await server.gql<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery());
    expect(r.errors).toBeUndefined();
    expect(r.data?.__schema.queryType.name).toBe('Query');
  });
});
