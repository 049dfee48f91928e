/**
 * Shortest-path kernels on CSR typed arrays, written so that a list of jobs can be split across
 * threads (path-pool.ts) and the partial results added up (path-plan.ts). Unweighted: ties are
 * steps (their weights are strengths, not distances). Hand-written because graphology's
 * betweenness takes ~5 s on 3,000 actors / 16,000 ties and has no sampling estimators; these run a
 * breadth-first search over 665,000 ties in a few milliseconds.
 *
 * - `brandesJob`: Brandes (2001) from a list of sources — exact betweenness dependencies, closeness
 *   (Wasserman–Faust), eccentricity and distance sums of those sources.
 * - `pairSampleJob`: Riondato–Kornaropoulos (2016) samples: a uniform random pair (s, t) of one
 *   component, one uniform random shortest s–t path by balanced bidirectional BFS, +1 for each inner node.
 * - `distanceJob`: plain BFS from sampled sources, each node's summed distance to them (closeness and
 *   average path length estimates, Eppstein–Wang 2004).
 * - `diameter` (Takes–Kosters BoundingDiameters) for the exact diameter of a large component.
 */
import { seededRandom } from './random.ts';

/** The adjacency the kernels read: node i's neighbours are `targets[offsets[i] .. offsets[i+1])`. */
export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

export type PathJob =
  | { kind: 'brandes'; sources: Int32Array }
  | { kind: 'pairs'; nodes: Int32Array; samples: number; seed: number }
  | { kind: 'distances'; sources: Int32Array };

export interface BrandesPart {
  kind: 'brandes';
  /** Unnormalised dependency sums (each unordered pair counted from both ends). */
  betweenness: Float64Array;
  /** Per source: Σ distance and nodes reached (self included); 0 elsewhere. */
  distanceSum: Float64Array;
  reached: Int32Array;
  eccentricity: Int32Array;
  /** Per node: Σ over the job's sources of the distance to it (for sampled sources, as in DistancesPart). */
  sum: Float64Array;
  /** Per source (in job order): mean distance to the other reached nodes, and its eccentricity. */
  sourceMean: Float64Array;
  sourceEccentricity: Int32Array;
}
export interface PairsPart {
  kind: 'pairs';
  /** Per node: the number of sampled shortest paths it lies inside of. */
  hits: Float64Array;
  samples: number;
}
export interface DistancesPart {
  kind: 'distances';
  /** Per node: Σ over the job's sources of the distance to it (0 when unreachable). */
  sum: Float64Array;
  /** Per source (in job order): mean distance to the other reached nodes, and its eccentricity. */
  sourceMean: Float64Array;
  sourceEccentricity: Int32Array;
}
export type PathPart = BrandesPart | PairsPart | DistancesPart;

export function runPathJob(adj: Adjacency, job: PathJob): PathPart {
  switch (job.kind) {
    case 'brandes':
      return brandesJob(adj, job.sources);
    case 'pairs':
      return pairSampleJob(adj, job.nodes, job.samples, job.seed);
    case 'distances':
      return distanceJob(adj, job.sources);
  }
}

export function brandesJob(adj: Adjacency, sources: Int32Array): BrandesPart {
  const { offsets, targets } = adj;
  const n = offsets.length - 1;
  const betweenness = new Float64Array(n);
  const distanceSum = new Float64Array(n);
  const reachedOut = new Int32Array(n);
  const eccentricity = new Int32Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const targetSum = new Float64Array(n);
  const sourceMean = new Float64Array(sources.length);
  const sourceEccentricity = new Int32Array(sources.length);

  for (const [k, s] of sources.entries()) {
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
      targetSum[v] = (targetSum[v] as number) + dv;
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
    eccentricity[s] = dist[order[tail - 1] as number] as number;
    distanceSum[s] = sum;
    reachedOut[s] = tail;
    sourceMean[k] = tail > 1 ? sum / (tail - 1) : 0;
    sourceEccentricity[k] = eccentricity[s] as number;
    // Dependencies in reverse BFS order; predecessors are the neighbours one step closer to s.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i] as number;
      const dw = dist[w] as number;
      const coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (let p = offsets[w] as number, end = offsets[w + 1] as number; p < end; p++) {
        const v = targets[p] as number;
        if (dist[v] === dw - 1) delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
      }
      betweenness[w] = (betweenness[w] as number) + (delta[w] as number);
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i] as number;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return { kind: 'brandes', betweenness, distanceSum, reached: reachedOut, eccentricity, sum: targetSum, sourceMean, sourceEccentricity };
}

