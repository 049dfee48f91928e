/**
 * Above the canvas when the overview is in play: the breadcrumb of the drill-down (overview › state ›
 * district › actor, each a way back up), the threshold below which weak region ties are hidden, and
 * the switch between the overview and the detailed network.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/index.ts';
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
  threshold?: { value: number; max: number; hidden: number; onChange(v: number): void } | null;
  unplaced?: number;
  showNetwork?: { actors: number; onClick(): void } | null;
  backToOverview?: (() => void) | null;
}

const STEPS = 100;

export function OverviewBar(p: OverviewBarProps) {
  const { t } = useTranslation();
  const th = p.threshold;
  const toSlider = (v: number, max: number) => (max <= 1 ? 0 : Math.round((Math.log(v) / Math.log(max)) * STEPS));
  const fromSlider = (x: number, max: number) => Math.max(1, Math.round(Math.exp((x / STEPS) * Math.log(max))));
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
      {th && th.max > 1 && (
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
          <span>{t('overview.minTiesValue', { count: th.value })}</span>
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
