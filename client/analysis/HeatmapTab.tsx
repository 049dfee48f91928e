/**
 * The region × region heatmap: observed ties per pair of regions, coloured by observed / expected
 * (fewer than expected warm, more cool, no tie where some are expected hatched red), the diagonal
 * the ties inside a region, the E-I index per region. A cell shows both regions' actors on the
 * canvas. One cell is in the tab order; the arrow keys, Home and End move within the matrix.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionCell, RegionGaps } from '../api/analysis.ts';
import { formatNumber } from '../i18n/index.ts';
import type { Action, Lang } from '../state/explorer.ts';
import { formatFixed, formatSigned } from './format.ts';
import { buildMatrix, cellLook, scaleGradient, shortName } from './heatmap.ts';

/** Column headers are cut to this many characters (the full name is in the tooltip and the row header). */
const COLUMN_CHARS = 14;

export function HeatmapTab({ lang, gaps, dispatch }: { lang: Lang; gaps: RegionGaps; dispatch: (a: Action) => void }) {
  const { t } = useTranslation();
  const matrix = useMemo(() => buildMatrix(gaps), [gaps]);
  const gradient = useMemo(() => scaleGradient(), []);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const tableRef = useRef<HTMLTableElement>(null);
  const n = matrix.regions.length;
  const [ar, ac] = [Math.min(active[0], n - 1), Math.min(active[1], n - 1)];

  if (n === 0) return <p className="hint">{t('analysis.heatmap.none')}</p>;

  const describe = (c: RegionCell, a: string, b: string, internal: boolean) =>
    t(internal ? 'analysis.heatmap.internal' : 'analysis.heatmap.cell', {
      a,
      b,
      observed: formatNumber(c.observed, lang),
      expected: formatFixed(c.expected, lang, 1),
      ratio: c.ratio === null ? t('analysis.heatmap.noRatio') : formatFixed(c.ratio, lang, 2),
    });

  const onKey = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    const r = Number(target.dataset.r);
    const c = Number(target.dataset.c);
    if (!Number.isInteger(r) || !Number.isInteger(c) || target.dataset.r === undefined) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, n - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const next: [number, number] = [Math.max(0, Math.min(n - 1, to[0])), Math.max(0, Math.min(n - 1, to[1]))];
    setActive(next);
    tableRef.current?.querySelector<HTMLElement>(`[data-r="${next[0]}"][data-c="${next[1]}"]`)?.focus();
  };

  return (
    <div className="heatmap-tab">
      <div className="heatmap-top">
        <span className="heatmap-scale">
          <span>{t('analysis.heatmap.fewer')}</span>
          <span className="heatmap-gradient" style={{ background: gradient }} aria-hidden="true" />
          <span>{t('analysis.heatmap.more')}</span>
        </span>
        <span className="legend-item">
          <span className="hm-swatch gap strong" aria-hidden="true" />
          {t('analysis.heatmap.gap')}
        </span>
        <span className="legend-item">
          <span className="hm-swatch diag" aria-hidden="true" />
          {t('analysis.heatmap.diagonal')}
        </span>
        <span className="heatmap-summary">
          {t('analysis.heatmap.summary', { regions: formatNumber(n, lang), ties: formatNumber(gaps.ties, lang) })}
          {gaps.actorsWithoutRegion > 0 && ` · ${t('analysis.heatmap.withoutRegion', { n: formatNumber(gaps.actorsWithoutRegion, lang) })}`}
          {matrix.hidden > 0 && ` · ${t('analysis.heatmap.hidden', { shown: formatNumber(n, lang), hidden: formatNumber(matrix.hidden, lang) })}`}
          <span className="heatmap-hint">
            {' · '}
            {t('analysis.heatmap.hint')}
          </span>
        </span>
      </div>
      <div className="heatmap-scroll">
        <table className="heatmap" ref={tableRef} onKeyDown={onKey} data-testid="heatmap" data-regions={n}>
          <caption className="visually-hidden">{t('analysis.heatmap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="hm-corner">
                {t('analysis.heatmap.region')}
              </th>
              <th scope="col" className="hm-ei-head" title={t('analysis.heatmap.eiTitle')}>
                <abbr title={t('analysis.heatmap.eiTitle')}>{t('analysis.heatmap.ei')}</abbr>
              </th>
              {matrix.regions.map((r) => (
                <th key={r.id} scope="col" className="hm-col" title={r.name} data-region={r.id}>
                  <span aria-hidden="true">{shortName(r.name, COLUMN_CHARS)}</span>
                  <span className="visually-hidden">{r.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.regions.map((r, i) => (
              <tr key={r.id}>
                <th scope="row" className="hm-row" title={r.name}>
                  {r.name}
                </th>
                <td className="hm-ei" title={t('analysis.heatmap.eiTitle')} data-ei={r.eiIndex ?? ''}>
                  {r.eiIndex === null ? '–' : formatSigned(r.eiIndex, lang, 2)}
                </td>
                {(matrix.rows[i] ?? []).map((c, j) => {
                  const col = matrix.regions[j];
                  if (!col) return null;
                  if (!c) return <td key={col.id} className="hm-empty" />;
                  const look = cellLook(c);
                  const label = describe(c, r.name, col.name, i === j);
                  return (
                    <td key={col.id}>
                      <button
                        type="button"
                        className={`hm-cell ${look.cls}${look.strong ? ' strong' : ''}${i === j ? ' diag' : ''}${look.darkBackground ? ' dark' : ''}`}
                        style={look.background && look.cls !== 'gap' ? { background: look.background } : undefined}
                        title={label}
                        aria-label={label}
                        tabIndex={i === ar && j === ac ? 0 : -1}
                        data-testid="heatmap-cell"
                        data-a={r.id}
                        data-b={col.id}
                        data-observed={c.observed}
                        data-class={look.cls}
                        data-r={i}
                        data-c={j}
                        onFocus={() => (i !== ar || j !== ac) && setActive([i, j])}
                        onClick={() => dispatch({ type: 'showRegions', regionIds: i === j ? [r.id] : [r.id, col.id] })}
                      >
                        {formatNumber(c.observed, lang)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
