/** The heatmap's pure parts: ordering, the symmetric lookup, cell classes and the colour scale (numbers). */
import { describe, expect, it } from 'vitest';
import type { RegionCell, RegionGapSummary } from '../api/analysis.ts';
import { COOL, MID, WARM, abbreviate, buildMatrix, cellLook, classifyCell, indexCells, mix, orderRegions, pairKey, scaleGradient, scalePosition, shortName } from './heatmap.ts';

const region = (id: string, name: string, actors = 3): RegionGapSummary => ({ id, name, actors, internalTies: 0, externalTies: 0, eiIndex: null, isolatedActors: 0 });
const cell = (a: string, b: string, observed: number, expected: number): RegionCell => ({ a, b, aName: a, bName: b, observed, expected, ratio: expected > 0 ? observed / expected : null });
const rgb = (c: readonly number[]) => `rgb(${c.join(', ')})`;

describe('orderRegions', () => {
  it('keeps regions with actors, sorted by name with German collation, ties by id', () => {
    const out = orderRegions([region('r3', 'Zwickau'), region('r1', 'Ärzteland'), region('r2', 'Bautzen', 0), region('r5', 'Anhalt'), region('r4', 'Anhalt')]);
    expect(out.map((r) => r.id)).toEqual(['r4', 'r5', 'r1', 'r3']);
  });

  it('does not change its input', () => {
    const input = [region('b', 'B'), region('a', 'A')];
    orderRegions(input);
    expect(input.map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('pairKey and indexCells', () => {
  it('find a pair whichever way round it is asked for', () => {
    expect(pairKey('a', 'b')).toBe(pairKey('b', 'a'));
    expect(pairKey('a', 'a')).not.toBe(pairKey('a', 'b'));
    const index = indexCells([cell('a', 'b', 2, 1)]);
    expect(index.get(pairKey('b', 'a'))?.observed).toBe(2);
  });
});

describe('buildMatrix', () => {
  it('lays the cells out symmetrically in name order, with the diagonal as internal ties', () => {
    const m = buildMatrix({
      regions: [region('x', 'Cottbus'), region('y', 'Altenburg'), region('z', 'Bautzen', 0)],
      cells: [cell('x', 'x', 4, 2.5), cell('x', 'y', 1, 3), cell('y', 'y', 0, 0.5)],
    });
    expect(m.regions.map((r) => r.id)).toEqual(['y', 'x']);
    expect(m.rows.map((row) => row.map((c) => c?.observed ?? null))).toEqual([
      [0, 1],
      [1, 4],
    ]);
    expect(m.rows[0]?.[1]).toBe(m.rows[1]?.[0]);
    expect(m.maxObserved).toBe(4);
  });

  it('leaves a pair the server did not send empty', () => {
    const m = buildMatrix({ regions: [region('a', 'A'), region('b', 'B')], cells: [cell('a', 'a', 1, 1)] });
    expect(m.rows[0]?.[1]).toBeNull();
    expect(m.rows[1]?.[0]).toBeNull();
  });
});

describe('classifyCell', () => {
  it('marks no tie where some are expected as a gap', () => {
    expect(classifyCell({ observed: 0, expected: 0.3 })).toBe('gap');
    expect(classifyCell({ observed: 0, expected: 5 })).toBe('gap');
  });

  it('is "none" when nothing is expected', () => {
    expect(classifyCell({ observed: 0, expected: 0 })).toBe('none');
  });

  it('is "near" within a factor of 1.25 either way, else below or above', () => {
    expect(classifyCell({ observed: 4, expected: 4 })).toBe('near');
    expect(classifyCell({ observed: 5, expected: 4 })).toBe('near'); // 1.25
    expect(classifyCell({ observed: 4, expected: 5 })).toBe('near'); // 0.8
    expect(classifyCell({ observed: 6, expected: 4 })).toBe('above');
    expect(classifyCell({ observed: 3, expected: 4 })).toBe('below');
    expect(classifyCell({ observed: 1, expected: 10 })).toBe('below');
  });
});

describe('scalePosition', () => {
  it('is 0 at the expectation and symmetric for half and double', () => {
    expect(scalePosition(1)).toBe(0);
    expect(scalePosition(2)).toBeCloseTo(1 / 3, 10);
    expect(scalePosition(0.5)).toBeCloseTo(-1 / 3, 10);
    expect(scalePosition(4)).toBeCloseTo(2 / 3, 10);
  });

  it('clamps at eight times (or an eighth of) the expectation, and at zero ties', () => {
    expect(scalePosition(8)).toBe(1);
    expect(scalePosition(100)).toBe(1);
    expect(scalePosition(1 / 8)).toBe(-1);
    expect(scalePosition(0.01)).toBe(-1);
    expect(scalePosition(0)).toBe(-1);
  });

  it('is null without a ratio', () => {
    expect(scalePosition(null)).toBeNull();
    expect(scalePosition(Number.NaN)).toBeNull();
  });
});

describe('mix', () => {
  it('blends channel by channel and rounds', () => {
    expect(mix([0, 0, 0], [255, 100, 10], 0.5)).toEqual([128, 50, 5]);
    expect(mix(MID, WARM, 0)).toEqual(MID);
    expect(mix(MID, COOL, 1)).toEqual(COOL);
  });
});

describe('cellLook', () => {
  it('is the neutral middle at the expectation, with dark text', () => {
    expect(cellLook(cell('a', 'b', 3, 3))).toEqual({ cls: 'near', background: rgb(MID), darkBackground: false, strong: false });
  });

  it('is fully warm for a gap and fully cool at eight times the expectation, with light text', () => {
    expect(cellLook(cell('a', 'b', 0, 2))).toEqual({ cls: 'gap', background: rgb(WARM), darkBackground: true, strong: true });
    expect(cellLook(cell('a', 'b', 16, 2))).toEqual({ cls: 'above', background: rgb(COOL), darkBackground: true, strong: false });
  });

  it('is a third of the way to warm at half the expectation', () => {
    const look = cellLook(cell('a', 'b', 1, 2));
    expect(look.cls).toBe('below');
    expect(look.background).toBe(rgb(mix(MID, WARM, 1 / 3)));
    expect(look.background).toBe('rgb(224, 173, 179)');
    expect(look.darkBackground).toBe(false);
  });

  it('has no colour when nothing is expected', () => {
    expect(cellLook(cell('a', 'b', 0, 0))).toEqual({ cls: 'none', background: null, darkBackground: false, strong: false });
  });

  it('draws a gap strongly only where at least one tie is expected', () => {
    expect(cellLook(cell('a', 'b', 0, 0.4)).strong).toBe(false);
    expect(cellLook(cell('a', 'b', 0, 0.4)).cls).toBe('gap');
    expect(cellLook(cell('a', 'b', 0, 1)).strong).toBe(true);
    expect(cellLook(cell('a', 'b', 1, 4)).strong).toBe(false);
  });

  it('computes the ratio itself when the server sent none', () => {
    expect(cellLook({ observed: 4, expected: 2, ratio: null }).background).toBe(rgb(mix(MID, COOL, 1 / 3)));
  });
});

describe('scaleGradient', () => {
  it('runs from warm through the middle to cool', () => {
    const g = scaleGradient();
    expect(g.startsWith(`linear-gradient(to right, ${rgb(WARM)} 0%`)).toBe(true);
    expect(g).toContain(`${rgb(MID)} 50%`);
    expect(g.endsWith(`${rgb(COOL)} 100%)`)).toBe(true);
  });
});

describe('abbreviate', () => {
  it('keeps short names and cuts long ones to the length with an ellipsis', () => {
    expect(abbreviate('Bautzen', 10)).toBe('Bautzen');
    expect(abbreviate('Sächsische Schweiz-Osterzgebirge', 12)).toBe('Sächsische…');
    expect([...abbreviate('Sächsische Schweiz-Osterzgebirge', 16)].length).toBeLessThanOrEqual(16);
    expect(abbreviate('Görlitz', 7)).toBe('Görlitz');
  });
});

describe('shortName', () => {
  it('drops the kind of region before cutting', () => {
    expect(shortName('Landkreis Marburg-Biedenkopf', 20)).toBe('Marburg-Biedenkopf');
    expect(shortName('Leipzig, Stadt', 20)).toBe('Leipzig');
    expect(shortName('Kreis Unna', 20)).toBe('Unna');
    expect(shortName('Planungsregion Oberlausitz-Niederschlesien', 14)).toBe('Oberlausitz-N…');
    expect(shortName('Halle (Saale)', 20)).toBe('Halle (Saale)');
  });

  it('keeps a name that is only a kind word', () => {
    expect(shortName('Region', 10)).toBe('Region');
  });
});

describe('large matrices', () => {
  it('keeps the regions with the most ties (then sorted by name) and counts the rest', () => {
    const regions = Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, name: `Region ${String.fromCharCode(72 - i)}`, actors: 1, internalTies: i, externalTies: 0, eiIndex: null, isolatedActors: 0 }));
    const m = buildMatrix({ regions, cells: [] }, 3);
    expect(m.hidden).toBe(5);
    expect(m.regions.map((r) => r.id)).toEqual(['r7', 'r6', 'r5']); // Region A, B, C by name
    expect(m.rows).toHaveLength(3);
    expect(buildMatrix({ regions, cells: [] }).hidden).toBe(0);
  });
});
