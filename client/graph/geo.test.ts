/**
 * Geographic placement: projection (orientation and scale), the spiral around shared spots, region
 * nodes at the centre, nodes without a place near their neighbours or in a row below, determinism.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode, NodeType } from '../api/types.ts';
import type { Position } from '../state/explorer.ts';
import { PX_PER_KM, geoPositions, project, spiral } from './geo.ts';

// --- fixture builder -------------------------------------------------------------------------

const LEIPZIG = { lat: 51.34, lon: 12.37 };
const WETZLAR = { lat: 50.56, lon: 8.5 };

function node(id: string, at: { lat: number; lon: number } | null, type: NodeType = 'ACTOR'): NetworkNode {
  return { id, type, kind: null, label: id, regionId: null, lat: at?.lat ?? null, lon: at?.lon ?? null, sectors: [], startYear: null, endYear: null };
}
function edge(source: string, target: string): NetworkEdge {
  return { id: `${source}-${target}`, source, target, kind: 'cooperation', role: null, weight: 1, derived: false, via: [] };
}

const dist = (a: Position, b: Position): number => Math.hypot(a.x - b.x, a.y - b.y);
const get = (m: ReadonlyMap<string, Position>, id: string): Position => {
  const p = m.get(id);
  if (!p) throw new Error(`no position for ${id}`);
  return p;
};

/** Great-circle distance in km. */
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function minPairDistance(ps: readonly Position[]): number {
  let min = Infinity;
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) min = Math.min(min, dist(ps[i]!, ps[j]!));
  return min;
}

// --- project ---------------------------------------------------------------------------------

describe('project', () => {
  it('puts the centre of Germany at the origin', () => {
    const p = project(51.16, 10.45);
    expect(p.x).toBeCloseTo(0, 9);
    expect(p.y).toBeCloseTo(0, 9);
  });

  it('puts Leipzig east and north of Wetzlar (y grows downwards)', () => {
    const l = project(LEIPZIG.lat, LEIPZIG.lon);
    const w = project(WETZLAR.lat, WETZLAR.lon);
    expect(l.x).toBeGreaterThan(w.x);
    expect(l.y).toBeLessThan(w.y);
    // East of the centre is positive x, north is negative y.
    expect(l.x).toBeGreaterThan(0);
    expect(l.y).toBeLessThan(0);
    expect(w.x).toBeLessThan(0);
    expect(w.y).toBeGreaterThan(0);
  });

  it('is true to scale: about PX_PER_KM pixels per kilometre', () => {
    const l = project(LEIPZIG.lat, LEIPZIG.lon);
    const w = project(WETZLAR.lat, WETZLAR.lon);
    const km = haversineKm(LEIPZIG, WETZLAR);
    expect(km).toBeGreaterThan(270);
    expect(km).toBeLessThan(295);
    expect(dist(l, w) / PX_PER_KM / km).toBeCloseTo(1, 1);
    expect(Math.abs(dist(l, w) / PX_PER_KM - km) / km).toBeLessThan(0.02);
  });

  it('maps one degree of latitude to about 111 km, one degree of longitude at 51° N to about 70 km', () => {
    const a = project(51, 10);
    expect((project(52, 10).y - a.y) / PX_PER_KM).toBeCloseTo(-111.2, 1);
    expect((project(51, 11).x - a.x) / PX_PER_KM).toBeCloseTo(111.2 * Math.cos((51 * Math.PI) / 180), 1);
    expect(project(52, 10).x).toBeCloseTo(a.x, 9);
  });
});

// --- spiral ----------------------------------------------------------------------------------

