/**
 * The URL mirrors the state: `toSearch(state)` and `fromSearch(search)` are inverse on everything a
 * link should reproduce (filters, selection (and a second selected node), focus, expansions, path, layout, language,
 * pseudonymised mode, the open story). Defaults are
 * left out so links stay short; unknown or malformed values fall back to the defaults.
 */
import { NODE_TYPES, type NodeType } from '../api/types.ts';
import { LEVELS, METRIC_KEYS, METRIC_WEIGHTS, type Level, type MetricKey, type MetricWeights } from '../api/analysis.ts';
import {
  ANALYSIS_TABS,
  COLOR_BY,
  DEFAULT_NODE_TYPES,
  LANGS,
  LAYOUTS,
  OVERVIEW_MODES,
  defaultFilters,
  initialState,
  type AnalysisTab,
  type ColorBy,
  type Depth,
  type ExplorerState,
  type Lang,
  type LayoutName,
  type OverviewMode,
} from './explorer.ts';

const ID = /^[a-z0-9][a-z0-9._:-]{0,119}$/;
const list = (v: string | null): string[] => (v ? [...new Set(v.split(',').filter((x) => x !== ''))] : []);
const ids = (v: string | null): string[] => list(v).filter((x) => ID.test(x));
const id = (v: string | null): string | null => (v !== null && ID.test(v) ? v : null);
const depthOf = (v: string | undefined | null): Depth | null => (v === '1' ? 1 : v === '2' ? 2 : v === '3' ? 3 : null);

export function toSearch(s: ExplorerState): string {
  const p = new URLSearchParams();
  const f = s.filters;
  if (s.lang !== 'de') p.set('lang', s.lang);
  if (s.layout !== 'force') p.set('layout', s.layout);
  if (f.regionIds.length) p.set('regions', f.regionIds.join(','));
  if (f.actorKinds.length) p.set('kinds', f.actorKinds.join(','));
  if (f.sectors.length) p.set('sectors', f.sectors.join(','));
  if (f.projectIds.length) p.set('projects', f.projectIds.join(','));
  if (f.year !== null) p.set('year', String(f.year));
  const d = defaultFilters();
  if (f.direct !== d.direct || f.derived !== d.derived) p.set('ties', f.direct ? (f.derived ? 'all' : 'direct') : f.derived ? 'derived' : 'none');
  const types = NODE_TYPES.filter((t) => f.nodeTypes.includes(t));
  if (types.join() !== NODE_TYPES.filter((t) => DEFAULT_NODE_TYPES.includes(t)).join()) p.set('types', types.length ? types.join(',') : 'none');
  if (s.selected) p.set('selected', s.selected);
  if (s.selected && s.also) p.set('also', s.also);
  if (s.focus) {
    p.set('focus', s.focus.id);
    if (s.focus.depth !== 1) p.set('depth', String(s.focus.depth));
  }
  const expanded = Object.entries(s.expanded);
  if (expanded.length) p.set('expand', expanded.map(([k, d]) => (d === 1 ? k : `${k}~${d}`)).join(','));
  if (s.path.from) p.set('from', s.path.from);
  if (s.path.to) p.set('to', s.path.to);
  if (s.collapsed.length) p.set('collapsed', s.collapsed.join(','));
  if (s.analysis.tab) p.set('analysis', s.analysis.tab);
  if (s.analysis.level !== 'district') p.set('level', s.analysis.level);
  if (s.analysis.weights !== 'none') p.set('weights', s.analysis.weights);
  if (s.analysis.remove.length) p.set('remove', s.analysis.remove.join(','));
  if (s.encoding.size !== 'degree') p.set('size', s.encoding.size);
  if (s.encoding.color !== 'kind') p.set('color', s.encoding.color);
  if (s.pseudo) p.set('pseudo', '1');
  if (s.story) p.set('story', s.story);
  if (s.overview.mode !== 'auto') p.set('overview', s.overview.mode);
  // The drill path; a trailing "~" marks the last region drawn as its actors' network.
  if (s.overview.path.length) p.set('drill', `${s.overview.path.join(',')}${s.overview.leaf ? '~' : ''}`);
  // Keep "," and "~" readable in links (URLSearchParams would escape them).
  const q = [...p].map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%7E/g, '~')}`).join('&');
  return q ? `?${q}` : '';
}

export function fromSearch(search: string, fallbackLang: Lang = 'de'): ExplorerState {
  const p = new URLSearchParams(search);
  const s = initialState(fallbackLang);
  const lang = p.get('lang');
  if ((LANGS as readonly string[]).includes(lang ?? '')) s.lang = lang as Lang;
  const layout = p.get('layout');
  if ((LAYOUTS as readonly string[]).includes(layout ?? '')) s.layout = layout as LayoutName;
  s.filters.regionIds = ids(p.get('regions'));
  s.filters.actorKinds = list(p.get('kinds')).filter((k) => /^[a-z_]{1,40}$/.test(k));
  s.filters.sectors = list(p.get('sectors')).filter((k) => k.length <= 80);
  s.filters.projectIds = ids(p.get('projects'));
  const year = Number(p.get('year'));
  if (p.get('year') !== null && Number.isInteger(year) && year >= 1000 && year <= 9999) s.filters.year = year;
  const ties = p.get('ties');
  if (ties === 'all' || ties === 'direct' || ties === 'derived' || ties === 'none') {
    s.filters.direct = ties === 'all' || ties === 'direct';
    s.filters.derived = ties === 'all' || ties === 'derived';
  }
  const types = p.get('types');
  if (types !== null) s.filters.nodeTypes = types === 'none' ? [] : NODE_TYPES.filter((t) => list(types).includes(t as NodeType));
  s.selected = id(p.get('selected'));
  const also = id(p.get('also'));
  if (s.selected && also !== s.selected) s.also = also;
  const focus = id(p.get('focus'));
  if (focus) s.focus = { id: focus, depth: depthOf(p.get('depth')) ?? 1 };
  for (const item of list(p.get('expand'))) {
    const [k, d] = item.split('~');
    if (k && ID.test(k)) s.expanded[k] = depthOf(d) ?? 1;
  }
  s.path = { from: id(p.get('from')), to: id(p.get('to')) };
  s.collapsed = ids(p.get('collapsed'));
  const one = <T extends string>(key: string, allowed: readonly T[]): T | null => {
    const v = p.get(key);
    return (allowed as readonly string[]).includes(v ?? '') ? (v as T) : null;
  };
  s.analysis = {
    tab: one<AnalysisTab>('analysis', ANALYSIS_TABS),
    level: one<Level>('level', LEVELS) ?? 'district',
    weights: one<MetricWeights>('weights', METRIC_WEIGHTS) ?? 'none',
    remove: ids(p.get('remove')),
  };
  s.encoding = { size: one<MetricKey>('size', METRIC_KEYS) ?? 'degree', color: one<ColorBy>('color', COLOR_BY) ?? 'kind' };
  s.pseudo = p.get('pseudo') === '1';
  s.story = id(p.get('story'));
  const drill = p.get('drill') ?? '';
  const leaf = drill.endsWith('~');
  const path = ids(leaf ? drill.slice(0, -1) : drill);
  s.overview = { mode: one<OverviewMode>('overview', OVERVIEW_MODES) ?? 'auto', path, leaf: leaf && path.length > 0 };
  return s;
}
