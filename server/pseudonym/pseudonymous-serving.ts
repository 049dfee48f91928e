/**
 * The large reads (serving/read-jobs.ts) as a pseudonymised session sees them: ids it sends map back
 * to real ids before the read worker runs the job; the answer is scrubbed like the store's
 * (pseudonymous-store.ts). The workers compute and cache on the real data, shared with everyone;
 * only arguments and answers are mapped, per request. Search runs through the pseudonymising store
 * (actors are found by pseudonym only).
 */
import type { ReadJob, ReadResultOf } from '../serving/read-jobs.ts';
import type { Serving } from '../serving/serving.ts';
import type { Caller } from '../serving/work-queue.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { PseudonymsOf } from './pseudonymous-store.ts';
import { scrub } from './pseudonyms.ts';

export function pseudonymousServing(serving: Serving, pseudonymousStore: GraphStore, pOf: PseudonymsOf): Serving {
  return {
    reads: serving.reads,
    analysis: serving.analysis,
    close: () => serving.close(),
    async read<J extends ReadJob>(job: J, caller: Caller): Promise<ReadResultOf<J>> {
      if (job.op === 'search') return (await pseudonymousStore.search(job.text, job.limit, job.types)) as ReadResultOf<J>;
      const p = await pOf();
      const real: ReadJob =
        job.op === 'neighborhood' ? { ...job, id: p.inId(job.id) } : job.op === 'shortestPaths' ? { ...job, from: p.inId(job.from), to: p.inId(job.to) } : job;
      const answer = await serving.read(real, caller);
      // The region matrix names regions only (as the store decorator's regionMatrix).
      return (real.op === 'regionMatrix' ? answer : scrub(answer, await pOf(), true)) as ReadResultOf<J>;
    },
  };
}
