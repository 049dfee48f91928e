import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BATCH_KEYS, idSchema, relationKey } from '../../server/domain/model.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { BENCH_SOURCE_ID, DEFAULT_GENERATE_OPTIONS, generateNetwork, mulberry32, relationshipCount, type GenerateOptions } from './generate.ts';

const small: GenerateOptions = { regions: 20, actors: 300, projects: 80, relationships: 1_500, seed: 7 };

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });
});

describe('generateNetwork', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateNetwork(small);
    expect(generateNetwork(small)).toEqual(a);
    expect(JSON.stringify(generateNetwork({ ...small, seed: 8 }))).not.toBe(JSON.stringify(a));
  });

  it.each([
    small,
    { regions: 3, actors: 10, projects: 4, relationships: 60, seed: 1 },
    { regions: 50, actors: 1_000, projects: 300, relationships: 5_000, seed: 3 },
  ])('has the requested sizes: %o', (opts) => {
    const b = generateNetwork(opts);
    expect(b.regions).toHaveLength(opts.regions);
    expect(b.actors).toHaveLength(opts.actors);
    expect(b.projects).toHaveLength(opts.projects);
    expect(Math.abs(relationshipCount(b) - opts.relationships)).toBeLessThanOrEqual(opts.relationships * 0.01);
    expect(b.sources.map((s) => s.id)).toEqual([BENCH_SOURCE_ID]);
  });

  it('has the requested sizes at the default (benchmark) size', () => {
    const b = generateNetwork();
    const d = DEFAULT_GENERATE_OPTIONS;
    expect([b.regions.length, b.actors.length, b.projects.length]).toEqual([d.regions, d.actors, d.projects]);
    expect(Math.abs(relationshipCount(b) - d.relationships)).toBeLessThanOrEqual(d.relationships * 0.01);
    expect(b.regions.filter((r) => r.kind === 'state')).toHaveLength(16);
    // Skewed partner counts: most projects mid-sized, some large ones.
    const size = new Map<string, number>();
    for (const p of b.participations) size.set(p.projectId, (size.get(p.projectId) ?? 0) + 1);
    const sizes = [...size.values()];
    expect(sizes.filter((s) => s >= 4 && s <= 16).length / sizes.length).toBeGreaterThan(0.6);
    expect(Math.max(...sizes)).toBeGreaterThan(30);
  });

  it('produces valid, unique rows', () => {
    const b = generateNetwork(small);
    const ids = [...b.sources, ...b.regions, ...b.actors, ...b.projects, ...b.events].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(idSchema.safeParse(id).success).toBe(true);
    for (const kind of ['participations', 'eventParticipations', 'cooperations', 'targets'] as const) {
      const keyOf = relationKey[kind] as (r: unknown) => string;
      const keys = (b[kind] as unknown[]).map(keyOf);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(b.cooperations.every((c) => c.actorId !== c.partnerId)).toBe(true);
    for (const r of b.regions) {
      expect(r.lat).toBeGreaterThanOrEqual(47.2);
      expect(r.lat).toBeLessThanOrEqual(55.1);
      expect(r.lon).toBeGreaterThanOrEqual(5.8);
      expect(r.lon).toBeLessThanOrEqual(15.1);
    }
    for (const key of BATCH_KEYS) {
      if (key === 'sources') continue;
      for (const row of b[key] as { sourceIds: string[] }[]) expect(row.sourceIds).toEqual([BENCH_SOURCE_ID]);
    }
  });

  it('loads into the embedded store without validation errors, and the stats match', async () => {
    const b = generateNetwork(small);
    const store = createGraphStore(new SqliteBackend(join(dir, 'small.sqlite')));
    await store.init();
    try {
      const res = await store.applyBatch(b);
      for (const key of BATCH_KEYS) expect(res.created[key], key).toBe(b[key].length);
      const stats = await store.stats();
      for (const key of BATCH_KEYS) expect(stats[key], key).toBe(b[key].length);
      // Re-applying the same batch changes nothing.
      const again = await store.applyBatch(b);
      for (const key of BATCH_KEYS) expect(again.unchanged[key], key).toBe(b[key].length);
      // The network answers: every actor appears.
      const net = await store.network({ limit: 100_000 });
      expect(net.nodes.filter((n) => n.type === 'ACTOR')).toHaveLength(small.actors);
    } finally {
      await store.close();
    }
  });
});
