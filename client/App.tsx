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
import { NetworkView, type CanvasHandle, type DrawInfo, type LayoutInfo } from './graph/NetworkView.tsx';
import { THEME_COLORS, THEME_EDGE_COLORS } from './graph/stylesheet.ts';
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
import { LANGS, LAYOUTS, OVERVIEW_ACTORS, filtersActive } from './state/explorer.ts';
import { dataChanged } from './state/revision.ts';
import { useCatalog, useDetails, useExplorer, useMetrics, useNetworkData, useOverview } from './state/useExplorer.ts';
import { defaultMinTies, overviewElements, type TieWeighting } from './graph/overview.ts';
import { OverviewBar, type Crumb } from './panels/OverviewBar.tsx';
import { PseudoContext } from './components/pseudo.ts';
import { fileSlug, frameLayout, legendItems, type Size } from './picture/frame.ts';
import { buildPdf, pdfPlan } from './picture/pdf.ts';
import { PictureMenu } from './picture/PictureMenu.tsx';
import { composePng, renderScale, saveBlob } from './picture/png.ts';
import { sceneToSvg } from './picture/svg.ts';
import { pseudonymizeDetails, pseudonymizeNetwork, realNames } from './state/pseudonyms.ts';
import { usePseudonyms } from './state/usePseudonyms.ts';
import { Presentation } from './story/Presentation.tsx';
import type { Theme } from './story/presentation.ts';
import { revealElements } from './story/reveal.ts';
import { captureView } from './story/story.ts';
import { StoryPanel } from './story/StoryPanel.tsx';
import { useOpenStory } from './story/useStories.ts';
import { useStage } from './story/useStage.ts';
import { CaptureCard } from './capture/CaptureCard.tsx';
import { CaptureStart } from './capture/CaptureStart.tsx';
import { capturedMarks, markCaptured } from './capture/mark.ts';
import { forgetProjectedSession, projectedSession, useCaptureFeed } from './capture/useCaptureFeed.ts';

/** What the page reports for browser tests and benchmarks. */
interface AtlasProbe {
  firstDraw: DrawInfo | null;
  layouts: LayoutInfo[];
  /** Screen position of a drawn node (page coordinates), for clicking it in browser tests. */
  renderedPosition?: (id: string) => { x: number; y: number } | null;
  /** Position of a drawn node in the network's own coordinates. */
  modelPosition?: (id: string) => { x: number; y: number } | null;
  labelBoxes?: () => { id: string; label: string; x1: number; y1: number; x2: number; y2: number }[];
  captured?: () => string[];
}
declare global {
  interface Window {
    __atlas?: AtlasProbe;
  }
}
const probe: AtlasProbe = (window.__atlas = { firstDraw: null, layouts: [] });
/** A participant link (`?story=…`, nothing else of the view): the story's first slide shows at once. */
const LANDING = (() => {
  const keys = [...new URLSearchParams(window.location.search).keys()];
  return keys.includes('story') && keys.every((k) => k === 'story' || k === 'lang' || k === 'pseudo' || k === 'token');
})();
const EMPTY_REGIONS = new Map<string, RegionSummary>();
const typeOfDetails = (d: Details): NodeType => (d.__typename === 'Actor' ? 'ACTOR' : d.__typename === 'Project' ? 'PROJECT' : d.__typename === 'Region' ? 'REGION' : 'EVENT');
/** Networks with more nodes are drawn in the cheaper style. */
const LARGE_NODES = 500;

