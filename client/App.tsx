/**
 * The explorer page: header (search, layout, language), filters, the network canvas with legend and
 * status line, and the details and path panels. State lives in the hooks facade; this component only
 * wires state, data and views together.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api/client.ts';
import type { Details, NetworkNode, NodeRef, NodeType, RegionSummary } from './api/types.ts';
import { AnalysisPanel } from './analysis/AnalysisPanel.tsx';
import { useAnalysisData } from './analysis/useAnalysis.ts';
import { config, hasHardwareWebgl } from './config.ts';
import { geoPositions, project } from './graph/geo.ts';
import { NetworkView, type DrawInfo, type LayoutInfo } from './graph/NetworkView.tsx';
import type { NodeMetrics } from './api/analysis.ts';
import { landmarkId, legendOf, toElements, type MetricEncoding } from './graph/toElements.ts';
import { formatMetric, formatNumber } from './i18n/index.ts';
import { ImportWizard } from './import/ImportWizard.tsx';
import { DetailsPanel } from './panels/DetailsPanel.tsx';
import { FilterPanel } from './panels/FilterPanel.tsx';
import { EncodingControls } from './panels/EncodingControls.tsx';
import { ExportMenu } from './panels/ExportMenu.tsx';
import { Legend, type EncodingLegendInfo } from './panels/Legend.tsx';
import { MetricsPanel } from './panels/MetricsPanel.tsx';
import { PathPanel } from './panels/PathPanel.tsx';
import { SearchBox } from './panels/SearchBox.tsx';
import { SelectionPair } from './panels/SelectionPair.tsx';
import { StatusLine } from './panels/StatusLine.tsx';
import { AccessDialog } from './session/AccessDialog.tsx';
import { SessionMenu } from './session/SessionMenu.tsx';
import { useSession } from './session/useSession.ts';
import { LANGS, LAYOUTS, filtersActive } from './state/explorer.ts';
import { dataChanged } from './state/revision.ts';
import { useCatalog, useDetails, useExplorer, useMetrics, useNetworkData } from './state/useExplorer.ts';

/** What the page reports for browser tests and benchmarks. */
interface AtlasProbe {
  firstDraw: DrawInfo | null;
  layouts: LayoutInfo[];
  /** Screen position of a drawn node (page coordinates), for clicking it in browser tests. */
  renderedPosition?: (id: string) => { x: number; y: number } | null;
  /** Position of a drawn node in the network's own coordinates. */
  modelPosition?: (id: string) => { x: number; y: number } | null;
}
declare global {
  interface Window {
    __atlas?: AtlasProbe;
  }
}
const probe: AtlasProbe = (window.__atlas = { firstDraw: null, layouts: [] });
const EMPTY_REGIONS = new Map<string, RegionSummary>();
const typeOfDetails = (d: Details): NodeType => (d.__typename === 'Actor' ? 'ACTOR' : d.__typename === 'Project' ? 'PROJECT' : d.__typename === 'Region' ? 'REGION' : 'EVENT');
/** Networks with more nodes are drawn in the cheaper style. */
const LARGE_NODES = 500;

