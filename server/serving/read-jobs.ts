/**
 * The store reads that can be large or slow (network assembly, search): a whole or filtered
 * network, a neighbourhood, the overview, the region matrix, shortest paths and search. They run in the read workers
 * (read.worker.ts), each with its own connection to the store, so the main thread stays free for
 * search, details and everything small.
 */
import type { Network, NetworkFilter, Path, RegionPair } from '../network/network.model.ts';
import { overview, type OverviewData } from '../network/overview.ts';
import type { NodeType } from '../domain/model.ts';
import type { GraphStore, SearchHit } from '../store/graph-store.ts';

export type ReadJob =
  | { op: 'network'; filter: NetworkFilter }
  | { op: 'neighborhood'; id: string; depth: number; limit: number }
  | { op: 'overview'; level: string; parentId: string | null; filter: NetworkFilter }
  | { op: 'regionMatrix'; level: string; filter: NetworkFilter }
  | { op: 'shortestPaths'; from: string; to: string; maxLength: number; limit: number }
  | { op: 'search'; text: string; limit: number; types: NodeType[] | null };

export interface ReadResults {
  network: Network;
  neighborhood: Network;
  overview: OverviewData;
  regionMatrix: RegionPair[];
  shortestPaths: Path[];
  search: SearchHit[];
}
export type ReadResultOf<J extends ReadJob> = ReadResults[J['op']];

export function runReadJob(store: GraphStore, job: ReadJob): Promise<unknown> {
  switch (job.op) {
    case 'network':
      return store.network(job.filter);
    case 'neighborhood':
      return store.neighborhood(job.id, job.depth, job.limit);
    case 'overview':
      return overview(store, job.level, job.parentId, job.filter);
    case 'regionMatrix':
      return store.regionMatrix(job.level, job.filter);
    case 'shortestPaths':
      return store.shortestPaths(job.from, job.to, job.maxLength, job.limit);
    case 'search':
      return store.search(job.text, job.limit, job.types);
  }
}

/** Sorted keys, no undefined/null members: the same arguments always give the same key. */
export function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableKey(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
