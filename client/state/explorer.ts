/**
 * The explorer's state as plain data, and its pure transitions `(state, action) => state`.
 * Everything a link should reproduce lives here (see `url.ts`); transient things (hover, the
 * running layout) stay in the components.
 */
import { LEVELS, METRIC_KEYS, type Level, type MetricKey, type MetricWeights } from '../api/analysis.ts';
import { NODE_TYPES, type NodeType } from '../api/types.ts';

export const LAYOUTS = ['force', 'regions', 'geo', 'concentric'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Depth = 1 | 2 | 3;
export const MAX_DEPTH: Depth = 3;

export type ListFilter = 'regionIds' | 'actorKinds' | 'sectors' | 'projectIds';

export interface Filters {
  regionIds: string[];
  actorKinds: string[];
  sectors: string[];
  projectIds: string[];
  /** The network as of this year (everything begun by then); null = all years. */
  year: number | null;
  direct: boolean;
  derived: boolean;
  nodeTypes: NodeType[];
}

/** Tabs of the analysis panel (null: closed). */
export const ANALYSIS_TABS = ['insights', 'heatmap', 'whitespots', 'coverage', 'suggestions', 'whatif'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];
export const COLOR_BY = ['kind', 'community', ...METRIC_KEYS] as const;
export type ColorBy = (typeof COLOR_BY)[number];
export const SIZE_BY = METRIC_KEYS;
export type SizeBy = MetricKey;

export interface Analysis {
  tab: AnalysisTab | null;
  /** Region level the gaps, coverage and brokerage group by. */
  level: Level;
  /** The tie weight of the weighted metrics (none: every tie counts once, as before). */
  weights: MetricWeights;
  /** What-if: actors taken out (clicking actors in the what-if tab toggles them). */
  remove: string[];
}

/** How nodes are drawn: size by a metric (degree by default), colour by kind, community or a metric. */
export interface Encoding {
  size: SizeBy;
  color: ColorBy;
}

export { LEVELS };

export interface Position {
  x: number;
  y: number;
}

/**
 * The overview of a large network (regions as nodes) and the drill-down through it. `mode` 'auto'
 * shows the overview when the network is large (see OVERVIEW_ACTORS), 'regions' always, 'network'
 * never (the user opened the detailed network). `path`: the regions drilled into, outermost first;
 * `leaf`: the last of them is drawn as its actors' network (the region filter holds it), not as
 * its sub-regions.
 */
export const OVERVIEW_MODES = ['auto', 'regions', 'network'] as const;
export type OverviewMode = (typeof OVERVIEW_MODES)[number];
export interface OverviewState {
  mode: OverviewMode;
  path: string[];
  leaf: boolean;
}
/** Above this many actors under the filter the explorer opens on the overview (mode 'auto'). */
export const OVERVIEW_ACTORS = 1500;

export interface ExplorerState {
  lang: Lang;
  layout: LayoutName;
  filters: Filters;
  selected: string | null;
  /** A second selected node (shift-click): with two actors selected, the pair can be tied or its path found. */
  also: string | null;
  /** Ego network: only what lies within `depth` steps of `id`. */
  focus: { id: string; depth: Depth } | null;
  /** Neighbourhoods added to the view by double-click, with their depth. */
  expanded: Record<string, Depth>;
  path: { from: string | null; to: string | null };
  /** Region groups drawn as one node (layout "regions"). */
  collapsed: string[];
  /** Nodes the user dragged: they keep their place through filters and layouts. */
  pinned: Record<string, Position>;
  analysis: Analysis;
  encoding: Encoding;
  /** Pseudonymised mode (open audiences): actor names replaced by kind and number everywhere. */
  pseudo: boolean;
  /** The story open in the story panel (a participant link lands here). */
  story: string | null;
  overview: OverviewState;
}

export const DEFAULT_NODE_TYPES: readonly NodeType[] = ['ACTOR', 'PROJECT', 'EVENT'];

export const defaultFilters = (): Filters => ({
  regionIds: [],
  actorKinds: [],
  sectors: [],
  projectIds: [],
  year: null,
  direct: true,
  // Shared projects and events are drawn as project and event nodes by default; derived ties
  // would repeat them as cliques. Hiding projects and events and showing derived ties gives the
  // pure actor network.
  derived: false,
  nodeTypes: [...DEFAULT_NODE_TYPES],
});

export const initialState = (lang: Lang = 'de'): ExplorerState => ({
  lang,
  layout: 'force',
  filters: defaultFilters(),
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

export type Action =
  | { type: 'setLang'; lang: Lang }
  | { type: 'setLayout'; layout: LayoutName }
  | { type: 'select'; id: string | null }
  /** Shift-click: select a second node besides the selected one (again: deselect it). */
  | { type: 'selectAlso'; id: string }
  | { type: 'clearAlso' }
  /** Select a node; when it is not in the view, bring it in with its neighbourhood. */
  | { type: 'navigate'; id: string; visible: boolean }
  | { type: 'escape' }
  | { type: 'toggleFilterValue'; key: ListFilter; value: string }
  | { type: 'setFilterValues'; key: ListFilter; values: string[] }
  | { type: 'setYear'; year: number | null }
  | { type: 'setTies'; direct?: boolean; derived?: boolean }
  | { type: 'toggleNodeType'; nodeType: NodeType }
  | { type: 'resetFilters' }
  | { type: 'focus'; id: string; depth: Depth }
  | { type: 'unfocus' }
  /** Double-click: add the neighbourhood; again: one step further (up to 3). */
  | { type: 'expand'; id: string }
  | { type: 'unexpand'; id: string }
  | { type: 'clearExpanded' }
  | { type: 'setPathEnd'; end: 'from' | 'to'; id: string | null }
  | { type: 'swapPath' }
  | { type: 'clearPath' }
  | { type: 'toggleCollapsed'; id: string }
  | { type: 'pin'; id: string; position: Position }
  | { type: 'unpin'; id: string }
  | { type: 'unpinAll' }
  | { type: 'setAnalysisTab'; tab: AnalysisTab | null }
  | { type: 'setLevel'; level: Level }
  | { type: 'setWeights'; weights: MetricWeights }
  /** What-if: take an actor out, or put it back. */
  | { type: 'toggleRemove'; id: string }
  | { type: 'clearRemove' }
  | { type: 'setEncoding'; size?: SizeBy; color?: ColorBy }
  /** Show these regions' actors (a heatmap cell, a white spot). */
  | { type: 'showRegions'; regionIds: string[] }
  | { type: 'setPseudo'; pseudo: boolean }
  | { type: 'openStory'; id: string | null }
  /** Overview: into a region (`leaf`: its actors' network; otherwise its sub-regions). */
  | { type: 'drill'; id: string; leaf: boolean }
  /** Breadcrumb: back to depth `depth` of the drill path (0: the whole overview), focus and selection cleared. */
  | { type: 'drillUp'; depth: number }
  | { type: 'setOverviewMode'; mode: OverviewMode }
  /**
   * A stored view (a story's slide): everything the view describes replaces the current state,
   * pins included (the slide brings its own positions); language, pseudonyms and the open story stay.
   */
  | { type: 'show'; state: ExplorerState }
  /** Back to a state kept earlier (leaving a presentation), exactly as it was. */
  | { type: 'restore'; state: ExplorerState }
  /** Back/forward: the state a URL describes (pins stay, they are not in the URL). */
  | { type: 'replace'; state: ExplorerState };

const toggle = (xs: readonly string[], x: string): string[] => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);
const clampDepth = (n: number): Depth => (n <= 1 ? 1 : n >= 3 ? 3 : 2);
const withFilters = (s: ExplorerState, f: Partial<Filters>): ExplorerState => ({ ...s, filters: { ...s.filters, ...f } });

export function reduce(s: ExplorerState, a: Action): ExplorerState {
  switch (a.type) {
    case 'setLang':
      return s.lang === a.lang ? s : { ...s, lang: a.lang };
    case 'setLayout':
      return s.layout === a.layout ? s : { ...s, layout: a.layout };
    case 'select':
      return s.selected === a.id && s.also === null ? s : { ...s, selected: a.id, also: null };
    case 'selectAlso':
      if (s.selected === null) return { ...s, selected: a.id, also: null };
      if (a.id === s.selected) return { ...s, selected: s.also, also: null };
      return { ...s, also: a.id === s.also ? null : a.id };
    case 'clearAlso':
      return s.also === null ? s : { ...s, also: null };
    case 'navigate':
      return {
        ...s,
        selected: a.id,
        also: s.selected === a.id ? s.also : null,
        expanded: a.visible || Object.hasOwn(s.expanded, a.id) ? s.expanded : { ...s.expanded, [a.id]: 1 },
      };
    case 'escape':
      // One layer at a time: selection, then the path, then focus.
      if (s.selected !== null || s.also !== null) return { ...s, selected: null, also: null };
      if (s.path.from !== null || s.path.to !== null) return { ...s, path: { from: null, to: null } };
      if (s.focus !== null) return { ...s, focus: null };
      return s;
    case 'toggleFilterValue':
      return withFilters(s, { [a.key]: toggle(s.filters[a.key], a.value) });
    case 'setFilterValues':
      return withFilters(s, { [a.key]: [...new Set(a.values)] });
    case 'setYear':
      return s.filters.year === a.year ? s : withFilters(s, { year: a.year });
    case 'setTies':
      return withFilters(s, { direct: a.direct ?? s.filters.direct, derived: a.derived ?? s.filters.derived });
    case 'toggleNodeType': {
      // Kept in the canonical order, so toggling twice gives the same filters (and API request).
      const on = !s.filters.nodeTypes.includes(a.nodeType);
      const next = NODE_TYPES.filter((t) => (t === a.nodeType ? on : s.filters.nodeTypes.includes(t)));
      return withFilters(s, { nodeTypes: next });
    }
    case 'resetFilters':
      return { ...s, filters: defaultFilters() };
    case 'focus':
      return { ...s, focus: { id: a.id, depth: clampDepth(a.depth) }, selected: a.id, also: s.selected === a.id ? s.also : null };
    case 'unfocus':
      return s.focus === null ? s : { ...s, focus: null };
    case 'expand': {
      const depth = Object.hasOwn(s.expanded, a.id) ? s.expanded[a.id] : undefined;
      return { ...s, selected: a.id, also: s.selected === a.id ? s.also : null, expanded: { ...s.expanded, [a.id]: depth === undefined ? 1 : clampDepth(depth + 1) } };
    }
    case 'unexpand': {
      if (!Object.hasOwn(s.expanded, a.id)) return s;
      const { [a.id]: _, ...rest } = s.expanded;
      return { ...s, expanded: rest };
    }
    case 'clearExpanded':
      return Object.keys(s.expanded).length === 0 ? s : { ...s, expanded: {} };
    case 'setPathEnd':
      return { ...s, path: { ...s.path, [a.end]: a.id } };
    case 'swapPath':
      return { ...s, path: { from: s.path.to, to: s.path.from } };
    case 'clearPath':
      return { ...s, path: { from: null, to: null } };
    case 'toggleCollapsed':
      return { ...s, collapsed: toggle(s.collapsed, a.id) };
    case 'pin':
      return { ...s, pinned: { ...s.pinned, [a.id]: a.position } };
    case 'unpin': {
      if (!Object.hasOwn(s.pinned, a.id)) return s;
      const { [a.id]: _, ...rest } = s.pinned;
      return { ...s, pinned: rest };
    }
    case 'unpinAll':
      return Object.keys(s.pinned).length === 0 ? s : { ...s, pinned: {} };
    case 'setAnalysisTab':
      return s.analysis.tab === a.tab ? s : { ...s, analysis: { ...s.analysis, tab: a.tab } };
    case 'setLevel':
      return s.analysis.level === a.level ? s : { ...s, analysis: { ...s.analysis, level: a.level } };
    case 'setWeights':
      return s.analysis.weights === a.weights ? s : { ...s, analysis: { ...s.analysis, weights: a.weights } };
    case 'toggleRemove':
      return { ...s, analysis: { ...s.analysis, remove: toggle(s.analysis.remove, a.id) } };
    case 'clearRemove':
      return s.analysis.remove.length === 0 ? s : { ...s, analysis: { ...s.analysis, remove: [] } };
    case 'setEncoding':
      return { ...s, encoding: { size: a.size ?? s.encoding.size, color: a.color ?? s.encoding.color } };
    case 'showRegions':
      // The regions' actors with their ties: the region filter, no focus in the way, actors shown.
      return {
        ...s,
        focus: null,
        filters: { ...s.filters, regionIds: [...new Set(a.regionIds)], nodeTypes: s.filters.nodeTypes.includes('ACTOR') ? s.filters.nodeTypes : NODE_TYPES.filter((t) => t === 'ACTOR' || s.filters.nodeTypes.includes(t)) },
      };
    case 'setPseudo':
      return s.pseudo === a.pseudo ? s : { ...s, pseudo: a.pseudo };
    case 'openStory':
      return s.story === a.id ? s : { ...s, story: a.id };
    case 'drill': {
      const o = s.overview;
      if (o.leaf) return s; // a network is drawn: regions are not drilled into from there
      const path = [...o.path, a.id];
      if (!a.leaf) return { ...s, selected: null, also: null, focus: null, overview: { ...o, path, leaf: false } };
      return { ...s, selected: null, also: null, focus: null, filters: { ...s.filters, regionIds: [a.id] }, overview: { ...o, path, leaf: true } };
    }
    case 'drillUp': {
      const o = s.overview;
      const depth = Math.max(0, Math.min(a.depth, o.path.length));
      const leafGone = o.leaf && depth < o.path.length;
      if (depth === o.path.length && s.focus === null && s.selected === null) return s;
      const dropped = o.path[o.path.length - 1];
      const regionIds = leafGone && s.filters.regionIds.length === 1 && s.filters.regionIds[0] === dropped ? [] : s.filters.regionIds;
      return {
        ...s,
        selected: null,
        also: null,
        focus: null,
        expanded: leafGone ? {} : s.expanded,
        filters: regionIds === s.filters.regionIds ? s.filters : { ...s.filters, regionIds },
        overview: { ...o, path: o.path.slice(0, depth), leaf: o.leaf && !leafGone },
      };
    }
    case 'setOverviewMode': {
      const o = s.overview;
      const inside = o.path[o.path.length - 1];
      // Inside a drilled region, "the network" is that region's network.
      if (a.mode === 'network' && inside !== undefined && !o.leaf)
        return { ...s, selected: null, also: null, focus: null, filters: { ...s.filters, regionIds: [inside] }, overview: { ...o, leaf: true } };
      return o.mode === a.mode ? s : { ...s, selected: null, also: null, overview: { ...o, mode: a.mode } };
    }
    case 'show':
      return { ...a.state, pinned: {}, lang: s.lang, pseudo: s.pseudo, story: s.story };
    case 'restore':
      return a.state;
    case 'replace':
      return { ...a.state, pinned: s.pinned };
  }
}

/** True when the filters differ from the defaults (for "reset" buttons and empty-result hints). */
export function filtersActive(f: Filters): boolean {
  const d = defaultFilters();
  return (
    f.regionIds.length > 0 ||
    f.actorKinds.length > 0 ||
    f.sectors.length > 0 ||
    f.projectIds.length > 0 ||
    f.year !== null ||
    f.direct !== d.direct ||
    f.derived !== d.derived ||
    [...f.nodeTypes].sort().join() !== [...d.nodeTypes].sort().join()
  );
}
