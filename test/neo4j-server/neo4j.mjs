#!/usr/bin/env node
/**
 * `npm run neo4j [-- --port 7688 --data ./neo4j-data --host 127.0.0.1 --page-cache 512m --verbose]`
 *
 * Starts the project's own Neo4j 5 Community server (Bolt, auth off, loopback only) and prints
 * `Neo4j <version> ready at bolt://127.0.0.1:7687` once it accepts connections. Without --data the store is
 * a fresh temporary folder, deleted when the server stops (Ctrl-C / SIGTERM). Builds test/neo4j-server with
 * Maven first when needed (the first time downloads Neo4j from Maven Central).
 *
 * Then e.g.: NEO4J_URI=bolt://127.0.0.1:7687 npm start
 */
import { INSTALL_HINT, missingTools, startNeo4j } from './server.mjs';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`Usage: npm run neo4j [-- --port N] [--host ADDR] [--data DIR] [--page-cache SIZE] [--verbose]
  --port N          Bolt port (default 7687; 0 = any free port)
  --host ADDR       listen address (default 127.0.0.1)
  --data DIR        keep the store in DIR across starts (default: fresh temporary store, deleted on exit)
  --page-cache SIZE Neo4j page cache (default 512m)
  --verbose         Neo4j's info log on stderr
Extra JVM flags: NEO4J_SERVER_JAVA_OPTS (e.g. -Xmx2g).`);
  process.exit(0);
}

const missing = missingTools();
if (missing) {
  console.error(`npm run neo4j: ${missing}. ${INSTALL_HINT}`);
  process.exit(1);
}

let server = null;
let exiting = false;
async function shutdown() {
  if (exiting) return;
  exiting = true;
  const code = server ? await server.stop() : 0;
  process.exit(typeof code === 'number' ? code : 1);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // Before the server is up there is nothing to stop cleanly: closing our stdin pipe (on exit) stops Java.
    if (!server) process.exit(130);
    void shutdown();
  });
}

try {
  server = await startNeo4j({ args, onLog: (line) => console.error(line) });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
console.log(server.readyLine);
const code = await server.exited;
if (!exiting) process.exit(typeof code === 'number' ? code : 1);
