/** The classic network datasets with networkx reference values in ../shared/data/sna (skipped when absent). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEdgeList } from '../../server/analysis/edge-list.ts';
import { edgeListGraph, type ActorGraph } from '../../server/analysis/graph.ts';

export const SNA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/sna');
export const hasSna = existsSync(join(SNA_DIR, 'karate_edges.csv'));
export const SNA_SKIP_NOTE = `reference data not found at ${SNA_DIR}; reference tests skipped`;
// CI lays ../shared beside the clone: there the reference tests must run, never skip.
// eslint-disable-next-line no-restricted-properties -- test harness
if (!hasSna && process.env.CI === 'true') throw new Error(`CI=true, but ${SNA_SKIP_NOTE.replace('; reference tests skipped', '')}`);

export interface SnaReference {
  n_nodes: number;
  n_edges: number;
  density: number;
  connected_components: number;
  degree: Record<string, number>;
  betweenness_normalized: Record<string, number>;
  closeness: Record<string, number>;
  eigenvector: Record<string, number>;
  weighted_degree_strength?: Record<string, number>;
  eigenvector_weighted?: Record<string, number>;
  louvain_unweighted_seed_sweep_0_49: { min_modularity: number; max_modularity: number };
  louvain_weighted_seed_sweep_0_49?: { min_modularity: number; max_modularity: number };
}

export function loadSna(graph: string, metrics = graph): { graph: ActorGraph; reference: SnaReference } {
  // The bipartite file names its columns woman,event; the rest source,target[,weight].
  const text = readFileSync(join(SNA_DIR, `${graph}_edges.csv`), 'utf8').replace(/^woman,event/, 'source,target');
  const rows = parseEdgeList(text, `${graph}_edges.csv`);
  const reference = JSON.parse(readFileSync(join(SNA_DIR, `${metrics}_metrics.json`), 'utf8')) as SnaReference;
  return { graph: edgeListGraph(rows, Object.keys(reference.degree)).graph, reference };
}
