/**
 * Runs the force-directed layout (cytoscape-fcose) off the main thread on a headless Cytoscape, so
 * the page stays responsive however long it takes; the page animates to the result.
 */
import { forcePositions } from './fcose-layout.ts';
import type { LayoutRequest, LayoutResponse } from './layouts.ts';

self.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const req = ev.data;
  const started = performance.now();
  try {
    const res: LayoutResponse = { id: req.id, positions: forcePositions(req), ms: performance.now() - started };
    self.postMessage(res);
  } catch (e) {
    const res: LayoutResponse = { id: req.id, error: (e as Error).message, ms: performance.now() - started };
    self.postMessage(res);
  }
};