export function App() {
  const { t, i18n } = useTranslation();
  const { state, dispatch } = useExplorer();
  const session = useSession();
  const [dialog, setDialog] = useState<'import' | 'access' | 'capture' | null>(null);
  // Live capture: this tab projects a session (QR code, approved ties marked as new).
  const [projected, setProjected] = useState(() => projectedSession(window.location.search));
  const feed = useCaptureFeed(projected);
  const captured = useMemo(() => capturedMarks(feed), [feed]);
  // Another token (signed out, or refused by the server): everything is loaded again with the new rights.
  const lastToken = useRef(session.token);
  useEffect(() => {
    if (session.token === lastToken.current) return;
    lastToken.current = session.token;
    dataChanged();
  }, [session.token]);
  const { catalog, error: catalogError, retry: retryCatalog } = useCatalog();
  // Large networks open on the overview (regions as nodes); the network loads once it is not shown.
  const ov = useOverview(state);
  const data = useNetworkData(state, ov.decided && !ov.shown);
  /** Ties between regions below this count are left out of the overview (per overview, by the slider). */
  const [minTies, setMinTies] = useState<{ key: string; value: number } | null>(null);
  /** Region ties by actor pairs or by Newman's collaboration weight (big consortia weigh less). */
  const [weighting, setWeighting] = useState<TieWeighting>('pairs');
  const overviewPicture = useMemo(() => {
    if (!ov.shown || !ov.overview) return null;
    const value = minTies?.key === `${ov.key}|${weighting}` ? minTies.value : defaultMinTies(ov.overview, weighting);
    return { ...overviewElements(ov.overview, { minTies: value, weighting, format: (n) => formatNumber(n, state.lang) }), minTies: value };
  }, [ov.shown, ov.overview, ov.key, minTies, weighting, state.lang]);
  /** The size of the whole network under the filters, as the last top-level overview counted it. */
  const [bigStore, setBigStore] = useState(false);
  useEffect(() => {
    if (ov.overview && ov.overview.parentId === null) setBigStore(ov.overview.actors > OVERVIEW_ACTORS);
  }, [ov.overview]);
  // Pseudonymised mode: actors by kind and number on the canvas, in the details, search and pictures.
  // A pseudonymised share link gets pseudonyms from the server (every answer, search and download):
  // the page's own mode has nothing left to hide then, and the analysis names actors by pseudonym too.
  const serverPseudo = session.me.pseudonymous;
  const pseudo = state.pseudo && !serverPseudo;
  const pseudonyms = usePseudonyms(pseudo);
  const nameOf = pseudonyms?.nameOf ?? null;
  /** Free text as the audience may see it: actor names and ids replaced while pseudonyms are on. */
  const shownText = useCallback((s: string) => (pseudonyms ? pseudonyms.text(s) : s), [pseudonyms]);
  /** An id nothing else names: never the raw id (built from the name) while pseudonyms are on. */
  const idLabel = (id: string) => (nameOf ? nameOf(id, 'ACTOR', id) : id);
  // Stories: the panel, the open story, and the stage that shows its slides (and presents them).
  const [storyPanel, setStoryPanel] = useState(state.story !== null);
  const openStory = useOpenStory(state.story);
  const canvas = useRef<CanvasHandle | null>(null);
  const stage = useStage({
    state,
    dispatch,
    story: openStory.story,
    network: data.network,
    dataCurrent: data.current && !data.loading,
    dataFailed: data.loading ? null : data.failed,
    regions: catalog?.regions ?? null,
    years: catalog ? { min: catalog.facets.minYear, max: catalog.facets.maxYear } : null,
  });
  const presenting = stage.presentation !== null;
  const landed = useRef(!LANDING);
  useEffect(() => {
    if (landed.current || !openStory.story) return;
    landed.current = true;
    if (openStory.story.slides.length) stage.preview(0);
  }, [openStory.story, stage]);
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
  /** The elements the canvas has taken (with their layout started): the picture is not finished before. */
  const [applied, setApplied] = useState<readonly unknown[] | null>(null);
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

  const network = useMemo(() => (data.network && nameOf ? pseudonymizeNetwork(data.network, nameOf) : data.network), [data.network, nameOf]);
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
  const highlight = useMemo(() => {
    const extra = [...analysisHighlight, ...stage.highlight];
    return extra.length === 0 ? data.highlight : { nodes: new Set([...data.highlight.nodes, ...extra]), edges: data.highlight.edges };
  }, [data.highlight, analysisHighlight, stage.highlight]);
  const elements = useMemo(
    () =>
      overviewPicture
        ? overviewPicture.elements
        : network && regions
        ? markCaptured(toElements(network, { grouped: state.layout === 'regions', regions, collapsed: new Set(state.collapsed), landmarks, encoding, removed, cutOff }), captured)
        : [],
    [overviewPicture, network, regions, state.layout, state.collapsed, landmarks, encoding, removed, cutOff, captured],
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
    if (overviewPicture) return overviewPicture.positions;
    if (!network) return new Map();
    const positions = geoPositions(network.nodes, network.edges);
    for (const r of catalog?.regionList ?? []) if (r.kind === 'state') positions.set(landmarkId(r.id), project(r.lat, r.lon));
    return positions;
  }, [overviewPicture, network, catalog]);
  // A reveal step of a presentation shows part of the slide.
  const shownElements = useMemo(() => revealElements(elements, stage.visible), [elements, stage.visible]);
  const legend = useMemo(() => legendOf(shownElements), [shownElements]);
  const nodeById = useMemo(() => new Map((network?.nodes ?? []).map((n) => [n.id, n])), [network]);
  const pathNodes = useMemo(
    () => new Map((data.paths ?? []).flatMap((p) => p.nodes).map((n) => [n.id, nameOf && n.type === 'ACTOR' ? { ...n, label: nameOf(n.id, n.type, n.label) } : n])),
    [data.paths, nameOf],
  );
  const labelOf = useCallback((id: string): NetworkNode | null => nodeById.get(id) ?? pathNodes.get(id) ?? null, [nodeById, pathNodes]);

  const counts = useMemo(() => {
    let nodes = 0;
    let edges = 0;
    for (const el of shownElements) {
      if (el.group === 'edges') edges++;
      else if (!el.classes.includes('group') && !el.classes.includes('landmark')) nodes++;
    }
    return { nodes, edges };
  }, [shownElements]);
  // Above this, labels scale with the zoom (no per-node restyling or collision checks), edges are cheap.
  const large = counts.nodes > LARGE_NODES;
  // WebGL only helps with a graphics card: software WebGL (no GPU) drew 1,000 nodes 3–4× slower.
  const webgl = elements.length >= config.webglThreshold && hasHardwareWebgl();
  const selectedNode = state.selected ? nodeById.get(state.selected) : undefined;
  const details = useDetails(state.selected, selectedNode?.type ?? null, session.me.canEdit);
  const refOf = (id: string): NodeRef => {
    const n = labelOf(id);
    return n ? { id, type: n.type, kind: n.kind, label: n.label } : { id, type: id === details.details?.id ? typeOfDetails(details.details) : 'ACTOR', kind: null, label: idLabel(id) };
  };

  const drawnIds = useMemo(() => new Set(elements.filter((e) => e.group === 'nodes' && e.classes !== 'landmark').map((e) => e.data.id)), [elements]);
  const navigate = useCallback((ref: Pick<NodeRef, 'id'>) => dispatch({ type: 'navigate', id: ref.id, visible: drawnIds.has(ref.id) }), [dispatch, drawnIds]);

  const errorText = (e: ApiError | null) => (e ? t(`errors.${e.code}`, { field: e.field ?? '' }) : null);
  const apiError = catalogError ?? ov.error ?? data.error;
  const onCanvas = elements.length === 0 || (drawn && applied === shownElements);
  const ready = overviewPicture ? !ov.loading && !layoutRunning && onCanvas : network !== null && !data.loading && !layoutRunning && onCanvas;
  // Breadcrumb: overview › state › district (as its network) › actor (its neighbourhood).
  const regionName = (id: string) => catalog?.regions.get(id)?.name ?? ov.overview?.regions.find((r) => r.id === id)?.name ?? id;
  const overviewInPlay = bigStore || state.overview.path.length > 0 || state.overview.mode !== 'auto' || overviewPicture !== null;
  const crumbs: Crumb[] = [];
  if (overviewInPlay) {
    const path = state.overview.path;
    const top = path.length + (state.focus ? 1 : 0);
    crumbs.push({ label: t('overview.root'), depth: top === 0 ? null : 0 });
    path.forEach((id, i) => crumbs.push({ label: regionName(id), depth: i + 1 === top ? null : i + 1 }));
    if (state.focus) crumbs.push({ label: labelOf(state.focus.id)?.label ?? idLabel(state.focus.id), depth: null });
  }
  // The shown slide's picture stands: its data, its reveal step, its positions and viewport.
  const settled =
    stage.preset !== null && stage.applied?.key === stage.preset.key && stage.applied.elements === shownElements && data.current && !data.loading && stage.revealReady && !layoutRunning;
  stage.settledRef.current = settled;
  const theme = stage.presentation?.theme ?? 'default';

  /** The current view as a slide's view. */
  const capture = () => {
    const snap = canvas.current?.snapshot();
    return snap ? captureView(state, snap, analysisHighlight) : null;
  };
  /** Legend rows of what is drawn now (actor kinds leave when colour means something else). */
  const pictureLegend = (look: Theme | 'default') => {
    const note = state.encoding.color !== 'kind' && encoding ? t('picture.colorNote', { what: t(state.encoding.color === 'community' ? 'encoding.community' : `metric.${state.encoding.color}`) }) : null;
    return legendItems(legend, t, note, THEME_EDGE_COLORS[look]);
  };
  /** A PNG picture of the current view of this size, with title and legend. */
  const pngPicture = async (size: Size, title: string, look: Theme | 'default'): Promise<Blob> => {
    const handle = canvas.current;
    if (!handle) throw new Error('no canvas');
    const items = pictureLegend(look);
    const frame = frameLayout(size.w, size.h, { title: title.trim() !== '', legendRows: items.length });
    const colors = THEME_COLORS[look];
    const shot = await handle.png(renderScale(handle.snapshot().size, frame), colors.background);
    return composePng(shot, frame, { title: title.trim() || null, legendTitle: t('legend.title'), legend: items, colors });
  };
  const latestPng = useRef(pngPicture);
  latestPng.current = pngPicture;
  const exportPicture = async (kind: 'png' | 'svg', size: Size, title: string) => {
    title = shownText(title);
    const name = fileSlug(title || t('app.title'));
    if (kind === 'png') {
      saveBlob(await pngPicture(size, title, theme), `${name}.png`);
      return;
    }
    const handle = canvas.current;
    if (!handle) return;
    const items = pictureLegend(theme);
    const frame = frameLayout(size.w, size.h, { title: title.trim() !== '', legendRows: items.length });
    const svg = sceneToSvg(handle.scene(), { frame, title: title.trim() || null, legendTitle: t('legend.title'), legend: items, colors: THEME_COLORS[theme] });
    saveBlob(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
  };
  /** What became of the last PDF when not all of it (slides that cannot be loaded, or none at all). */
  const [pdfNote, setPdfNote] = useState<string | null>(null);
  /** The open story as PDF: every slide fully revealed, in the print theme, one page each (slides that cannot be loaded left out). */
  const exportPdf = async () => {
    const story = openStory.story;
    if (!story || story.slides.length === 0) return;
    const plan = pdfPlan({ title: shownText(story.title), slides: story.slides.map((s) => ({ id: s.id, title: s.title === null ? null : shownText(s.title) })) }, { w: 1920, h: 1080 });
    const pictures: Uint8Array[] = [];
    setPdfNote(null);
    try {
      const skipped = await stage.walk(
        'print',
        async (i) => {
          const blob = await latestPng.current(plan.page, plan.pages[i]?.title ?? story.title, 'print');
          pictures.push(new Uint8Array(await blob.arrayBuffer()));
        },
        t('story.pdfBusy'),
      );
      const first = skipped[0];
      if (first) {
        const reason = errorText(first.error) ?? '';
        const slides = skipped.map((x) => x.index + 1).join(', ');
        setPdfNote(t(skipped.length === story.slides.length ? 'story.pdfNone' : 'story.pdfSkipped', { count: skipped.length, slides, reason }));
        if (skipped.length === story.slides.length) return;
      }
      const left = new Set(skipped.map((x) => x.index));
      saveBlob(await buildPdf({ ...plan, pages: plan.pages.filter((p) => !left.has(p.slideIndex)) }, pictures, { title: shownText(story.title) }), plan.fileName);
    } catch (e) {
      console.warn('PDF export failed', e);
      setPdfNote(t('story.pdfFailed'));
    }
  };
  const pictureTitle = shownText(stage.slide?.title?.trim() || (openStory.story && state.story ? openStory.story.title : t('app.title')));
  const empty = network !== null && !data.loading && network.nodes.length === 0;

  return (
    <PseudoContext.Provider value={nameOf ?? realNames}>
      <div className={presenting ? `app presenting theme-${theme}${stage.analysis ? ' with-analysis' : ''}` : 'app'}>
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
            aria-pressed={state.analysis.tab !== null && !pseudo}
            // Its sentences and lists name actors as the server knows them: not with pseudonyms.
            disabled={pseudo}
            title={pseudo ? t('pseudo.noAnalysis') : undefined}
            data-testid="analysis-toggle"
            onClick={() => dispatch({ type: 'setAnalysisTab', tab: state.analysis.tab === null ? 'insights' : null })}
          >
            {t('analysis.open')}
          </button>
          <button
            type="button"
            className="story-toggle"
            aria-pressed={storyPanel}
            data-testid="story-toggle"
            onClick={() => setStoryPanel((o) => !o)}
          >
            {t('story.open')}
          </button>
          <div className="lang-switch" role="group" aria-label={t('lang.label')}>
            {LANGS.map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={state.lang === l} data-lang={l} title={t(`lang.${l}`)} onClick={() => dispatch({ type: 'setLang', lang: l })}>
                {l.toUpperCase()}
              </button>
            ))}
          </div>
          <a className="api-link" href="/graphql">
            {t('app.api')}
          </a>
          {session.me.canEdit && (
            <button type="button" className="capture-toggle" data-testid="capture-toggle" onClick={() => setDialog('capture')}>
              {t('capture.start')}
            </button>
          )}
          <ExportMenu onImport={session.me.canEdit ? () => setDialog('import') : undefined} />
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
        {dialog === 'capture' && session.me.canEdit && (
          <CaptureStart
            filters={state.filters}
            story={state.story}
            search={window.location.search}
            onOpened={(id) => {
              projectedSession(`?capture=${encodeURIComponent(id)}`);
              setProjected(id);
            }}
            onClose={() => setDialog(null)}
          />
        )}

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
              elements={shownElements}
              theme={theme}
              preset={stage.preset}
              onPresetApplied={stage.onApplied}
              handle={canvas}
              layout={overviewPicture ? 'geo' : state.layout}
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
              // Presenting: a click or drag on the canvas must not change the slide (its view, reveal step).
              onSelect={(id) => {
                if (presenting) return;
                // Overview: a click on a region drills into it (its districts, or its actors' network).
                const region = id && overviewPicture ? ov.overview?.regions.find((r) => r.id === id) : undefined;
                if (region) {
                  dispatch({ type: 'drill', id: region.id, leaf: !region.hasChildren });
                  return;
                }
                // What-if: clicking an actor takes it out (or puts it back) instead of selecting it.
                if (id && state.analysis.tab === 'whatif' && (nodeById.get(id)?.type === 'ACTOR' || removed.has(id))) dispatch({ type: 'toggleRemove', id });
                else dispatch({ type: 'select', id });
              }}
              onSelectAlso={(id) => !presenting && dispatch({ type: 'selectAlso', id })}
              onExpand={(id) => !presenting && dispatch({ type: 'expand', id })}
              onToggleRegion={(id) => !presenting && dispatch({ type: 'toggleCollapsed', id })}
              onPin={(id, position) => !presenting && dispatch({ type: 'pin', id, position })}
              onLayoutRunning={setLayoutRunning}
              onDrawn={(info) => {
                probe.firstDraw ??= info;
                performance.mark('atlas:first-draw');
                setDrawn(true);
              }}
              onLayoutDone={(info) => probe.layouts.push(info)}
              onElementsApplied={setApplied}
            />
            {crumbs.length > 0 && !presenting && (
              <OverviewBar
                lang={state.lang}
                crumbs={crumbs}
                onUp={(depth) => dispatch({ type: 'drillUp', depth })}
                threshold={
                  overviewPicture
                    ? {
                        value: overviewPicture.minTies,
                        min: overviewPicture.minStrength,
                        max: overviewPicture.maxTies,
                        hidden: overviewPicture.hiddenTies,
                        onChange: (value) => setMinTies({ key: `${ov.key}|${weighting}`, value }),
                      }
                    : null
                }
                weighting={overviewPicture ? { value: weighting, onChange: setWeighting } : null}
                unplaced={overviewPicture ? ov.overview?.unplaced : undefined}
                showNetwork={overviewPicture && ov.overview ? { actors: ov.overview.actors, onClick: () => dispatch({ type: 'setOverviewMode', mode: 'network' }) } : null}
                backToOverview={
                  !overviewPicture && state.overview.mode === 'network' && state.overview.path.length === 0 && !state.focus ? () => dispatch({ type: 'setOverviewMode', mode: 'auto' }) : null
                }
              />
            )}
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
            {(!presenting || stage.presentation?.legend) && (
              <Legend
                key={panelOpen ? 'beside-analysis' : 'alone'}
                defaultOpen={!panelOpen || presenting}
                entries={legend}
                simplified={large}
                encoding={encodingLegend}
                edgeColors={THEME_EDGE_COLORS[theme]}
              />
            )}
            {presenting && openStory.story && (
              <Presentation
                stage={stage}
                story={openStory.story}
                nodes={counts.nodes}
                edges={counts.edges}
                settled={settled}
                regionName={(id) => catalog?.regions.get(id)?.name ?? id}
                pseudo={pseudo}
                shownText={shownText}
                onPseudo={serverPseudo ? null : (pseudo) => dispatch({ type: 'setPseudo', pseudo }, { replaceHistory: true })}
              />
            )}
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
              <PictureMenu key={pictureTitle} defaultTitle={pictureTitle} onExport={exportPicture} />
              {Object.keys(state.pinned).length > 0 && (
                <button type="button" onClick={() => dispatch({ type: 'unpinAll' })} data-testid="unpin-all">
                  {t('layout.unpinAll', { count: Object.keys(state.pinned).length })}
                </button>
              )}
            </div>
            {!pseudo && (
              <AnalysisPanel
                state={state}
                data={analysis}
                dispatch={dispatch}
                onNavigate={(id) => navigate({ id })}
                onHighlight={setAnalysisHighlight}
                labelOf={(id) => labelOf(id)?.label ?? metrics.byId.get(id)?.label ?? null}
                presenting={presenting}
              />
            )}
            <StatusLine
              lang={state.lang}
              nodes={counts.nodes}
              edges={counts.edges}
              ready={ready}
              truncated={overviewPicture ? (ov.overview?.truncated ?? false) : (network?.truncated ?? false)}
              hiddenTies={overviewPicture || !state.filters.derived ? 0 : (network?.hiddenTies ?? 0)}
              loading={data.loading || ov.loading}
              layoutRunning={layoutRunning}
              extra={
                <>
                  {state.focus && (
                    <span className="chip" data-testid="focus-chip">
                      {t('status.focus', { name: labelOf(state.focus.id)?.label ?? idLabel(state.focus.id), depth: state.focus.depth })}
                      <button type="button" className="close" aria-label={t('details.unfocus')} onClick={() => dispatch({ type: 'unfocus' })}>
                        ×
                      </button>
                    </span>
                  )}
                  {serverPseudo && (
                    <span className="chip" data-testid="pseudo-server-chip" title={t('pseudo.serverHint')}>
                      {t('pseudo.server')}
                    </span>
                  )}
                  {pseudo && (
                    <span className="chip" data-testid="pseudo-chip" title={t('pseudo.hint')}>
                      {t('pseudo.active')}
                      <button type="button" className="close" aria-label={t('pseudo.off')} onClick={() => dispatch({ type: 'setPseudo', pseudo: false })}>
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
            {feed && (
              <CaptureCard
                feed={feed}
                onClose={() => {
                  forgetProjectedSession();
                  setProjected(null);
                }}
              />
            )}
          </main>

          <aside className="side">
            {storyPanel ? (
              <div className="side-details">
                <StoryPanel
                  me={session.me}
                  open={openStory}
                  storyId={state.story}
                  onOpenStory={(id) => dispatch({ type: 'openStory', id })}
                  pseudo={pseudo}
                  shownText={shownText}
                  onPseudo={(pseudo) => dispatch({ type: 'setPseudo', pseudo })}
                  capture={capture}
                  shownIndex={stage.slideIndex}
                  onShow={stage.preview}
                  onPresent={(i) => stage.start(i)}
                  onPdf={() => void exportPdf()}
                  pdfBusy={stage.busy !== null}
                  pdfNote={pdfNote}
                  onClose={() => {
                    setStoryPanel(false);
                    dispatch({ type: 'openStory', id: null });
                  }}
                />
              </div>
            ) : (
              <>
                <div className="side-details">
                  {state.selected && state.also && (
                    <SelectionPair key={`${state.selected}|${state.also}`} first={refOf(state.selected)} second={refOf(state.also)} canEdit={session.me.canEdit && !pseudo} dispatch={dispatch} onNavigate={navigate} />
                  )}
                  <DetailsPanel
                    state={state}
                    details={nameOf && details.details ? pseudonymizeDetails(details.details, nameOf) : details.details}
                    loading={details.loading}
                    error={errorText(details.error)}
                    dispatch={dispatch}
                    onNavigate={navigate}
                    canEdit={session.me.canEdit && !pseudo}
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
              </>
            )}
          </aside>
        </div>
      </div>
    </PseudoContext.Provider>
  );
}
