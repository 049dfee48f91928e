/**
 * The analysis worker thread: heavy computations run here so the API keeps answering other
 * requests. It keeps the sessions (context + memoised results) of the last few inputs and asks
 * for an input it does not hold.
 */
import { parentPort } from 'node:worker_threads';
import type { AnalysisInput } from './context.ts';
import { AnalysisSession, type AnalysisTask } from './tasks.ts';
import type { WorkerReply, WorkerRequest } from './runner.ts';

const MAX_SESSIONS = 3;
const sessions = new Map<string, AnalysisSession>();

function session(key: string, input: AnalysisInput | undefined): AnalysisSession | null {
  let s = sessions.get(key);
  if (s) {
    sessions.delete(key);
    sessions.set(key, s);
    return s;
  }
  if (!input) return null;
  s = new AnalysisSession(input);
  sessions.set(key, s);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
  return s;
}

parentPort?.on('message', (msg: WorkerRequest) => {
  const reply = (r: WorkerReply) => parentPort?.postMessage(r);
  try {
    const s = session(msg.inputKey, msg.input);
    if (!s) return reply({ id: msg.id, needInput: true });
    reply({ id: msg.id, result: s.run(msg.task as AnalysisTask) });
  } catch (e) {
    reply({ id: msg.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
