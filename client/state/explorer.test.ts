/**
 * The explorer's pure transitions: every action, the escape layering, expansion depths, navigation,
 * back/forward keeping pins, and the filter helpers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, type NodeType } from '../api/types.ts';
import { DEFAULT_NODE_TYPES, MAX_DEPTH, defaultFilters, filtersActive, initialState, reduce, type Action, type ExplorerState, type ListFilter } from './explorer.ts';

/** A state with something in every field, to see what an action leaves alone. */
function busy(): ExplorerState {
  return {
    lang: 'en',
    layout: 'geo',
    filters: {
      regionIds: ['r-sachsen'],
      actorKinds: ['company', 'university'],
      sectors: ['chemie'],
      projectIds: ['p-netzwerk-chemie'],
      year: 2020,
      direct: true,
      derived: true,
      nodeTypes: ['ACTOR', 'PROJECT'],
    },
    selected: 'a-zarof',
    also: 'a-htwk',
    focus: { id: 'a-wfg', depth: 2 },
    expanded: { 'a-htwk': 1, 'p-chemie': 3 },
    path: { from: 'a-zarof', to: 'a-wfg' },
    collapsed: ['r-nordsachsen'],
    pinned: { 'a-zarof': { x: 10, y: -5 } },
    analysis: { tab: 'heatmap', level: 'state', weights: 'newman', remove: ['a-lvkkws'] },
    encoding: { size: 'betweenness', color: 'community' },
    pseudo: true,
    story: 'story-demo',
    overview: { mode: 'auto', path: [], leaf: false },
  };
}

const run = (s: ExplorerState, ...actions: Action[]): ExplorerState => actions.reduce(reduce, s);

describe('initialState and defaults', () => {
  it('starts empty with the default filters', () => {
    const s = initialState();
    expect(s).toEqual({
      lang: 'de',
      layout: 'force',
      filters: { regionIds: [], actorKinds: [], sectors: [], projectIds: [], year: null, direct: true, derived: false, nodeTypes: ['ACTOR', 'PROJECT', 'EVENT'] },
      selected: null,
      also: null,
      focus: null,
      expanded: {},
      path: { from: null, to: null },
      collapsed: [],
      pinned: {},
      analysis: { tab: null, level: 'district', weights: 'none', remove: [] },
      encoding: { size: 'degree', color: 'kind' },
      pseudo: false,
      story: null,
      overview: { mode: 'auto', path: [], leaf: false },
    });
    expect(initialState('en').lang).toBe('en');
  });

  it('hands out fresh filter objects (no shared arrays between states)', () => {
    const a = defaultFilters();
    a.regionIds.push('r-x');
    a.nodeTypes.push('REGION');
    expect(defaultFilters().regionIds).toEqual([]);
    expect(defaultFilters().nodeTypes).toEqual([...DEFAULT_NODE_TYPES]);
    expect(MAX_DEPTH).toBe(3);
  });
});

