/**
 * Composition root: configuration → store → demo data and Germany's built-in regions → HTTP app
 * (API + explorer) on one port.
 */
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { loadDemoIfEmpty, loadDemoStoryIfMissing } from './demo/load-demo.ts';
import { addMissingBuiltins } from './geo/seed.ts';
import type { GraphStore } from './store/graph-store.ts';
import { workerRunner } from './analysis/runner.ts';
import { stopImports } from './import/run-job.ts';
import { createServing, type Serving } from './serving/serving.ts';
import { openStore } from './store/open-store.ts';
import { onShutdown } from './process/shutdown.ts';
import { ensureAdminToken, signInUrl } from './auth/tokens.ts';

export const CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

export interface Running {
  url: string;
  store: GraphStore;
  /** The admin token created on this start (first start only), else null. */
  adminSecret: string | null;
  /** Stops: requests in flight get `graceMs` (default 0) to finish, then the analysis workers and the store close. */
  close(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  clientDir?: string;
  log?: (line: string) => void;
  /** Load the demo network into an empty store (default true). */
  demo?: boolean;
}

/**
 * Stops accepting connections and ends idle (keep-alive) ones at once, so close() does not wait on an
 * idle browser tab; requests in flight get `graceMs` to finish before their connections are cut.
 */
function stopListening(server: Server, graceMs = 0): Promise<void> {
  const closed = new Promise<void>((r) => server.close(() => r()));
  server.closeIdleConnections();
  // A connection whose response has just finished turns idle: end it then, not at the grace's end.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  return closed.finally(() => {
    clearInterval(idle);
    clearTimeout(cut);
  });
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<Running> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let ready: GraphStore | null = null;
  let serving: Serving | null = null;
  let failed: Error | null = null;
  let baseUrl = config.publicUrl ?? '';
  const { app, apollo } = await createApp({
    readAccess: config.readAccess,
    baseUrl: () => baseUrl,
    store: () => ready,
    serving: () => serving,
    startError: () => failed,
    clientDir: opts.clientDir ?? CLIENT_DIR,
    development: config.development,
    // Imports from the page run in a worker thread with their own connection (not for an in-memory database).
    importConfig: config.neo4j || config.databaseFile !== ':memory:' ? config : null,
  });

  // Listen first so /healthz can report "starting" while the store connects.
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  baseUrl = config.publicUrl ?? url;
  let adminSecret: string | null = null;

  const store = await openStore(config);
  try {
    await store.init();
    if (opts.demo !== false && (await loadDemoIfEmpty(store))) log('Loaded the demo network into the empty store.');
    else if (opts.demo !== false && (await loadDemoStoryIfMissing(store))) log('Added the demo story to the demo network.');
    // Germany's states and districts exist from the first start (the demo brings them along; else here).
    const added = await addMissingBuiltins(store);
    if (added > 0) log(`Added ${added} built-in regions (Germany's states and districts, BKG VG5000 2021).`);
    adminSecret = await ensureAdminToken(store);
    if (adminSecret !== null) {
      // Shown once: only the hash is stored. `npm run token -- create --role admin --name …` makes another.
      log(
        [
          '',
          'An admin access token was created. Open this link to sign in as admin (shown only now; keep it safe):',
          `    ${signInUrl(baseUrl, adminSecret)}`,
          'More tokens: npm run token -- create --role editor --name "…"   (see README, "Access")',
          '',
        ].join('\n'),
      );
    }
    // The workers read the store through their own connections (not possible for an in-memory database).
    serving = createServing(store, { config, runner: workerRunner(config.neo4j || config.databaseFile !== ':memory:' ? config : null) });
    // Whole-network figures are computed after every data change, before anyone asks.
    serving.analysis.startWarming();
    // The read threads start now, not when the first people arrive (tests start them as needed).
    if (config.env !== 'test') serving.reads.prestart();
    ready = store;
  } catch (e) {
    failed = e as Error;
    await stopListening(server);
    await apollo.stop();
    await store.close().catch(() => undefined);
    throw e;
  }
  log(`Store: ${store.kind === 'neo4j' ? `Neo4j at ${config.neo4j?.uri}` : config.databaseFile}`);

  return {
    url,
    store,
    adminSecret,
    async close(graceMs = 0) {
      await stopListening(server, graceMs);
      await apollo.stop();
      await stopImports();
      await serving?.close();
      await store.close();
    },
  };
}

export async function main(): Promise<void> {
  const config = loadConfig();
  let running: Running;
  try {
    running = await startServer(config);
  } catch (e) {
    // A store that cannot be reached (Neo4j down, wrong NEO4J_URI): the message says what and how; no stack.
    console.error(`Netzwerkatlas could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  console.log(`Netzwerkatlas is running at ${running.url}  (GraphQL IDE: ${running.url}graphql)`);
  // SIGTERM, Ctrl-C or a parent gone: requests in flight get 3 s, then workers and store close (all within 4.5 s).
  onShutdown({
    stop: async (reason) => {
      console.log(`Stopping (${reason}) …`);
      const t0 = performance.now();
      await running.close(STOP_GRACE_MS);
      console.log(`Stopped in ${Math.round(performance.now() - t0)} ms.`);
    },
  });
}

/** How long requests in flight may take to finish once a stop is asked for. */
export const STOP_GRACE_MS = 3_000;
