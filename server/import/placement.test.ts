/** Placement on import: every reader's location hints reach the placer; hints are never stored; built-ins join the batch. */
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { parseCsvFile, type CsvBundle } from './csv-bundle.ts';
import { readGexf } from './gexf.ts';
import { readGraphml } from './graphml.ts';
import { placeBundle, takeHint } from './placement.ts';
import { readXlsx } from './xlsx.ts';

const bundleOf = (key: 'actors', rows: Record<string, unknown>[], file: string): CsvBundle => ({
  batch: { [key]: rows },
  origins: { sources: [], regions: [], actors: rows.map((_, i) => ({ file, line: i + 2 })), projects: [], events: [], stories: [], participations: [], eventParticipations: [], cooperations: [], targets: [] },
});
const regionsOf = (b: CsvBundle) => (b.batch.actors ?? []).map((a) => (a as { regionId?: unknown }).regionId ?? null);
const empty = { regions: new Set<string>(), source: false };

describe('placement on import', () => {
  it('CSV template: the location columns place, are taken off the rows, and a given region_id wins', () => {
    const text = 'id,name,kind,region_id,ags,lat,lon,district\na-1,Eins,company,,14612,,,\na-2,Zwei,company,,,51.1631,13.4796,\na-3,Drei,company,de-14730,14612,,,\na-4,Vier,company,,,,,Vogtlandkreis\n';
    const rows = parseCsvFile('actors', text, 'actors.csv');
    const bundle = bundleOf('actors', rows.rows, 'actors.csv');
    const report = placeBundle(bundle, empty);
    expect(regionsOf(bundle)).toEqual(['de-14612', 'de-14627', 'de-14730', 'de-14523']);
    expect(report).toMatchObject({ actors: 4, given: 1, placed: 3, notPlaced: 0 });
    expect(Object.keys(bundle.batch.actors?.[0] as object).sort()).toEqual(['id', 'kind', 'name', 'regionId']);
    // The districts the actors need, their state and the BKG source join the batch (the store had none).
    expect((bundle.batch.regions ?? []).map((r) => (r as { id: string }).id).sort()).toEqual(['de-14', 'de-14523', 'de-14612', 'de-14627', 'de-14730']);
    expect((bundle.batch.sources ?? []).map((s) => (s as { id: string }).id)).toEqual(['s-bkg-vg5000']);
    expect(bundle.origins.regions).toHaveLength(5);
  });

  it('adds nothing the store already holds', () => {
    const bundle = bundleOf('actors', [{ id: 'a-1', name: 'Eins', kind: 'company', ags: '14612' }], 'actors.csv');
    const report = placeBundle(bundle, { regions: new Set(['de-14', 'de-14612']), source: true });
    expect(report.regionsAdded).toBe(0);
    expect(bundle.batch.regions).toBeUndefined();
  });

  it('XLSX: the same columns in the actors sheet', async () => {
    const text = (value: string) => ({ value, type: String });
    const data = await writeXlsxFile([
      {
        sheet: 'actors',
        data: [
          ['id', 'name', 'kind', 'ags', 'nuts'].map(text),
          [text('a-1'), text('Eins'), text('company'), { value: 1001, type: Number }, text('')],
          [text('a-2'), text('Zwei'), text('company'), text(''), text('DEA23')],
        ],
      },
    ]).toBuffer();
    const bundle = await readXlsx(data, 'net.xlsx');
    const report = placeBundle(bundle, empty);
    expect(regionsOf(bundle)).toEqual(['de-01001', 'de-05315']); // 01001 read as the number 1001; DEA23 Köln
    expect(report.byMethod.map((m) => [m.method, m.count])).toEqual([
      ['ags', 1],
      ['nuts3', 1],
    ]);
  });

  it("GraphML and GEXF: a foreign file's node attributes place its actors", () => {
    const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k1" for="node" attr.name="Kreis" attr.type="string"/>
  <key id="k2" for="node" attr.name="latitude" attr.type="double"/>
  <key id="k3" for="node" attr.name="longitude" attr.type="double"/>
  <key id="k4" for="node" attr.name="PLZ" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="n1"><data key="k1">Landkreis Görlitz</data></node>
    <node id="n2"><data key="k2">48.1374</data><data key="k3">11.5755</data></node>
    <node id="n3"><data key="k4">01069</data></node>
    <edge source="n1" target="n2"/>
  </graph>
</graphml>`;
    const bundle = readGraphml(graphml, 'net.graphml');
    const report = placeBundle(bundle, empty);
    expect(regionsOf(bundle)).toEqual(['de-14626', 'de-09162', null]);
    expect(report.byReason).toEqual([{ reason: 'postcode_only', count: 1, examples: [expect.objectContaining({ file: 'net.graphml', name: 'n3' })] }]);

    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="nuts" type="string"/><attribute id="1" title="country" type="string"/></attributes>
    <nodes>
      <node id="a" label="A"><attvalues><attvalue for="0" value="DED21"/></attvalues></node>
      <node id="b" label="B"><attvalues><attvalue for="1" value="FR"/></attvalues></node>
    </nodes>
    <edges><edge id="e" source="a" target="b"/></edges>
  </graph>
</gexf>`;
    const g = readGexf(gexf, 'net.gexf');
    const r = placeBundle(g, empty);
    expect(regionsOf(g)).toEqual(['de-14612', null]);
    expect(r).toMatchObject({ placed: 1, foreign: 1, notPlaced: 0 });
  });

  it('takeHint reads a nested hint and top-level columns alike', () => {
    const row: Record<string, unknown> = { id: 'x', location: { nuts: 'DED21' }, city: 'Dresden', lat: null };
    expect(takeHint(row)).toEqual({ nuts: 'DED21', city: 'Dresden' });
    expect(row).toEqual({ id: 'x' });
  });
});
