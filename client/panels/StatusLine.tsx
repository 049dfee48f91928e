/** Visible counts (for people and tests: data-nodes, data-edges, data-layout running/done), truncation, hidden weak ties, layout progress. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/index.ts';
import type { Lang } from '../state/explorer.ts';

export interface StatusLineProps {
  lang: Lang;
  nodes: number;
  edges: number;
  ready: boolean;
  truncated: boolean;
  /** Derived ties the server left out (a view carries at most so many edges, weakest first). */
  hiddenTies?: number;
  loading: boolean;
  layoutRunning: boolean;
  extra?: React.ReactNode;
}

export function StatusLine(p: StatusLineProps) {
  const { t } = useTranslation();
  return (
    <div className="status-line">
      <span
        role="status"
        data-testid="visible-counts"
        data-nodes={p.nodes}
        data-edges={p.edges}
        data-state={p.ready ? 'ready' : 'loading'}
        data-layout={p.layoutRunning ? 'running' : 'done'}
      >
        {t('status.counts', { nodes: formatNumber(p.nodes, p.lang), edges: formatNumber(p.edges, p.lang) })}
      </span>
      {p.truncated && <span className="warn">{t('status.truncated')}</span>}
      {(p.hiddenTies ?? 0) > 0 && (
        <span className="warn" data-testid="hidden-ties" data-hidden={p.hiddenTies}>
          {t('status.hiddenTies', { count: p.hiddenTies, formatted: formatNumber(p.hiddenTies ?? 0, p.lang) })}
        </span>
      )}
      {(p.loading || p.layoutRunning) && (
        <span className="progress" data-testid="layout-progress">
          <span className="spinner" aria-hidden="true" />
          {p.loading ? t('status.loading') : t('layout.running')}
        </span>
      )}
      {p.extra}
    </div>
  );
}
