/**
 * The analysis worker thread: heavy work runs here so the API keeps answering other requests —
 * the computations, and (given the store configuration) reading and assembling the network too,
 * through its own connection to the store. It keeps the sessions (context + memoised results) of
 * the last few inputs; without a store it asks the main thread for an input it does not hold.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { GraphQLError } from 'graphql';
import type { Config } from '../config.ts';
import type { GraphBackend, GraphStore } from '../store/graph-store.ts';
import { openBackend } from '../store/open-store.ts';
import { createGraphStore } from '../store/store.ts';
import { loadAnalysisInput } from './input.ts';
import type { WorkerReply, WorkerRequest } from './runner.ts';
import { PathPool } from './path-pool.ts';
import { AnalysisSession } from './tasks.ts';

const MAX_SESSIONS = 3;
const sessions = new Map<string, Promise<AnalysisSession>>();
const config = (workerData as { config: Config | null } | null)?.config ?? null;
/** This thread plus one helper: the path searches of a metric run use both cores. */
const pool = new PathPool();

let backend: Promise<GraphBackend> | null = null;
let store: { revision: number; store: GraphStore } | null = null;

/** The worker's own store view; a fresh one (empty caches) whenever the main store's data moved on. */
async function storeAt(revision: number): Promise<GraphStore> {
  backend ??= openBackend(config as Config, { applySchema: false }).then(async (b) => {
    await b.init();
    return b;
  });
  const b = await backend;
  if (store?.revision !== revision) store = { revision, store: createGraphStore(b) };
  return store.store;
}

function session(msg: WorkerRequest): Promise<AnalysisSession> | null {
  let s = sessions.get(msg.inputKey);
  if (s) {
    sessions.delete(msg.inputKey);
    sessions.set(msg.inputKey, s);
    return s;
  }
  if (msg.input) s = Promise.resolve(new AnalysisSession(msg.input, pool));
  else if (config) s = storeAt(msg.revision).then((st) => loadAnalysisInput(st, msg.filter)).then((input) => new AnalysisSession(input, pool));
  else return null;
  sessions.set(msg.inputKey, s);
  s.catch(() => sessions.delete(msg.inputKey));
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
  return s;
}

parentPort?.on('message', (msg: WorkerRequest) => {
  const reply = (r: WorkerReply) => parentPort?.postMessage(r);
  const fail = (e: unknown) => {
    const extensions = e instanceof GraphQLError ? { ...e.extensions } : undefined;
    reply({ id: msg.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), message: e instanceof Error ? e.message : String(e), ...(extensions ? { extensions } : {}) });
  };
  try {
    const s = session(msg);
    if (!s) return reply({ id: msg.id, needInput: true });
    s.then((ses) => ses.run(msg.task)).then((result) => reply({ id: msg.id, result }), fail);
  } catch (e) {
    fail(e);
  }
});
