/** Placement by AGS, NUTS, coordinates and name; ambiguous, foreign and unknown locations; the report; speed. */
import { describe, expect, it } from 'vitest';
import { Germany } from './germany.ts';
import type { GermanyData } from './germany-data.ts';
import { formatPlacement, placer, Placer, PlacementTally, parseDistrictName, type Placement } from './placement.ts';

const p = placer();
const at = (x: Placement) => (x.regionId !== null ? `${x.regionId} ${x.method}` : x.foreign ? 'foreign' : x.reason);

describe('placing by AGS', () => {
  it('takes district keys, municipal keys (first five digits) and state keys; pads keys that lost their zero', () => {
    expect(at(p.place({ ags: '14612' }))).toBe('de-14612 ags');
    expect(at(p.place({ ags: '14612000' }))).toBe('de-14612 ags'); // Gemeindeschlüssel Dresden
    expect(at(p.place({ ags: '146270270270' }))).toBe('de-14627 ags'); // 12-digit Regionalschlüssel (Meißen)
    expect(at(p.place({ ags: 1001 }))).toBe('de-01001 ags'); // 01001 read as a number
    expect(at(p.place({ ags: '09 1 62' }))).toBe('de-09162 ags');
    expect(at(p.place({ ags: '14' }))).toBe('de-14 ags');
    expect(p.place({ ags: '14612000' })).toMatchObject({ detail: 'municipal key 14612000' });
  });

  it('an unknown key is no failure when something else places the actor, else the reason', () => {
    expect(at(p.place({ ags: '99999' }))).toBe('unknown_ags');
    expect(at(p.place({ ags: '99999', nuts: 'DED21' }))).toBe('de-14612 nuts3');
    expect(at(p.place({ ags: 'abc' }))).toBe('unknown_ags');
  });
});

describe('placing by NUTS', () => {
  it('takes NUTS-3 codes (spaces and case forgiven)', () => {
    expect(at(p.place({ nuts: 'DED21' }))).toBe('de-14612 nuts3');
    expect(at(p.place({ nuts: 'de e 02' }))).toBe('de-15002 nuts3'); // Halle (Saale)
    expect(at(p.place({ nuts: 'DE212' }))).toBe('de-09162 nuts3'); // München
  });

  it('takes an older code as an alias of its district', () => {
    const data: GermanyData = {
      version: 'test',
      credit: '',
      states: [{ id: 'de-14', ags: '14', name: 'Sachsen', nuts1: 'DED', population: 1, areaKm2: 1, lat: 51, lon: 13, cityState: false }],
      districts: [
        { id: 'de-14612', ags: '14612', name: 'Dresden', shortName: 'Dresden', bez: 'Kreisfreie Stadt', state: '14', nuts3: 'DED21', nuts3Aliases: ['DED2X'], population: 1, areaKm2: 1, lat: 51, lon: 13, polygons: [] },
      ],
    };
    const small = new Placer(new Germany(data));
    expect(small.place({ nuts: 'DED2X' })).toEqual({ regionId: 'de-14612', method: 'nuts3', detail: 'NUTS-3 DED2X (older code of DED21)' });
  });

  it('a NUTS-1 or NUTS-2 code (or an unknown NUTS-3 code) places in the state, unless coordinates or a name say more', () => {
    expect(p.place({ nuts: 'DED' })).toEqual({ regionId: 'de-14', method: 'nuts_state', detail: 'NUTS-1 DED: only the state' });
    expect(at(p.place({ nuts: 'DED2' }))).toBe('de-14 nuts_state');
    expect(at(p.place({ nuts: 'DE2' }))).toBe('de-09 nuts_state');
    expect(at(p.place({ nuts: 'DED99' }))).toBe('de-14 nuts_state');
    expect(at(p.place({ nuts: 'DED2', city: 'Dresden' }))).toBe('de-14612 name');
    expect(at(p.place({ nuts: 'DED', lat: 51.0519, lon: 13.7416 }))).toBe('de-14612 coordinates');
  });

  it('a foreign NUTS code is abroad; rubbish is a reason', () => {
    expect(at(p.place({ nuts: 'FR101' }))).toBe('foreign');
    expect(at(p.place({ nuts: 'xx' }))).toBe('unknown_nuts');
  });
});

