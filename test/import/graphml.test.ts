/**
 * GraphML: our export read back is the same network; foreign yEd files become actors and
 * cooperations; broken files name the line.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { emptyBatch, type GraphBatch } from '../../server/domain/model.ts';
import { writeGraphml } from '../../server/export/graphml.ts';
import { readGraphml } from '../../server/import/graphml.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { issuesOf, lineOf, storeFactory } from '../support/exchange.ts';

const freshStore = storeFactory('graphml');

let source: GraphStore;
let original: GraphBatch;
beforeAll(async () => {
  source = await freshStore();
  await loadDemo(source);
  original = await source.exportBatch();
});

describe('GraphML round trip', () => {
  // Export → import into an empty store, and into its own store: test/export/roundtrip.test.ts (every format).

  it('keeps awkward values exactly (markup, line breaks, umlauts, list separators, numbers)', async () => {
    const b = emptyBatch();
    b.sources.push({ id: 's-1', title: 'A & B <c> "d"', url: null, date: null, publisher: null });
    b.regions.push({ id: 'r-1', name: 'Görlitz', kind: 'district', code: '14626', lat: 51.152, lon: 14.987654321, parentId: null, description: 'eins\nzwei\r\n\tdrei', tags: ['x|y', '["q"]'], sourceIds: ['s-1'] });
    b.actors.push(
      { id: 'a-1', name: 'Müller & Söhne', kind: 'company', sectors: ['a; b', 'c|d'], regionId: 'r-1', website: null, description: ' < & > ', tags: [], sourceIds: [] },
      { id: 'a-2', name: '<![CDATA[ nein ]]>', kind: 'media', sectors: [], regionId: null, website: null, description: null, tags: [], sourceIds: [] },
    );
    b.projects.push({ id: 'p-1', name: 'Projekt', programme: null, start: '2020', end: null, status: 'running', goals: ['Ziel 1', 'Ziel, 2'], results: [], predecessorId: null, description: null, tags: [], sourceIds: [] });
    b.participations.push({ actorId: 'a-1', projectId: 'p-1', role: 'lead', contribution: 0.1 + 0.2, description: null, sourceIds: [] });
    b.cooperations.push({ actorId: 'a-2', partnerId: 'a-1', kind: 'cooperation', since: null, until: null, description: 'x', sourceIds: ['s-1'] });
    const target = await freshStore();
    await target.applyBatch(b);
    const stored = await target.exportBatch();
    const text = writeGraphml(stored);
    expect(text).toContain('Müller &amp; Söhne');
    const second = await freshStore();
    await second.applyBatch(readGraphml(text, 'x.graphml').batch);
    expect(await second.exportBatch()).toEqual(stored);
    expect(stored.participations[0]?.contribution).toBe(0.1 + 0.2);
  });

  it('declares every key it uses, ids unique, values of double keys are numbers', () => {
    const text = writeGraphml(original);
    type Data = { key: string; '#text'?: string };
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
    }).parse(text) as {
      graphml: {
        key: { id: string; for: string; 'attr.name'?: string; 'attr.type'?: string; 'yfiles.type'?: string }[];
        graph: { edgedefault: string; node: { id: string; data: Data[] }[]; edge: { id: string; source: string; target: string; directed?: string; data: Data[] }[] };
      };
    };
    const keys = new Map(doc.graphml.key.map((k) => [k.id, k]));
    expect(keys.size).toBe(doc.graphml.key.length);
    expect(doc.graphml.graph.edgedefault).toBe('directed');
    const check = (domain: 'node' | 'edge', data: Data[]) => {
      for (const d of data) {
        const k = keys.get(d.key);
        expect(k?.for, `key ${d.key}`).toBe(domain);
        if (k?.['attr.type'] === 'double') expect(Number.isFinite(Number(d['#text']))).toBe(true);
      }
    };
    const nodeIds = new Set<string>();
    for (const node of doc.graphml.graph.node) {
      check('node', node.data);
      nodeIds.add(node.id);
    }
    expect(nodeIds.size).toBe(doc.graphml.graph.node.length);
    for (const edge of doc.graphml.graph.edge) {
      check('edge', edge.data);
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
      const type = edge.data.find((d) => d.key === 'e_type')?.['#text'];
      // Only a mutual cooperation is undirected.
      if (edge.directed === 'false') expect(type).toBe('cooperation');
    }
  });
});

const YED = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Beschreibung" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key attr.name="url" attr.type="string" for="node" id="d3"/>
  <key attr.name="description" attr.type="string" for="node" id="d4"/>
  <key for="node" id="d5" yfiles.type="nodegraphics"/>
  <key attr.name="Typ" attr.type="string" for="node" id="d6">
    <default><![CDATA[association]]></default>
  </key>
  <key attr.name="description" attr.type="string" for="edge" id="d8"/>
  <key for="edge" id="d9" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0"/>
    <node id="n0">
      <data key="d3"><![CDATA[https://www.ihk.de/chemnitz]]></data>
      <data key="d4"><![CDATA[Kammer für <Südwestsachsen> & Umgebung]]></data>
      <data key="d5">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="120.0" x="100.0" y="50.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="17.96875" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="85.0" x="17.5" xml:space="preserve" y="6.0">IHK Chemnitz<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
      <data key="d6">Chamber</data>
    </node>
    <node id="n1" yfiles.foldertype="group">
      <data key="d5">
        <y:ProxyAutoBoundsNode>
          <y:Realizers active="0">
            <y:GroupNode>
              <y:NodeLabel modelName="internal" modelPosition="t">Hochschulverbund Sachsen</y:NodeLabel>
            </y:GroupNode>
            <y:GroupNode>
              <y:NodeLabel modelName="internal" modelPosition="t">Hochschulverbund (zu)</y:NodeLabel>
            </y:GroupNode>
          </y:Realizers>
        </y:ProxyAutoBoundsNode>
      </data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0">
          <data key="d5"><y:ShapeNode><y:NodeLabel>TU Chemnitz</y:NodeLabel></y:ShapeNode></data>
          <data key="d6">University</data>
        </node>
        <node id="n1::n1">
          <data key="d5"><y:ShapeNode><y:NodeLabel>Hochschule Mittweida</y:NodeLabel></y:ShapeNode></data>
        </node>
        <edge id="n1::e0" source="n1::n0" target="n1::n1">
          <data key="d9"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>
        </edge>
      </graph>
    </node>
    <node id="n2"/>
    <edge id="e0" source="n0" target="n1::n0">
      <data key="d8">Transferprojekt</data>
      <data key="d9"><y:PolyLineEdge><y:EdgeLabel>label</y:EdgeLabel></y:PolyLineEdge></data>
    </edge>
    <edge id="e1" source="n1::n1" target="n0"/>
    <edge id="e2" source="n0" target="n1::n0"/>
  </graph>
</graphml>
`;

describe('foreign GraphML (yEd)', () => {
  it('becomes actors (labels from the node graphics) and cooperations, with one source for the file', async () => {
    const { batch, origins } = readGraphml(YED, 'verbund.graphml');
    const actors = batch.actors as { id: string; name: string; kind: string; website?: string; description?: string; sourceIds: string[] }[];
    expect(actors.map((a) => [a.id, a.name, a.kind])).toEqual([
      ['n0', 'IHK Chemnitz', 'chamber'],
      ['n1', 'Hochschulverbund Sachsen', 'association'], // the key's default
      ['n1::n0', 'TU Chemnitz', 'university'],
      ['n1::n1', 'Hochschule Mittweida', 'association'],
      ['n2', 'n2', 'association'],
    ]);
    expect(actors[0]).toMatchObject({ website: 'https://www.ihk.de/chemnitz', description: 'Kammer für <Südwestsachsen> & Umgebung' });
    expect(batch.sources).toEqual([{ id: 'file:verbund.graphml', title: 'verbund.graphml', publisher: null, date: null }]);
    expect(batch.cooperations).toEqual([
      { actorId: 'n1::n0', partnerId: 'n1::n1', kind: 'cooperation', sourceIds: ['file:verbund.graphml'] },
      { actorId: 'n0', partnerId: 'n1::n0', kind: 'cooperation', description: 'Transferprojekt', sourceIds: ['file:verbund.graphml'] },
      { actorId: 'n1::n1', partnerId: 'n0', kind: 'cooperation', sourceIds: ['file:verbund.graphml'] },
    ]);
    expect(origins.actors.map((o) => o.line)).toEqual(['"n0"', '"n1"', '"n1::n0"', '"n1::n1"', '"n2"'].map((id) => lineOf(YED, `<node id=${id}`)));
    expect(origins.cooperations.map((o) => o.line)).toEqual([lineOf(YED, 'id="n1::e0"'), lineOf(YED, 'id="e0"'), lineOf(YED, 'id="e1"')]);
    const store = await freshStore();
    expect((await store.applyBatch(batch)).created).toMatchObject({ sources: 1, actors: 5, cooperations: 3 });
  });

  it('ids outside our id rule become valid, stable ids; edges follow them', () => {
    const text = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="Jörg Müller"><data key="label">Jörg Müller</data></node>
    <node id="jörg müller"><data key="label">jörg müller</data></node>
    <node id="ÄÖÜ"/>
    <edge source="Jörg Müller" target="jörg müller"><data key="w">2.5</data></edge>
    <edge source="jörg müller" target="Jörg Müller"/>
    <edge source="ÄÖÜ" target="Jörg Müller"/>
  </graph>
</graphml>`;
    const { batch } = readGraphml(text, 'Koautoren.graphml');
    const ids = (batch.actors as { id: string }[]).map((a) => a.id);
    expect(ids[0]).toMatch(/^jorg-muller-[0-9a-f]{8}$/);
    expect(ids[1]).toMatch(/^jorg-muller-[0-9a-f]{8}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toMatch(/^aou-[0-9a-f]{8}$/);
    expect(readGraphml(text, 'Koautoren.graphml').batch).toEqual(batch);
    expect((batch.cooperations as { actorId: string; partnerId: string }[]).map((c) => [c.actorId, c.partnerId])).toEqual([
      [ids[0], ids[1]],
      [ids[2], ids[0]],
    ]);
    expect((batch.sources as { id: string }[])[0]?.id).toMatch(/^file:koautoren.graphml-[0-9a-f]{8}$/);
  });
});

describe('broken GraphML', () => {
  it('not well-formed: the parser names the line', () => {
    const text = YED.replace('<node id="n2"/>', '<node id="n2">');
    const issues = issuesOf(() => readGraphml(text, 'bad.graphml'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe('bad.graphml');
    expect(issues[0]?.message).toMatch(/not well-formed XML/);
    expect(issues[0]?.line).toBeGreaterThanOrEqual(lineOf(text, '<node id="n2">'));
  });

  it('an edge to a missing node names the edge line', () => {
    const text = YED.replace('<edge id="e1" source="n1::n1" target="n0"/>', '<edge id="e1" source="n9" target="n0"/>');
    expect(issuesOf(() => readGraphml(text, 'bad.graphml'))).toEqual([{ file: 'bad.graphml', line: lineOf(text, 'id="e1"'), field: 'source', message: 'edge from unknown node "n9"' }]);
  });

  it('an edge of our own export with an unknown type names its line', () => {
    const text = writeGraphml(original).replace('<data key="e_type">target</data>', '<data key="e_type">targets</data>');
    const issues = issuesOf(() => readGraphml(text, 'own.graphml'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'own.graphml', line: lineOf(text, '<data key="e_type">targets</data>') - 1, field: 'type' });
    expect(issues[0]?.message).toMatch(/unknown edge type "targets"/);
  });

  it('not GraphML at all', () => {
    expect(issuesOf(() => readGraphml('<?xml version="1.0"?>\n<gexf version="1.3"></gexf>', 'x.graphml'))[0]).toMatchObject({ line: 2 });
  });
});
