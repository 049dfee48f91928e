/**
 * Where the network hangs by a thread: connected components, articulation points (actors whose
 * removal splits their component) and bridges (ties whose removal does). Hopcroft–Tarjan low-link
 * search, iterative so that long chains cannot overflow the stack; graphology has no such module.
 */
import type { Csr } from './csr.ts';

export interface Components {
  /** Component number per node, 0 = the largest; ties broken by the first node's index. */
  of: Int32Array;
  sizes: number[];
}

export function components(csr: Csr): Components {
  const n = csr.ids.length;
  const raw = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const stack = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (raw[s] !== -1) continue;
    const c = sizes.length;
    let top = 0;
    stack[top++] = s;
    raw[s] = c;
    let size = 0;
    while (top > 0) {
      const v = stack[--top] as number;
      size++;
      for (let p = csr.offsets[v] as number, end = csr.offsets[v + 1] as number; p < end; p++) {
        const w = csr.targets[p] as number;
        if (raw[w] === -1) {
          raw[w] = c;
          stack[top++] = w;
        }
      }
    }
    sizes.push(size);
  }
  const rank = sizes.map((size, c) => [size, c] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const renumber = new Int32Array(sizes.length);
  rank.forEach(([, c], i) => (renumber[c] = i));
  const of = raw.map((c) => renumber[c] as number);
  return { of, sizes: rank.map(([size]) => size) };
}

export interface CutPoints {
  articulation: Uint8Array;
  /** Bridges as node index pairs (smaller index first). */
  bridges: [number, number][];
}

export function cutPoints(csr: Csr): CutPoints {
  const n = csr.ids.length;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // next adjacency position to explore
  const articulation = new Uint8Array(n);
  const bridges: [number, number][] = [];
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let rootChildren = 0;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    next[root] = csr.offsets[root] as number;
    while (top > 0) {
      const v = stack[top - 1] as number;
      const end = csr.offsets[v + 1] as number;
      if ((next[v] as number) < end) {
        const at = next[v] as number;
        next[v] = at + 1;
        const w = csr.targets[at] as number;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          next[w] = csr.offsets[w] as number;
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v] as number, disc[w] as number);
        }
      } else {
        top--;
        const p = parent[v] as number;
        if (p >= 0) {
          low[p] = Math.min(low[p] as number, low[v] as number);
          if ((low[v] as number) > (disc[p] as number)) bridges.push(p < v ? [p, v] : [v, p]);
          if (p !== root && (low[v] as number) >= (disc[p] as number)) articulation[p] = 1;
        }
      }
    }
    if (rootChildren > 1) articulation[root] = 1;
  }
  return { articulation, bridges };
}
