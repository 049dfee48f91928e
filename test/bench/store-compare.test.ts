import { describe, expect, it } from 'vitest';
import { generateNetwork } from './generate.ts';
import {
  SEARCH_TEXTS,
  compareTable,
  describeDifference,
  fingerprint,
  networkAnswer,
  pickInputs,
  tiesAnswer,
  type CompareRow,
  type StoreFigures,
} from './store-compare.ts';

const fig = (store: 'embedded' | 'neo4j', medianMs: number, target: number | null, extra: Partial<StoreFigures> = {}): StoreFigures => ({
  store,
  timesMs: [medianMs],
  medianMs,
  p95Ms: medianMs * 2,
  rowsPerS: null,
  target,
  verdict: target === null ? 'info' : medianMs <= target ? 'PASS' : 'SLOW',
  targetRatio: target === null ? null : medianMs / target,
  error: null,
  size: '',
  ...extra,
});

describe('store comparison', () => {
  it('picks the same seeded inputs every time, one per run plus a warm-up', () => {
    const batch = generateNetwork({ regions: 40, actors: 600, projects: 150, relationships: 3_000, seed: 3 });
    const a = pickInputs(batch, 3, 7);
    const b = pickInputs(batch, 3, 7);
    expect(a).toEqual(b);
    expect(a.actors).toHaveLength(8);
    expect(a.pairs).toHaveLength(8);
    expect(a.texts.slice(0, SEARCH_TEXTS.length)).toEqual([...SEARCH_TEXTS]);
    expect(new Set(a.actors).size).toBeGreaterThan(1);
    const ids = new Set(batch.actors.map((x) => x.id));
    for (const [from, to] of a.pairs) expect(ids.has(from) && ids.has(to) && from !== to).toBe(true);
    expect(a.hub.degree).toBeGreaterThanOrEqual(a.typical.hi);
  });

  it('fingerprints answers independent of row and field order, and says what differs', () => {
    const node = (id: string) => ({ id, type: 'ACTOR' as const, kind: null, label: id, regionId: null, lat: null, lon: null, sectors: [], startYear: null, endYear: null });
    const edge = { id: 'e1', source: 'a', target: 'b', kind: 'cooperation' as const, role: null, weight: 1, derived: true, via: ['p2', 'p1'] };
    const x = networkAnswer({ nodes: [node('a'), node('b')], edges: [edge], truncated: false, hiddenTies: 0 });
    const y = networkAnswer({ nodes: [node('b'), node('a')], edges: [{ ...edge, via: ['p1', 'p2'] }], truncated: false, hiddenTies: 0 });
    expect(fingerprint(x)).toBe(fingerprint(y));
    const z = networkAnswer({ nodes: [node('a'), node('c')], edges: [edge], truncated: false, hiddenTies: 0 });
    expect(fingerprint(z)).not.toBe(fingerprint(x));
    expect(describeDifference(x, z)).toMatch(/1 only in embedded.*1 only in Neo4j/);
    // Sorted answers: the order counts; Newman weights to 6 decimals.
    const t1 = tiesAnswer([{ a: 'a', b: 'b', direct: 1, shared: 2, newman: 1 / 3 }]);
    const t2 = tiesAnswer([{ a: 'a', b: 'b', direct: 1, shared: 2, newman: 0.1 + 0.2333333333333 }]);
    expect(fingerprint(t1)).toBe(fingerprint(t2));
  });

  it('prints one markdown table within 100 columns, with ratio, targets, verdicts and a loud mismatch', () => {
    const rows: CompareRow[] = [
      {
        key: 'import',
        operation: 'import rows/s',
        call: '',
        unit: 'rows/s',
        figures: {
          embedded: fig('embedded', 4000, 20_000, { rowsPerS: 31_500, targetRatio: 20_000 / 31_500, verdict: 'PASS', p95Ms: null }),
          neo4j: fig('neo4j', 16_000, 10_000, { rowsPerS: 7_900, targetRatio: 10_000 / 7_900, verdict: 'SLOW', p95Ms: null }),
        },
        ratio: 4,
        same: true,
        mismatch: null,
      },
      { key: 'n2', operation: 'nbhd d2 typical', call: '', unit: 'ms', figures: { embedded: fig('embedded', 12.5, 20), neo4j: fig('neo4j', 61, 50) }, ratio: 61 / 12.5, same: false, mismatch: 'x' },
      { key: 't', operation: 'ties()', call: '', unit: 'ms', figures: { embedded: fig('embedded', 1234, null), neo4j: fig('neo4j', 23_456, null) }, ratio: 19, same: true, mismatch: null },
    ];
    const text = compareTable(rows, ['embedded', 'neo4j']);
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/^\| operation +\| emb med \| emb p95 \| neo med \| neo p95 \| +N\/E \| target +\| verdict +\| same +\|$/);
    expect(lines[2]).toContain('31.5k');
    expect(lines[2]).toContain('≥20k/≥10k');
    expect(lines[2]).toContain('PASS/SLOW');
    expect(lines[3]).toContain('≤20/≤50');
    expect(lines[3]).toContain('**NO**');
    expect(lines[4]).toContain('23,456');
    expect(lines[4]).toMatch(/\| info +\| yes +\|$/);
    // One store: no ratio and no same-answer column.
    expect(compareTable(rows, ['embedded']).split('\n')[0]).toMatch(/^\| operation +\| emb med \| emb p95 \| target +\| verdict \|$/);
  });
});
