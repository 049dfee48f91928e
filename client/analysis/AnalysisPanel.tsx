/**
 * The analysis drawer under the canvas ("gaps view"): tabs for insights, the region heatmap, white
 * spots, coverage, suggestions and what-if; a region level switch; loading and error states. The
 * data comes from `useAnalysisData`; every action is a state action or a highlight on the canvas.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { METRIC_WEIGHTS, type MetricWeights } from '../api/analysis.ts';
import { ANALYSIS_TABS, LEVELS, type Action, type AnalysisTab, type ExplorerState } from '../state/explorer.ts';
import { HeatmapTab } from './HeatmapTab.tsx';
import { CoverageTab, InsightsTab, SuggestionsTab, WhatIfTab, WhiteSpotsTab } from './tabs.tsx';
import { useAnalysisStatus, type AnalysisData } from './useAnalysis.ts';
import './analysis.css';

export interface AnalysisPanelProps {
  state: ExplorerState;
  data: AnalysisData;
  dispatch: (a: Action) => void;
  /** Select an actor (and bring it into the view). */
  onNavigate: (id: string) => void;
  /** Highlight these nodes on the canvas. */
  onHighlight: (nodeIds: string[]) => void;
  /** Optional: an actor's name by id (brokers, what-if chips); without it, or when it gives null, the id is shown. */
  labelOf?: (id: string) => string | null;
  /**
   * Shown on a slide in presentation mode: read only (no tabs, level switch or buttons that would
   * change the slide's view), the tab's name as its heading.
   */
  presenting?: boolean;
}

const ignore = () => undefined;

