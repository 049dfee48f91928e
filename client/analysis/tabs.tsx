/**
 * The list and table tabs of the analysis panel: insights (cards, key figures, network parts), white
 * spots, coverage, suggestions and what-if. Each only renders what it is given and speaks through
 * state actions, `onNavigate` (select an actor) and `onHighlight` (mark nodes on the canvas).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage, CoverageStatus, Insight, RegionGaps, Suggestion, WhatIf, WhatIfSide } from '../api/analysis.ts';
import { formatNumber } from '../i18n/index.ts';
import type { Action, ExplorerState, Lang } from '../state/explorer.ts';
import { formatBound, formatFixed, formatSignificant } from './format.ts';
import type { InsightsData } from './useAnalysis.ts';

type Dispatch = (a: Action) => void;

// ---------------------------------------------------------------------------------------------
// Insights

export function InsightsTab(props: {
  lang: Lang;
  data: InsightsData;
  dispatch: Dispatch;
  onNavigate(id: string): void;
  onHighlight(nodeIds: string[]): void;
  nameOf(id: string): string;
}) {
  const { t } = useTranslation();
  const { lang, data, dispatch, onNavigate, onHighlight, nameOf } = props;
  const s = data.networkStats;
  return (
    <div className="insights-tab">
      <p className="analysis-stats" data-testid="analysis-stats">
        {t('analysis.stats', {
          actors: formatNumber(s.nodes, lang),
          ties: formatNumber(s.edges, lang),
          components: formatNumber(s.components, lang),
          density: formatSignificant(s.density, lang, 2),
          modularity: formatFixed(s.modularity, lang, 2),
        })}
      </p>
      <PathFigures stats={s} lang={lang} />
      {data.insights.length === 0 ? (
        <p className="hint">{t('analysis.insights.none')}</p>
      ) : (
        <ul className="insight-cards">
          {data.insights.map((i) => (
            <li key={i.id}>
              <InsightCard insight={i} lang={lang} dispatch={dispatch} onHighlight={onHighlight} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('analysis.parts.title')}</h3>
      {data.networkParts.length === 0 ? (
        <p className="hint">{t('analysis.parts.none')}</p>
      ) : (
        <ul className="parts-list" data-testid="network-parts">
          {data.networkParts.map((p) => (
            <li key={p.component} data-testid="network-part" data-component={p.component}>
              <button type="button" className="link" aria-label={t('analysis.parts.highlight', { name: p.name })} onClick={() => onHighlight(p.actors)}>
                {p.name}
              </button>{' '}
              <span className="count">{t('analysis.parts.actors', { count: p.actors.length })}</span>
              {p.broker !== null && (
                <span className="part-broker">
                  {t('analysis.parts.broker')}{' '}
                  <BrokerLink id={p.broker} name={nameOf(p.broker)} onNavigate={onNavigate} />
                  {p.brokerCutOff > 0 && <span className="count"> ({t('analysis.parts.cutOff', { count: p.brokerCutOff })})</span>}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Mean path length and diameter, each with its bound when the network was too large to compute them exactly. */
function PathFigures({ stats, lang }: { stats: InsightsData['networkStats']; lang: Lang }) {
  const { t } = useTranslation();
  if (stats.averagePathLength === null) return null;
  const estimates = stats.estimates ?? [];
  const length = estimates.find((e) => e.metric === 'averagePathLength');
  const diameter = estimates.find((e) => e.metric === 'diameter');
  const title = length ? t('analysis.estimated', { method: length.method, samples: formatNumber(length.samples, lang) }) : undefined;
  return (
    <p className="analysis-stats" data-testid="analysis-paths" title={title}>
      {t('analysis.paths', {
        length: formatFixed(stats.averagePathLength, lang, 2) + (length ? ` ${formatBound(length.epsilon, length.confidence, lang)}` : ''),
        diameter: diameter
          ? t('analysis.diameterBounds', { lower: formatNumber(stats.diameter, lang), upper: formatNumber(stats.diameter + diameter.epsilon, lang) })
          : formatNumber(stats.diameter, lang),
      })}
    </p>
  );
}

function BrokerLink({ id, name, onNavigate }: { id: string; name: string; onNavigate(id: string): void }) {
  return (
    <button type="button" className="node-link" data-node={id} onClick={() => onNavigate(id)}>
      {name}
    </button>
  );
}