/** Breadth-first distances from `s` into `dist` (filled with -1 beforehand); returns the visiting order's length. */
function bfs(adj: Adjacency, s: number, dist: Int32Array, order: Int32Array): number {
  const { offsets, targets } = adj;
  dist[s] = 0;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++] as number;
    const dv = (dist[v] as number) + 1;
    for (let p = offsets[v] as number, end = offsets[v + 1] as number; p < end; p++) {
      const w = targets[p] as number;
      if ((dist[w] as number) < 0) {
        dist[w] = dv;
        order[tail++] = w;
      }
    }
  }
  return tail;
}

export function distanceJob(adj: Adjacency, sources: Int32Array): DistancesPart {
  const n = adj.offsets.length - 1;
  const sum = new Float64Array(n);
  const sourceMean = new Float64Array(sources.length);
  const sourceEccentricity = new Int32Array(sources.length);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  sources.forEach((s, k) => {
    const reached = bfs(adj, s, dist, order);
    let total = 0;
    for (let i = 0; i < reached; i++) {
      const v = order[i] as number;
      const d = dist[v] as number;
      sum[v] = (sum[v] as number) + d;
      total += d;
    }
    sourceMean[k] = reached > 1 ? total / (reached - 1) : 0;
    sourceEccentricity[k] = dist[order[reached - 1] as number] as number;
    for (let i = 0; i < reached; i++) dist[order[i] as number] = -1;
  });
  return { kind: 'distances', sum, sourceMean, sourceEccentricity };
}

/**
 * `samples` Riondato–Kornaropoulos samples inside one component (`nodes`, all mutually reachable):
 * a uniform ordered pair s ≠ t, then a uniformly chosen shortest s–t path. The two searches grow
 * level by level from both ends, always the side whose frontier has fewer tie ends, until they meet;
 * every shortest path crosses the last level grown at exactly one node w, so σ_st = Σ σ_s(w)·σ_t(w)
 * over those, and the path is drawn by picking w ∝ σ_s(w)·σ_t(w), then predecessors ∝ their σ on each side.
 */
