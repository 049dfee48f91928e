/**
 * All shortest paths between two nodes by bidirectional breadth-first search, level by level, with
 * neighbours loaded in batches (one store round-trip per level and side).
 */
export type NeighbourLoader = (ids: readonly string[]) => Promise<Map<string, Set<string>>>;

export async function allShortestPaths(
  from: string,
  to: string,
  maxLength: number,
  limit: number,
  neighbours: NeighbourLoader,
): Promise<string[][]> {
  if (from === to) return [[from]];
  interface Side {
    dist: Map<string, number>;
    pred: Map<string, string[]>;
    front: string[];
    depth: number;
  }
  const side: [Side, Side] = [
    { dist: new Map([[from, 0]]), pred: new Map(), front: [from], depth: 0 },
    { dist: new Map([[to, 0]]), pred: new Map(), front: [to], depth: 0 },
  ];
  while (side[0].depth + side[1].depth < maxLength && side[0].front.length > 0 && side[1].front.length > 0) {
    const si = side[0].front.length <= side[1].front.length ? 0 : 1;
    const s = side[si];
    const other = side[1 - si] as Side;
    const adj = await neighbours(s.front);
    const next: string[] = [];
    for (const u of s.front) {
      for (const v of adj.get(u) ?? []) {
        const d = s.dist.get(v);
        if (d === undefined) {
          s.dist.set(v, s.depth + 1);
          s.pred.set(v, [u]);
          next.push(v);
        } else if (d === s.depth + 1) {
          s.pred.get(v)?.push(u);
        }
      }
    }
    s.depth += 1;
    s.front = next;
    const meets = next.filter((v) => other.dist.has(v)).sort();
    if (meets.length > 0) {
      const fromSide = side[0];
      const toSide = side[1];
      const out: string[][] = [];
      for (const m of meets) {
        for (const head of walk(m, fromSide.pred, limit)) {
          for (const tail of walk(m, toSide.pred, limit)) {
            out.push([...head.reverse(), ...tail.slice(1)]);
            if (out.length >= limit) return sortPaths(out);
          }
        }
      }
      return sortPaths(out);
    }
  }
  return [];
}

/** Paths from `node` back to the root of a BFS tree (node first), at most `limit`. */
function walk(node: string, pred: ReadonlyMap<string, string[]>, limit: number): string[][] {
  const out: string[][] = [];
  const rec = (cur: string, acc: string[]) => {
    if (out.length >= limit) return;
    const ps = pred.get(cur);
    if (!ps || ps.length === 0) {
      out.push([...acc]);
      return;
    }
    for (const p of [...ps].sort()) {
      acc.push(p);
      rec(p, acc);
      acc.pop();
    }
  };
  rec(node, [node]);
  return out;
}

function sortPaths(paths: string[][]): string[][] {
  return paths.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}
