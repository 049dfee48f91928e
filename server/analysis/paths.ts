/**
 * Everything that needs a breadth-first search from every node, in one pass (Brandes 2001):
 * betweenness (normalised as networkx does), closeness with Wasserman–Faust's correction for
 * disconnected graphs, eccentricity within the component, and the distance sums for the average
 * path length. Unweighted: ties are steps (their weights are strengths, not distances).
 */
import type { Csr } from './csr.ts';

export interface PathMetrics {
  /** Normalised by (n-1)(n-2), as `networkx.betweenness_centrality(normalized=True)`. */
  betweenness: Float64Array;
  /** `networkx.closeness_centrality` (wf_improved=True): (r-1)/Σd · (r-1)/(n-1), r = reachable incl. self. */
  closeness: Float64Array;
  /** Longest shortest path to a node of the same component. */
  eccentricity: Int32Array;
  /** Σ of all shortest-path lengths over ordered reachable pairs, and their number. */
  distanceSum: number;
  reachablePairs: number;
}

export function pathMetrics(csr: Csr): PathMetrics {
  const { offsets, targets } = csr;
  const n = csr.ids.length;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const eccentricity = new Int32Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  let distanceSum = 0;
  let reachablePairs = 0;

  for (let s = 0; s < n; s++) {
    // BFS from s; `order` is the visiting order (non-decreasing distance).
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let sum = 0;
    while (head < tail) {
      const v = order[head++] as number;
      const dv = dist[v] as number;
      const sv = sigma[v] as number;
      sum += dv;
      for (let p = offsets[v] as number, end = offsets[v + 1] as number; p < end; p++) {
        const w = targets[p] as number;
        const dw = dist[w] as number;
        if (dw < 0) {
          dist[w] = dv + 1;
          sigma[w] = sv;
          order[tail++] = w;
        } else if (dw === dv + 1) {
          sigma[w] = (sigma[w] as number) + sv;
        }
      }
    }
    const reached = tail;
    eccentricity[s] = dist[order[reached - 1] as number] as number;
    distanceSum += sum;
    reachablePairs += reached - 1;
    if (sum > 0 && n > 1) closeness[s] = ((reached - 1) / sum) * ((reached - 1) / (n - 1));

    // Dependencies in reverse BFS order; predecessors are the neighbours one step closer to s.
    for (let i = reached - 1; i > 0; i--) {
      const w = order[i] as number;
      const dw = dist[w] as number;
      const coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (let p = offsets[w] as number, end = offsets[w + 1] as number; p < end; p++) {
        const v = targets[p] as number;
        if (dist[v] === dw - 1) delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
      }
      betweenness[w] = (betweenness[w] as number) + (delta[w] as number);
    }
    for (let i = 0; i < reached; i++) {
      const v = order[i] as number;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let i = 0; i < n; i++) betweenness[i] = (betweenness[i] as number) * scale;
  }
  return { betweenness, closeness, eccentricity, distanceSum, reachablePairs };
}
