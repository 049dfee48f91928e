/**
 * The analysis worker thread: heavy work runs here so the API keeps answering other requests —
 * the computations, and (given the store configuration) reading and assembling the network too,
 * through its own connection to the store. It keeps the sessions (context + memoised results) of
 * the last few inputs; without a store it asks the main thread for an input it does not hold.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { ANALYSIS_NICE, lowerThisThread } from '../process/priority.ts';
import { storeViews } from '../serving/store-view.ts';
import { toThreadError } from '../serving/thread-errors.ts';
import { loadAnalysisInput } from './input.ts';
import type { WorkerReply, WorkerRequest } from './runner.ts';
import { PathPool } from './path-pool.ts';
import { AnalysisSession } from './tasks.ts';

// Before the path pool starts its helper, which inherits the priority.
lowerThisThread(ANALYSIS_NICE);

const MAX_SESSIONS = 3;
const sessions = new Map<string, Promise<AnalysisSession>>();
const config = (workerData as { config: Config | null } | null)?.config ?? null;
/** This thread plus one helper: the path searches of a metric run use both cores. */
const pool = new PathPool();

const storeAt = config ? storeViews(config) : null;

function session(msg: WorkerRequest): Promise<AnalysisSession> | null {
  let s = sessions.get(msg.inputKey);
  if (s) {
    sessions.delete(msg.inputKey);
    sessions.set(msg.inputKey, s);
    return s;
  }
  if (msg.input) s = Promise.resolve(new AnalysisSession(msg.input, pool));
  else if (storeAt) s = storeAt(msg.revision).then((st) => loadAnalysisInput(st, msg.filter)).then((input) => new AnalysisSession(input, pool));
  else return null;
  // Inputs of older data are never asked for again: at 25,000 actors each holds hundreds of MB.
  for (const key of sessions.keys()) if (!key.startsWith(`${msg.revision}|`)) sessions.delete(key);
  sessions.set(msg.inputKey, s);
  s.catch(() => sessions.delete(msg.inputKey));
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
  return s;
}

parentPort?.on('message', (msg: WorkerRequest) => {
  const reply = (r: WorkerReply) => parentPort?.postMessage(r);
  const fail = (e: unknown) => reply({ id: msg.id, ...toThreadError(e) });
  try {
    const s = session(msg);
    if (!s) return reply({ id: msg.id, needInput: true });
    s.then((ses) => ses.run(msg.task)).then((result) => reply({ id: msg.id, result }), fail);
  } catch (e) {
    fail(e);
  }
});