describe('reduce: simple setters', () => {
  it('setLang / setLayout change only their field and keep identity when unchanged', () => {
    const s = busy();
    expect(reduce(s, { type: 'setLang', lang: 'de' })).toEqual({ ...s, lang: 'de' });
    expect(reduce(s, { type: 'setLang', lang: 'en' })).toBe(s);
    expect(reduce(s, { type: 'setLayout', layout: 'regions' })).toEqual({ ...s, layout: 'regions' });
    expect(reduce(s, { type: 'setLayout', layout: 'geo' })).toBe(s);
  });

  it('select sets and clears the selection', () => {
    const s = initialState();
    const a = reduce(s, { type: 'select', id: 'a-zarof' });
    expect(a.selected).toBe('a-zarof');
    expect(reduce(a, { type: 'select', id: 'a-zarof' })).toBe(a);
    expect(reduce(a, { type: 'select', id: null }).selected).toBeNull();
    expect(reduce(a, { type: 'select', id: 'a-other' })).toEqual({ ...a, selected: 'a-other' });
  });

  it('selectAlso (shift-click) adds a second node, replaces it, and toggles either off', () => {
    const s = initialState();
    // Nothing selected yet: a shift-click selects like a click.
    const a = reduce(s, { type: 'selectAlso', id: 'a-one' });
    expect([a.selected, a.also]).toEqual(['a-one', null]);
    const b = reduce(a, { type: 'selectAlso', id: 'a-two' });
    expect([b.selected, b.also]).toEqual(['a-one', 'a-two']);
    // Another node replaces the second one; the first stays.
    const c = reduce(b, { type: 'selectAlso', id: 'a-three' });
    expect([c.selected, c.also]).toEqual(['a-one', 'a-three']);
    // Shift-clicking the second again deselects it; shift-clicking the first leaves the second as the selection.
    expect([reduce(c, { type: 'selectAlso', id: 'a-three' }).selected, reduce(c, { type: 'selectAlso', id: 'a-three' }).also]).toEqual(['a-one', null]);
    const d = reduce(c, { type: 'selectAlso', id: 'a-one' });
    expect([d.selected, d.also]).toEqual(['a-three', null]);
    expect(reduce(a, { type: 'selectAlso', id: 'a-one' }).selected).toBeNull();
  });

  it('a plain selection, navigation or focus elsewhere ends the pair; clearAlso ends only the second', () => {
    const pair = { ...initialState(), selected: 'a-one', also: 'a-two' };
    expect(reduce(pair, { type: 'select', id: 'a-one' })).toEqual({ ...pair, also: null });
    expect(reduce(pair, { type: 'select', id: null }).also).toBeNull();
    expect(reduce(pair, { type: 'navigate', id: 'p-x', visible: true }).also).toBeNull();
    expect(reduce(pair, { type: 'navigate', id: 'a-one', visible: true }).also).toBe('a-two');
    expect(reduce(pair, { type: 'focus', id: 'a-one', depth: 1 }).also).toBe('a-two');
    expect(reduce(pair, { type: 'focus', id: 'a-three', depth: 1 }).also).toBeNull();
    expect(reduce(pair, { type: 'expand', id: 'a-three' }).also).toBeNull();
    expect(reduce(pair, { type: 'clearAlso' })).toEqual({ ...pair, also: null });
    const none = reduce(pair, { type: 'clearAlso' });
    expect(reduce(none, { type: 'clearAlso' })).toBe(none);
  });

  it('does not mutate the state it is given', () => {
    const s = busy();
    const copy = structuredClone(s);
    const actions: Action[] = [
      { type: 'toggleFilterValue', key: 'regionIds', value: 'r-hessen' },
      { type: 'toggleNodeType', nodeType: 'EVENT' },
      { type: 'expand', id: 'a-htwk' },
      { type: 'unexpand', id: 'p-chemie' },
      { type: 'pin', id: 'a-wfg', position: { x: 1, y: 2 } },
      { type: 'unpin', id: 'a-zarof' },
      { type: 'setPathEnd', end: 'to', id: null },
      { type: 'toggleCollapsed', id: 'r-sachsen' },
      { type: 'resetFilters' },
      { type: 'escape' },
    ];
    for (const a of actions) reduce(s, a);
    expect(s).toEqual(copy);
  });
});

describe('reduce: navigate', () => {
  it('selects a visible node without adding an expansion', () => {
    const s = initialState();
    const n = reduce(s, { type: 'navigate', id: 'a-zarof', visible: true });
    expect(n.selected).toBe('a-zarof');
    expect(n.expanded).toEqual({});
    expect(n.expanded).toBe(s.expanded);
  });

  it('brings an invisible node in with its neighbourhood (depth 1)', () => {
    const n = reduce(initialState(), { type: 'navigate', id: 'a-zarof', visible: false });
    expect(n.selected).toBe('a-zarof');
    expect(n.expanded).toEqual({ 'a-zarof': 1 });
  });

  it('keeps the depth of an existing expansion', () => {
    const s = { ...initialState(), expanded: { 'a-zarof': 3 as const } };
    const n = reduce(s, { type: 'navigate', id: 'a-zarof', visible: false });
    expect(n.expanded).toEqual({ 'a-zarof': 3 });
  });

  it('treats ids that are names of Object.prototype members like any other id', () => {
    const n = reduce(initialState(), { type: 'navigate', id: 'constructor', visible: false });
    expect(n.expanded).toEqual({ constructor: 1 });
    expect(Object.hasOwn(n.expanded, 'constructor')).toBe(true);
  });
});

