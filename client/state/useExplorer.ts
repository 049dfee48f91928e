/**
 * The hooks facade: explorer state behind a reducer, mirrored in the URL (back/forward work), and
 * the data the state asks for (network, neighbourhoods, paths, details, catalog).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchMetrics, type Metrics, type NodeMetrics } from '../api/analysis.ts';
import { ApiError } from '../api/client.ts';
import { fetchCatalog, fetchDetails, fetchNeighborhood, fetchNetwork, fetchNodeType, fetchOverview, fetchProjects, fetchShortestPaths } from '../api/queries.ts';
import type { Details, Facets, Network, NetworkNode, NodeType, Overview, Path, RegionSummary } from '../api/types.ts';
import { config } from '../config.ts';
import { OVERVIEW_ACTORS, reduce, type Action, type ExplorerState } from './explorer.ts';
import { analysisFilter, applyClientFilter, filterOf, mergeNetworks, requestKey, requestsOf, withPaths, type PathHighlight, type Request } from './network.ts';
import { onDataChanged, useDataRevision } from './revision.ts';
import { fromSearch, toSearch } from './url.ts';

export type Dispatch = (action: Action, opts?: { replaceHistory?: boolean }) => void;

/**
 * State behind the pure reducer, mirrored in the URL: a change adds a history entry, unless the
 * caller asks to replace the current one (e.g. the steps of one slider drag).
 */
