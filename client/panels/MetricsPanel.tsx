/** The selected actor's metrics: centralities with their rank, community, cut point, brokerage roles. */
import { useTranslation } from 'react-i18next';
import type { Metrics, MetricKey, NodeMetrics } from '../api/analysis.ts';
import { communityColor } from '../graph/toElements.ts';
import { formatBound } from '../analysis/format.ts';
import { formatMetric, formatNumber } from '../i18n/index.ts';
import type { Lang } from '../state/explorer.ts';

const SHOWN: MetricKey[] = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'constraint', 'effectiveSize'];
const ROLES = ['coordinator', 'gatekeeper', 'representative', 'itinerant', 'liaison'] as const;

/** 1-based rank of the actor for a metric (higher is first; for constraint lower is first). */
export function rankOf(metrics: Metrics, node: NodeMetrics, key: MetricKey): number {
  const v = node[key];
  if (v === null) return metrics.nodes.length;
  const better = metrics.nodes.filter((n) => n[key] !== null && (key === 'constraint' ? (n[key] as number) < v : (n[key] as number) > v)).length;
  return better + 1;
}

export function MetricsPanel({ metrics, node, lang }: { metrics: Metrics; node: NodeMetrics; lang: Lang }) {
  const { t } = useTranslation();
  const fmt = (v: number | null, key: MetricKey) => (v === null ? '–' : key === 'degree' ? formatNumber(v, lang) : formatMetric(v, lang));
  const roles = ROLES.filter((r) => node.brokerage[r] > 0);
  const estimateOf = (k: MetricKey) => (metrics.estimates ?? []).find((e) => e.metric === k);
  return (
    <section className="metrics-panel" data-testid="metrics-panel" aria-label={t('metric.title')}>
      <h3>{t('metric.title')}</h3>
      <dl>
        {SHOWN.map((k) => (
          <div key={k} data-metric={k}>
            <dt>{t(`metric.${k}`)}</dt>
            <dd>
              {fmt(node[k], k)}{' '}
              {estimateOf(k) && (
                <span className="estimate" data-testid={`estimate-${k}`} title={t('metric.estimated', { method: estimateOf(k)?.method, samples: formatNumber(estimateOf(k)?.samples ?? 0, lang) })}>
                  {formatBound(estimateOf(k)?.epsilon ?? 0, estimateOf(k)?.confidence ?? 1, lang)}{' '}
                </span>
              )}
              <span className="hint">{t('metric.rank', { rank: rankOf(metrics, node, k), count: metrics.nodes.length })}</span>
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('metric.community')}</dt>
          <dd>
            <span className="swatch" style={{ backgroundColor: communityColor(node.community) }} aria-hidden="true" /> {node.community + 1}
          </dd>
        </div>
      </dl>
      {node.articulationPoint && <p className="note">{t('metric.articulationPoint')}</p>}
      {roles.length > 0 && (
        <>
          <h4>{t('metric.brokerage')}</h4>
          <ul className="roles">
            {roles.map((r) => (
              <li key={r}>
                {t(`metric.${r}`)}: {formatNumber(node.brokerage[r], lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