describe('reduce: escape', () => {
  it('clears one layer at a time: selection, then path, then focus', () => {
    const s = busy();
    const a = reduce(s, { type: 'escape' });
    expect(a).toEqual({ ...s, selected: null, also: null });
    const b = reduce(a, { type: 'escape' });
    expect(b).toEqual({ ...a, path: { from: null, to: null } });
    const c = reduce(b, { type: 'escape' });
    expect(c).toEqual({ ...b, focus: null });
    // Nothing left to clear: same object; expansions, filters and pins are not escape's business.
    expect(reduce(c, { type: 'escape' })).toBe(c);
    expect(c.expanded).toEqual(s.expanded);
    expect(c.filters).toEqual(s.filters);
    expect(c.pinned).toEqual(s.pinned);
  });

  it('clears a half-chosen path (only one end set)', () => {
    const s = { ...initialState(), path: { from: null, to: 'a-wfg' } };
    expect(reduce(s, { type: 'escape' }).path).toEqual({ from: null, to: null });
    const t = { ...initialState(), path: { from: 'a-wfg', to: null }, focus: { id: 'x', depth: 1 as const } };
    const after = reduce(t, { type: 'escape' });
    expect(after.path).toEqual({ from: null, to: null });
    expect(after.focus).toEqual({ id: 'x', depth: 1 });
  });

  it('goes straight to focus when there is no selection and no path', () => {
    const s = { ...initialState(), focus: { id: 'a-wfg', depth: 2 as const } };
    expect(reduce(s, { type: 'escape' })).toEqual(initialState());
  });
});

describe('reduce: list filters', () => {
  const keys: ListFilter[] = ['regionIds', 'actorKinds', 'sectors', 'projectIds'];

  it.each(keys)('toggleFilterValue on %s adds, then removes', (key) => {
    const s = initialState();
    const a = reduce(s, { type: 'toggleFilterValue', key, value: 'v1' });
    expect(a.filters[key]).toEqual(['v1']);
    const b = reduce(a, { type: 'toggleFilterValue', key, value: 'v2' });
    expect(b.filters[key]).toEqual(['v1', 'v2']);
    expect(reduce(b, { type: 'toggleFilterValue', key, value: 'v1' }).filters[key]).toEqual(['v2']);
    // Only that list changes.
    for (const other of keys.filter((k) => k !== key)) expect(b.filters[other]).toEqual([]);
  });

  it('toggling a value twice restores the state (property)', () => {
    const state = fc.record({
      regionIds: fc.uniqueArray(fc.constantFrom('r-a', 'r-b', 'r-c', 'r-d'), { maxLength: 4 }),
      actorKinds: fc.uniqueArray(fc.constantFrom('company', 'school', 'media'), { maxLength: 3 }),
      nodeTypes: fc.subarray([...NODE_TYPES]),
    });
    fc.assert(
      fc.property(state, fc.constantFrom<ListFilter>(...keys), fc.constantFrom('r-a', 'r-c', 'company', 'x'), fc.constantFrom(...NODE_TYPES), (f, key, value, nodeType) => {
        const s: ExplorerState = { ...initialState(), filters: { ...defaultFilters(), ...f } };
        const twice = run(s, { type: 'toggleFilterValue', key, value }, { type: 'toggleFilterValue', key, value });
        // The same set of values; and when the value was not there before, exactly the same state.
        expect(new Set(twice.filters[key])).toEqual(new Set(s.filters[key]));
        if (!s.filters[key].includes(value)) expect(twice).toEqual(s);
        const types = run(s, { type: 'toggleNodeType', nodeType }, { type: 'toggleNodeType', nodeType });
        expect(types).toEqual(s);
      }),
      { numRuns: 300, seed: 4711 },
    );
  });

  it('setFilterValues replaces a list and drops duplicates', () => {
    const s = busy();
    const a = reduce(s, { type: 'setFilterValues', key: 'sectors', values: ['it', 'chemie', 'it'] });
    expect(a.filters.sectors).toEqual(['it', 'chemie']);
    expect(a.filters.regionIds).toEqual(s.filters.regionIds);
    expect(reduce(a, { type: 'setFilterValues', key: 'sectors', values: [] }).filters.sectors).toEqual([]);
  });
});