export function App() {
  const { t, i18n } = useTranslation();
  const { state, dispatch } = useExplorer();
  const session = useSession();
  const [dialog, setDialog] = useState<'import' | 'access' | null>(null);
  // Another token (signed out, or refused by the server): everything is loaded again with the new rights.
  const lastToken = useRef(session.token);
  useEffect(() => {
    if (session.token === lastToken.current) return;
    lastToken.current = session.token;
    dataChanged();
  }, [session.token]);
  const { catalog, error: catalogError, retry: retryCatalog } = useCatalog();
  const data = useNetworkData(state);
  const metrics = useMetrics(state);
  const analysis = useAnalysisData(state);
  // Nodes an insight card or the what-if result points at (transient, not in the URL).
  const [analysisHighlight, setAnalysisHighlight] = useState<string[]>([]);
  const panelOpen = state.analysis.tab !== null;
  useEffect(() => {
    // A highlight belongs to the tab that set it.
    setAnalysisHighlight([]);
  }, [state.analysis.tab]);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const [fitSignal, setFitSignal] = useState(0);

  useEffect(() => {
    if (i18n.language !== state.lang) void i18n.changeLanguage(state.lang);
    document.title = `${t('app.title')} – ${t('app.tagline')}`;
  }, [state.lang, i18n, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) dispatch({ type: 'escape' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dispatch]);

  const network = data.network;
  // Grouping needs the region tree; the other layouts draw without it (e.g. when the catalog failed).
  const regions = catalog?.regions ?? (state.layout === 'regions' ? undefined : EMPTY_REGIONS);
  // Geographic layout: the states as a faint background map.
  const landmarks = useMemo(() => (state.layout === 'geo' ? (catalog?.regionList ?? []).filter((r) => r.kind === 'state') : []), [state.layout, catalog]);
  // Metric encoding: size and colour of the actors from their metrics (once loaded).
  const encoding = useMemo((): MetricEncoding | undefined => {
    const { size, color } = state.encoding;
    if (!metrics.metrics || (size === 'degree' && color === 'kind')) return undefined;
    const nodes = metrics.metrics.nodes;
    return {
      size,
      color,
      sizeValues: new Map(nodes.map((n) => [n.id, n[size]])),
      colorValues: color === 'kind' ? undefined : new Map(nodes.map((n) => [n.id, color === 'community' ? n.community : n[color]])),
    };
  }, [metrics.metrics, state.encoding]);
  const removed = useMemo(() => new Set(state.analysis.tab === 'whatif' ? state.analysis.remove : []), [state.analysis.tab, state.analysis.remove]);
  const cutOff = useMemo(
    () => new Set(state.analysis.tab === 'whatif' ? (analysis.whatIf?.disconnectedActors ?? []).map((a) => a.id) : []),
    [state.analysis.tab, analysis.whatIf],
  );
  const highlight = useMemo(
    () => (analysisHighlight.length === 0 ? data.highlight : { nodes: new Set([...data.highlight.nodes, ...analysisHighlight]), edges: data.highlight.edges }),
    [data.highlight, analysisHighlight],
  );
  const elements = useMemo(
    () =>
      network && regions
        ? toElements(network, { grouped: state.layout === 'regions', regions, collapsed: new Set(state.collapsed), landmarks, encoding, removed, cutOff })
        : [],
    [network, regions, state.layout, state.collapsed, landmarks, encoding, removed, cutOff],
  );
  const encodingLegend = useMemo((): EncodingLegendInfo | null => {
    if (!encoding) return null;
    const drawn = elements.filter((el) => el.group === 'nodes' && el.data.type === 'ACTOR').map((el) => el.data.id);
    const values = drawn.map((id) => encoding.colorValues?.get(id)).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
    const counts = new Map<number, number>();
    if (encoding.color === 'community') for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return {
      color: encoding.color,
      size: encoding.size,
      communities: [...counts.entries()].map(([community, count]) => ({ community, count })).sort((a, b) => a.community - b.community),
      range: values.length ? { min: Math.min(...values), max: Math.max(...values) } : undefined,
      format: (v: number) => formatMetric(v, state.lang),
    };
  }, [encoding, elements, state.lang]);
  const geo = useMemo(() => {
    if (!network) return new Map();
    const positions = geoPositions(network.nodes, network.edges);
    for (const r of catalog?.regionList ?? []) if (r.kind === 'state') positions.set(landmarkId(r.id), project(r.lat, r.lon));
    return positions;
  }, [network, catalog]);
  const legend = useMemo(() => legendOf(elements), [elements]);
  const nodeById = useMemo(() => new Map((network?.nodes ?? []).map((n) => [n.id, n])), [network]);
  const pathNodes = useMemo(() => new Map((data.paths ?? []).flatMap((p) => p.nodes).map((n) => [n.id, n])), [data.paths]);
  const labelOf = useCallback((id: string): NetworkNode | null => nodeById.get(id) ?? pathNodes.get(id) ?? null, [nodeById, pathNodes]);

  const counts = useMemo(() => {
    let nodes = 0;
    let edges = 0;
    for (const el of elements) {
      if (el.group === 'edges') edges++;
      else if (!el.classes.includes('group') && !el.classes.includes('landmark')) nodes++;
    }
    return { nodes, edges };
  }, [elements]);
  // Above this, labels scale with the zoom (no per-node restyling or collision checks), edges are cheap.
  const large = counts.nodes > LARGE_NODES;
  // WebGL only helps with a graphics card: software WebGL (no GPU) drew 1,000 nodes 3–4× slower.
  const webgl = elements.length >= config.webglThreshold && hasHardwareWebgl();

  const selectedNode = state.selected ? nodeById.get(state.selected) : undefined;
  const details = useDetails(state.selected, selectedNode?.type ?? null, session.me.canEdit);
  const refOf = (id: string): NodeRef => {
    const n = labelOf(id);
    return n ? { id, type: n.type, kind: n.kind, label: n.label } : { id, type: id === details.details?.id ? typeOfDetails(details.details) : 'ACTOR', kind: null, label: id };
  };

  const drawnIds = useMemo(() => new Set(elements.filter((e) => e.group === 'nodes' && e.classes !== 'landmark').map((e) => e.data.id)), [elements]);
  const navigate = useCallback((ref: Pick<NodeRef, 'id'>) => dispatch({ type: 'navigate', id: ref.id, visible: drawnIds.has(ref.id) }), [dispatch, drawnIds]);

  const errorText = (e: ApiError | null) => (e ? t(`errors.${e.code}`, { field: e.field ?? '' }) : null);
  const apiError = catalogError ?? data.error;
  const ready = network !== null && !data.loading && !layoutRunning && (drawn || elements.length === 0);
  const empty = network !== null && !data.loading && network.nodes.length === 0;

  return (
    <div className="app">
      <a className="skip-link" href="#canvas">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <h1>
          {t('app.title')} <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <SearchBox label={t('search.label')} placeholder={t('search.placeholder')} testId="search" onChoose={navigate} />
        <div className="layout-switch" role="group" aria-label={t('layout.label')}>
          {LAYOUTS.map((l) => (
            <button key={l} type="button" aria-pressed={state.layout === l} data-layout={l} onClick={() => dispatch({ type: 'setLayout', layout: l })}>
              {t(`layout.${l}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="analysis-toggle"
          aria-pressed={state.analysis.tab !== null}
          data-testid="analysis-toggle"
          onClick={() => dispatch({ type: 'setAnalysisTab', tab: state.analysis.tab === null ? 'insights' : null })}
        >
          {t('analysis.open')}
        </button>
        <div className="lang-switch" role="group" aria-label={t('lang.label')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={state.lang === l} data-lang={l} title={t(`lang.${l}`)} onClick={() => dispatch({ type: 'setLang', lang: l })}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        <ExportMenu onImport={session.me.canEdit ? () => setDialog('import') : undefined} />
        <a className="api-link" href="/graphql">
          {t('app.api')}
        </a>
        <SessionMenu session={session} onOpenAccess={() => setDialog('access')} />
      </header>

      {session.notice === 'invalid' && (
        <div className="notice-banner" role="alert" data-testid="session-notice">
          {t(session.me.readAccess === 'token' ? 'session.invalidNoRead' : 'session.invalid')}
          <button type="button" className="close" aria-label={t('form.close')} onClick={session.dismissNotice}>
            ×
          </button>
        </div>
      )}
      {dialog === 'import' && session.me.canEdit && <ImportWizard lang={state.lang} onClose={() => setDialog(null)} />}
      {dialog === 'access' && session.me.canAdmin && <AccessDialog lang={state.lang} onClose={() => setDialog(null)} />}

      {apiError && (
        <div className="error-banner" role="alert" data-testid="api-error" data-code={apiError.code}>
          {errorText(apiError)}{' '}
          {data.failedExpansions.map((id) => (
            <button key={id} type="button" onClick={() => dispatch({ type: 'unexpand', id })}>
              {t('errors.dropExpansion', { id })}
            </button>
          ))}
          <button
            type="button"
            onClick={() => {
              if (catalogError) retryCatalog();
              data.retry();
            }}
          >
            {t('errors.retry')}
          </button>
        </div>
      )}

      <div className="app-body">
        {catalog ? <FilterPanel state={state} catalog={catalog} dispatch={dispatch} /> : <aside className="filters" />}

        <main className="canvas-area" id="canvas">
          <NetworkView
            key={`${webgl}-${large}`}
            elements={elements}
            layout={state.layout}
            geo={geo}
            selected={state.selected}
            also={state.also}
            highlight={highlight}
            pinned={state.pinned}
            webgl={webgl}
            large={large}
            fitSignal={fitSignal}
            probe={probe}
            ariaLabel={t('app.canvas', { nodes: formatNumber(counts.nodes, state.lang), edges: formatNumber(counts.edges, state.lang) })}
            onSelect={(id) => {
              // What-if: clicking an actor takes it out (or puts it back) instead of selecting it.
              if (id && state.analysis.tab === 'whatif' && (nodeById.get(id)?.type === 'ACTOR' || removed.has(id))) dispatch({ type: 'toggleRemove', id });
              else dispatch({ type: 'select', id });
            }}
            onSelectAlso={(id) => dispatch({ type: 'selectAlso', id })}
            onExpand={(id) => dispatch({ type: 'expand', id })}
            onToggleRegion={(id) => dispatch({ type: 'toggleCollapsed', id })}
            onPin={(id, position) => dispatch({ type: 'pin', id, position })}
            onLayoutRunning={setLayoutRunning}
            onDrawn={(info) => {
              probe.firstDraw ??= info;
              performance.mark('atlas:first-draw');
              setDrawn(true);
            }}
            onLayoutDone={(info) => probe.layouts.push(info)}
          />
          {empty && (
            <div className="empty" data-testid="empty">
              <p>{filtersActive(state.filters) ? t('empty.filters') : t('empty.data')}</p>
              {filtersActive(state.filters) && (
                <button type="button" onClick={() => dispatch({ type: 'resetFilters' })}>
                  {t('filters.reset')}
                </button>
              )}
            </div>
          )}
          <Legend key={panelOpen ? 'beside-analysis' : 'alone'} defaultOpen={!panelOpen} entries={legend} simplified={large} encoding={encodingLegend} />
          <div className="canvas-tools">
            <EncodingControls
              state={state}
              dispatch={dispatch}
              loading={metrics.loading && encoding === undefined && (state.encoding.size !== 'degree' || state.encoding.color !== 'kind')}
              error={errorText(metrics.error)}
              onRetry={metrics.retry}
            />
            <button type="button" onClick={() => setFitSignal((n) => n + 1)}>
              {t('layout.fit')}
            </button>
            {Object.keys(state.pinned).length > 0 && (
              <button type="button" onClick={() => dispatch({ type: 'unpinAll' })} data-testid="unpin-all">
                {t('layout.unpinAll', { count: Object.keys(state.pinned).length })}
              </button>
            )}
          </div>
          <AnalysisPanel
            state={state}
            data={analysis}
            dispatch={dispatch}
            onNavigate={(id) => navigate({ id })}
            onHighlight={setAnalysisHighlight}
            labelOf={(id) => labelOf(id)?.label ?? metrics.byId.get(id)?.label ?? null}
          />
          <StatusLine
            lang={state.lang}
            nodes={counts.nodes}
            edges={counts.edges}
            ready={ready}
            truncated={network?.truncated ?? false}
            loading={data.loading}
            layoutRunning={layoutRunning}
            extra={
              <>
                {state.focus && (
                  <span className="chip" data-testid="focus-chip">
                    {t('status.focus', { name: labelOf(state.focus.id)?.label ?? state.focus.id, depth: state.focus.depth })}
                    <button type="button" className="close" aria-label={t('details.unfocus')} onClick={() => dispatch({ type: 'unfocus' })}>
                      ×
                    </button>
                  </span>
                )}
                {Object.keys(state.expanded).length > 0 && (
                  <span className="chip">
                    {t('status.expanded', { count: Object.keys(state.expanded).length })}
                    <button type="button" className="link" onClick={() => dispatch({ type: 'clearExpanded' })}>
                      {t('status.clearExpanded')}
                    </button>
                  </span>
                )}
              </>
            }
          />
        </main>

        <aside className="side">
          <div className="side-details">
            {state.selected && state.also && (
              <SelectionPair key={`${state.selected}|${state.also}`} first={refOf(state.selected)} second={refOf(state.also)} canEdit={session.me.canEdit} dispatch={dispatch} onNavigate={navigate} />
            )}
            <DetailsPanel
              state={state}
              details={details.details}
              loading={details.loading}
              error={errorText(details.error)}
              dispatch={dispatch}
              onNavigate={navigate}
              canEdit={session.me.canEdit}
              onReload={details.reload}
            />
            {metrics.metrics && state.selected && metrics.byId.get(state.selected) && (
              <MetricsPanel metrics={metrics.metrics} node={metrics.byId.get(state.selected) as NodeMetrics} lang={state.lang} />
            )}
          </div>
          <PathPanel
            state={state}
            paths={data.paths}
            loading={data.pathsLoading}
            error={errorText(data.pathsError)}
            onRetry={data.retry}
            labelOf={labelOf}
            dispatch={dispatch}
            onNavigate={navigate}
          />
        </aside>
      </div>
    </div>
  );
}
