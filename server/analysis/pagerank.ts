/**
 * PageRank as `networkx.pagerank` defines it (α = 0.85, uniform teleport, dangling nodes —
 * actors without ties — spread their rank uniformly; weighted: a tie's share is its weight over the
 * actor's strength), iterated on CSR typed arrays until the L1 change falls below `tolerance`.
 * graphology-metrics' PageRank stops at a fixed 1e-6-ish change (max error 1e-4 against networkx at
 * 25,000 actors); this one runs to 1e-13, i.e. within ~1e-12 of the fixed point (the error after
 * a step is at most α/(1−α) times the step's change), in ~0.3 s at 665,000 ties.
 */
import type { Csr } from './csr.ts';

export function pagerank(csr: Csr, weighted: boolean, alpha = 0.85, tolerance = 1e-13, maxIterations = 10_000): Float64Array {
  const n = csr.ids.length;
  const { offsets, targets, weights } = csr;
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  if (n === 0) return x;
  // share[p]: the part of its source's rank that travels along adjacency slot p.
  const share = new Float64Array(targets.length);
  const dangling: number[] = [];
  for (let v = 0; v < n; v++) {
    const start = offsets[v] as number;
    const end = offsets[v + 1] as number;
    if (end === start) {
      dangling.push(v);
      continue;
    }
    let total = 0;
    for (let p = start; p < end; p++) total += weighted ? (weights[p] as number) : 1;
    for (let p = start; p < end; p++) share[p] = (weighted ? (weights[p] as number) : 1) / total;
  }
  let next = new Float64Array(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    let lost = 0;
    for (const v of dangling) lost += x[v] as number;
    const base = (alpha * lost + (1 - alpha)) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      const xv = alpha * (x[v] as number);
      for (let p = offsets[v] as number, end = offsets[v + 1] as number; p < end; p++) {
        const w = targets[p] as number;
        next[w] = (next[w] as number) + xv * (share[p] as number);
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs((next[i] as number) - (x[i] as number));
    [x, next] = [next, x];
    if (change < tolerance) break;
  }
  return x;
}
