/** The overview against generated networks on the embedded store: counts add up, ties match the region matrix, drill-down stays inside. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/open-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { generateNetwork } from '../../test/bench/generate.ts';
import { overview } from './overview.ts';

let store: GraphStore;
let dir: string;
const batch = generateNetwork({ regions: 60, actors: 1200, projects: 300, relationships: 6000, seed: 3 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nwa-overview-'));
  store = await openStore(loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }));
  await store.init();
  await store.applyBatch(batch);
}, 60_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('overview(level, parentId, filter)', () => {
  it('states: every placed actor is counted once, ties equal the region matrix off its diagonal', async () => {
    const o = await overview(store, 'state', null, {});
    expect(o.actors).toBe(batch.actors.length);
    expect(o.regions.reduce((s, r) => s + r.actors, 0) + o.unplaced).toBe(o.actors);
    expect(o.regions.every((r) => r.kind === 'state' && r.hasChildren)).toBe(true);
    // Most actors first.
    expect(o.regions.map((r) => r.actors)).toEqual([...o.regions.map((r) => r.actors)].sort((a, b) => b - a));
    const matrix = (await store.regionMatrix('state')).filter((p) => p.a !== p.b && p.directTies + p.derivedTies > 0);
    expect(o.ties).toEqual(matrix);
    expect(o.ties.length).toBeGreaterThan(0);
    expect(o.truncated).toBe(false);
  });

  it('districts inside one state: only that state\'s districts and actors', async () => {
    const states = await overview(store, 'state', null, {});
    const big = states.regions[0];
    if (!big) throw new Error('no state');
    const o = await overview(store, 'district', big.id, {});
    expect(o.parentId).toBe(big.id);
    expect(o.actors).toBe(big.actors);
    expect(o.regions.length).toBeGreaterThan(1);
    expect(o.regions.every((r) => r.kind === 'district' && !r.hasChildren)).toBe(true);
    const regions = new Map((await store.regions()).map((r) => [r.id, r]));
    const stateOf = (id: string): string | null => {
      let cur = regions.get(id);
      while (cur && cur.kind !== 'state') cur = cur.parentId ? regions.get(cur.parentId) : undefined;
      return cur?.id ?? null;
    };
    expect(o.regions.every((r) => stateOf(r.id) === big.id)).toBe(true);
    const ids = new Set(o.regions.map((r) => r.id));
    expect(o.ties.every((t) => ids.has(t.a) && ids.has(t.b) && t.a < t.b)).toBe(true);
  });

  it('a filter narrows the counts', async () => {
    const all = await overview(store, 'state', null, {});
    const some = await overview(store, 'state', null, { actorKinds: ['company'] });
    const companies = batch.actors.filter((a) => a.kind === 'company').length;
    expect(some.actors).toBe(companies);
    expect(some.actors).toBeLessThan(all.actors);
  });
});
