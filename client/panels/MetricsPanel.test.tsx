/** The selected actor's metrics, rendered to static HTML: an estimated metric carries its bound. */
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Metrics, NodeMetrics } from '../api/analysis.ts';
import { createI18n } from '../i18n/index.ts';
import { MetricsPanel } from './MetricsPanel.tsx';

const node: NodeMetrics = {
  id: 'a1',
  label: 'Firma A',
  kind: 'company',
  regionId: null,
  degree: 12,
  weightedDegree: 14,
  betweenness: 0.0321,
  closeness: 0.412,
  eigenvector: 0.1,
  pagerank: 0.002,
  constraint: 0.3,
  effectiveSize: 8.5,
  community: 0,
  component: 0,
  articulationPoint: false,
  brokerage: { coordinator: 0, gatekeeper: 0, representative: 0, itinerant: 0, liaison: 0 },
};
const stats = { nodes: 1, edges: 0, density: 0, components: 1, largestComponent: 1, isolates: 0, averagePathLength: null, diameter: 0, degreeCentralization: 0, communities: 1, modularity: 0, articulationPoints: 0, bridges: 0, estimates: [] };

function render(metrics: Metrics, lang: 'de' | 'en') {
  // Intl puts a narrow no-break space before "%" in German.
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <MetricsPanel metrics={metrics} node={node} lang={lang} />
    </I18nextProvider>,
  ).replace(/[\u00a0\u202f]/g, ' ');
}

describe('MetricsPanel', () => {
  it('shows no bound when every metric is exact', () => {
    const html = render({ nodes: [node], communitySizes: [1], modularity: 0, stats, estimates: [] }, 'de');
    expect(html).not.toContain('data-testid="estimate-');
    expect(html).not.toContain('±');
  });

  it('puts the bound and its confidence next to an estimated figure, in the language', () => {
    const estimates = [
      { metric: 'betweenness', method: 'Riondato–Kornaropoulos shortest-path sampling', epsilon: 0.01, confidence: 0.9, samples: 26518 },
      { metric: 'closeness', method: 'Eppstein–Wang sampled sources, Hoeffding bound', epsilon: 0.0956, confidence: 0.9, samples: 1000 },
    ];
    const metrics: Metrics = { nodes: [node], communitySizes: [1], modularity: 0, stats, estimates };
    const de = render(metrics, 'de');
    expect(de).toMatch(/data-testid="estimate-betweenness"[^>]*>± 0,01 \(90 %\)/);
    expect(de).toMatch(/data-testid="estimate-closeness"[^>]*>± 0,096 \(90 %\)/);
    expect(de).not.toContain('estimate-pagerank');
    expect(de).toContain('26.518 Stichproben');
    expect(render(metrics, 'en')).toMatch(/data-testid="estimate-betweenness"[^>]*>± 0.01 \(90%\)/);
  });
});
