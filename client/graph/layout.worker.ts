/**
 * Runs the force-directed layout (cytoscape-fcose) off the main thread on a headless Cytoscape, so
 * the page stays responsive however long it takes; the page animates to the result.
 */
import './worker-globals.ts';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import layoutUtilities from 'cytoscape-layout-utilities';
import { fcoseOptions, type LayoutRequest, type LayoutResponse } from './layouts.ts';

cytoscape.use(fcose);
cytoscape.use(layoutUtilities);

/** A small seeded generator: the same network gets the same picture (fcose draws on Math.random). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(req: LayoutRequest): number {
  let h = 2166136261;
  for (const n of req.nodes) for (let i = 0; i < n.id.length; i++) h = Math.imul(h ^ n.id.charCodeAt(i), 16777619);
  return h;
}

self.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const req = ev.data;
  const started = performance.now();
  Math.random = seeded(seedOf(req));
  try {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [] });
    cy.add([
      ...req.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, ...(n.parent ? { parent: n.parent } : {}) }, position: { x: n.x, y: n.y } })),
      ...req.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ]);
    for (const n of req.nodes) cy.getElementById(n.id).style({ width: n.size, height: n.size });
    // fcose packs disconnected parts (the separate regional networks) to the canvas's aspect ratio.
    cy.layoutUtilities({ desiredAspectRatio: req.aspectRatio, componentSpacing: 50 });
    try {
      cy.layout(fcoseOptions(req) as unknown as cytoscape.LayoutOptions).run();
    } catch {
      // Packing the separate parts can fail (seen with large grouped drafts): lay out unpacked.
      cy.layout({ ...fcoseOptions(req), packComponents: false } as unknown as cytoscape.LayoutOptions).run();
    }
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      if (n.isParent()) return;
      const p = n.position();
      positions[n.id()] = { x: p.x, y: p.y };
    });
    const res: LayoutResponse = { id: req.id, positions, ms: performance.now() - started };
    self.postMessage(res);
  } catch (e) {
    const res: LayoutResponse = { id: req.id, error: (e as Error).message, ms: performance.now() - started };
    self.postMessage(res);
  }
};
