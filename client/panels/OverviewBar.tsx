/**
 * Above the canvas when the overview is in play: the breadcrumb of the drill-down (overview › state ›
 * district › actor, each a way back up), the threshold below which weak region ties are hidden, and
 * the switch between the overview and the detailed network.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/index.ts';
import type { TieWeighting } from '../graph/overview.ts';
import type { Lang } from '../state/explorer.ts';

export interface Crumb {
  label: string;
  /** drillUp depth this crumb goes back to; null: the current place (not a link). */
  depth: number | null;
}

export interface OverviewBarProps {
  lang: Lang;
  crumbs: Crumb[];
  onUp(depth: number): void;
  /** The overview is drawn: its tie threshold (log-scaled slider) and the way to the network. */
  threshold?: { value: number; min?: number; max: number; hidden: number; onChange(v: number): void } | null;
  /** How region ties are weighed (actor pairs or Newman's collaboration weight). */
  weighting?: { value: TieWeighting; onChange(w: TieWeighting): void } | null;
  unplaced?: number;
  showNetwork?: { actors: number; onClick(): void } | null;
  backToOverview?: (() => void) | null;
}

const STEPS = 100;

export function OverviewBar(p: OverviewBarProps) {
  const { t } = useTranslation();
  const th = p.threshold;
  // Log scale from the weakest tie (1 pair, or the smallest Newman weight) to the strongest.
  const lo = Math.max(1e-6, Math.min(th?.min ?? 1, th?.max ?? 1));
  const span = (max: number) => Math.log(max) - Math.log(lo);
  const toSlider = (v: number, max: number) => (span(max) <= 0 ? 0 : Math.round(((Math.log(Math.max(v, lo)) - Math.log(lo)) / span(max)) * STEPS));
  const round = (v: number) => (v >= 10 || p.weighting?.value !== 'newman' ? Math.max(1, Math.round(v)) : Number(v.toPrecision(2)));
  const fromSlider = (x: number, max: number) => round(Math.exp(Math.log(lo) + (x / STEPS) * span(max)));
  return (
    <div className="overview-bar" data-testid="overview-bar" role="navigation" aria-label={t('overview.label')}>
      <ol className="crumbs" data-testid="breadcrumb">
        {p.crumbs.map((c, i) => (
          <li key={`${i}-${c.label}`}>
            {c.depth === null ? (
              <span aria-current="location">{c.label}</span>
            ) : (
              <button type="button" className="link" onClick={() => p.onUp(c.depth as number)} data-depth={c.depth}>
                {c.label}
              </button>
            )}
          </li>
        ))}
      </ol>
      {p.weighting && (
        <label className="weighting" title={t('overview.weightingHint')}>
          {t('overview.weighting')}{' '}
          <select value={p.weighting.value} data-testid="overview-weighting" onChange={(e) => p.weighting?.onChange(e.target.value as TieWeighting)}>
            <option value="pairs">{t('overview.weightingPairs')}</option>
            <option value="newman">{t('overview.weightingNewman')}</option>
          </select>
        </label>
      )}
      {th && th.max > (th.min ?? 1) && (
        <label className="threshold" title={t('overview.hint')}>
          {t('overview.minTies')}{' '}
          <input
            type="range"
            min={0}
            max={STEPS}
            value={toSlider(th.value, th.max)}
            data-testid="overview-threshold"
            onChange={(e) => th.onChange(fromSlider(Number(e.target.value), th.max))}
          />{' '}
          <span>{p.weighting?.value === 'newman' ? t('overview.minWeightValue', { value: formatNumber(th.value, p.lang) }) : t('overview.minTiesValue', { count: th.value })}</span>
          {th.hidden > 0 && <span className="muted"> · {t('overview.hidden', { count: th.hidden })}</span>}
        </label>
      )}
      {p.unplaced !== undefined && p.unplaced > 0 && <span className="muted">{t('overview.unplaced', { count: p.unplaced })}</span>}
      {p.showNetwork && (
        <button type="button" onClick={p.showNetwork.onClick} data-testid="show-network">
          {t('overview.showNetwork', { count: p.showNetwork.actors, formatted: formatNumber(p.showNetwork.actors, p.lang) })}
        </button>
      )}
      {p.backToOverview && (
        <button type="button" onClick={p.backToOverview} data-testid="back-to-overview">
          {t('overview.backToOverview')}
        </button>
      )}
    </div>
  );
}
