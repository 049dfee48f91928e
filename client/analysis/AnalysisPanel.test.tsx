/**
 * The analysis panel rendered to static HTML (no DOM needed): each tab shows its data with the
 * agreed test ids, in the chosen language; the requests follow the open tab.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Coverage, RegionGaps, Suggestion, WhatIf } from '../api/analysis.ts';
import { ApiError } from '../api/client.ts';
import { createI18n } from '../i18n/index.ts';
import { initialState, type AnalysisTab, type ExplorerState, type Lang } from '../state/explorer.ts';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { analysisRequest, analysisRequestKey, type AnalysisData, type InsightsData } from './useAnalysis.ts';

const stats = { nodes: 1234, edges: 56, density: 0.01234, components: 3, largestComponent: 40, isolates: 2, averagePathLength: 2.5, diameter: 5, degreeCentralization: 0.2, communities: 4, modularity: 0.4567, articulationPoints: 3, bridges: 2, estimates: [] };
const insights: InsightsData = {
  insights: [
    { id: 'bridge:a1', kind: 'bridge', text: { de: 'Brücke A', en: 'Bridge A' }, nodeIds: ['a1'], regionIds: ['r1'] },
    { id: 'gap:r1:r2', kind: 'white_spot', text: { de: 'Lücke', en: 'Gap' }, nodeIds: [], regionIds: ['r1', 'r2'] },
    { id: 'x', kind: 'something_new', text: { de: 'Neu', en: 'New' }, nodeIds: [], regionIds: [] },
  ],
  networkParts: [{ component: 0, name: 'Teil Eins', regionId: 'r1', projectId: null, actors: ['a1', 'a2', 'a3'], broker: 'a1', brokerCutOff: 2 }],
  networkStats: stats,
};
const gaps: RegionGaps = {
  level: 'district',
  ties: 7,
  actorsWithoutRegion: 2,
  regions: [
    { id: 'r2', name: 'Bautzen', actors: 3, internalTies: 1, externalTies: 0, eiIndex: -1, isolatedActors: 0 },
    { id: 'r1', name: 'Altenburger Land', actors: 4, internalTies: 6, externalTies: 0, eiIndex: -1, isolatedActors: 1 },
  ],
  cells: [
    { a: 'r1', b: 'r1', aName: 'Altenburger Land', bName: 'Altenburger Land', observed: 6, expected: 3, ratio: 2 },
    { a: 'r1', b: 'r2', aName: 'Altenburger Land', bName: 'Bautzen', observed: 0, expected: 1.26, ratio: 0 },
    { a: 'r2', b: 'r2', aName: 'Bautzen', bName: 'Bautzen', observed: 1, expected: 0.5, ratio: 2 },
  ],
  whiteSpots: [{ a: 'r1', b: 'r2', aName: 'Altenburger Land', bName: 'Bautzen', observed: 0, expected: 1.26, ratio: 0, reasons: ['neighbours', 'programme'], programmes: ['WIR!'], distanceKm: 42, tier: 0 }],
};
const coverage: Coverage = {
  level: 'district',
  profile: [
    { key: 'companies', kinds: ['company'], minimum: 1 },
    { key: 'civil_society', kinds: ['civil_society'], minimum: 1 },
  ],
  rows: [
    {
      regionId: 'r1',
      name: 'Altenburger Land',
      actors: 4,
      cells: [
        { category: 'companies', count: 2, connected: 2, minimum: 1, status: 'ok' },
        { category: 'civil_society', count: 0, connected: 0, minimum: 1, status: 'missing' },
      ],
      sectors: [],
    },
    {
      regionId: 'r2',
      name: 'Bautzen',
      actors: 1,
      cells: [
        { category: 'companies', count: 1, connected: 0, minimum: 1, status: 'unconnected' },
        { category: 'civil_society', count: 0, connected: 0, minimum: 1, status: 'missing' },
      ],
      sectors: [],
    },
  ],
  missing: [],
  unconnected: [],
};
const suggestions: Suggestion[] = [
  { a: 'a1', b: 'a9', aLabel: 'Firma A', bLabel: 'Institut B', score: 1.5, commonPartners: 2, adamicAdar: 1, reasons: [{ code: 'common_partners', text: { de: '2 gemeinsame Partner', en: '2 common partners' } }] },
];
const whatIf: WhatIf = {
  removed: ['a1'],
  unknown: [],
  before: { components: 1, largestComponent: 10, interRegionalTies: 4, connectedRegionPairs: 1 },
  after: { components: 2, largestComponent: 7, interRegionalTies: 1, connectedRegionPairs: 0 },
  disconnectedActors: [{ id: 'a2', label: 'Verein C', regionId: 'r2' }],
  lostRegionPairs: [{ a: 'r1', b: 'r2', aName: 'Altenburger Land', bName: 'Bautzen' }],
  isolatedRegions: [{ id: 'r2', name: 'Bautzen' }],
};

const noData: AnalysisData = { insights: null, gaps: null, coverage: null, suggestions: null, whatIf: null, loading: false, error: null, retry: () => {} };
const stateWith = (tab: AnalysisTab, lang: Lang = 'de', remove: string[] = []): ExplorerState => ({ ...initialState(lang), analysis: { tab, level: 'district', weights: 'none', remove } });

function render(state: ExplorerState, data: Partial<AnalysisData>): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(state.lang)}>
      <AnalysisPanel state={state} data={{ ...noData, ...data }} dispatch={() => {}} onNavigate={() => {}} onHighlight={() => {}} labelOf={(id) => (id === 'a1' ? 'Firma A' : null)} />
    </I18nextProvider>,
  );
}
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('AnalysisPanel', () => {
  it('renders nothing when closed', () => {
    expect(render({ ...initialState('de') }, {})).toBe('');
  });

  it('has a tab list with the open tab selected and a level switch', () => {
    const html = render(stateWith('heatmap'), { loading: true });
    expect(html).toContain('data-testid="analysis-panel"');
    expect(html).toContain('role="tablist"');
    expect(count(html, 'role="tab"')).toBe(6);
    expect(html).toMatch(/id="analysis-tab-heatmap" aria-selected="true"/);
    expect(html).toContain('Landkreise/kreisfreie Städte');
    expect(html).toMatch(/aria-pressed="true" data-level="district"/);
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('data-testid="analysis-loading"');
  });

  it('offers the tie weight of the metrics: unweighted, shared projects, Newman', () => {
    const state = stateWith('insights', 'en');
    const html = render({ ...state, analysis: { ...state.analysis, weights: 'newman' } }, {});
    expect(html).toContain('data-testid="analysis-weights"');
    expect(html).toMatch(/<option value="none">unweighted<\/option><option value="count">shared projects<\/option><option value="newman" selected="">Newman weight<\/option>/);
    expect(render(stateWith('insights'), {})).toContain('Gewicht der Verbindungen');
  });

  it('shows a translated error with a retry button', () => {
    const html = render(stateWith('coverage', 'en'), { error: new ApiError('NETWORK', 'x') });
    expect(html).toContain('data-testid="analysis-error"');
    expect(html).toContain('No connection to the server');
    expect(html).toContain('data-state="error"');
  });

  it('shows insight cards in the chosen language, stats and the network parts', () => {
    const de = render(stateWith('insights'), { insights });
    expect(count(de, 'data-testid="insight-card"')).toBe(3);
    expect(de).toContain('data-kind="bridge"');
    expect(de).toContain('Brücke A');
    expect(de).toContain('Akteure: 1.234');
    expect(de).toContain('Modularität: 0,46');
    expect(de).toContain('Dichte: 0,012');
    expect(de).toContain('Teil Eins');
    expect(de).toContain('data-node="a1"');
    expect(de).toContain('>Firma A<');
    // A card without nodes or regions is no button.
    expect(de).toMatch(/<div class="insight-card" data-testid="insight-card" data-kind="something_new">/);
    expect(de).toContain('Mittlere Pfadlänge: 2,50 · Durchmesser: 5');
    const en = render(stateWith('insights', 'en'), { insights });
    expect(en).toContain('Bridge A');
    expect(en).toContain('Actors: 1,234');
  });

  it('shows an estimated path length with its bound and a diameter as bounds', () => {
    const estimates = [
      { metric: 'averagePathLength', method: 'sampled sources, Hoeffding bound', epsilon: 0.1935, confidence: 0.9, samples: 1000 },
      { metric: 'diameter', method: 'Takes–Kosters eccentricity bounds', epsilon: 1, confidence: 1, samples: 30 },
    ];
    const large = { ...insights, networkStats: { ...stats, averagePathLength: 2.9297, estimates } };
    expect(render(stateWith('insights'), { insights: large }).replace(/[\u00a0\u202f]/g, ' ')).toContain('Mittlere Pfadlänge: 2,93 ± 0,19 (90 %) · Durchmesser: 5 bis 6');
    expect(render(stateWith('insights', 'en'), { insights: large })).toContain('Mean path length: 2.93 ± 0.19 (90%) · diameter: 5 to 6');
  });

  it('draws the heatmap by region name with observed counts, a marked gap and the E-I index', () => {
    const html = render(stateWith('heatmap'), { gaps });
    expect(count(html, 'data-testid="heatmap-cell"')).toBe(4);
    const cells = [...html.matchAll(/data-a="(\w+)" data-b="(\w+)" data-observed="(\d+)" data-class="(\w+)"/g)].map((m) => m.slice(1).join(' '));
    expect(cells).toEqual(['r1 r1 6 above', 'r1 r2 0 gap', 'r2 r1 0 gap', 'r2 r2 1 above']);
    expect(html).toContain('Altenburger Land – Bautzen: Verbindungen 0, erwartet 1,3, Verhältnis 0,00');
    expect(html).toContain('-1,00');
    expect(html).toContain('Akteure ohne Region auf dieser Ebene: 2');
    expect(count(html, 'scope="col"')).toBe(4);
    expect(count(html, 'scope="row"')).toBe(2);
  });

  it('lists white spots with their reasons', () => {
    const html = render(stateWith('whitespots', 'en'), { gaps });
    expect(count(html, 'data-testid="white-spot"')).toBe(1);
    expect(html).toContain('close to each other');
    expect(html).toContain('programme: WIR!');
    expect(html).toContain('42 km');
    expect(html).toContain('ties 0, expected 1.3');
  });

  it('shows coverage cells with their status as text and translated categories', () => {
    const html = render(stateWith('coverage'), { coverage });
    expect(count(html, 'data-testid="coverage-cell"')).toBe(4);
    expect(count(html, 'data-status="missing"')).toBe(2);
    expect(count(html, 'data-status="unconnected"')).toBe(1);
    expect(html).toContain('Zivilgesellschaft');
    expect(html).toContain('>fehlt<');
    expect(html).toContain('>unvernetzt<');
  });

  it('lists suggestions with links, reasons and the path button', () => {
    const html = render(stateWith('suggestions', 'en'), { suggestions });
    expect(count(html, 'data-testid="suggestion"')).toBe(1);
    expect(html).toContain('2 common partners');
    expect(html).toContain('show path');
  });

  it('explains what-if, shows the removed actors and the result', () => {
    const empty = render(stateWith('whatif'), {});
    expect(empty).toContain('Klicken Sie Akteure im Netzwerk an');
    expect(empty).not.toContain('whatif-result');
    const html = render(stateWith('whatif', 'de', ['a1']), { whatIf });
    expect(html).toContain('Firma A wieder aufnehmen');
    expect(html).toContain('data-testid="whatif-result"');
    expect(count(html, 'data-testid="whatif-disconnected"')).toBe(1);
    expect(html).toContain('Verein C');
    expect(html).toContain('Altenburger Land – Bautzen');
  });
});

describe('analysisRequest', () => {
  const filter = { includeDirect: true, includeDerived: true };
  it('asks only for what the open tab needs', () => {
    expect(analysisRequest(null, filter, 'district', [])).toBeNull();
    expect(analysisRequest('insights', filter, 'district', [])?.kind).toBe('insights');
    expect(analysisRequest('heatmap', filter, 'state', [])?.kind).toBe('gaps');
    expect(analysisRequest('coverage', filter, 'state', [])?.kind).toBe('coverage');
    expect(analysisRequest('suggestions', filter, 'state', [])?.kind).toBe('suggestions');
    expect(analysisRequest('whatif', filter, 'state', [])).toBeNull();
    expect(analysisRequest('whatif', filter, 'state', ['b', 'a', 'b'])?.remove).toEqual(['a', 'b']);
  });

  it('shares one request between heatmap and white spots; the level and the removed set make new ones', () => {
    const key = (tab: AnalysisTab, level: 'district' | 'state' = 'district', remove: string[] = []) => {
      const r = analysisRequest(tab, filter, level, remove);
      return r ? analysisRequestKey(r) : null;
    };
    expect(key('heatmap')).toBe(key('whitespots'));
    expect(key('heatmap')).not.toBe(key('heatmap', 'state'));
    expect(key('whatif', 'district', ['a', 'b'])).toBe(key('whatif', 'district', ['b', 'a']));
    expect(key('whatif', 'district', ['a'])).not.toBe(key('whatif', 'district', ['a', 'b']));
  });
});
