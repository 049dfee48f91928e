/**
 * Eigenvector centrality: the L2-normalised principal eigenvector of the adjacency matrix, as
 * `networkx.eigenvector_centrality_numpy` gives it and the reference values record. Power iteration
 * on A + I (the shift keeps bipartite graphs from oscillating) from the uniform start, like
 * `networkx.eigenvector_centrality`, but run until the summed change of a step is below 1e-13
 * (networkx's and graphology's default, 1e-6 per node, stops ~1e-5 short of the eigenvector).
 */
import type { Csr } from './csr.ts';

/** About 10⁹ multiply-adds (~2 s): graphs whose iteration settles slower get the last iterate. */
const WORK_BUDGET = 1e9;

export function eigenvectorCentrality(csr: Csr, weighted: boolean, tolerance = 1e-13, maxIterations?: number): Float64Array {
  const n = csr.ids.length;
  maxIterations ??= Math.max(1_000, Math.floor(WORK_BUDGET / (n + csr.targets.length + 1)));
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  if (n === 0) return x;
  for (let iter = 0; iter < maxIterations; iter++) {
    const last = x;
    x = Float64Array.from(last);
    for (let v = 0; v < n; v++) {
      const xv = last[v] as number;
      for (let p = csr.offsets[v] as number, end = csr.offsets[v + 1] as number; p < end; p++) {
        const w = csr.targets[p] as number;
        x[w] = (x[w] as number) + xv * (weighted ? (csr.weights[p] as number) : 1);
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm = Math.hypot(norm, x[i] as number);
    if (norm === 0) norm = 1;
    let change = 0;
    for (let i = 0; i < n; i++) {
      x[i] = (x[i] as number) / norm;
      change += Math.abs((x[i] as number) - (last[i] as number));
    }
    if (change < tolerance) return x;
  }
  return x; // not settled within maxIterations (only on pathological inputs): the last iterate
}