function InsightCard({ insight: i, lang, dispatch, onHighlight }: { insight: Insight; lang: Lang; dispatch: Dispatch; onHighlight(ids: string[]): void }) {
  const { t } = useTranslation();
  const action = i.nodeIds.length > 0 ? 'highlight' : i.regionIds.length > 0 ? 'regions' : null;
  const body = (
    <>
      <span className={`insight-kind kind-${i.kind}`}>{t(`analysis.insightKind.${i.kind}`, { defaultValue: t('analysis.insightKind.other') })}</span>
      <span className="insight-text">{i.text[lang]}</span>
      {action && <span className="insight-action">{action === 'highlight' ? t('analysis.insights.highlight') : t('analysis.insights.showRegions')} →</span>}
    </>
  );
  if (action === null)
    return (
      <div className="insight-card" data-testid="insight-card" data-kind={i.kind}>
        {body}
      </div>
    );
  return (
    <button
      type="button"
      className="insight-card"
      data-testid="insight-card"
      data-kind={i.kind}
      onClick={() => (action === 'highlight' ? onHighlight(i.nodeIds) : dispatch({ type: 'showRegions', regionIds: i.regionIds }))}
    >
      {body}
    </button>
  );
}

// ---------------------------------------------------------------------------------------------
// White spots

