/**
 * Vitest global setup: a real Neo4j 5 server for the Neo4j half of the store contract suite.
 *
 * - NEO4J_TEST_URI set in the environment: that server is used (none is started).
 * - Else, with java (and mvn, for the first build) on the PATH: the project's own server
 *   (test/neo4j-server, `npm run neo4j`) starts on a free loopback port and stops after the run.
 * - Else: one loud line, and the Neo4j tests skip; with CI=true the run fails instead.
 *
 * Tests read the URI with `inject('NEO4J_TEST_URI')` (null when skipped); it is also in
 * process.env.NEO4J_TEST_URI of the test workers.
 */
import type { TestProject } from 'vitest/node';
import { missingTools, startNeo4j, type RunningNeo4j } from '../neo4j-server/server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bolt URI of the Neo4j server for the tests (auth off), or null when there is none. */
    NEO4J_TEST_URI: string | null;
  }
}

/** The environment of the vitest main process; what is set here is inherited by the test workers. */
function environment(): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- test harness, not server code
  return process.env;
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const env = environment();
  const given = env.NEO4J_TEST_URI?.trim();
  if (given) {
    project.provide('NEO4J_TEST_URI', given);
    return undefined;
  }

  const missing = missingTools();
  if (missing !== null) {
    const how =
      `${missing}. Install Java 17 + Maven 3.8, or run 'npm run neo4j' (or another Neo4j 5 without auth) ` +
      'and set NEO4J_TEST_URI=bolt://127.0.0.1:7687';
    if (env.CI === 'true') throw new Error(`Neo4j half of the store contract suite cannot run (CI=true requires it): ${how}`);
    console.warn(`⚠ Neo4j half of the store contract suite SKIPPED: ${how}`);
    project.provide('NEO4J_TEST_URI', null);
    return undefined;
  }

  const log: string[] = [];
  let server: RunningNeo4j;
  try {
    server = await startNeo4j({
      port: 0,
      // Test data changes all the time: without this, Neo4j re-plans the big statements every 10 s (seconds each).
      args: ['--stable-plans'],
      onLog: (line) => {
        // The build's progress is worth seeing (the first one downloads Neo4j); Neo4j's own stderr only on failure.
        if (line.startsWith('Building the Neo4j') || line.startsWith('Neo4j test server built')) console.info(line);
        else log.push(line);
      },
    });
  } catch (e) {
    throw new Error(`Could not start the Neo4j test server: ${e instanceof Error ? e.message : String(e)}`);
  }
  console.info(`Neo4j test server: ${server.readyLine}`);
  env.NEO4J_TEST_URI = server.uri;
  project.provide('NEO4J_TEST_URI', server.uri);

  return async () => {
    delete env.NEO4J_TEST_URI;
    const code = await server.stop();
    if (code !== 0) console.warn(`Neo4j test server exited with ${String(code)}:\n${log.slice(-20).join('\n')}`);
  };
}
