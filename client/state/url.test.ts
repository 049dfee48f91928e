/**
 * The URL mirrors the state: defaults leave it empty, every valid state survives the round trip
 * (pins excepted: they are not in the URL), malformed values fall back to defaults, and links stay
 * readable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_WEIGHTS } from '../api/analysis.ts';
import { NODE_TYPES } from '../api/types.ts';
import { ANALYSIS_TABS, COLOR_BY, LAYOUTS, LEVELS, OVERVIEW_MODES, SIZE_BY, defaultFilters, initialState, type Depth, type ExplorerState } from './explorer.ts';
import { fromSearch, toSearch } from './url.ts';

const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,40}$/);
const kindArb = fc.stringMatching(/^[a-z_]{1,20}$/);
const sectorArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !s.includes(',') && s.length <= 80);
const depthArb = fc.constantFrom<Depth>(1, 2, 3);

const stateArb: fc.Arbitrary<ExplorerState> = fc.record({
  lang: fc.constantFrom('de' as const, 'en' as const),
  layout: fc.constantFrom(...LAYOUTS),
  filters: fc.record({
    regionIds: fc.uniqueArray(idArb, { maxLength: 4 }),
    actorKinds: fc.uniqueArray(kindArb, { maxLength: 4 }),
    sectors: fc.uniqueArray(sectorArb, { maxLength: 4 }),
    projectIds: fc.uniqueArray(idArb, { maxLength: 4 }),
    year: fc.option(fc.integer({ min: 1000, max: 9999 })),
    direct: fc.boolean(),
    derived: fc.boolean(),
    // The reducer keeps node types in the canonical order.
    nodeTypes: fc.subarray([...NODE_TYPES]),
  }),
  selected: fc.option(idArb),
  also: fc.option(idArb),
  focus: fc.option(fc.record({ id: idArb, depth: depthArb })),
  expanded: fc
    .uniqueArray(fc.tuple(idArb, depthArb), { maxLength: 4, selector: ([k]) => k })
    .map((entries) => Object.fromEntries(entries) as Record<string, Depth>),
  path: fc.record({ from: fc.option(idArb), to: fc.option(idArb) }),
  collapsed: fc.uniqueArray(idArb, { maxLength: 4 }),
  pinned: fc.constant({}),
  analysis: fc.record({
    tab: fc.option(fc.constantFrom(...ANALYSIS_TABS)),
    level: fc.constantFrom(...LEVELS),
    weights: fc.constantFrom(...METRIC_WEIGHTS),
    remove: fc.uniqueArray(idArb, { maxLength: 4 }),
  }),
  encoding: fc.record({ size: fc.constantFrom(...SIZE_BY), color: fc.constantFrom(...COLOR_BY) }),
  pseudo: fc.boolean(),
  story: fc.option(idArb),
  overview: fc
    .record({ mode: fc.constantFrom(...OVERVIEW_MODES), path: fc.uniqueArray(idArb, { maxLength: 3 }), leaf: fc.boolean() })
    .map((o) => ({ ...o, leaf: o.leaf && o.path.length > 0 })),
})
  // A second selection only beside a (different) first one.
  .map((s) => ({ ...s, also: s.selected !== null && s.also !== s.selected ? s.also : null }));

describe('toSearch', () => {
  it('gives an empty string for the defaults (both languages as fallback)', () => {
    expect(toSearch(initialState())).toBe('');
    expect(fromSearch('')).toEqual(initialState());
    expect(fromSearch('?')).toEqual(initialState());
  });

  it('keeps a second selected node only beside a different first one', () => {
    expect(toSearch({ ...initialState(), selected: 'a-one', also: 'a-two' })).toBe('?selected=a-one&also=a-two');
    expect(fromSearch('?selected=a-one&also=a-two')).toMatchObject({ selected: 'a-one', also: 'a-two' });
    expect(fromSearch('?also=a-two').also).toBeNull();
    expect(fromSearch('?selected=a-one&also=a-one').also).toBeNull();
    expect(fromSearch('?selected=a-one&also=BAD%20ID').also).toBeNull();
  });

  it('leaves pins out of the link', () => {
    expect(toSearch({ ...initialState(), pinned: { 'a-x': { x: 1, y: 2 } } })).toBe('');
  });

  it('writes a readable link (commas and "~" unescaped) in a fixed parameter order', () => {
    const s: ExplorerState = {
      ...initialState(),
      lang: 'en',
      layout: 'regions',
      filters: {
        ...defaultFilters(),
        regionIds: ['r-sachsen', 'r-hessen'],
        actorKinds: ['company', 'research_institute'],
        sectors: ['chemie', 'IT & Software'],
        projectIds: ['p-1'],
        year: 2021,
        derived: true,
        nodeTypes: ['ACTOR', 'REGION'],
      },
      selected: 'a-zarof',
      focus: { id: 'a-wfg', depth: 2 },
      expanded: { 'a-1': 1, 'a-2': 3 },
      path: { from: 'a-1', to: 'a-2' },
      collapsed: ['r-nordsachsen', 'r-mittelhessen'],
    };
    expect(toSearch(s)).toBe(
      '?lang=en&layout=regions&regions=r-sachsen,r-hessen&kinds=company,research_institute&sectors=chemie,IT%20%26%20Software' +
        '&projects=p-1&year=2021&ties=all&types=ACTOR,REGION&selected=a-zarof&focus=a-wfg&depth=2&expand=a-1,a-2~3' +
        '&from=a-1&to=a-2&collapsed=r-nordsachsen,r-mittelhessen',
    );
    expect(fromSearch(toSearch(s))).toEqual(s);
  });

  it('spells the tie flags and node types', () => {
    const ties = (direct: boolean, derived: boolean) => toSearch({ ...initialState(), filters: { ...defaultFilters(), direct, derived } });
    expect(ties(true, false)).toBe('');
    expect(ties(true, true)).toBe('?ties=all');
    expect(ties(false, true)).toBe('?ties=derived');
    expect(ties(false, false)).toBe('?ties=none');
    const types = (nodeTypes: ExplorerState['filters']['nodeTypes']) => toSearch({ ...initialState(), filters: { ...defaultFilters(), nodeTypes } });
    expect(types([])).toBe('?types=none');
    expect(types(['EVENT', 'PROJECT', 'ACTOR'])).toBe('');
    expect(types(['REGION', 'ACTOR'])).toBe('?types=ACTOR,REGION');
  });

  it('leaves focus depth 1 out and writes other depths', () => {
    expect(toSearch({ ...initialState(), focus: { id: 'a-1', depth: 1 } })).toBe('?focus=a-1');
    expect(toSearch({ ...initialState(), focus: { id: 'a-1', depth: 3 } })).toBe('?focus=a-1&depth=3');
  });
});

describe('fromSearch(toSearch(s)) round trip', () => {
  it('reproduces every valid state (property)', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const search = toSearch(s);
        expect(fromSearch(search)).toEqual(s);
        // The link is stable: writing the parsed state again gives the same link.
        expect(toSearch(fromSearch(search))).toBe(search);
        // Lists stay readable: no escaped commas.
        expect(search).not.toMatch(/%2C/i);
      }),
      { numRuns: 500, seed: 20240315 },
    );
  });

  it('keeps the fallback language only when the link names none', () => {
    expect(fromSearch('', 'en').lang).toBe('en');
    expect(fromSearch('?lang=de', 'en').lang).toBe('de');
  });
});

describe('fromSearch: malformed values fall back to defaults', () => {
  const d = initialState();

  it.each([
    ['layout=circle', (s: ExplorerState) => s.layout, d.layout],
    ['layout=', (s: ExplorerState) => s.layout, d.layout],
    ['lang=fr', (s: ExplorerState) => s.lang, 'de'],
    ['year=abc', (s: ExplorerState) => s.filters.year, null],
    ['year=', (s: ExplorerState) => s.filters.year, null],
    ['year=999', (s: ExplorerState) => s.filters.year, null],
    ['year=10000', (s: ExplorerState) => s.filters.year, null],
    ['year=2020.5', (s: ExplorerState) => s.filters.year, null],
    ['ties=some', (s: ExplorerState) => [s.filters.direct, s.filters.derived], [true, false]],
    ['types=FOO', (s: ExplorerState) => s.filters.nodeTypes, []],
    ['selected=A-Zarof', (s: ExplorerState) => s.selected, null],
    ['selected=a%20b', (s: ExplorerState) => s.selected, null],
    ['selected=a+b', (s: ExplorerState) => s.selected, null],
    ['selected=-a', (s: ExplorerState) => s.selected, null],
    ['selected=', (s: ExplorerState) => s.selected, null],
    [`selected=${'a'.repeat(121)}`, (s: ExplorerState) => s.selected, null],
    ['from=X&to=a%20b', (s: ExplorerState) => s.path, { from: null, to: null }],
    ['focus=Bad', (s: ExplorerState) => s.focus, null],
    ['depth=2', (s: ExplorerState) => s.focus, null],
  ])('%s', (query, pick, expected) => {
    expect(pick(fromSearch(`?${query}`))).toEqual(expected);
  });

  it('accepts the edge years', () => {
    expect(fromSearch('?year=1000').filters.year).toBe(1000);
    expect(fromSearch('?year=9999').filters.year).toBe(9999);
  });

  it('falls back to depth 1 for a bad focus depth', () => {
    expect(fromSearch('?focus=a-1&depth=9').focus).toEqual({ id: 'a-1', depth: 1 });
    expect(fromSearch('?focus=a-1&depth=0').focus).toEqual({ id: 'a-1', depth: 1 });
    expect(fromSearch('?focus=a-1&depth=two').focus).toEqual({ id: 'a-1', depth: 1 });
  });

  it('drops bad ids from lists, keeps the good ones, and removes duplicates and empty items', () => {
    const s = fromSearch('?regions=r-a,R-B,r%20c,,r-a,r-d&projects=P-1,p-2&collapsed=r-x,Rx');
    expect(s.filters.regionIds).toEqual(['r-a', 'r-d']);
    expect(s.filters.projectIds).toEqual(['p-2']);
    expect(s.collapsed).toEqual(['r-x']);
  });

  it('drops bad actor kinds and overlong sectors', () => {
    const s = fromSearch(`?kinds=company,Company,re-search,ok_kind&sectors=it,${'x'.repeat(81)},${'y'.repeat(80)}`);
    expect(s.filters.actorKinds).toEqual(['company', 'ok_kind']);
    expect(s.filters.sectors).toEqual(['it', 'y'.repeat(80)]);
  });

  it('reads expansions with and without depth, bad depths as 1, bad ids dropped', () => {
    const s = fromSearch('?expand=a-1,a-2~2,a-3~3,a-4~9,A-5~2,~2,a-6~');
    expect(s.expanded).toEqual({ 'a-1': 1, 'a-2': 2, 'a-3': 3, 'a-4': 1, 'a-6': 1 });
  });

  it('keeps node types in the canonical order whatever the link says', () => {
    expect(fromSearch('?types=REGION,ACTOR,REGION').filters.nodeTypes).toEqual(['ACTOR', 'REGION']);
    expect(fromSearch('?types=none').filters.nodeTypes).toEqual([]);
  });

  it('ignores unknown parameters', () => {
    expect(fromSearch('?utm_source=x&foo=bar')).toEqual(initialState());
  });

  it('reads an escaped comma-list written by URLSearchParams as well', () => {
    expect(fromSearch('?regions=r-a%2Cr-b').filters.regionIds).toEqual(['r-a', 'r-b']);
  });
});

describe('overview drill-down in the URL', () => {
  it('spells the mode and the drill path, a trailing ~ for a region drawn as its network', () => {
    const s = { ...initialState(), overview: { mode: 'regions' as const, path: ['r-sachsen', 'r-leipzig'], leaf: true } };
    expect(toSearch(s)).toBe('?overview=regions&drill=r-sachsen,r-leipzig~');
    expect(fromSearch(toSearch(s)).overview).toEqual(s.overview);
    expect(fromSearch('?drill=~').overview).toEqual({ mode: 'auto', path: [], leaf: false });
    expect(fromSearch('?overview=galaxy&drill=r-a,BAD').overview).toEqual({ mode: 'auto', path: ['r-a'], leaf: false });
  });
});
