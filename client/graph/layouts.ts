/**
 * Layout options and the force-layout worker protocol. Force-directed and region-grouped layouts run
 * fcose in a web worker (layout.worker.ts); geographic placement is computed (geo.ts); concentric by
 * degree is quick enough for the page.
 */
import type { Position } from '../state/explorer.ts';

export interface LayoutRequest {
  id: number;
  nodes: { id: string; parent?: string; x: number; y: number; size: number }[];
  edges: { id: string; source: string; target: string }[];
  fixed: { id: string; x: number; y: number }[];
  /** false: start from the current positions (the picture stays recognisable). */
  randomize: boolean;
  /** Width / height of the canvas: disconnected parts are packed to fill it. */
  aspectRatio: number;
}

export type LayoutResponse = { id: number; positions: Record<string, Position>; ms: number } | { id: number; error: string; ms: number };

/** Above this many nodes the force layout is fcose's quick spectral draft. */
export const DRAFT_NODES = 1500;

/** fcose settings: spacious enough for labels; incremental ("proof") when starting from positions. */
export function fcoseOptions(req: Pick<LayoutRequest, 'randomize' | 'fixed' | 'nodes'>): Record<string, unknown> {
  const n = req.nodes.length;
  // fcose's force phase grows roughly with the square of the nodes (about 20 minutes for 5,000 here):
  // above DRAFT_NODES only its spectral phase runs ("draft"), which takes seconds.
  const draft = n > DRAFT_NODES;
  return {
    name: 'fcose',
    animate: false,
    fit: false,
    randomize: draft || req.randomize,
    // fcose requires the slow-cooling quality when it starts from given positions.
    quality: draft ? 'draft' : req.randomize ? 'default' : 'proof',
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: () => 6500,
    idealEdgeLength: () => 70,
    edgeElasticity: () => 0.45,
    nestingFactor: 0.1,
    gravity: 0.25,
    gravityRangeCompound: 1.5,
    gravityCompound: 1.0,
    numIter: n > 2000 ? 1200 : 2500,
    tile: true,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
    // Separate parts are packed after the layout (fcose-layout.ts), not by fcose.
    packComponents: false,
    samplingType: true,
    sampleSize: 25,
    nodeSeparation: 80,
    uniformNodeDimensions: n > 2000,
    fixedNodeConstraint: req.fixed.length ? req.fixed.map((f) => ({ nodeId: f.id, position: { x: f.x, y: f.y } })) : undefined,
  };
}

let worker: Worker | null = null;

/** Stops a running force layout (its caller gets `superseded`): another layout replaces it. */
export function cancelForceLayout(): void {
  if (waiting.size === 0 || !worker) return;
  worker.terminate();
  worker = null;
  for (const [id, resolve] of waiting) resolve({ id, error: 'superseded', ms: 0 });
  waiting.clear();
}
let nextId = 1;
const waiting = new Map<number, (r: LayoutResponse) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<LayoutResponse>) => {
      waiting.get(ev.data.id)?.(ev.data);
      waiting.delete(ev.data.id);
    };
    worker.onerror = (ev) => {
      for (const [id, resolve] of waiting) resolve({ id, error: ev.message || 'layout worker failed', ms: 0 });
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/**
 * Runs fcose in the worker. A newer request supersedes a running one: the worker is stopped (a big
 * layout would otherwise finish first) and the older caller gets `superseded`.
 */
export function runForceLayout(req: Omit<LayoutRequest, 'id'>): Promise<LayoutResponse> {
  cancelForceLayout();
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    getWorker().postMessage({ ...req, id });
  });
}

/** Concentric rings by degree: the best-connected in the middle. */
export function concentricOptions(maxDegree: number): Record<string, unknown> {
  return {
    name: 'concentric',
    concentric: (n: { data(key: string): unknown }) => Number(n.data('degree')) || 0,
    levelWidth: () => Math.max(1, maxDegree / 7),
    minNodeSpacing: 14,
    avoidOverlap: true,
    animate: true,
    animationDuration: 600,
    fit: true,
    padding: 30,
  };
}