export function useExplorer(): { state: ExplorerState; dispatch: Dispatch } {
  const [state, setState] = useState<ExplorerState>(() => fromSearch(window.location.search));
  const current = useRef(state);
  const replaceNext = useRef(true); // the first render canonicalises the URL without a new entry
  const dispatch = useCallback<Dispatch>((action, opts) => {
    const next = reduce(current.current, action);
    if (next === current.current) return; // nothing changed: no history entry, no flag left behind
    current.current = next;
    replaceNext.current = opts?.replaceHistory === true;
    setState(next);
  }, []);
  useEffect(() => {
    const search = toSearch(state);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (replaceNext.current) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    replaceNext.current = false;
    document.documentElement.lang = state.lang;
  }, [state]);
  useEffect(() => {
    const onPop = () => dispatch({ type: 'replace', state: fromSearch(window.location.search) }, { replaceHistory: true });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [dispatch]);
  return { state, dispatch };
}

export interface Catalog {
  regions: Map<string, RegionSummary>;
  regionList: RegionSummary[];
  facets: Facets;
  projects: NetworkNode[];
}

export function useCatalog(): { catalog: Catalog | null; error: ApiError | null; retry(): void } {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const revision = useDataRevision();
  useEffect(() => {
    const ac = new AbortController();
    Promise.all([fetchCatalog(ac.signal), fetchProjects(ac.signal)])
      .then(([c, projects]) => {
        setCatalog({
          regions: new Map(c.regions.map((r) => [r.id, r])),
          regionList: c.regions,
          facets: c.facets,
          projects: [...projects].sort((a, b) => a.label.localeCompare(b.label, 'de')),
        });
        setError(null);
      })
      .catch((e: unknown) => !ac.signal.aborted && setError(asApiError(e)));
    return () => ac.abort();
  }, [attempt, revision]);
  return { catalog, error, retry: () => setAttempt((n) => n + 1) };
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('UNKNOWN', String((e as Error)?.message ?? e));
}

/** Loaded networks by request, most recent last; the oldest go beyond CACHE_SIZE. */
const cache = new Map<string, Network>();
const CACHE_SIZE = 40;
onDataChanged(() => cache.clear());
function remember(key: string, n: Network): void {
  cache.delete(key);
  cache.set(key, n);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

function load(r: Request, signal: AbortSignal): Promise<Network> {
  return r.kind === 'network' ? fetchNetwork(r.filter, signal) : fetchNeighborhood(r.id, r.depth, r.limit, signal);
}

export interface NetworkData {
  /** What is drawn: base ∪ expansions, client filters applied, paths added. */
  network: Network | null;
  highlight: PathHighlight;
  paths: Path[] | null;
  pathsLoading: boolean;
  pathsError: ApiError | null;
  loading: boolean;
  error: ApiError | null;
  /** Expansions that could not be loaded (e.g. a stale link): offered for removal. */
  failedExpansions: string[];
  /** What is shown answers the current state's requests (not a previous state's, still loading). */
  current: boolean;
  /** The current state's network itself could not be loaded (what is shown is a previous state's). */
  failed: ApiError | null;
  retry(): void;
}

/** Overviews by request, most recent last (cleared when the data changes). */
const overviewCache = new Map<string, Overview>();
onDataChanged(() => overviewCache.clear());

export interface OverviewView {
  /** The state asks for the overview (no focus, no region drawn as its network, not switched off). */
  wanted: boolean;
  /** The overview is drawn (loaded, and the network is large or the user asked for it). */
  shown: boolean;
  /** Whether to draw the overview or the network is known (the network may load). */
  decided: boolean;
  overview: Overview | null;
  key: string;
  loading: boolean;
  error: ApiError | null;
  retry(): void;
}

/**
 * The overview of the network under the filters: asked for first (one cheap request), it decides
 * whether the explorer draws the regions (large networks, or a drill into a state) or the network.
 */
export function useOverview(state: ExplorerState): OverviewView {
  const o = state.overview;
  const wanted = state.focus === null && !o.leaf && o.mode !== 'network';
  const parentId = o.path[o.path.length - 1] ?? null;
  const level = parentId ? 'district' : 'state';
  const { limit: _limit, ...base } = filterOf(state.filters, config.nodeLimit);
  // Region ties count every tie (an imported programme has only derived ones).
  const filter = { ...base, includeDirect: true, includeDerived: true };
  const key = JSON.stringify([level, parentId, filter]);
  const [loaded, setLoaded] = useState<{ key: string; overview: Overview } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const revision = useDataRevision();
  useEffect(() => {
    if (!wanted) return;
    const cached = overviewCache.get(key);
    if (cached) {
      setLoaded({ key, overview: cached });
      setError(null);
      setLoading(false);
      return;
    }
    const ac = new AbortController();
    setLoading(true);
    fetchOverview(level, parentId, filter, ac.signal)
      .then((ov) => {
        if (ac.signal.aborted) return;
        overviewCache.set(key, ov);
        while (overviewCache.size > 20) overviewCache.delete(overviewCache.keys().next().value as string);
        setLoaded({ key, overview: ov });
        setError(null);
      })
      .catch((e: unknown) => !ac.signal.aborted && setError(asApiError(e)))
      .finally(() => !ac.signal.aborted && setLoading(false));
    return () => ac.abort();
    // `filter`, `level` and `parentId` are what `key` spells.
  }, [wanted, key, attempt, revision]);
  const overview = wanted && loaded?.key === key ? loaded.overview : null;
  const shown = overview !== null && (o.mode === 'regions' || parentId !== null || overview.actors > OVERVIEW_ACTORS);
  // A failed top-level overview does not block the network; a failed drill (a stale link) shows its
  // error, and the breadcrumb leads back up (the whole large network is not loaded instead).
  const decided = !wanted || overview !== null || (error !== null && parentId === null);
  return { wanted, shown, decided, overview, key, loading: wanted && loading, error: wanted ? error : null, retry: () => setAttempt((n) => n + 1) };
}

export function useNetworkData(state: ExplorerState, enabled = true): NetworkData {
  const requests = useMemo(() => (enabled ? requestsOf(state, config.nodeLimit) : []), [state, enabled]);
  const keys = requests.map(requestKey).join('\n');
  const [error, setError] = useState<ApiError | null>(null);
  const [failedExpansions, setFailedExpansions] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [shown, setShown] = useState<Network[] | null>(null);
  const [shownKeys, setShownKeys] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // The requests whose base network failed, with the error.
  const [failedBase, setFailedBase] = useState<{ keys: string; error: ApiError } | null>(null);
  const revision = useDataRevision();

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      setError(null);
      return;
    }
    const ac = new AbortController();
    const missing = requests.filter((r) => !cache.has(requestKey(r)));
    const finish = () => {
      const nets = requests.map((r) => cache.get(requestKey(r))).filter((n): n is Network => n !== undefined);
      setShown(nets);
      setShownKeys(keys);
      setLoading(false);
    };
    if (missing.length === 0) {
      finish();
      setFailedBase(null);
      setError(null);
      setFailedExpansions([]);
      return;
    }
    setLoading(true);
    // Each request on its own: a failing expansion must not hide the rest.
    void Promise.allSettled(missing.map((r) => load(r, ac.signal).then((n) => remember(requestKey(r), n)))).then((results) => {
      if (ac.signal.aborted) return;
      const failures = results.flatMap((res, i) => (res.status === 'rejected' ? [{ request: missing[i] as Request, reason: res.reason as unknown }] : []));
      setError(failures[0] ? asApiError(failures[0].reason) : null);
      setFailedExpansions(failures.flatMap((f) => (f.request.kind === 'neighborhood' && f.request !== requests[0] ? [f.request.id] : [])));
      // Keep the last picture when the base failed; otherwise show what did load.
      if (requests[0] && cache.has(requestKey(requests[0]))) {
        finish();
        setFailedBase(null);
      } else {
        setLoading(false);
        setFailedBase(failures[0] ? { keys, error: asApiError(failures[0].reason) } : null);
      }
    });
    return () => ac.abort();
    // `requests` is what `keys` spells.
  }, [keys, attempt, revision, enabled]);

  const [paths, setPaths] = useState<Path[] | null>(null);
  const [pathsLoading, setPathsLoading] = useState(false);
  const [pathsError, setPathsError] = useState<ApiError | null>(null);
  const { from, to } = state.path;
  useEffect(() => {
    setPaths(null);
    setPathsError(null);
    setPathsLoading(false);
    if (!from || !to || from === to) return;
    const ac = new AbortController();
    setPathsLoading(true);
    fetchShortestPaths(from, to, ac.signal)
      .then((p) => !ac.signal.aborted && setPaths(p))
      .catch((e: unknown) => !ac.signal.aborted && setPathsError(asApiError(e)))
      .finally(() => !ac.signal.aborted && setPathsLoading(false));
    return () => ac.abort();
  }, [from, to, attempt, revision]);

  const { filters, focus, expanded } = state;
  const result = useMemo(() => {
    if (!shown) return { network: null, highlight: { nodes: new Set<string>(), edges: new Set<string>() } };
    const keep = new Set<string>([...Object.keys(expanded), ...(focus ? [focus.id] : []), ...(from ? [from] : []), ...(to ? [to] : [])]);
    const visible = applyClientFilter(mergeNetworks(shown), filters, keep);
    return withPaths(visible, paths ?? []);
  }, [shown, filters, focus, expanded, paths, from, to]);

  return { ...result, paths, pathsLoading, pathsError, loading, error, failedExpansions, current: shownKeys === keys, failed: failedBase?.keys === keys ? failedBase.error : null, retry: () => setAttempt((n) => n + 1) };
}