describe('placing by coordinates', () => {
  it('finds the district a point lies in', () => {
    expect(at(p.place({ lat: 51.0519, lon: 13.7416 }))).toBe('de-14612 coordinates'); // Frauenkirche Dresden
    expect(at(p.place({ lat: '48.1374', lon: '11.5755' }))).toBe('de-09162 coordinates'); // Marienplatz, as text
    expect(at(p.place({ lat: 51.1631, lon: 13.4796 }))).toBe('de-14627 coordinates'); // Meißen
    expect(at(p.place({ lat: 48.2489, lon: 11.6532 }))).toBe('de-09184 coordinates'); // Garching (Landkreis München)
    expect(at(p.place({ lat: 52.5163, lon: 13.3777 }))).toBe('de-11000 coordinates'); // Brandenburger Tor
  });

  it('a point just outside the simplified coast goes to the nearest district within 5 km', () => {
    const sylt = p.place({ lat: 54.9, lon: 8.29 }); // the west coast of Sylt, cut off by the simplification
    expect(sylt).toMatchObject({ regionId: 'de-01054', method: 'coordinates' });
    expect(sylt.regionId !== null && sylt.detail).toMatch(/km outside the simplified boundary/);
  });

  it('a point abroad is foreign, unless the file says Germany (then: outside Germany)', () => {
    expect(at(p.place({ lat: 48.2082, lon: 16.3738 }))).toBe('foreign'); // Wien
    expect(at(p.place({ lat: 48.2082, lon: 16.3738, country: 'DE' }))).toBe('outside_germany');
    expect(at(p.place({ lat: 48.2082, lon: 16.3738, country: 'DE', city: 'Dresden' }))).toBe('de-14612 name');
  });

  it("ignores CORDIS's placeholder point for organisations it located only in \"Germany\"", () => {
    expect(at(p.place({ lat: 51.0834196, lon: 10.4234469, country: 'DE', city: 'BOBINGEN', postcode: '86399' }))).toBe('unknown_name');
    expect(at(p.place({ lat: 51.0834196, lon: 10.4234469, country: 'DE' }))).toBe('no_location');
  });

  it('a town that is itself a district wins over coordinates pointing into another district', () => {
    // CORDIS geocoded this Regensburg company to Falkensee (Havelland).
    const x = p.place({ lat: 52.5358286, lon: 13.0642695, city: 'REGENSBURG', country: 'DE' });
    expect(x).toEqual({ regionId: 'de-09362', method: 'name', detail: 'city "REGENSBURG"; the coordinates point into Landkreis Havelland' });
    expect(at(p.place({ lat: 48.1374, lon: 11.5755, district: 'Landkreis München' }))).toBe('de-09184 name');
    // A town that is no district: the coordinates decide.
    expect(at(p.place({ lat: 48.2489, lon: 11.6532, city: 'Garching b. München' }))).toBe('de-09184 coordinates');
  });
});

describe('placing by name', () => {
  it('folds umlauts, case and the words for the kind of district', () => {
    expect(parseDistrictName('Landkreis München')).toEqual({ key: 'munchen', kind: 'county' });
    expect(parseDistrictName('München, Landeshauptstadt')).toEqual({ key: 'munchen', kind: 'city' });
    expect(parseDistrictName('kreisfreie Stadt Leipzig')).toEqual({ key: 'leipzig', kind: 'city' });
    for (const name of ['Görlitz', 'GOERLITZ', 'Gorlitz', 'Landkreis Görlitz', 'LK Görlitz']) expect(at(p.place({ district: name })), name).toBe('de-14626 name');
    expect(at(p.place({ district: 'Kreis Kleve' }))).toBe('de-05154 name');
    expect(at(p.place({ district: 'Rhein-Sieg-Kreis' }))).toBe('de-05382 name');
    expect(at(p.place({ district: 'Halle/Saale' }))).toBe('de-15002 name');
    expect(at(p.place({ city: 'Frankfurt am Main' }))).toBe('de-06412 name');
    expect(at(p.place({ city: 'Cologne' }))).toBe('de-05315 name');
    expect(at(p.place({ city: 'Hannover' }))).toBe('de-03241 name'); // in Region Hannover
  });

  it('a district name a city and a Landkreis share is ambiguous unless the text says which', () => {
    const m = p.place({ district: 'München' });
    expect(m).toEqual({
      regionId: null,
      foreign: false,
      reason: 'ambiguous_name',
      detail: 'district "München" may be München (09162) or Landkreis München (09184)',
    });
    expect(at(p.place({ district: 'Landkreis München' }))).toBe('de-09184 name');
    expect(at(p.place({ district: 'München, Stadt' }))).toBe('de-09162 name');
    expect(at(p.place({ district: 'Leipzig, Landkreis' }))).toBe('de-14729 name');
    expect(at(p.place({ district: 'Frankfurt' }))).toBe('ambiguous_name'); // am Main or (Oder)
    // A town called München is the city (the Landkreis of that name does not contain it).
    expect(at(p.place({ city: 'München' }))).toBe('de-09162 name');
    expect(at(p.place({ city: 'Leipzig' }))).toBe('de-14713 name');
  });

  it('a town that is no district is not placed: no municipality table is shipped', () => {
    expect(p.place({ city: 'Riesa' })).toEqual({ regionId: null, foreign: false, reason: 'unknown_name', detail: 'city "Riesa" is no district name (no municipality table shipped)' });
    expect(at(p.place({ district: 'Atlantis' }))).toBe('unknown_name');
  });
});