export function AnalysisPanel({ state, data, dispatch: act, onNavigate: navigate, onHighlight, labelOf, presenting = false }: AnalysisPanelProps) {
  const { t } = useTranslation();
  // Presenting: the slide's view stands; the panel only shows it.
  const dispatch = presenting ? ignore : act;
  const onNavigate = presenting ? ignore : navigate;
  const tabRefs = useRef(new Map<AnalysisTab, HTMLButtonElement>());
  const [large, setLarge] = useState(false);
  const tab = state.analysis.tab;
  // While loading, the server's background run (after a data change) says how far it is.
  const background = useAnalysisStatus(tab !== null && data.loading);
  const progress = background?.state === 'running' && background.revision === background.currentRevision ? background : null;
  if (tab === null) return null;
  const lang = state.lang;
  const nameOf = (id: string) => labelOf?.(id) ?? id;

  const choose = (next: AnalysisTab) => {
    dispatch({ type: 'setAnalysisTab', tab: next });
    tabRefs.current.get(next)?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = ANALYSIS_TABS.indexOf(tab);
    const n = ANALYSIS_TABS.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    const next = to === null ? undefined : ANALYSIS_TABS[to];
    if (next === undefined) return;
    e.preventDefault();
    choose(next);
  };

  const hasData = data.insights ?? data.gaps ?? data.coverage ?? data.suggestions ?? data.whatIf;
  const status = data.error ? 'error' : data.loading ? 'loading' : 'ready';

  let content: React.ReactNode = null;
  if (tab === 'whatif') {
    content = <WhatIfTab state={state} whatIf={data.whatIf} dispatch={dispatch} onNavigate={onNavigate} onHighlight={onHighlight} nameOf={nameOf} />;
  } else if (data.insights && tab === 'insights') {
    content = <InsightsTab lang={lang} data={data.insights} dispatch={dispatch} onNavigate={onNavigate} onHighlight={onHighlight} nameOf={nameOf} />;
  } else if (data.gaps && tab === 'heatmap') {
    content = <HeatmapTab lang={lang} gaps={data.gaps} dispatch={dispatch} />;
  } else if (data.gaps && tab === 'whitespots') {
    content = <WhiteSpotsTab lang={lang} gaps={data.gaps} dispatch={dispatch} />;
  } else if (data.coverage && tab === 'coverage') {
    content = <CoverageTab lang={lang} coverage={data.coverage} dispatch={dispatch} />;
  } else if (data.suggestions && tab === 'suggestions') {
    content = <SuggestionsTab lang={lang} suggestions={data.suggestions} dispatch={dispatch} onNavigate={onNavigate} />;
  }

  return (
    <section
      className={`analysis-panel${large ? ' large' : ''}${presenting ? ' presented' : ''}`}
      aria-label={t('analysis.open')}
      data-testid="analysis-panel"
      data-tab={tab}
      data-level={state.analysis.level}
      data-state={status}
    >
      {presenting && (
        <h3 className="analysis-present-title">
          {t(`analysis.tab.${tab}`)} <span className="analysis-present-level">· {t(`analysis.level.${state.analysis.level}`)}</span>
        </h3>
      )}
      <div className="analysis-head">
        <div className="analysis-tabs" role="tablist" aria-label={t('analysis.tabs')} onKeyDown={onTabKey}>
          {ANALYSIS_TABS.map((x) => (
            <button
              key={x}
              ref={(el) => {
                if (el) tabRefs.current.set(x, el);
                else tabRefs.current.delete(x);
              }}
              type="button"
              role="tab"
              id={`analysis-tab-${x}`}
              aria-selected={x === tab}
              aria-controls="analysis-tabpanel"
              tabIndex={x === tab ? 0 : -1}
              data-testid={`analysis-tab-${x}`}
              onClick={() => choose(x)}
            >
              {t(`analysis.tab.${x}`)}
            </button>
          ))}
        </div>
        <button type="button" className="analysis-enlarge" aria-pressed={large} title={t('analysis.enlarge')} data-testid="analysis-enlarge" onClick={() => setLarge((l) => !l)}>
          <span aria-hidden="true">{large ? '⌄' : '⌃'}</span>
          <span className="visually-hidden">{t('analysis.enlarge')}</span>
        </button>
        <button type="button" className="close analysis-close" aria-label={t('analysis.close')} title={t('analysis.close')} data-testid="analysis-close" onClick={() => dispatch({ type: 'setAnalysisTab', tab: null })}>
          ×
        </button>
      </div>
      <div className="analysis-toolbar">
        <div className="analysis-levels" role="group" aria-label={t('analysis.levelLabel')}>
          <span className="analysis-levels-label" aria-hidden="true">
            {t('analysis.levelLabel')}:
          </span>
          {LEVELS.map((l) => (
            <button key={l} type="button" aria-pressed={state.analysis.level === l} data-level={l} onClick={() => dispatch({ type: 'setLevel', level: l })}>
              {t(`analysis.level.${l}`)}
            </button>
          ))}
        </div>
        <label className="analysis-weights" title={t('analysis.weightsHint')}>
          {t('analysis.weightsLabel')}:{' '}
          <select value={state.analysis.weights} data-testid="analysis-weights" onChange={(e) => dispatch({ type: 'setWeights', weights: e.target.value as MetricWeights })}>
            {METRIC_WEIGHTS.map((w) => (
              <option key={w} value={w}>
                {t(`analysis.weights.${w}`)}
              </option>
            ))}
          </select>
        </label>
        {data.loading && (
          <span className="progress" role="status" data-testid="analysis-loading">
            <span className="spinner" aria-hidden="true" />
            {t('analysis.loading')}
            {progress && <span className="hint" data-testid="analysis-progress" data-done={progress.done} data-total={progress.total}> {t('analysis.progress', { done: progress.done, total: progress.total, step: t(`analysis.step.${progress.step ?? 'metrics'}`), seconds: Math.round(progress.elapsedMs / 1000) })}</span>}
          </span>
        )}
      </div>
      <div className="analysis-body" role="tabpanel" id="analysis-tabpanel" aria-labelledby={`analysis-tab-${tab}`} aria-busy={data.loading} tabIndex={-1}>
        {data.error && (
          <p role="alert" className="error" data-testid="analysis-error" data-code={data.error.code}>
            {t(`errors.${data.error.code}`, { field: data.error.field ?? '' })}{' '}
            <button type="button" className="small-button" onClick={data.retry}>
              {t('errors.retry')}
            </button>
          </p>
        )}
        {data.loading && !hasData && tab !== 'whatif' ? null : <div className={`analysis-content tab-${tab}${data.loading ? ' stale' : ''}`}>{content}</div>}
      </div>
    </section>
  );
}
