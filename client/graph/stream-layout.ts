/**
 * The layout for large views (more than DRAFT_NODES nodes): ForceAtlas2 in a web worker
 * (graphology-layout-forceatlas2/worker), its positions streamed to the caller, who draws them once
 * per animation frame at most, so the picture forms while the page stays responsive. It stops when
 * the nodes have settled or the time budget is spent. (fcose's full force phase grows with the square
 * of the nodes, about 20 minutes for 5,000 here; its spectral draft is a still, worse picture.)
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { seeded } from './random.ts';

export interface StreamNode {
  id: string;
  x: number;
  y: number;
  /** Pinned: does not move. */
  fixed: boolean;
}

export interface StreamEdge {
  source: string;
  target: string;
  weight: number;
}

export interface StreamOptions {
  /** Called at most once per animation frame with the current positions. */
  onFrame(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  /** Longest run (default: 1.5 s + 1 ms per node, at most 8 s). */
  maxMs?: number;
}

export interface StreamRun {
  /** Resolves with the time spent once the layout has stopped (settled, out of time, or stopped). */
  done: Promise<{ ms: number; frames: number; settled: boolean }>;
  stop(): void;
}

/** Model units per ForceAtlas2 unit: about the spacing the other layouts give. */
export const FA2_SCALE = 6;

export function streamForceLayout(nodes: readonly StreamNode[], edges: readonly StreamEdge[], opts: StreamOptions): StreamRun {
  const started = performance.now();
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const rnd = seeded(nodes.length * 7919 + edges.length);
  // Start from the given places (the map, or the last picture) with a little jitter: ForceAtlas2 cannot separate nodes on one spot.
  const spread = Math.sqrt(nodes.length) * 4;
  for (const n of nodes) g.addNode(n.id, { x: n.x / FA2_SCALE + (rnd() - 0.5) * spread, y: n.y / FA2_SCALE + (rnd() - 0.5) * spread, fixed: n.fixed });
  for (const e of edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    g.updateEdge(e.source, e.target, (a) => ({ weight: ((a.weight as number | undefined) ?? 0) + e.weight }));
  }
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 800, edgeWeightInfluence: 0.5 };
  const layout = new FA2Layout(g, { settings, getEdgeWeight: 'weight' });
  const maxMs = opts.maxMs ?? Math.min(8000, 1500 + g.order);
  let stopped = false;
  let frames = 0;
  let last: Float64Array | null = null;
  let calm = 0;
  const positions = new Map<string, { x: number; y: number }>();
  const read = () => {
    g.forEachNode((id, a) => positions.set(id, { x: (a.x as number) * FA2_SCALE, y: (a.y as number) * FA2_SCALE }));
    return positions;
  };
  const done = new Promise<{ ms: number; frames: number; settled: boolean }>((resolve) => {
    const finish = (settled: boolean) => {
      layout.kill();
      if (!stopped) opts.onFrame(read());
      stopped = true;
      resolve({ ms: performance.now() - started, frames, settled });
    };
    const tick = () => {
      if (stopped) return finish(false);
      frames++;
      const now = read();
      opts.onFrame(now);
      // Settled: the mean step over the last frames is below 0.2 % of the picture's size, three frames running.
      const xs = new Float64Array(now.size * 2);
      let i = 0;
      let x1 = Infinity;
      let x2 = -Infinity;
      for (const p of now.values()) {
        xs[i++] = p.x;
        xs[i++] = p.y;
        x1 = Math.min(x1, p.x);
        x2 = Math.max(x2, p.x);
      }
      if (last && last.length === xs.length) {
        let moved = 0;
        for (let k = 0; k < xs.length; k += 2) moved += Math.hypot((xs[k] as number) - (last[k] as number), (xs[k + 1] as number) - (last[k + 1] as number));
        calm = moved / now.size < 0.002 * Math.max(1, x2 - x1) ? calm + 1 : 0;
      }
      last = xs;
      if (calm >= 3) return finish(true);
      if (performance.now() - started > maxMs) return finish(false);
      requestAnimationFrame(tick);
    };
    layout.start();
    requestAnimationFrame(tick);
  });
  return {
    done,
    stop() {
      stopped = true;
    },
  };
}
