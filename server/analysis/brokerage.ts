/**
 * Brokerage: Burt's constraint and effective size (as networkx defines them, weights optional),
 * and Gould–Fernandez brokerage roles with a node group (the actor's region).
 *
 * Gould–Fernandez is defined on directed triads a→b→c with a and c not tied. On undirected ties
 * every open triad a–b–c reads both ways, so a broker whose group matches exactly one end is
 * counted once as representative (a→b→c with b in a's group) and once as gatekeeper (c→b→a).
 * Triads with an end of unknown group are not counted.
 */
import type { Csr } from './csr.ts';

export interface BurtMeasures {
  /** NaN for isolates (networkx leaves them undefined). */
  constraint: Float64Array;
  effectiveSize: Float64Array;
}

/** Neighbour → tie weight per node, for O(1) "are u and v tied" checks. */
function adjacencyMaps(csr: Csr): Map<number, number>[] {
  const n = csr.ids.length;
  const maps: Map<number, number>[] = new Array(n);
  for (let v = 0; v < n; v++) {
    const m = new Map<number, number>();
    for (let p = csr.offsets[v] as number, end = csr.offsets[v + 1] as number; p < end; p++) m.set(csr.targets[p] as number, csr.weights[p] as number);
    maps[v] = m;
  }
  return maps;
}

export function burt(csr: Csr): BurtMeasures {
  const n = csr.ids.length;
  const adj = adjacencyMaps(csr);
  const strength = new Float64Array(n);
  const maxWeight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (const w of (adj[v] as Map<number, number>).values()) {
      strength[v] = (strength[v] as number) + w;
      if (w > (maxWeight[v] as number)) maxWeight[v] = w;
    }
  }
  // networkx: normalized_mutual_weight(u, v) = (w(u,v) + w(v,u)) / Σ_k (w(u,k) + w(k,u)); undirected → w/strength.
  const p = (u: number, v: number) => ((adj[u] as Map<number, number>).get(v) ?? 0) / (strength[u] as number);
  // ... and normalised by u's largest mutual weight instead (for effective size's redundancy).
  const m = (u: number, v: number) => ((adj[u] as Map<number, number>).get(v) ?? 0) / (maxWeight[u] as number);

  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const nv = adj[v] as Map<number, number>;
    if (nv.size === 0) {
      constraint[v] = NaN;
      effectiveSize[v] = NaN;
      continue;
    }
    let c = 0;
    let e = 0;
    for (const u of nv.keys()) {
      let indirect = 0;
      let redundancy = 0;
      for (const w of nv.keys()) {
        if (w === u) continue;
        const pwu = p(w, u);
        if (pwu !== 0) indirect += p(v, w) * pwu;
        const muw = m(u, w);
        if (muw !== 0) redundancy += p(v, w) * muw;
      }
      c += (p(v, u) + indirect) ** 2;
      e += 1 - redundancy;
    }
    constraint[v] = c;
    effectiveSize[v] = e;
  }
  return { constraint, effectiveSize };
}

export const BROKERAGE_ROLES = ['coordinator', 'gatekeeper', 'representative', 'itinerant', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export type BrokerageCounts = Record<BrokerageRole, number>;

export function brokerage(csr: Csr, groupOf: (index: number) => string | null): BrokerageCounts[] {
  const n = csr.ids.length;
  const adj = adjacencyMaps(csr);
  const groups = Array.from({ length: n }, (_, i) => groupOf(i));
  const out: BrokerageCounts[] = [];
  for (let b = 0; b < n; b++) {
    const counts: BrokerageCounts = { coordinator: 0, gatekeeper: 0, representative: 0, itinerant: 0, liaison: 0 };
    out.push(counts);
    const gb = groups[b];
    if (gb === null || gb === undefined) continue;
    const start = csr.offsets[b] as number;
    const end = csr.offsets[b + 1] as number;
    for (let i = start; i < end; i++) {
      const a = csr.targets[i] as number;
      const ga = groups[a];
      if (ga === null || ga === undefined) continue;
      const na = adj[a] as Map<number, number>;
      for (let j = i + 1; j < end; j++) {
        const c = csr.targets[j] as number;
        const gc = groups[c];
        if (gc === null || gc === undefined || na.has(c)) continue;
        if (ga === gb && gc === gb) counts.coordinator++;
        else if (ga === gc) counts.itinerant++;
        else if (ga === gb || gc === gb) {
          counts.gatekeeper++;
          counts.representative++;
        } else counts.liaison++;
      }
    }
  }
  return out;
}