export function WhiteSpotsTab({ lang, gaps, dispatch }: { lang: Lang; gaps: RegionGaps; dispatch: Dispatch }) {
  const { t } = useTranslation();
  return (
    <div className="whitespots-tab">
      <p className="hint">{t('analysis.whitespots.hint')}</p>
      {gaps.whiteSpots.length === 0 ? (
        <p className="hint">{t('analysis.whitespots.none')}</p>
      ) : (
        <ol className="white-spots">
          {gaps.whiteSpots.map((w) => (
            <li key={`${w.a}|${w.b}`}>
              <button
                type="button"
                className="white-spot"
                data-testid="white-spot"
                data-a={w.a}
                data-b={w.b}
                data-observed={w.observed}
                onClick={() => dispatch({ type: 'showRegions', regionIds: [w.a, w.b] })}
              >
                <span className="ws-pair">
                  {w.aName} – {w.bName}
                </span>
                <span className={w.observed === 0 ? 'ws-numbers none' : 'ws-numbers'}>
                  {t('analysis.whitespots.observed', { observed: formatNumber(w.observed, lang), expected: formatFixed(w.expected, lang, 1) })}
                </span>
                <span className="ws-chips">
                  {w.reasons.includes('neighbours') && <span className="tag reason">{t('analysis.whitespots.neighbours')}</span>}
                  {w.programmes.map((p) => (
                    <span key={p} className="tag reason">
                      {t('analysis.whitespots.programme', { name: p })}
                    </span>
                  ))}
                  <span className="tag">{t('analysis.whitespots.distance', { km: formatNumber(w.distanceKm, lang) })}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {gaps.wished && gaps.wished.length > 0 && (
        <>
          <h3>{t('analysis.whitespots.wishedTitle')}</h3>
          <p className="hint">{t('analysis.whitespots.wishedHint')}</p>
          <ol className="white-spots wished" data-testid="wished-pairs">
            {gaps.wished.map((w) => (
              <li key={`${w.a}|${w.b}`}>
                <button type="button" className="white-spot" data-a={w.a} data-b={w.b} data-missing={w.missing} onClick={() => dispatch({ type: 'showRegions', regionIds: w.a === w.b ? [w.a] : [w.a, w.b] })}>
                  <span className="ws-pair">{w.a === w.b ? w.aName : `${w.aName} – ${w.bName}`}</span>
                  <span className={w.missing > 0 ? 'ws-numbers none' : 'ws-numbers'}>
                    {t('analysis.whitespots.wished', { wished: formatNumber(w.wished, lang), missing: formatNumber(w.missing, lang), existing: formatNumber(w.existing, lang) })}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Coverage

const STATUSES: readonly CoverageStatus[] = ['missing', 'unconnected', 'ok'];

export function CoverageTab({ lang, coverage, dispatch }: { lang: Lang; coverage: Coverage; dispatch: Dispatch }) {
  const { t } = useTranslation();
  const category = (key: string) => t(`analysis.category.${key}`, { defaultValue: key });
  return (
    <div className="coverage-tab">
      <ul className="coverage-legend" aria-label={t('analysis.coverage.legend')}>
        {STATUSES.map((s) => (
          <li key={s}>
            <span className={`cov-swatch ${s}`}>{s === 'ok' ? formatNumber(1, lang) : t(`analysis.coverage.status.${s}`)}</span> {t(`analysis.coverage.explain.${s}`)}
          </li>
        ))}
      </ul>
      {coverage.rows.length === 0 ? (
        <p className="hint">{t('analysis.coverage.none')}</p>
      ) : (
        <div className="coverage-scroll">
          <table className="coverage" data-testid="coverage">
            <caption className="visually-hidden">{t('analysis.coverage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="cov-region">
                  {t('analysis.coverage.region')}
                </th>
                <th scope="col" className="num">
                  {t('analysis.coverage.actors')}
                </th>
                {coverage.profile.map((c) => (
                  <th key={c.key} scope="col" data-category={c.key}>
                    {category(c.key)}
                  </th>
                ))}
                <th scope="col" className="cov-sectors">
                  {t('analysis.coverage.sectors')}
                </th>
              </tr>
            </thead>
            <tbody>
              {coverage.rows.map((r) => (
                <tr key={r.regionId}>
                  <th scope="row" className="cov-region">
                    <button type="button" className="link" onClick={() => dispatch({ type: 'showRegions', regionIds: [r.regionId] })}>
                      {r.name}
                    </button>
                  </th>
                  <td className="num">{formatNumber(r.actors, lang)}</td>
                  {r.cells.map((c) => (
                    <td
                      key={c.category}
                      className={`cov-cell ${c.status}`}
                      data-testid="coverage-cell"
                      data-status={c.status}
                      data-region={r.regionId}
                      data-category={c.category}
                      title={t('analysis.coverage.cell', {
                        category: category(c.category),
                        region: r.name,
                        count: formatNumber(c.count, lang),
                        connected: formatNumber(c.connected, lang),
                        minimum: formatNumber(c.minimum, lang),
                      })}
                    >
                      <span className="cov-count">{formatNumber(c.count, lang)}</span>
                      {c.status !== 'ok' && <span className="cov-status">{t(`analysis.coverage.status.${c.status}`)}</span>}
                    </td>
                  ))}
                  <td className="cov-sectors" data-testid="coverage-sectors" title={r.sectors.map((s) => `${s.sector}: ${formatNumber(s.count, lang)}`).join(', ')}>
                    {r.sectors.length === 0
                      ? '–'
                      : r.sectors
                          .slice(0, SHOWN_SECTORS)
                          .map((s) => `${s.sector} ${formatNumber(s.count, lang)}`)
                          .join(' · ') + (r.sectors.length > SHOWN_SECTORS ? ' …' : '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}


/** Sectors named per coverage row (all of them in the cell's tooltip). */
const SHOWN_SECTORS = 3;
// ---------------------------------------------------------------------------------------------
// Suggestions

export function SuggestionsTab({ lang, suggestions, dispatch, onNavigate }: { lang: Lang; suggestions: Suggestion[]; dispatch: Dispatch; onNavigate(id: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="suggestions-tab">
      <p className="hint">{t('analysis.suggestions.hint')}</p>
      {suggestions.length === 0 ? (
        <p className="hint">{t('analysis.suggestions.none')}</p>
      ) : (
        <ol className="pair-suggestions">
          {suggestions.map((s) => (
            <li key={`${s.a}|${s.b}`} className="pair-suggestion" data-testid="suggestion" data-a={s.a} data-b={s.b}>
              <div className="ps-head">
                <span className="ps-pair">
                  <button type="button" className="node-link" data-node={s.a} onClick={() => onNavigate(s.a)}>
                    {s.aLabel}
                  </button>
                  <span aria-hidden="true"> ↔ </span>
                  <span className="visually-hidden"> – </span>
                  <button type="button" className="node-link" data-node={s.b} onClick={() => onNavigate(s.b)}>
                    {s.bLabel}
                  </button>
                </span>
                <button
                  type="button"
                  className="small-button"
                  data-testid="suggestion-path"
                  onClick={() => {
                    dispatch({ type: 'setPathEnd', end: 'from', id: s.a });
                    dispatch({ type: 'setPathEnd', end: 'to', id: s.b });
                  }}
                >
                  {t('analysis.suggestions.showPath')}
                </button>
              </div>
              <ul className="ps-reasons">
                {s.reasons.map((r, k) => (
                  <li key={k} className={`reason-${r.code}`} title={t(`analysis.suggestions.reason.${r.code}`)}>
                    {r.text[lang]}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// What if

const SIDE_KEYS: readonly (keyof WhatIfSide)[] = ['components', 'largestComponent', 'interRegionalTies', 'connectedRegionPairs'];

export function WhatIfTab(props: {
  state: ExplorerState;
  whatIf: WhatIf | null;
  dispatch: Dispatch;
  onNavigate(id: string): void;
  onHighlight(nodeIds: string[]): void;
  nameOf(id: string): string;
}) {
  const { t } = useTranslation();
  const { state, whatIf, dispatch, onNavigate, nameOf } = props;
  const lang = state.lang;
  const remove = state.analysis.remove;

  // The cut-off actors are highlighted when a result arrives; the highlight goes when the result does.
  const highlight = useRef(props.onHighlight);
  highlight.current = props.onHighlight;
  const shown = useRef<WhatIf | null>(null);
  useEffect(() => {
    if (whatIf) highlight.current(whatIf.disconnectedActors.map((a) => a.id));
    else if (shown.current) highlight.current([]);
    shown.current = whatIf;
  }, [whatIf]);

  return (
    <div className="whatif-tab">
      <p className="hint">{t('analysis.whatif.hint')}</p>
      <div className="whatif-removed" data-testid="whatif-removed" data-count={remove.length}>
        <span className="whatif-label">{t('analysis.whatif.removed')}:</span>
        {remove.length === 0 && <span className="hint">{t('analysis.whatif.none')}</span>}
        {remove.map((id) => {
          const name = nameOf(id);
          return (
            <button key={id} type="button" className="chip chip-button" data-id={id} aria-label={t('analysis.whatif.putBack', { name })} title={t('analysis.whatif.putBack', { name })} onClick={() => dispatch({ type: 'toggleRemove', id })}>
              {name}
              <span aria-hidden="true" className="chip-x">
                ×
              </span>
            </button>
          );
        })}
        {remove.length > 0 && (
          <button type="button" className="link" data-testid="whatif-clear" onClick={() => dispatch({ type: 'clearRemove' })}>
            {t('analysis.whatif.clear')}
          </button>
        )}
      </div>
      {whatIf && remove.length > 0 && (
        <div className="whatif-result" data-testid="whatif-result" data-disconnected={whatIf.disconnectedActors.length} data-lost-pairs={whatIf.lostRegionPairs.length}>
          {whatIf.unknown.length > 0 && <p className="hint">{t('analysis.whatif.unknown', { ids: whatIf.unknown.join(', ') })}</p>}
          <table className="whatif-table">
            <thead>
              <tr>
                <th scope="col">{t('analysis.whatif.metric')}</th>
                <th scope="col" className="num">
                  {t('analysis.whatif.before')}
                </th>
                <th scope="col" className="num">
                  {t('analysis.whatif.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {SIDE_KEYS.map((k) => (
                <tr key={k} className={whatIf.before[k] !== whatIf.after[k] ? 'changed' : undefined} data-metric={k}>
                  <th scope="row">{t(`analysis.whatif.${k}`)}</th>
                  <td className="num">{formatNumber(whatIf.before[k], lang)}</td>
                  <td className="num">
                    <span aria-hidden="true">→ </span>
                    {formatNumber(whatIf.after[k], lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="whatif-lists">
            <section>
              <h3>
                {t('analysis.whatif.disconnected')} ({formatNumber(whatIf.disconnectedActors.length, lang)})
              </h3>
              {whatIf.disconnectedActors.length === 0 ? (
                <p className="hint">{t('analysis.whatif.noDisconnected')}</p>
              ) : (
                <ul className="plain-list">
                  {whatIf.disconnectedActors.map((a) => (
                    <li key={a.id} data-testid="whatif-disconnected" data-id={a.id}>
                      <button type="button" className="node-link" data-node={a.id} onClick={() => onNavigate(a.id)}>
                        {a.label}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {whatIf.lostRegionPairs.length > 0 && (
              <section>
                <h3>
                  {t('analysis.whatif.lostPairs')} ({formatNumber(whatIf.lostRegionPairs.length, lang)})
                </h3>
                <ul className="plain-list">
                  {whatIf.lostRegionPairs.map((p) => (
                    <li key={`${p.a}|${p.b}`} data-testid="whatif-lost-pair">
                      <button type="button" className="link" onClick={() => dispatch({ type: 'showRegions', regionIds: [p.a, p.b] })}>
                        {p.aName} – {p.bName}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {whatIf.isolatedRegions.length > 0 && (
              <section>
                <h3>
                  {t('analysis.whatif.isolatedRegions')} ({formatNumber(whatIf.isolatedRegions.length, lang)})
                </h3>
                <ul className="plain-list">
                  {whatIf.isolatedRegions.map((r) => (
                    <li key={r.id} data-testid="whatif-isolated-region">
                      <button type="button" className="link" onClick={() => dispatch({ type: 'showRegions', regionIds: [r.id] })}>
                        {r.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
