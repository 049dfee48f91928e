/**
 * A path-search helper thread of a PathPool (path-pool.ts): holds the adjacency it was sent (shared
 * memory, no copy) and runs the jobs it is given (Brandes sources, sampled pairs, sampled sources).
 */
import { parentPort } from 'node:worker_threads';
import { runPathJob, type Adjacency, type PathJob, type PathPart } from './paths.ts';

export type PathWorkerMessage = { adjacencyId: number; adjacency?: Adjacency; id: number; job: PathJob };
export type PathWorkerReply = { id: number; part: PathPart } | { id: number; error: string };

let held: { id: number; adjacency: Adjacency } | null = null;

function buffersOf(part: PathPart): ArrayBuffer[] {
  const arrays = part.kind === 'brandes' ? [part.betweenness, part.distanceSum, part.reached, part.eccentricity, part.sum, part.sourceMean, part.sourceEccentricity] : part.kind === 'pairs' ? [part.hits] : [part.sum, part.sourceMean, part.sourceEccentricity];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

parentPort?.on('message', (msg: PathWorkerMessage) => {
  try {
    if (msg.adjacency) held = { id: msg.adjacencyId, adjacency: msg.adjacency };
    if (held?.id !== msg.adjacencyId) throw new Error(`adjacency ${msg.adjacencyId} was not sent`);
    const part = runPathJob(held.adjacency, msg.job);
    parentPort?.postMessage({ id: msg.id, part } satisfies PathWorkerReply, buffersOf(part));
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) } satisfies PathWorkerReply);
  }
});