describe('reduce: year, ties, node types, reset', () => {
  it('setYear sets and clears the year; same year keeps identity', () => {
    const s = initialState();
    const a = reduce(s, { type: 'setYear', year: 2019 });
    expect(a.filters.year).toBe(2019);
    expect(reduce(a, { type: 'setYear', year: 2019 })).toBe(a);
    expect(reduce(a, { type: 'setYear', year: null }).filters).toEqual(defaultFilters());
  });

  it('setTies changes only the flags it names', () => {
    const s = initialState();
    const a = reduce(s, { type: 'setTies', derived: true });
    expect(a.filters).toMatchObject({ direct: true, derived: true });
    const b = reduce(a, { type: 'setTies', direct: false });
    expect(b.filters).toMatchObject({ direct: false, derived: true });
    const c = reduce(b, { type: 'setTies' });
    expect(c.filters).toEqual(b.filters);
    expect(reduce(c, { type: 'setTies', direct: true, derived: false }).filters).toEqual(defaultFilters());
  });

  it('toggleNodeType removes and adds a type, keeping the canonical order', () => {
    const s = initialState();
    const noProjects = reduce(s, { type: 'toggleNodeType', nodeType: 'PROJECT' });
    expect(noProjects.filters.nodeTypes).toEqual(['ACTOR', 'EVENT']);
    const withRegions = reduce(s, { type: 'toggleNodeType', nodeType: 'REGION' });
    expect(withRegions.filters.nodeTypes).toEqual(['ACTOR', 'PROJECT', 'EVENT', 'REGION']);
    // Back to the very same filters (the API request key depends on the order).
    expect(reduce(noProjects, { type: 'toggleNodeType', nodeType: 'PROJECT' }).filters).toEqual(s.filters);
    const none = run(s, ...(['ACTOR', 'PROJECT', 'EVENT'] as NodeType[]).map((nodeType): Action => ({ type: 'toggleNodeType', nodeType })));
    expect(none.filters.nodeTypes).toEqual([]);
  });

  it('resetFilters restores the default filters and nothing else', () => {
    const s = busy();
    const r = reduce(s, { type: 'resetFilters' });
    expect(r.filters).toEqual(defaultFilters());
    expect({ ...r, filters: s.filters }).toEqual(s);
    expect(filtersActive(r.filters)).toBe(false);
  });
});

describe('reduce: focus and expansions', () => {
  it('focus sets id and depth and selects; unfocus clears', () => {
    const s = initialState();
    const f = reduce(s, { type: 'focus', id: 'a-wfg', depth: 2 });
    expect(f.focus).toEqual({ id: 'a-wfg', depth: 2 });
    expect(f.selected).toBe('a-wfg');
    const u = reduce(f, { type: 'unfocus' });
    expect(u.focus).toBeNull();
    expect(u.selected).toBe('a-wfg');
    expect(reduce(u, { type: 'unfocus' })).toBe(u);
  });

  it('focus clamps depths outside 1..3', () => {
    const at = (depth: number) => reduce(initialState(), { type: 'focus', id: 'x', depth: depth as 1 }).focus?.depth;
    expect(at(0)).toBe(1);
    expect(at(-4)).toBe(1);
    expect(at(3)).toBe(3);
    expect(at(7)).toBe(3);
  });

  it('expand adds depth 1, then increments up to 3, and selects the node', () => {
    let s = reduce(initialState(), { type: 'select', id: 'other' });
    const depths: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = reduce(s, { type: 'expand', id: 'a-zarof' });
      expect(s.selected).toBe('a-zarof');
      depths.push(s.expanded['a-zarof'] ?? 0);
    }
    expect(depths).toEqual([1, 2, 3, 3, 3]);
    s = reduce(s, { type: 'expand', id: 'a-wfg' });
    expect(s.expanded).toEqual({ 'a-zarof': 3, 'a-wfg': 1 });
    expect(s.selected).toBe('a-wfg');
  });

  it('expand on an id named like an Object.prototype member starts at depth 1', () => {
    expect(reduce(initialState(), { type: 'expand', id: 'constructor' }).expanded).toEqual({ constructor: 1 });
    const s = initialState();
    expect(reduce(s, { type: 'unexpand', id: 'constructor' })).toBe(s);
    expect(reduce(s, { type: 'unpin', id: 'tostring' })).toBe(s);
    expect(reduce(s, { type: 'unpin', id: 'constructor' })).toBe(s);
  });

  it('unexpand removes one expansion; clearExpanded removes all', () => {
    const s = busy();
    const u = reduce(s, { type: 'unexpand', id: 'a-htwk' });
    expect(u.expanded).toEqual({ 'p-chemie': 3 });
    expect(reduce(u, { type: 'unexpand', id: 'a-htwk' })).toBe(u);
    const c = reduce(s, { type: 'clearExpanded' });
    expect(c.expanded).toEqual({});
    expect(reduce(c, { type: 'clearExpanded' })).toBe(c);
  });
});

