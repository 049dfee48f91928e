import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCordis } from '../../server/import/cordis.ts';
import { spearman } from '../support/rank.ts';
import { germany } from '../../server/geo/germany.ts';
import { coParticipationTies, generateCordisLike, writeCordisLike, type CordisLikeOptions } from './cordis-like.ts';

const small: Partial<CordisLikeOptions> = { organisations: 2_000, projects: 700, participations: 7_400, seed: 3 };

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-cordis-like-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CORDIS-like generator', () => {

  it('puts German organisations in built-in districts, with the NUTS-3 code of their district where they carry one', () => {
    const byAgs = new Map(germany().districts.map((d) => [d.ags, d]));
    const a = generateCordisLike(small);
    const german = a.organisations.filter((o) => o.country === 'DE');
    expect(german.length).toBeGreaterThan(0);
    for (const o of german) {
      const d = byAgs.get(o.ags as string);
      expect(d, o.name).toBeDefined();
      if (o.nutsCode !== '') expect(o.nutsCode).toBe(d?.nuts3);
    }
    expect(a.organisations.filter((o) => o.country !== 'DE').every((o) => o.ags === null)).toBe(true);
  });

  it('is deterministic, uses every organisation and gives every project a German partner', () => {
    const a = generateCordisLike(small);
    expect(generateCordisLike(small)).toEqual(a);
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
    const a = generateCordisLike(small);
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
    const a = generateCordisLike({ organisations: 5, projects: 2, participations: 7, seed: 1 });
    const ties = coParticipationTies(a);
    const keys = new Set(ties.map(([x, y]) => `${x}-${y}`));
    expect(keys.size).toBe(ties.length);
    const expected = new Set<string>();
    for (const p of a.projects)
      for (const x of p.partners) for (const y of p.partners) if (x < y) expected.add(`${x}-${y}`);
    expect(keys).toEqual(expected);
  });

  it('writes files our CORDIS import reads, with every participation', () => {
    const a = generateCordisLike(small);
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
