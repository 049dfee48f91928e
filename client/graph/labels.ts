/**
 * Label culling: no pile-ups. Cytoscape scales labels with the zoom, so two labels that overlap
 * overlap at every zoom; we keep the labels of the most important nodes and hide those that would
 * collide with them (hover or selection still shows a hidden label). Pure and grid-bucketed: O(n).
 */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  box: Box;
  /** Higher wins (e.g. degree; selected and path nodes first). */
  priority: number;
}

const CELL = 120;
const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The ids whose labels stay visible: greedily by priority (ties by id), skipping any that overlap a kept one. */
export function chooseLabels(candidates: readonly LabelCandidate[]): Set<string> {
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grid = new Map<string, Box[]>();
  const kept = new Set<string>();
  for (const c of order) {
    const { x1, y1, x2, y2 } = c.box;
    if (!(x2 > x1 && y2 > y1)) continue;
    const cells: string[] = [];
    for (let gx = Math.floor(x1 / CELL); gx <= Math.floor(x2 / CELL); gx++)
      for (let gy = Math.floor(y1 / CELL); gy <= Math.floor(y2 / CELL); gy++) cells.push(`${gx},${gy}`);
    if (cells.some((k) => grid.get(k)?.some((b) => overlaps(b, c.box)))) continue;
    kept.add(c.id);
    for (const k of cells) {
      const list = grid.get(k);
      if (list) list.push(c.box);
      else grid.set(k, [c.box]);
    }
  }
  return kept;
}
