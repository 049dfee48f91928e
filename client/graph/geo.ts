/**
 * Geographic placement: every node near its region's coordinates (a sunflower spiral around the
 * centre, so nodes of one place do not overlap), regions at their own coordinates. Nodes without a
 * place sit at the mean of their placed neighbours, the rest in a row below the map.
 * Projection: equirectangular around the centre of Germany, true to scale at 51° N.
 */
import type { NetworkEdge, NetworkNode } from '../api/types.ts';
import type { Position } from '../state/explorer.ts';

const LON0 = 10.45;
const LAT0 = 51.16;
/** Pixels per kilometre. */
export const PX_PER_KM = 2.4;
const KM_PER_DEG_LAT = 111.2;
const KM_PER_DEG_LON = KM_PER_DEG_LAT * Math.cos((51 * Math.PI) / 180);
/** Distance between neighbours on the spiral, in pixels. */
const SPACING = 26;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function project(lat: number, lon: number): Position {
  return { x: (lon - LON0) * KM_PER_DEG_LON * PX_PER_KM, y: -(lat - LAT0) * KM_PER_DEG_LAT * PX_PER_KM };
}

/** The i-th point of a sunflower spiral around `c` (i = 0 is the centre). */
export function spiral(c: Position, i: number): Position {
  if (i === 0) return { ...c };
  const r = SPACING * Math.sqrt(i);
  const a = i * GOLDEN_ANGLE;
  return { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
}

export function geoPositions(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): Map<string, Position> {
  const out = new Map<string, Position>();
  // Group by anchor coordinates; regions take the centre of their own spot.
  const anchors = new Map<string, { c: Position; ids: string[]; offset: number }>();
  const sorted = [...nodes].sort((a, b) => (a.type === 'REGION' ? 0 : 1) - (b.type === 'REGION' ? 0 : 1) || a.id.localeCompare(b.id));
  const unplaced: NetworkNode[] = [];
  for (const n of sorted) {
    if (n.lat === null || n.lon === null) {
      unplaced.push(n);
      continue;
    }
    const key = `${n.lat.toFixed(4)},${n.lon.toFixed(4)}`;
    let a = anchors.get(key);
    // The centre is kept for the region itself; other nodes start on the spiral.
    if (!a) anchors.set(key, (a = { c: project(n.lat, n.lon), ids: [], offset: n.type === 'REGION' ? 0 : 1 }));
    out.set(n.id, spiral(a.c, a.ids.length + a.offset));
    a.ids.push(n.id);
  }
  // Without a place: the mean of placed neighbours (in rounds, so chains resolve), else a row below.
  const nbrs = new Map<string, string[]>();
  for (const e of edges) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      const l = nbrs.get(a);
      if (l) l.push(b);
      else nbrs.set(a, [b]);
    }
  }
  let pending = unplaced;
  const around = new Map<string, number>();
  for (let round = 0; round < 3 && pending.length; round++) {
    const next: NetworkNode[] = [];
    const placedNow: [string, Position][] = [];
    for (const n of pending) {
      const ps = (nbrs.get(n.id) ?? []).map((m) => out.get(m)).filter((p): p is Position => p !== undefined);
      if (ps.length === 0) {
        next.push(n);
        continue;
      }
      const c = { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length };
      const key = `${Math.round(c.x)},${Math.round(c.y)}`;
      const i = (around.get(key) ?? 0) + 1;
      around.set(key, i);
      placedNow.push([n.id, spiral(c, i + 2)]);
    }
    for (const [id, p] of placedNow) out.set(id, p);
    if (next.length === pending.length) break;
    pending = next;
  }
  if (pending.length) {
    const ys = [...out.values()].map((p) => p.y);
    const xs = [...out.values()].map((p) => p.x);
    const y0 = (ys.length ? Math.max(...ys) : 0) + 80;
    const x0 = xs.length ? Math.min(...xs) : 0;
    pending.forEach((n, i) => out.set(n.id, { x: x0 + (i % 20) * 60, y: y0 + Math.floor(i / 20) * 60 }));
  }
  return out;
}