describe('reduce: path', () => {
  it('sets, swaps and clears the ends', () => {
    let s = initialState();
    s = reduce(s, { type: 'setPathEnd', end: 'from', id: 'a-1' });
    expect(s.path).toEqual({ from: 'a-1', to: null });
    s = reduce(s, { type: 'setPathEnd', end: 'to', id: 'a-2' });
    expect(s.path).toEqual({ from: 'a-1', to: 'a-2' });
    s = reduce(s, { type: 'swapPath' });
    expect(s.path).toEqual({ from: 'a-2', to: 'a-1' });
    s = reduce(s, { type: 'setPathEnd', end: 'from', id: null });
    expect(s.path).toEqual({ from: null, to: 'a-1' });
    expect(reduce(s, { type: 'clearPath' }).path).toEqual({ from: null, to: null });
  });
});

describe('reduce: collapsed regions and pins', () => {
  it('toggleCollapsed adds and removes a region', () => {
    const s = busy();
    const a = reduce(s, { type: 'toggleCollapsed', id: 'r-sachsen' });
    expect(a.collapsed).toEqual(['r-nordsachsen', 'r-sachsen']);
    expect(reduce(a, { type: 'toggleCollapsed', id: 'r-nordsachsen' }).collapsed).toEqual(['r-sachsen']);
    expect(run(s, { type: 'toggleCollapsed', id: 'r-x' }, { type: 'toggleCollapsed', id: 'r-x' })).toEqual(s);
  });

  it('pin, unpin and unpinAll', () => {
    const s = initialState();
    const a = run(s, { type: 'pin', id: 'a', position: { x: 1, y: 2 } }, { type: 'pin', id: 'b', position: { x: -3, y: 4.5 } });
    expect(a.pinned).toEqual({ a: { x: 1, y: 2 }, b: { x: -3, y: 4.5 } });
    const moved = reduce(a, { type: 'pin', id: 'a', position: { x: 9, y: 9 } });
    expect(moved.pinned).toEqual({ a: { x: 9, y: 9 }, b: { x: -3, y: 4.5 } });
    const u = reduce(moved, { type: 'unpin', id: 'a' });
    expect(u.pinned).toEqual({ b: { x: -3, y: 4.5 } });
    expect(reduce(u, { type: 'unpin', id: 'a' })).toBe(u);
    const none = reduce(u, { type: 'unpinAll' });
    expect(none.pinned).toEqual({});
    expect(reduce(none, { type: 'unpinAll' })).toBe(none);
  });
});

describe('reduce: replace (back/forward)', () => {
  it('takes the given state but keeps the pins', () => {
    const s = busy();
    const next = { ...initialState('de'), selected: 'a-x', pinned: { other: { x: 0, y: 0 } } };
    const r = reduce(s, { type: 'replace', state: next });
    expect(r).toEqual({ ...next, pinned: s.pinned });
    expect(r.pinned).toBe(s.pinned);
  });
});

