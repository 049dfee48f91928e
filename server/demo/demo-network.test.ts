/**
 * The demo network answers questions straight from the five source documents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteBackend } from '../store/embedded/sqlite-backend.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { createGraphStore } from '../store/store.ts';
import { DEMO_DIR, loadDemo, loadDemoIfEmpty } from './load-demo.ts';

let store: GraphStore;
beforeAll(async () => {
  store = createGraphStore(new SqliteBackend(':memory:'));
  await store.init();
  expect(await loadDemoIfEmpty(store)).toBe(true);
});

const roles = async (projectId: string) =>
  Object.fromEntries(((await store.projectDetails(projectId))?.participations ?? []).map((p) => [p.actor.id, p.role]));

describe('demo network from the sources', () => {
  it('loads once: a second start finds the store filled and loads nothing', async () => {
    expect(await loadDemoIfEmpty(store)).toBe(false);
    const again = await loadDemo(store);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
  });

  it('ZAROF GmbH carries Netzwerk Chemie with WFG Nordsachsen, Stadt Delitzsch and Landratsamt Nordsachsen', async () => {
    const r = await roles('p-netzwerk-chemie');
    expect(r['a-zarof']).toBe('lead');
    expect(r['a-wfg-nordsachsen']).toBe('partner');
    expect(r['a-stadt-delitzsch']).toBe('partner');
    expect(r['a-landratsamt-nordsachsen']).toBe('partner');
    const p = await store.projectDetails('p-netzwerk-chemie');
    expect([p?.project.start, p?.project.end]).toEqual(['2023-05-04', '2024-12-31']);
    expect(p?.targets.map((t) => t.region.id)).toContain('de-14730');
    expect(p?.events.length).toBeGreaterThanOrEqual(6);
    expect(p?.events.find((e) => e.kind === 'excursion')?.placeId).toBe('de-11');
  });

  it('the WIR! alliance around the Kreishandwerkerschaft Region Meißen has all six partners and BMBF funding', async () => {
    const r = await roles('p-wir-handwerk-meissen');
    const alliance = ['a-khs-meissen', 'a-kreatives-sachsen', 'a-smile', 'a-qz-riesa', 'a-ba-riesa', 'a-conoscope'];
    for (const a of alliance) expect(['lead', 'partner']).toContain(r[a]);
    expect(r['a-bmbf']).toBe('funder');
    const p = await store.projectDetails('p-wir-handwerk-meissen');
    expect(p?.project.programme).toMatch(/WIR!/);
    const konferenz = p?.events.find((e) => e.date === '2018-05-31');
    expect(konferenz?.placeId).toBe('r-riesa');
  });

  it("TeamMit's consortium: StudiumPlus, TransMIT, Regionalmanagement Mittelhessen, Philipps-Universität Marburg", async () => {
    const r = await roles('p-teammit');
    for (const a of ['a-studiumplus', 'a-transmit', 'a-rm-mittelhessen', 'a-uni-marburg']) expect(r[a]).toBeDefined();
    expect(Object.values(r)).toContain('advisory');
    const kickoff = (await store.projectDetails('p-teammit'))?.events.find((e) => e.date === '2022-12-08');
    expect(kickoff?.placeId).toBe('r-wetzlar');
    expect((await store.regionDetails('de-06532'))?.ancestors.map((a) => a.id)).toEqual(['r-mittelhessen', 'de-06']);
  });

  it('the Nordthüringen projects with their service providers and partner regions', async () => {
    expect((await roles('p-nth-mobilfunk'))['a-viridas']).toBe('service_provider');
    expect((await roles('p-nth-vermarktung'))['a-agiplan']).toBe('service_provider');
    expect((await roles('p-nth-coworking'))['a-coworkland']).toBeDefined();
    const coop = await store.projectDetails('p-nth-kooperationsregionen');
    expect(coop?.participations.find((p) => p.actor.id === 'a-bmel')?.role).toBe('funder');
    expect(coop?.targets.filter((t) => t.role === 'partner').map((t) => t.region.name).sort()).toEqual(
      ['Allgäu', 'Bodensee', 'Ems-Achse', 'Koblenz-Mittelrhein', 'Südwestfalen', 'Vorpommern'],
    );
    const nth = await store.network({ regionIds: ['r-nordthueringen'], nodeTypes: ['PROJECT'] });
    expect(nth.nodes.filter((n) => n.id.startsWith('p-nth-')).length).toBeGreaterThanOrEqual(14);
  });

  it('IMPULS REGIO in Landkreis Görlitz continues its 2015 predecessor', async () => {
    const p = await store.projectDetails('p-impuls-regio-2018');
    expect(p?.predecessor?.id).toBe('p-impuls-regio-2015');
    expect(p?.targets.map((t) => t.region.id)).toContain('de-14626');
    expect([p?.project.start, p?.project.end]).toEqual(['2018-01', '2018-12']);
    expect((await store.projectDetails('p-impuls-regio-2015'))?.successors.map((s) => s.id)).toEqual(['p-impuls-regio-2018']);
  });

  it('search: "Delitzsch", "Meissen" and "Goerlitz" find the places', async () => {
    const ids = async (q: string) => (await store.search(q, 10)).map((h) => h.id);
    expect(await ids('Delitzsch')).toEqual(expect.arrayContaining(['r-delitzsch', 'a-stadt-delitzsch']));
    expect(await ids('Meissen')).toEqual(expect.arrayContaining(['de-14627', 'a-khs-meissen']));
    expect((await ids('Goerlitz'))[0]).toBe('de-14626');
  });

  it('every fact names its document; all five documents are used', async () => {
    const rows = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.csv') && f !== 'sources.csv');
    const used = new Set<string>();
    for (const f of rows) {
      const net = readFileSync(join(DEMO_DIR, f), 'utf8');
      for (const m of net.matchAll(/s-[a-z0-9-]+/g)) used.add(m[0]);
    }
    for (const doc of ['s-netzwerk-chemie', 's-teammit', 's-impuls-regio', 's-wir-meissen', 's-nordthueringen']) expect(used).toContain(doc);
    const net = await store.network({ limit: 10_000 });
    const details = await Promise.all(net.nodes.filter((n) => n.type === 'ACTOR').map((n) => store.actorDetails(n.id)));
    expect(details.every((d) => (d?.sources.length ?? 0) > 0)).toBe(true);
  });

  it('the five regional networks are separate components of the cooperation network', async () => {
    const net = await store.network({ nodeTypes: ['ACTOR'], limit: 10_000 });
    const home = { chemie: 'a-zarof', teammit: 'a-studiumplus', wir: 'a-khs-meissen', nth: 'a-rm-nordthueringen' };
    for (const [a, b] of [[home.chemie, home.teammit], [home.wir, home.nth], [home.teammit, home.nth]] as const) {
      expect(await store.shortestPaths(a, b, 10)).toEqual([]);
    }
    expect(net.edges.length).toBeGreaterThan(20);
  });

  it("uses Germany's built-in states and districts: one Sachsen, all 417 there, only the ones in use in the picture", async () => {
    const regions = await store.regions();
    expect(regions.filter((r) => r.name === 'Sachsen').map((r) => r.id)).toEqual(['de-14']);
    expect(regions.filter((r) => /^de-\d+$/.test(r.id))).toHaveLength(417);
    expect(regions).toHaveLength(417 + 23); // and the demo's own: planning, cooperation and metropolitan regions, towns
    // The demo's districts of Mittelhessen belong to their planning region, the others to their state.
    expect((await store.regionDetails('de-06534'))?.ancestors.map((a) => a.id)).toEqual(['r-mittelhessen', 'de-06']);
    expect((await store.regionDetails('de-14627'))?.region).toMatchObject({ name: 'Landkreis Meißen', parentId: 'de-14' });
    // The network shows only regions something refers to (and their ancestors): no empty districts.
    const net = await store.network({ limit: 10_000 });
    const shown = net.nodes.filter((n) => n.type === 'REGION');
    expect(shown).toHaveLength(51);
    expect(shown.map((n) => n.id)).not.toContain('de-14521'); // Erzgebirgskreis: nothing there
  });

  it('holds no personal data: no person names, e-mail addresses or phone numbers', () => {
    for (const f of readdirSync(DEMO_DIR).filter((x) => x.endsWith('.csv'))) {
      const text = readFileSync(join(DEMO_DIR, f), 'utf8');
      expect(text, f).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text, f).not.toMatch(/\b(Tel|Telefon|Fax)\b|\+49|\b0\d{3,4}[/ -]\d{4,}/);
      for (const person of ['Jacob', 'Günther', 'Rabenau', 'Franzi', 'Niklas']) expect(text, f).not.toContain(person);
    }
  });
});