export function pairSampleJob(adj: Adjacency, nodes: Int32Array, samples: number, seed: number): PairsPart {
  const { offsets, targets } = adj;
  const n = offsets.length - 1;
  const hits = new Float64Array(n);
  const random = seededRandom(seed);
  const R = nodes.length;
  if (R < 3) return { kind: 'pairs', hits, samples };
  const dist = [new Int32Array(n).fill(-1), new Int32Array(n).fill(-1)] as const;
  const sigma = [new Float64Array(n), new Float64Array(n)] as const;
  const seen = [new Int32Array(n), new Int32Array(n)] as const; // visited nodes per side, in BFS order
  const meet = new Int32Array(n);

  for (let k = 0; k < samples; k++) {
    const s = nodes[Math.floor(random() * R)] as number;
    let t = nodes[Math.floor(random() * (R - 1))] as number;
    if (t === s) t = nodes[R - 1] as number;
    const ends = [s, t];
    const count = [1, 1];
    // Frontier of each side: seen[side][start[side] .. count[side]).
    const start = [0, 0];
    const depth = [0, 0];
    const volume = [offsets[s + 1]! - offsets[s]!, offsets[t + 1]! - offsets[t]!];
    for (let side = 0; side < 2; side++) {
      const e = ends[side] as number;
      bySide(dist, side)[e] = 0;
      bySide(sigma, side)[e] = 1;
      bySide(seen, side)[0] = e;
    }
    let meets = 0;
    while (meets === 0) {
      const side = (volume[0] as number) <= (volume[1] as number) ? 0 : 1;
      const other = 1 - side;
      const d = bySide(dist, side);
      const sg = bySide(sigma, side);
      const od = bySide(dist, other);
      const list = bySide(seen, side);
      const from = start[side] as number;
      const to = count[side] as number;
      let tail = to;
      let vol = 0;
      const next = (depth[side] as number) + 1;
      for (let i = from; i < to; i++) {
        const v = list[i] as number;
        const sv = sg[v] as number;
        for (let p = offsets[v] as number, end = offsets[v + 1] as number; p < end; p++) {
          const w = targets[p] as number;
          const dw = d[w] as number;
          if (dw < 0) {
            d[w] = next;
            sg[w] = sv;
            list[tail++] = w;
            vol += offsets[w + 1]! - offsets[w]!;
            if ((od[w] as number) >= 0) meet[meets++] = w;
          } else if (dw === next) {
            sg[w] = (sg[w] as number) + sv;
          }
        }
      }
      start[side] = to;
      count[side] = tail;
      depth[side] = next;
      volume[side] = vol;
      if (meets === 0 && tail === to) break; // cannot happen inside one component
    }
    if (meets > 0) {
      // Keep the meeting nodes on shortest paths (smallest distance from the other side).
      let best = Infinity;
      for (let i = 0; i < meets; i++) best = Math.min(best, (dist[0][meet[i] as number] as number) + (dist[1][meet[i] as number] as number));
      let total = 0;
      for (let i = 0; i < meets; i++) {
        const w = meet[i] as number;
        if ((dist[0][w] as number) + (dist[1][w] as number) === best) total += (sigma[0][w] as number) * (sigma[1][w] as number);
      }
      let target = random() * total;
      let w = -1;
      for (let i = 0; i < meets; i++) {
        const x = meet[i] as number;
        if ((dist[0][x] as number) + (dist[1][x] as number) !== best) continue;
        w = x;
        target -= (sigma[0][x] as number) * (sigma[1][x] as number);
        if (target < 0) break;
      }
      if (w !== s && w !== t) hits[w] = (hits[w] as number) + 1;
      // Walk from w back to each end, choosing predecessors in proportion to their path counts.
      for (let side = 0; side < 2; side++) {
        const d = bySide(dist, side);
        const sg = bySide(sigma, side);
        let v = w;
        while ((d[v] as number) > 1) {
          const dv = d[v] as number;
          let r = random() * (sg[v] as number);
          let chosen = -1;
          for (let p = offsets[v] as number, end = offsets[v + 1] as number; p < end; p++) {
            const u = targets[p] as number;
            if (d[u] !== dv - 1) continue;
            chosen = u;
            r -= sg[u] as number;
            if (r < 0) break;
          }
          v = chosen;
          hits[v] = (hits[v] as number) + 1;
        }
      }
    }
    for (let side = 0; side < 2; side++) {
      const list = bySide(seen, side);
      for (let i = 0; i < (count[side] as number); i++) {
        const v = list[i] as number;
        bySide(dist, side)[v] = -1;
        bySide(sigma, side)[v] = 0;
      }
    }
  }
  return { kind: 'pairs', hits, samples };
}

const bySide = <T>(pair: readonly [T, T], side: number): T => (side === 0 ? pair[0] : pair[1]);

export interface DiameterResult {
  /** Lower and upper bound; equal when exact. */
  lower: number;
  upper: number;
  /** Breadth-first searches spent. */
  searches: number;
  /** Per node of the component: an upper bound on its eccentricity (Int32 max elsewhere). */
  eccentricityUpper: Int32Array;
}

/**
 * The diameter of the component holding `start` by Takes & Kosters' BoundingDiameters (2011): each
 * BFS from v tightens every node w's eccentricity bounds, max(d(v,w), ecc(v) − d(v,w)) ≤ ecc(w) ≤
 * ecc(v) + d(v,w); searches alternate between the node with the largest upper and the smallest lower
 * bound, until no node's upper bound exceeds the largest lower bound. Stops at `maxSearches` with
 * bounds: on a 25,000-actor projection (diameter 5, radius 3, most eccentricities 4 or 5) neither
 * this nor iFUB settles within 1,000 searches (igraph's exact answer took 138 s), while 30 searches
 * (0.1 s) bound it to 5–6; the first search from the hub and the double sweep give both bounds.
 */