describe('filtersActive', () => {
  it('is false for the defaults, also with node types in another order', () => {
    expect(filtersActive(defaultFilters())).toBe(false);
    expect(filtersActive({ ...defaultFilters(), nodeTypes: ['EVENT', 'ACTOR', 'PROJECT'] })).toBe(false);
  });

  it.each([
    ['regionIds', { regionIds: ['r-a'] }],
    ['actorKinds', { actorKinds: ['company'] }],
    ['sectors', { sectors: ['it'] }],
    ['projectIds', { projectIds: ['p-1'] }],
    ['year', { year: 2000 }],
    ['direct', { direct: false }],
    ['derived', { derived: true }],
    ['fewer node types', { nodeTypes: ['ACTOR', 'PROJECT'] as NodeType[] }],
    ['more node types', { nodeTypes: ['ACTOR', 'PROJECT', 'EVENT', 'REGION'] as NodeType[] }],
    ['no node types', { nodeTypes: [] as NodeType[] }],
  ])('is true when %s differs', (_name, change) => {
    expect(filtersActive({ ...defaultFilters(), ...change })).toBe(true);
  });
});

describe('analysis and encoding', () => {
  it('opens tabs, sets the level, toggles what-if removals and clears them', () => {
    let s = reduce(initialState(), { type: 'setAnalysisTab', tab: 'whatif' });
    s = reduce(s, { type: 'setLevel', level: 'state' });
    s = reduce(s, { type: 'toggleRemove', id: 'a-zarof' });
    s = reduce(s, { type: 'toggleRemove', id: 'a-wfg' });
    s = reduce(s, { type: 'toggleRemove', id: 'a-zarof' });
    expect(s.analysis).toEqual({ tab: 'whatif', level: 'state', weights: 'none', remove: ['a-wfg'] });
    s = reduce(s, { type: 'setWeights', weights: 'newman' });
    expect(s.analysis.weights).toBe('newman');
    expect(reduce(s, { type: 'setWeights', weights: 'newman' })).toBe(s);
    expect(reduce(s, { type: 'clearRemove' }).analysis.remove).toEqual([]);
    expect(reduce(s, { type: 'setAnalysisTab', tab: 'whatif' })).toBe(s);
  });
  it('sets size and colour independently', () => {
    const s = reduce(initialState(), { type: 'setEncoding', color: 'community' });
    expect(reduce(s, { type: 'setEncoding', size: 'betweenness' }).encoding).toEqual({ size: 'betweenness', color: 'community' });
  });
  it('showRegions filters to the regions, drops the focus and makes sure actors are shown', () => {
    const s = reduce({ ...busy(), filters: { ...busy().filters, nodeTypes: ['PROJECT'] } }, { type: 'showRegions', regionIds: ['r-meissen', 'r-nordsachsen', 'r-meissen'] });
    expect(s.filters.regionIds).toEqual(['r-meissen', 'r-nordsachsen']);
    expect(s.focus).toBeNull();
    expect(s.filters.nodeTypes).toEqual(['ACTOR', 'PROJECT']);
    expect(s.selected).toBe(busy().selected);
  });
});

describe('reduce: pseudonyms, stories and stored views', () => {
  it('switches the pseudonymised mode and the open story, unchanged state when nothing changes', () => {
    const s = initialState('de');
    const p = reduce(s, { type: 'setPseudo', pseudo: true });
    expect(p.pseudo).toBe(true);
    expect(reduce(p, { type: 'setPseudo', pseudo: true })).toBe(p);
    const o = reduce(p, { type: 'openStory', id: 'story-1' });
    expect(o.story).toBe('story-1');
    expect(reduce(o, { type: 'openStory', id: 'story-1' })).toBe(o);
    expect(reduce(o, { type: 'openStory', id: null }).story).toBeNull();
  });

  it('show: a stored view replaces everything, pins too, but keeps language, pseudonyms and the open story', () => {
    const s = { ...busy(), lang: 'en' as const, pseudo: true, story: 'story-1', pinned: { a: { x: 1, y: 1 } } };
    const view = { ...initialState('de'), layout: 'geo' as const, selected: 'a-x', story: null, pseudo: false, pinned: { b: { x: 0, y: 0 } } };
    const r = reduce(s, { type: 'show', state: view });
    expect(r).toEqual({ ...view, lang: 'en', pseudo: true, story: 'story-1', pinned: {} });
  });

  it('restore: back to a kept state exactly, pins and all', () => {
    const kept = busy();
    expect(reduce(initialState('de'), { type: 'restore', state: kept })).toBe(kept);
  });
});