/**
 * Details of a node; the type, when known from the drawing, saves a request (it is only a hint).
 * `editable` (editors) loads the versions the edit forms send along. `reload()` loads them again
 * (e.g. after a conflict); after a write the data revision does.
 */
export function useDetails(
  id: string | null,
  knownType: NodeType | null,
  editable = false,
): { details: Details | null; loading: boolean; error: ApiError | null; reload(): void } {
  const [details, setDetails] = useState<Details | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const revision = useDataRevision();
  const typeHint = useRef(knownType);
  typeHint.current = knownType;
  useEffect(() => {
    setError(null);
    if (!id) {
      setDetails(null);
      return;
    }
    const ac = new AbortController();
    setLoading(true);
    (async () => {
      const type = typeHint.current ?? (await fetchNodeType(id, ac.signal));
      if (!type) throw new ApiError('NOT_FOUND', id);
      return fetchDetails(type, id, ac.signal, editable);
    })()
      .then((d) => !ac.signal.aborted && setDetails(d))
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        setDetails(null);
        setError(asApiError(e));
      })
      .finally(() => !ac.signal.aborted && setLoading(false));
    return () => ac.abort();
  }, [id, editable, attempt, revision]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { details, loading, error, reload };
}

/**
 * Actor metrics for the size/colour encoding and the details panel: fetched when the encoding asks
 * for a metric or community, or an actor is selected; the server caches them until the data changes.
 */
export function useMetrics(state: ExplorerState): { metrics: Metrics | null; byId: ReadonlyMap<string, NodeMetrics>; loading: boolean; error: ApiError | null; retry(): void } {
  const wanted = state.encoding.size !== 'degree' || state.encoding.color !== 'kind' || state.selected !== null;
  const filter = useMemo(() => analysisFilter(state.filters), [state.filters]);
  const revision = useDataRevision();
  const key = wanted ? JSON.stringify([filter, state.analysis.level, state.analysis.weights, revision]) : null;
  const [result, setResult] = useState<{ key: string; metrics: Metrics } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null || result?.key === key) {
      setLoading(false);
      return;
    }
    const ac = new AbortController();
    setLoading(true);
    setError(null);
    fetchMetrics(filter, state.analysis.weights, state.analysis.level, ac.signal)
      .then((metrics) => !ac.signal.aborted && setResult({ key, metrics }))
      .catch((e: unknown) => !ac.signal.aborted && setError(asApiError(e)))
      .finally(() => !ac.signal.aborted && setLoading(false));
    return () => ac.abort();
  }, [key, attempt]); // filter, level, weights and the data revision are inside the key
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const metrics = result?.key === key ? result.metrics : null;
  const byId = useMemo(() => new Map((metrics?.nodes ?? []).map((n) => [n.id, n])), [metrics]);
  return { metrics, byId, loading, error, retry };
}
