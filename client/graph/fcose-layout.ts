/**
 * fcose on a headless Cytoscape: what the layout worker runs (and tests run in Node). Separate parts
 * of the network (components) are then packed in rows to the canvas's aspect ratio (packComponents
 * below). fcose's own packing through cytoscape-layout-utilities was measured to leave components
 * overlapping (three 6-node stars: two of the three boxes overlapped, see fcose-layout.test.ts), so
 * it is off and this small shelf packing (largest first, O(k log k) for k components) does it.
 */
import './worker-globals.ts';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseOptions, type LayoutRequest } from './layouts.ts';
import { seeded } from './random.ts';

cytoscape.use(fcose);

function seedOf(req: Omit<LayoutRequest, 'id'>): number {
  let h = 2166136261;
  for (const n of req.nodes) for (let i = 0; i < n.id.length; i++) h = Math.imul(h ^ n.id.charCodeAt(i), 16777619);
  return h;
}

export function forcePositions(req: Omit<LayoutRequest, 'id'>): Record<string, { x: number; y: number }> {
  const random = Math.random;
  Math.random = seeded(seedOf(req));
  try {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [] });
    cy.add([
      ...req.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, ...(n.parent ? { parent: n.parent } : {}) }, position: { x: n.x, y: n.y } })),
      ...req.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ]);
    for (const n of req.nodes) cy.getElementById(n.id).style({ width: n.size, height: n.size });
    // Separate parts are packed afterwards (below), so their mutual repulsion is wasted work: each
    // part is laid out on its own. Measured on the bench's largest district (891 nodes in 154 parts,
    // the largest 391): ~0.5 s instead of ~1.2–1.7 s, the parts' shapes as before.
    const packed = req.fixed.length === 0 && req.nodes.every((n) => !n.parent);
    const parts = packed ? cy.elements().components() : [cy.elements()];
    for (const part of parts) {
      const nodes = part.nodes();
      if (nodes.length < 2) continue;
      const partReq = parts.length === 1 ? req : { ...req, nodes: nodes.map((n) => ({ id: n.id(), x: 0, y: 0, size: 0 })) };
      part.layout({ ...fcoseOptions(partReq), packComponents: false } as unknown as cytoscape.LayoutOptions).run();
    }
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      if (n.isParent()) return;
      const p = n.position();
      positions[n.id()] = { x: p.x, y: p.y };
    });
    // Region groups and pinned nodes keep their places; otherwise the separate parts are packed.
    if (packed) {
      const size = new Map(req.nodes.map((n) => [n.id, n.size]));
      return packComponents(
        parts.map((c) => c.nodes().map((n) => n.id())),
        positions,
        (id) => size.get(id) ?? 20,
        req.aspectRatio,
      );
    }
    return positions;
  } finally {
    Math.random = random;
  }
}

/** Space between packed parts, in model pixels. */
const GAP = 60;

/**
 * Packs the parts (lists of node ids) in rows, largest first, so that the whole is about `aspect`
 * (width / height) wide; each part keeps its own shape. Returns the moved positions.
 */
export function packComponents(
  parts: readonly (readonly string[])[],
  positions: Readonly<Record<string, { x: number; y: number }>>,
  sizeOf: (id: string) => number,
  aspect: number,
): Record<string, { x: number; y: number }> {
  const boxes = parts.map((ids) => {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const id of ids) {
      const p = positions[id];
      if (!p) continue;
      const r = sizeOf(id) / 2 + 20; // room for the label below
      x1 = Math.min(x1, p.x - r);
      y1 = Math.min(y1, p.y - r);
      x2 = Math.max(x2, p.x + r);
      y2 = Math.max(y2, p.y + r + 14);
    }
    return { ids, x1, y1, w: x2 - x1, h: y2 - y1 };
  });
  const valid = boxes.filter((b) => Number.isFinite(b.w) && Number.isFinite(b.h));
  if (valid.length < 2) return { ...positions };
  valid.sort((a, b) => b.h * b.w - a.h * a.w || b.h - a.h);
  const area = valid.reduce((s, b) => s + (b.w + GAP) * (b.h + GAP), 0);
  // Rows of about this width give about the canvas's shape; a few widths are tried, the closest kept.
  const base = Math.sqrt(area * Math.max(0.2, aspect));
  let best: { out: Record<string, { x: number; y: number }>; miss: number } | null = null;
  for (const f of [0.6, 0.75, 0.9, 1, 1.15, 1.35, 1.6, 2, 2.5]) {
    const rowWidth = Math.max(valid[0]?.w ?? 0, base * f);
    const out: Record<string, { x: number; y: number }> = { ...positions };
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    let width = 0;
    for (const b of valid) {
      if (x > 0 && x + b.w > rowWidth) {
        x = 0;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      const dx = x - b.x1;
      const dy = y - b.y1;
      for (const id of b.ids) {
        const p = positions[id];
        if (p) out[id] = { x: p.x + dx, y: p.y + dy };
      }
      x += b.w + GAP;
      width = Math.max(width, x - GAP);
      rowHeight = Math.max(rowHeight, b.h);
    }
    const miss = Math.abs(Math.log(width / Math.max(1, y + rowHeight) / aspect));
    if (!best || miss < best.miss) best = { out, miss };
  }
  const out = best?.out ?? { ...positions };
  return out;
}