describe('overview drill-down', () => {
  const start = initialState();
  it('a state opens its districts; a district its actors\' network (region filter), selection and focus cleared', () => {
    const a = run({ ...start, selected: 'r-sachsen', focus: { id: 'x', depth: 1 } }, { type: 'drill', id: 'r-sachsen', leaf: false });
    expect(a.overview).toEqual({ mode: 'auto', path: ['r-sachsen'], leaf: false });
    expect(a.selected).toBeNull();
    expect(a.focus).toBeNull();
    expect(a.filters.regionIds).toEqual([]);
    const b = reduce(a, { type: 'drill', id: 'r-leipzig', leaf: true });
    expect(b.overview).toEqual({ mode: 'auto', path: ['r-sachsen', 'r-leipzig'], leaf: true });
    expect(b.filters.regionIds).toEqual(['r-leipzig']);
    // From a drawn network there is no further region drill.
    expect(reduce(b, { type: 'drill', id: 'r-other', leaf: true })).toBe(b);
  });

  it('an actor\'s neighbourhood sits on top (focus); the breadcrumb goes up one level at a time or to the top', () => {
    const b = run(start, { type: 'drill', id: 'r-sachsen', leaf: false }, { type: 'drill', id: 'r-leipzig', leaf: true }, { type: 'focus', id: 'a-htwk', depth: 1 });
    expect(b.focus).toEqual({ id: 'a-htwk', depth: 1 });
    // Up to the district's network: the focus goes, the district stays.
    const c = reduce(b, { type: 'drillUp', depth: 2 });
    expect(c.focus).toBeNull();
    expect(c.overview).toEqual(b.overview);
    expect(c.filters.regionIds).toEqual(['r-leipzig']);
    // Up to the state's districts: the district's filter goes with it.
    const d = reduce(c, { type: 'drillUp', depth: 1 });
    expect(d.overview).toEqual({ mode: 'auto', path: ['r-sachsen'], leaf: false });
    expect(d.filters.regionIds).toEqual([]);
    // To the top.
    expect(reduce(b, { type: 'drillUp', depth: 0 }).overview).toEqual({ mode: 'auto', path: [], leaf: false });
    expect(reduce(b, { type: 'drillUp', depth: 0 }).filters).toEqual(start.filters);
    // Already there: nothing changes.
    expect(reduce(d, { type: 'drillUp', depth: 1 })).toBe(d);
  });

  it('a region filter the user set is not taken away by going up', () => {
    const s = { ...start, filters: { ...start.filters, regionIds: ['r-hessen'] }, overview: { mode: 'auto' as const, path: ['r-sachsen', 'r-leipzig'], leaf: true } };
    expect(reduce(s, { type: 'drillUp', depth: 0 }).filters.regionIds).toEqual(['r-hessen']);
  });

  it('the mode: regions always, network never, auto by size', () => {
    const n = reduce({ ...start, selected: 'r-x' }, { type: 'setOverviewMode', mode: 'network' });
    expect(n.overview.mode).toBe('network');
    expect(n.selected).toBeNull();
    expect(reduce(n, { type: 'setOverviewMode', mode: 'network' })).toBe(n);
    // Inside a drilled state, the network is that state's.
    const inS = run(start, { type: 'drill', id: 'r-sachsen', leaf: false }, { type: 'setOverviewMode', mode: 'network' });
    expect(inS.overview).toEqual({ mode: 'auto', path: ['r-sachsen'], leaf: true });
    expect(inS.filters.regionIds).toEqual(['r-sachsen']);
    expect(reduce(inS, { type: 'drillUp', depth: 0 }).filters.regionIds).toEqual([]);
  });
});
