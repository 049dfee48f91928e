/**
 * The shipped data (server/geo/germany.json and client/geo/de-districts.topo.json, written by
 * `npm run geo:generate` from ../shared/data/geo): complete, keys unique, numbers as in the source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { districtDisplayName } from './germany-data.ts';
import { generateGermany } from './generate.ts';
import { germany } from './germany.ts';
import { placer } from './placement.ts';

const GEO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/geo');
const hasSource = existsSync(join(GEO_DIR, 'de_districts_2021.csv'));
// CI lays ../shared beside the clone: there the source comparison must run, never skip.
// eslint-disable-next-line no-restricted-properties -- test harness
if (!hasSource && process.env.CI === 'true') throw new Error(`CI=true, but the district table is not at ${GEO_DIR}`);

const geo = germany();

describe("Germany's built-in regions (germany.json)", () => {
  it('has the 16 states and 401 districts of 2021, every district in a state, keys unique', () => {
    expect(geo.states).toHaveLength(16);
    expect(geo.districts).toHaveLength(401);
    const unique = (xs: string[]) => new Set(xs).size;
    expect(unique(geo.districts.map((d) => d.ags))).toBe(401);
    expect(unique(geo.districts.map((d) => d.nuts3))).toBe(401);
    expect(unique(geo.districts.map((d) => d.name))).toBe(401);
    expect(unique(geo.states.map((s) => s.nuts1))).toBe(16);
    for (const d of geo.districts) {
      expect(d.ags).toMatch(/^\d{5}$/);
      expect(d.nuts3).toMatch(/^DE[0-9A-G][0-9A-Z]{2}$/);
      expect(d.id).toBe(`de-${d.ags}`);
      expect(geo.state(d.state)?.nuts1).toBe(d.nuts3.slice(0, 3));
      expect(d.polygons.length).toBeGreaterThan(0);
    }
    expect(geo.districts.filter((d) => d.state === '14')).toHaveLength(13); // Sachsen
    expect(geo.districts.filter((d) => d.state === '09')).toHaveLength(96); // Bayern
  });

  it("adds up to Germany's population of 31.12.2018 (83,019,213) and its area (~357,600 km²)", () => {
    const people = geo.districts.reduce((s, d) => s + d.population, 0);
    expect(people).toBe(83_019_213);
    expect(geo.states.reduce((s, x) => s + x.population, 0)).toBe(people);
    expect(geo.states.find((s) => s.name === 'Nordrhein-Westfalen')?.population).toBe(17_932_651);
    expect(geo.districts.reduce((s, d) => s + d.areaKm2, 0)).toBeCloseTo(357_580, -2);
  });

  it.skipIf(!hasSource)('is generated from ../shared/data/geo (run `npm run geo:generate` when this fails)', () => {
    const g = generateGermany(GEO_DIR);
    expect(readFileSync(new URL('./germany.json', import.meta.url), 'utf8')).toBe(g.server);
    expect(readFileSync(new URL('../../client/geo/de-districts.topo.json', import.meta.url), 'utf8')).toBe(g.client);
  });

  it.skipIf(!hasSource)('matches the source table row by row (AGS, NUTS-3 2021 and 2018, population, centroid)', () => {
    const lines = readFileSync(join(GEO_DIR, 'de_districts_2021.csv'), 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(401);
    for (const line of lines) {
      const [ags, , bez, , , nuts2021, nuts2018, lon, lat, , population] = line.split(',');
      const d = geo.district(ags as string);
      expect(d, ags).toMatchObject({ bez, nuts3: nuts2021, population: Number(population), lat: Number(lat), lon: Number(lon) });
      expect(geo.districtByNuts(nuts2018 as string)?.ags).toBe(ags);
    }
  });

  it('names districts so that a city and a Landkreis of one name differ', () => {
    expect(geo.district('14713')?.name).toBe('Leipzig');
    expect(geo.district('14729')?.name).toBe('Landkreis Leipzig');
    expect(geo.district('09184')?.name).toBe('Landkreis München');
    expect(geo.district('05154')?.name).toBe('Kreis Kleve');
    expect(geo.district('05382')?.name).toBe('Rhein-Sieg-Kreis');
    expect(geo.district('03241')?.name).toBe('Region Hannover');
    expect(districtDisplayName('Städteregion Aachen', 'Kreis')).toBe('Städteregion Aachen');
  });

  it('as store rows: states without parent, districts under their state, all citing BKG', () => {
    const rows = geo.regions();
    expect(rows).toHaveLength(417);
    expect(rows.find((r) => r.id === 'de-14')).toMatchObject({ name: 'Sachsen', kind: 'state', code: '14', parentId: null, tags: ['bundesland'] });
    expect(rows.find((r) => r.id === 'de-11')?.tags).toEqual(['bundesland', 'stadtstaat']);
    expect(rows.find((r) => r.id === 'de-14612')).toMatchObject({ name: 'Dresden', kind: 'district', code: '14612', parentId: 'de-14', tags: ['kreisfreie-stadt'] });
    expect(rows.find((r) => r.id === 'de-14612')?.description).toContain('NUTS-3 DED21');
    expect(rows.every((r) => r.sourceIds.join() === 's-bkg-vg5000')).toBe(true);
  });

  it("finds nearly every district's centroid inside its own simplified boundary", () => {
    const p = placer();
    const off = geo.districts.filter((d) => p.districtAt(d.lat, d.lon)?.district.ags !== d.ags);
    // The exceptions: a Landkreis around a city (its centroid lies in the city: Regensburg, Würzburg,
    // Cottbus, …), Bergstraße (bent round the Rhein-Neckar-Kreis), and Landshut and Landau, whose
    // simplified outlines are a few points only. Each lands in a neighbour (of the same state but Bergstraße's).
    expect(off).toHaveLength(18);
    expect(off.filter((d) => d.bez === 'Landkreis').map((d) => p.districtAt(d.lat, d.lon)?.district.bez)).toEqual(
      expect.arrayContaining(['Kreisfreie Stadt', 'Stadtkreis']),
    );
    expect(off.filter((d) => p.districtAt(d.lat, d.lon)?.district.state !== d.state).map((d) => d.name)).toEqual(['Landkreis Bergstraße']);
  });

  it('ships the boundaries to the client as TopoJSON with our ids', () => {
    const topo = JSON.parse(readFileSync(new URL('../../client/geo/de-districts.topo.json', import.meta.url), 'utf8')) as {
      type: string;
      objects: { districts: { geometries: { id: string; properties: { ags: string; name: string; state: string } }[] } };
    };
    expect(topo.type).toBe('Topology');
    const g = topo.objects.districts.geometries;
    expect(g).toHaveLength(401);
    expect(g.find((x) => x.id === 'de-14627')?.properties).toMatchObject({ ags: '14627', name: 'Landkreis Meißen', state: 'de-14' });
  });
});
