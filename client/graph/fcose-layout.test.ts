/**
 * Separate parts of a network are laid out apart and packed to the canvas's shape: no component's
 * box overlaps another's, and the whole picture's aspect ratio is near the canvas's.
 */
import { describe, expect, it } from 'vitest';
import { forcePositions } from './fcose-layout.ts';
import type { LayoutRequest } from './layouts.ts';

/** k components: a star, paths and small cliques of different sizes. */
function components(sizes: readonly number[]): Omit<LayoutRequest, 'id'> & { parts: string[][] } {
  const nodes: LayoutRequest['nodes'] = [];
  const edges: LayoutRequest['edges'] = [];
  const parts: string[][] = [];
  sizes.forEach((size, c) => {
    const ids = Array.from({ length: size }, (_, i) => `c${c}-n${i}`);
    parts.push(ids);
    ids.forEach((id, i) => nodes.push({ id, x: (i * 7) % 13, y: (c * 5) % 11, size: 20 }));
    for (let i = 1; i < size; i++) edges.push({ id: `c${c}-e${i}`, source: ids[c % 2 === 0 ? 0 : i - 1] as string, target: ids[i] as string });
  });
  return { nodes, edges, fixed: [], randomize: true, aspectRatio: 16 / 9, parts };
}

function box(ids: readonly string[], p: Record<string, { x: number; y: number }>, r = 10) {
  const xs = ids.map((id) => p[id]!.x);
  const ys = ids.map((id) => p[id]!.y);
  return { x1: Math.min(...xs) - r, y1: Math.min(...ys) - r, x2: Math.max(...xs) + r, y2: Math.max(...ys) + r };
}

describe('forcePositions: components packed apart', () => {
  it('nine components: no two boxes overlap, and together they fill about the canvas\'s aspect ratio', () => {
    const req = components([24, 12, 9, 7, 5, 4, 3, 2, 2]);
    const p = forcePositions(req);
    const boxes = req.parts.map((ids) => box(ids, p));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `components ${i} and ${j} interleave`).toBe(false);
      }
    const all = box(req.nodes.map((n) => n.id), p);
    const ratio = (all.x2 - all.x1) / (all.y2 - all.y1);
    console.log(`packed aspect ratio ${ratio.toFixed(2)} (canvas ${(16 / 9).toFixed(2)})`);
    expect(ratio).toBeGreaterThan((16 / 9) * 0.75);
    expect(ratio).toBeLessThan((16 / 9) * 1.33);
  });
});
