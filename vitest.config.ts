import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; type-graphql and Apollo load the CJS one through Node, so the
    // tests must use the same instance (otherwise: "Cannot use GraphQLObjectType from another realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql/index.js') }],
  },
  test: {
    include: ['server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A real Neo4j 5.26 for the Neo4j half of the store tests (test/neo4j-server); see the file's header.
    globalSetup: ['test/support/neo4j-global-setup.ts'],
  },
});
