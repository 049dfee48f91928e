/**
 * The analysis API over HTTP against the demo network: the five source documents' networks are
 * separate parts, each with its bridge; white spots, coverage, what-if, suggestions, insights;
 * validation errors; results follow the data when it changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorGraph } from '../../server/analysis/graph.ts';
import { loadAnalysisInput } from '../../server/analysis/input.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const codeOf = (r: { errors?: { extensions?: { code?: string; field?: string } }[] }) => r.errors?.[0]?.extensions;

interface Part {
  name: string;
  actors: string[];
  broker: string | null;
  brokerCutOff: number;
}

describe('analysis input', () => {
  it("the store's tie projection gives the graph the assembled network gives, pair for pair and weight for weight", async () => {
    const filter = { includeDirect: true, includeDerived: true };
    const input = await loadAnalysisInput(server.store, filter);
    expect(input.ties?.length).toBeGreaterThan(0);
    expect(input.network.edges.some((e) => e.derived)).toBe(false); // derived ties come only from the projection
    const fromTies = actorGraph(input.network, input.ties);
    const fromNetwork = actorGraph(await server.store.network({ ...filter, nodeTypes: ['ACTOR', 'PROJECT'], limit: 100_000 }));
    const edges = (g: typeof fromTies) => g.mapEdges((_e, a, s, t) => `${[s, t].sort().join('|')}:${a.weight}:${a.direct}:${a.derived}`).sort();
    expect(fromTies.order).toBe(fromNetwork.order);
    expect(edges(fromTies)).toEqual(edges(fromNetwork));
  });
});

describe('metrics under Newman weighting', () => {
  it("weightedDegree under NEWMAN is each actor's Σ over its ties of cooperations + Σ 1/(n − 1); COUNT stays the default", async () => {
    type Row = { id: string; weightedDegree: number };
    const ask = async (args: string) => ((await server.gql<{ metrics: { nodes: Row[] } }>(`{ metrics(${args}) { nodes { id weightedDegree } } }`)).data?.metrics.nodes ?? []) as Row[];
    const [byDefault, count, newman] = await Promise.all([ask('weighted: true'), ask('weighted: true, weighting: COUNT'), ask('weighted: true, weighting: NEWMAN')]);
    expect(byDefault).toEqual(count);
    const input = await loadAnalysisInput(server.store, { includeDirect: true, includeDerived: true });
    const expected = new Map<string, number>();
    for (const t of input.ties ?? []) {
      for (const id of [t.a, t.b]) expected.set(id, (expected.get(id) ?? 0) + t.direct + t.newman);
    }
    expect(newman.length).toBeGreaterThan(10);
    for (const n of newman) expect(n.weightedDegree).toBeCloseTo(expected.get(n.id) ?? 0, 9);
    // Big consortia weigh less: no actor gains, some lose.
    const c = new Map(count.map((n) => [n.id, n.weightedDegree]));
    expect(newman.every((n) => n.weightedDegree <= (c.get(n.id) as number) + 1e-9)).toBe(true);
    expect(newman.some((n) => n.weightedDegree < (c.get(n.id) as number) - 1e-9)).toBe(true);
  });
});

describe('background analysis', () => {
  it('runs after start for the current data and reports its progress until ready', async () => {
    type Status = { revision: number; currentRevision: number; state: string; done: number; total: number; step: string | null; elapsedMs: number; error: string | null };
    const ask = async () => (await server.gql<{ analysisStatus: Status }>('{ analysisStatus { revision currentRevision state done total step elapsedMs error } }')).data?.analysisStatus as Status;
    let status = await ask();
    for (let i = 0; i < 100 && status.state !== 'ready'; i++) {
      expect(['idle', 'running']).toContain(status.state);
      if (status.state === 'running') expect(status.done).toBeLessThan(status.total);
      await new Promise((r) => setTimeout(r, 100));
      status = await ask();
    }
    expect(status).toMatchObject({ state: 'ready', done: 6, total: 6, step: null, error: null });
    expect(status.revision).toBe(status.currentRevision);
    expect(status.elapsedMs).toBeGreaterThan(0);
  });
});

describe('analysis API on the demo network', () => {
  it('metrics: every actor with centralities; stats agree with the network', async () => {
    const r = await server.gql<{
      metrics: { nodes: { id: string; degree: number; betweenness: number; closeness: number; articulationPoint: boolean; brokerage: { liaison: number } }[]; stats: { nodes: number; edges: number; components: number; isolates: number; density: number }; modularity: number };
      network: { nodes: { id: string }[] };
    }>(
      `{ metrics { nodes { id degree betweenness closeness articulationPoint brokerage { liaison } } stats { nodes edges components isolates density } modularity }
         network(filter: { nodeTypes: [ACTOR] }) { nodes { id } } }`,
    );
    expect(r.errors).toBeUndefined();
    const m = r.data?.metrics;
    expect(m?.nodes.length).toBe(r.data?.network.nodes.length);
    expect(m?.stats.nodes).toBe(m?.nodes.length);
    const degreeSum = m?.nodes.reduce((s, n) => s + n.degree, 0) ?? 0;
    expect(degreeSum).toBe(2 * (m?.stats.edges ?? 0));
    expect(m?.stats.density).toBeCloseTo((2 * (m?.stats.edges ?? 0)) / ((m?.stats.nodes ?? 0) * ((m?.stats.nodes ?? 0) - 1)), 12);
    expect(m?.stats.isolates).toBe(m?.nodes.filter((n) => n.degree === 0).length);
    expect(m?.nodes.every((n) => n.betweenness >= 0 && n.betweenness <= 1 && n.closeness >= 0 && n.closeness <= 1)).toBe(true);
    expect(m?.modularity).toBeGreaterThan(0.3); // separate regional networks → strongly modular
  });

  it('networkParts: the regional networks of the documents are not tied to one another, each names its bridge', async () => {
    const r = await server.gql<{ networkParts: Part[] }>('{ networkParts { name actors broker brokerCutOff } }');
    expect(r.errors).toBeUndefined();
    const parts = r.data?.networkParts ?? [];
    // Meißen crafts alliance (WIR!), TeamMit Mittelhessen, Netzwerk Chemie Nordsachsen, Regionalmanagement Nordthüringen.
    // (The fifth document, IMPULS REGIO in Görlitz, names no organisations: see the no_actors insight.)
    expect(parts.length).toBe(4);
    const byBroker = Object.fromEntries(parts.map((p) => [p.broker, p]));
    expect(Object.keys(byBroker).sort()).toEqual(['a-ihk-hessen-innovativ', 'a-kreatives-sachsen', 'a-rm-nordthueringen', 'a-zarof']);
    expect(byBroker['a-kreatives-sachsen']?.brokerCutOff).toBe(4);
    expect(byBroker['a-zarof']?.actors).toContain('a-wfg-nordsachsen');
    // Each part is named after the region its main project aims at.
    expect(Object.fromEntries(parts.map((p) => [p.broker, p.name]))).toEqual({
      'a-kreatives-sachsen': 'Elberegion Meißen',
      'a-ihk-hessen-innovativ': 'Mittelhessen',
      'a-zarof': 'Landkreis Nordsachsen',
      'a-rm-nordthueringen': 'Nordthüringen',
    });
    // No actor sits in two parts.
    const all = parts.flatMap((p) => p.actors);
    expect(new Set(all).size).toBe(all.length);
  });

  it('insights: the separate parts, their bridges, the white spots and Görlitz without actors, in German and English', async () => {
    const r = await server.gql<{ insights: { id: string; kind: string; text: { de: string; en: string }; regionIds: string[] }[] }>(
      '{ insights { id kind text { de en } regionIds } }',
    );
    expect(r.errors).toBeUndefined();
    const cards = r.data?.insights ?? [];
    const parts = cards.find((c) => c.kind === 'parts');
    expect(parts?.text.de).toMatch(/zerfällt in 4 getrennte Teile/);
    expect(parts?.text.en).toMatch(/falls into 4 separate parts/);
    expect(cards.filter((c) => c.kind === 'bridge').map((c) => c.id).sort()).toEqual([
      'bridge:a-ihk-hessen-innovativ',
      'bridge:a-kreatives-sachsen',
      'bridge:a-rm-nordthueringen',
      'bridge:a-zarof',
    ]);
    expect(cards.find((c) => c.id === 'bridge:a-zarof')?.text.de).toMatch(/ZAROF\. GmbH die Brücke/);
    const goerlitz = cards.find((c) => c.id === 'no_actors:de-14626');
    expect(goerlitz?.text.de).toMatch(/Landkreis Görlitz ist Zielregion von „IMPULS REGIO“/);
    expect(cards.some((c) => c.kind === 'white_spot' && c.text.de.includes('hat keine Kooperation mit'))).toBe(true);
  });

  it('regionGaps: observed ties add up, expected ties add up to the same total, white spots ranked with reasons', async () => {
    const r = await server.gql<{
      regionGaps: {
        ties: number;
        cells: { a: string; b: string; observed: number; expected: number }[];
        regions: { id: string; internalTies: number; externalTies: number; eiIndex: number | null }[];
        whiteSpots: { a: string; b: string; observed: number; reasons: string[]; programmes: string[]; tier: number }[];
      };
    }>('{ regionGaps(level: "district") { ties cells { a b observed expected } regions { id internalTies externalTies eiIndex } whiteSpots { a b observed reasons programmes tier } } }');
    expect(r.errors).toBeUndefined();
    const g = r.data?.regionGaps;
    const observed = g?.cells.reduce((s, c) => s + c.observed, 0) ?? 0;
    const expected = g?.cells.reduce((s, c) => s + c.expected, 0) ?? 0;
    expect(observed).toBe(g?.ties);
    expect(expected).toBeCloseTo(g?.ties ?? -1, 9); // configuration model keeps the total
    for (const reg of g?.regions ?? []) {
      const { internalTies: i, externalTies: e } = reg;
      expect(reg.eiIndex).toBe(i + e === 0 ? null : (e - i) / (e + i));
    }
    const first = g?.whiteSpots[0];
    expect([first?.a, first?.b]).toEqual(['de-14627', 'de-14730']);
    expect(first?.observed).toBe(0);
    expect(first?.reasons).toEqual(['neighbours', 'programme']);
    const tiers = g?.whiteSpots.map((w) => w.tier) ?? [];
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  });

  it('coverage: default profile, a custom profile, and a bad profile named by its field', async () => {
    const def = await server.gql<{ coverage: { rows: { regionId: string; actors: number; cells: { category: string; count: number; status: string }[] }[] } }>(
      '{ coverage(level: "district") { rows { regionId actors cells { category count status } } } }',
    );
    expect(def.errors).toBeUndefined();
    const goerlitz = def.data?.coverage.rows.find((x) => x.regionId === 'de-14626');
    expect(goerlitz?.actors).toBe(0);
    expect(goerlitz?.cells.every((c) => c.status === 'missing')).toBe(true);
    const custom = await server.gql<{ coverage: { profile: { key: string }[]; rows: { regionId: string; cells: { category: string; count: number }[] }[] } }>(
      '{ coverage(level: "district", profile: [{ key: "hochschulen", kinds: ["university"], minimum: 1 }]) { profile { key } rows { regionId cells { category count } } } }',
    );
    expect(custom.data?.coverage.profile.map((p) => p.key)).toEqual(['hochschulen']);
    expect(custom.data?.coverage.rows.find((x) => x.regionId === 'de-14713')?.cells[0]?.count).toBeGreaterThanOrEqual(1);
    const bad = await server.gql('{ coverage(profile: [{ key: "x", kinds: ["spaceship"] }]) { level } }');
    expect(codeOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'profile[0].kinds' });
    const badLevel = await server.gql('{ coverage(level: "galaxy") { level } }');
    expect(codeOf(badLevel)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
  });

  it('whatIf: removing the bridge of the Meißen network cuts off four actors and the region links through it', async () => {
    const r = await server.gql<{ whatIf: { removed: string[]; unknown: string[]; before: { components: number }; after: { components: number }; disconnectedActors: { id: string }[]; lostRegionPairs: { a: string; b: string }[] } }>(
      '{ whatIf(remove: ["a-kreatives-sachsen", "a-nobody"]) { removed unknown before { components } after { components } disconnectedActors { id } lostRegionPairs { a b } } }',
    );
    expect(r.errors).toBeUndefined();
    const w = r.data?.whatIf;
    expect(w?.removed).toEqual(['a-kreatives-sachsen']);
    expect(w?.unknown).toEqual(['a-nobody']);
    expect(w?.disconnectedActors.map((a) => a.id).sort()).toEqual(['a-kreatives-chemnitz', 'a-kreatives-leipzig', 'a-lvkkws', 'a-wir-gestalten-dresden']);
    expect((w?.after.components ?? 0) - (w?.before.components ?? 0)).toBe(1); // its component of 14 falls into 9 + 4
    expect(w?.lostRegionPairs).toContainEqual({ a: 'de-14511', b: 'de-14627' });
    const empty = await server.gql('{ whatIf(remove: []) { removed } }');
    expect(codeOf(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remove' });
  });

  it('suggestions: untied pairs with reasons, best first; the limit is checked', async () => {
    const r = await server.gql<{ suggestions: { a: string; b: string; score: number; reasons: { code: string; text: { de: string } }[] }[]; metrics: { bridges: { a: string }[] } }>(
      '{ suggestions(limit: 6) { a b score reasons { code text { de } } } metrics { bridges { a } } }',
    );
    expect(r.errors).toBeUndefined();
    const s = r.data?.suggestions ?? [];
    expect(s).toHaveLength(6);
    expect(s.every((x) => x.reasons.length > 0 && x.a < x.b)).toBe(true);
    expect(s.map((x) => x.score)).toEqual([...s.map((x) => x.score)].sort((a, b) => b - a));
    expect(s.some((x) => x.reasons.some((reason) => reason.code === 'common_partners' && /gemeinsame Partner/.test(reason.text.de)))).toBe(true);
    const bad = await server.gql('{ suggestions(limit: 0) { a } }');
    expect(codeOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('results follow the data: a new tie between two networks joins their parts', async () => {
    await server.store.applyBatch({
      cooperations: [{ actorId: 'a-zarof', partnerId: 'a-khs-meissen', kind: 'cooperation', sourceIds: [] }],
    });
    const r = await server.gql<{ networkParts: Part[] }>('{ networkParts { actors broker } }');
    expect(r.data?.networkParts.length).toBe(3);
    expect(r.data?.networkParts.some((p) => p.actors.includes('a-zarof') && p.actors.includes('a-khs-meissen'))).toBe(true);
  });
});

describe('analysis API with filters', () => {
  it('a filter that leaves actors out says "none in the current selection", not "none recorded"', async () => {
    const r = await server.gql<{ insights: { id: string; text: { de: string; en: string } }[] }>('{ insights(filter: { actorKinds: ["university"] }) { id text { de en } } }');
    expect(r.errors).toBeUndefined();
    const nordsachsen = r.data?.insights.find((i) => i.id === 'no_actors:de-14730');
    expect(nordsachsen?.text.de).toMatch(/in der aktuellen Auswahl ist dort kein Akteur/);
    expect(nordsachsen?.text.en).toMatch(/the current selection has no actor there/);
    expect(r.data?.insights.some((i) => /noch kein Akteur erfasst/.test(i.text.de))).toBe(false);
  });
});

describe('analysis API errors (through the worker thread)', () => {
  it('an unknown region in the filter is BAD_USER_INPUT or NOT_FOUND with its field, not an internal error', async () => {
    const r = await server.gql('{ networkStats(filter: { regionIds: ["r-atlantis"] }) { nodes } }');
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(codeOf(r)?.code);
    const years = await server.gql('{ metrics(filter: { fromYear: 2020, toYear: 2010 }) { modularity } }');
    expect(codeOf(years)?.code).toBe('BAD_USER_INPUT');
  });
});
