import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCordis } from '../../server/import/cordis.ts';
import { requireShared } from '../support/sna.ts';
import { spearman } from '../support/rank.ts';
import { coParticipationTies, generateCordisLike, readDistricts, writeCordisLike, type CordisLikeOptions } from './cordis-like.ts';

const DISTRICTS = fileURLToPath(new URL('../../../shared/data/geo/de_districts_2021.csv', import.meta.url));
const present = requireShared(DISTRICTS);
const small: Partial<CordisLikeOptions> = { organisations: 2_000, projects: 700, participations: 7_400, seed: 3 };

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-cordis-like-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!present)('the CORDIS-like generator', () => {
  const districts = present ? readDistricts(DISTRICTS) : [];

  it('reads all 401 districts with their NUTS-3 codes and population', () => {
    expect(districts).toHaveLength(401);
    expect(new Set(districts.map((d) => d.nuts3)).size).toBe(401);
    expect(districts.find((d) => d.ags === '14612')).toMatchObject({ name: 'Dresden', nuts3: 'DED21' });
    expect(districts.every((d) => d.population > 30_000 && d.lat > 47 && d.lat < 55.1)).toBe(true);
  });

  it('is deterministic, uses every organisation and gives every project a German partner', () => {
    const a = generateCordisLike(districts, small);
    expect(generateCordisLike(districts, small)).toEqual(a);
    expect(a.participations).toBe(7_400);
    expect(a.projects.reduce((s, p) => s + p.partners.length, 0)).toBe(7_400);
    const used = new Set(a.projects.flatMap((p) => p.partners));
    expect(used.size).toBe(2_000);
    for (const p of a.projects) {
      expect(new Set(p.partners).size).toBe(p.partners.length);
      expect(p.partners.some((i) => a.organisations[i]?.country === 'DE')).toBe(true);
    }
    const germanShare = a.organisations.filter((o) => o.country === 'DE').length / 2_000;
    expect(germanShare).toBeGreaterThan(0.25);
    expect(germanShare).toBeLessThan(0.35);
  });

  it('has heavy-tailed project sizes and activity', () => {
    const a = generateCordisLike(districts, small);
    const sizes = a.projects.map((p) => p.partners.length).sort((x, y) => x - y);
    const median = sizes[sizes.length >> 1] as number;
    expect(median).toBeGreaterThanOrEqual(5);
    expect(median).toBeLessThanOrEqual(12);
    expect(sizes.at(-1) as number).toBeGreaterThan(4 * median);
    const activity = new Map<number, number>();
    for (const p of a.projects) for (const i of p.partners) activity.set(i, (activity.get(i) ?? 0) + 1);
    const counts = [...activity.values()].sort((x, y) => y - x);
    expect(counts[0] as number).toBeGreaterThan(30);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(400);
  });

  it('counts every co-participation pair once', () => {
    const a = generateCordisLike(districts, { organisations: 5, projects: 2, participations: 7, seed: 1 });
    const ties = coParticipationTies(a);
    const keys = new Set(ties.map(([x, y]) => `${x}-${y}`));
    expect(keys.size).toBe(ties.length);
    const expected = new Set<string>();
    for (const p of a.projects)
      for (const x of p.partners) for (const y of p.partners) if (x < y) expected.add(`${x}-${y}`);
    expect(keys).toEqual(expected);
  });

  it('writes files our CORDIS import reads, with every participation', () => {
    const a = generateCordisLike(districts, small);
    writeCordisLike(a, dir);
    const bundle = readCordis(dir, { today: '2026-01-01' });
    expect(bundle.batch.actors).toHaveLength(2_000);
    expect(bundle.batch.projects).toHaveLength(700);
    expect(bundle.batch.participations).toHaveLength(7_400);
  });
});

describe('spearman', () => {
  it('is 1 for the same order, −1 for the reverse and averages ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // Ranks (0, 1.5, 1.5, 3) against (0, 1, 2, 3): 4.5 / sqrt(4.5 · 5).
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
  });
});