export function diameter(adj: Adjacency, start: number, maxSearches = 30): DiameterResult {
  const n = adj.offsets.length - 1;
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const reached = bfs(adj, start, dist, order);
  const members = Int32Array.from(order.subarray(0, reached));
  for (const v of members) dist[v] = -1;
  const lowerOf = new Int32Array(n);
  const upperOf = new Int32Array(n).fill(2 ** 31 - 1);
  const done = new Uint8Array(n);
  // Twins (equal closed neighbourhoods, e.g. the partners of one project that have no other) share
  // their eccentricity: one search settles the whole class. Classes by two 32-bit sums of node keys.
  const key1 = (v: number) => Math.imul(v + 0x9e3779b9, 0x85ebca6b) ^ (v >>> 13);
  const key2 = (v: number) => Math.imul(v ^ 0x27d4eb2f, 0xc2b2ae35) + (v << 7);
  const classOf = new Map<string, number[]>();
  const twinClass: number[][] = new Array<number[]>(n);
  for (const v of members) {
    let h1 = key1(v);
    let h2 = key2(v);
    for (let p = adj.offsets[v] as number, end = adj.offsets[v + 1] as number; p < end; p++) {
      h1 = (h1 + key1(adj.targets[p] as number)) | 0;
      h2 = (h2 + key2(adj.targets[p] as number)) | 0;
    }
    const k = `${(adj.offsets[v + 1] as number) - (adj.offsets[v] as number)}:${h1}:${h2}`;
    let c = classOf.get(k);
    if (!c) classOf.set(k, (c = []));
    c.push(v);
    twinClass[v] = c;
  }
  let lower = 0;
  let upper = 2 ** 31 - 1;
  let searches = 0;
  let pickHigh = true;
  let next = start;
  while (searches < maxSearches) {
    searches++;
    bfs(adj, next, dist, order);
    const e = dist[order[reached - 1] as number] as number;
    for (const t of twinClass[next] as number[]) {
      done[t] = 1;
      lowerOf[t] = Math.max(lowerOf[t] as number, e);
      upperOf[t] = Math.min(upperOf[t] as number, e);
    }
    lower = Math.max(lower, e);
    upper = Math.min(upper, 2 * e);
    let maxUpper = 0;
    let high = -1;
    let low = -1;
    for (const w of members) {
      const d = dist[w] as number;
      if (done[w] === 0) {
        lowerOf[w] = Math.max(lowerOf[w] as number, d, e - d);
        upperOf[w] = Math.min(upperOf[w] as number, e + d);
      }
      if ((upperOf[w] as number) > maxUpper) maxUpper = upperOf[w] as number;
      lower = Math.max(lower, lowerOf[w] as number);
    }
    upper = Math.min(upper, maxUpper);
    for (const w of members) dist[w] = -1;
    if (lower >= upper) return { lower, upper: lower, searches, eccentricityUpper: upperOf };
    // Candidates: nodes whose eccentricity is still open and could exceed the lower bound.
    for (const w of members) {
      if (done[w] === 1 || (upperOf[w] as number) <= lower || lowerOf[w] === upperOf[w]) continue;
      const degree = (adj.offsets[w + 1] as number) - (adj.offsets[w] as number);
      if (high < 0 || (upperOf[w] as number) > (upperOf[high] as number) || (upperOf[w] === upperOf[high] && degree > adj.offsets[high + 1]! - adj.offsets[high]!)) high = w;
      if (low < 0 || (lowerOf[w] as number) < (lowerOf[low] as number) || (lowerOf[w] === lowerOf[low] && degree > adj.offsets[low + 1]! - adj.offsets[low]!)) low = w;
    }
    if (high < 0) return { lower, upper: lower, searches, eccentricityUpper: upperOf };
    next = pickHigh ? high : low;
    pickHigh = !pickHigh;
  }
  return { lower, upper, searches, eccentricityUpper: upperOf };
}