describe('nothing to go by', () => {
  it('a postcode alone places nothing (no postcode table is shipped), and says so', () => {
    expect(p.place({ postcode: '01069' })).toEqual({ regionId: null, foreign: false, reason: 'postcode_only', detail: 'postcode 01069 only: no postcode table shipped' });
  });

  it('no location at all; a foreign country is abroad whatever else is given', () => {
    expect(at(p.place({}))).toBe('no_location');
    expect(at(p.place({ country: 'AT', city: 'Dresden' }))).toBe('foreign');
    expect(at(p.place({ country: 'Deutschland', city: 'Dresden' }))).toBe('de-14612 name');
  });
});

describe('the report', () => {
  it('counts per method and reason, foreign apart, with at most five examples each', () => {
    const t = new PlacementTally();
    t.given();
    t.add(p.place({ ags: '14612' }), { file: 'actors.csv', line: 2, name: 'A' });
    t.add(p.place({ lat: 48.2082, lon: 16.3738 }), { file: 'actors.csv', line: 3, name: 'B' });
    for (let i = 0; i < 7; i++) t.add(p.place({ postcode: '01069' }), { file: 'actors.csv', line: 10 + i, name: `P${i}` });
    t.add(p.place({ district: 'München' }), { file: 'actors.csv', line: 20, name: 'M' });
    const r = t.result();
    expect(r).toMatchObject({ actors: 11, given: 1, placed: 1, foreign: 1, notPlaced: 8 });
    expect(r.byMethod).toEqual([{ method: 'ags', count: 1, examples: [] }]);
    expect(r.byReason.map((x) => [x.reason, x.count, x.examples.length])).toEqual([
      ['postcode_only', 7, 5],
      ['ambiguous_name', 1, 1],
    ]);
    expect(r.byReason[0]?.examples[0]).toEqual({ file: 'actors.csv', line: 10, name: 'P0', detail: 'postcode 01069 only: no postcode table shipped' });
    const text = formatPlacement(r);
    expect(text).toContain("Placement in Germany's districts: 1 placed, 8 not placed, 1 abroad, 1 with a region from the file");
    expect(text).toContain('  not placed, postcode only: 7');
    expect(text).toContain('    actors.csv line 20: M: district "München" may be München (09162) or Landkreis München (09184)');
  });
});

describe('speed', () => {
  it('places 25,000 organisations by coordinates and town in well under a second (bounding-box grid)', () => {
    // A deterministic spread over Germany's bounding box (some abroad), a third with a town name.
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const towns = ['Dresden', 'MUNCHEN', 'Leipzig', 'Garching', 'Köln', 'Frankfurt am Main'];
    const hints = Array.from({ length: 25_000 }, (_, i) => ({ lat: 47.3 + rnd() * 7.7, lon: 5.9 + rnd() * 9.1, city: i % 3 === 0 ? towns[i % towns.length] : null }));
    p.place(hints[0] ?? {}); // warm up
    const t0 = performance.now();
    let placed = 0;
    for (const h of hints) if (p.place(h).regionId !== null) placed++;
    const ms = performance.now() - t0;
    console.log(`placement: 25,000 organisations in ${ms.toFixed(0)} ms (${placed} placed)`);
    expect(placed).toBeGreaterThan(12_000);
    expect(ms).toBeLessThan(1000);
  });
});