describe('spiral', () => {
  const c = { x: 100, y: -50 };

  it('starts at the centre (a copy)', () => {
    const p = spiral(c, 0);
    expect(p).toEqual(c);
    expect(p).not.toBe(c);
  });

  it('moves outwards with the square root of the index', () => {
    for (const i of [1, 2, 4, 9, 25]) expect(dist(spiral(c, i), c)).toBeCloseTo(26 * Math.sqrt(i), 9);
  });

  it('keeps points apart (at least 20 px among the first 200)', () => {
    const ps = Array.from({ length: 200 }, (_, i) => spiral(c, i));
    expect(minPairDistance(ps)).toBeGreaterThanOrEqual(20);
  });
});

// --- geoPositions ----------------------------------------------------------------------------

describe('geoPositions', () => {
  it('is empty for an empty network', () => {
    expect(geoPositions([], []).size).toBe(0);
  });

  it('places every node exactly once', () => {
    const nodes = [node('a', LEIPZIG), node('b', WETZLAR), node('c', null), node('d', null)];
    const pos = geoPositions(nodes, [edge('a', 'c')]);
    expect([...pos.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const p of pos.values()) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
  });

  it('keeps the geography: an actor in Leipzig lands east and north of one in Wetzlar, near its town', () => {
    const pos = geoPositions([node('leipzig-actor', LEIPZIG), node('wetzlar-actor', WETZLAR)], []);
    const l = get(pos, 'leipzig-actor');
    const w = get(pos, 'wetzlar-actor');
    expect(l.x).toBeGreaterThan(w.x);
    expect(l.y).toBeLessThan(w.y);
    // Alone at its spot: one spiral step (26 px, about 11 km) from the town centre.
    expect(dist(l, project(LEIPZIG.lat, LEIPZIG.lon))).toBeCloseTo(26, 6);
    expect(dist(w, project(WETZLAR.lat, WETZLAR.lon))).toBeCloseTo(26, 6);
  });

  it('gives nodes sharing coordinates distinct positions at least 20 px apart, around the spot', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => node(`a${String(i).padStart(2, '0')}`, LEIPZIG));
    const pos = geoPositions(nodes, []);
    const ps = [...pos.values()];
    expect(new Set(ps.map((p) => `${p.x},${p.y}`)).size).toBe(40);
    expect(minPairDistance(ps)).toBeGreaterThanOrEqual(20);
    const c = project(LEIPZIG.lat, LEIPZIG.lon);
    for (const p of ps) expect(dist(p, c)).toBeLessThanOrEqual(26 * Math.sqrt(40) + 1e-9);
    // Without a region node the centre stays free.
    for (const p of ps) expect(dist(p, c)).toBeGreaterThan(1);
  });

  it('treats coordinates equal to 4 decimals as one spot', () => {
    const pos = geoPositions([node('a', LEIPZIG), node('b', { lat: LEIPZIG.lat + 0.00001, lon: LEIPZIG.lon })], []);
    expect(dist(get(pos, 'a'), get(pos, 'b'))).toBeGreaterThanOrEqual(20);
  });

  it('puts a region node at the centre of its spot, whatever its id', () => {
    const nodes = [node('a-1', LEIPZIG), node('z-region', LEIPZIG, 'REGION'), node('a-2', LEIPZIG), node('p-1', LEIPZIG, 'PROJECT')];
    const pos = geoPositions(nodes, []);
    const c = project(LEIPZIG.lat, LEIPZIG.lon);
    expect(get(pos, 'z-region').x).toBeCloseTo(c.x, 9);
    expect(get(pos, 'z-region').y).toBeCloseTo(c.y, 9);
    for (const id of ['a-1', 'a-2', 'p-1']) expect(dist(get(pos, id), c)).toBeGreaterThanOrEqual(26 - 1e-9);
    expect(minPairDistance([...pos.values()])).toBeGreaterThanOrEqual(20);
  });

  it('puts a node without coordinates near the mean of its placed neighbours', () => {
    const nodes = [node('l', LEIPZIG), node('w', WETZLAR), node('u', null)];
    const pos = geoPositions(nodes, [edge('u', 'l'), edge('w', 'u')]);
    const l = get(pos, 'l');
    const w = get(pos, 'w');
    const mean = { x: (l.x + w.x) / 2, y: (l.y + w.y) / 2 };
    const u = get(pos, 'u');
    expect(dist(u, mean)).toBeLessThan(50);
    // Far from both ends (they are about 680 px apart).
    expect(dist(u, l)).toBeGreaterThan(250);
    expect(dist(u, w)).toBeGreaterThan(250);
  });

  it('gives several nodes around the same mean distinct spots, none on the neighbour itself', () => {
    const nodes = [node('l', LEIPZIG), node('u1', null), node('u2', null), node('u3', null)];
    const pos = geoPositions(nodes, [edge('u1', 'l'), edge('u2', 'l'), edge('l', 'u3')]);
    const l = get(pos, 'l');
    const ps = ['l', 'u1', 'u2', 'u3'].map((id) => get(pos, id));
    expect(minPairDistance(ps)).toBeGreaterThanOrEqual(20);
    for (const id of ['u1', 'u2', 'u3']) expect(dist(get(pos, id), l)).toBeLessThan(60);
  });

  it('resolves chains of nodes without coordinates, step by step', () => {
    const nodes = [node('l', LEIPZIG), node('u1', null), node('u2', null)];
    const pos = geoPositions(nodes, [edge('l', 'u1'), edge('u1', 'u2')]);
    const l = get(pos, 'l');
    const u1 = get(pos, 'u1');
    const u2 = get(pos, 'u2');
    expect(dist(u1, l)).toBeLessThan(60);
    expect(dist(u2, u1)).toBeLessThan(60);
    expect(dist(u2, l)).toBeGreaterThanOrEqual(20);
  });

  it('puts isolated nodes without coordinates in rows of 20 below the map', () => {
    const placed = [node('l', LEIPZIG), node('w', WETZLAR)];
    const isolated = Array.from({ length: 25 }, (_, i) => node(`i${String(i).padStart(2, '0')}`, null));
    const pos = geoPositions([...isolated, ...placed], []);
    const l = get(pos, 'l');
    const w = get(pos, 'w');
    const y0 = Math.max(l.y, w.y) + 80;
    const x0 = Math.min(l.x, w.x);
    expect(get(pos, 'i00')).toEqual({ x: x0, y: y0 });
    expect(get(pos, 'i01')).toEqual({ x: x0 + 60, y: y0 });
    expect(get(pos, 'i19')).toEqual({ x: x0 + 19 * 60, y: y0 });
    expect(get(pos, 'i20')).toEqual({ x: x0, y: y0 + 60 });
    expect(get(pos, 'i24')).toEqual({ x: x0 + 4 * 60, y: y0 + 60 });
    for (const n of isolated) expect(get(pos, n.id).y).toBeGreaterThan(Math.max(l.y, w.y));
  });

  it('puts the row at the origin when nothing has a place', () => {
    const pos = geoPositions([node('b', null), node('a', null)], [edge('a', 'b')]);
    expect(get(pos, 'a')).toEqual({ x: 0, y: 80 });
    expect(get(pos, 'b')).toEqual({ x: 60, y: 80 });
  });

  it('is deterministic: same input, same output, whatever the order of nodes and edges', () => {
    const nodes = [
      node('r', LEIPZIG, 'REGION'),
      node('a', LEIPZIG),
      node('b', LEIPZIG),
      node('c', WETZLAR),
      node('u', null),
      node('v', null),
      node('x', null),
    ];
    const edges = [edge('u', 'a'), edge('u', 'c'), edge('v', 'u'), edge('b', 'c')];
    const one = geoPositions(nodes, edges);
    expect(geoPositions(nodes, edges)).toEqual(one);
    const other = geoPositions([...nodes].reverse(), [...edges].reverse());
    expect([...other.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [id, p] of one) {
      expect(get(other, id).x).toBeCloseTo(p.x, 6);
      expect(get(other, id).y).toBeCloseTo(p.y, 6);
    }
  });
});
