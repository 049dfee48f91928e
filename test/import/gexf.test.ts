/**
 * GEXF: our export read back is the same network (demo, and a batch of awkward values); foreign
 * Gephi files become actors and cooperations; broken files name the line.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../server/demo/load-demo.ts';
import type { GraphBatch } from '../../server/domain/model.ts';
import { writeGexf } from '../../server/export/gexf.ts';
import { toImportError } from '../../server/import/csv-bundle.ts';
import { readGexf } from '../../server/import/gexf.ts';
import { BatchValidationError } from '../../server/store/batch.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { awkwardBatch, issuesOf, lineOf, storeFactory } from '../support/exchange.ts';

const freshStore = storeFactory('gexf');

let source: GraphStore;
let original: GraphBatch;
beforeAll(async () => {
  source = await freshStore();
  await loadDemo(source);
  original = await source.exportBatch();
});

describe('GEXF round trip', () => {
  // Export → import into an empty store, and into its own store: test/export/roundtrip.test.ts (every format).

  it('keeps awkward values exactly (markup, line breaks, umlauts, list separators, numbers, references out of the file)', () => {
    const b = awkwardBatch();
    const text = writeGexf(b);
    expect(text).toContain('Müller &amp; Söhne &lt;GmbH&gt;'); // UTF-8 stays, markup is escaped
    const { batch } = readGexf(text, 'awkward.gexf');
    // The rows read are the rows written, up to what validation fills in (null, []).
    const strip = (rows: readonly unknown[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))));
    for (const key of Object.keys(b) as (keyof GraphBatch)[]) expect(strip(batch[key] ?? []), key).toEqual(strip(b[key]));
  });

  it('imports awkward values into an empty store unchanged', async () => {
    const b = awkwardBatch();
    b.actors[1]!.regionId = null; // the store checks references
    const target = await freshStore();
    await target.applyBatch(b);
    const stored = await target.exportBatch();
    const second = await freshStore();
    await second.applyBatch(readGexf(writeGexf(stored), 'x.gexf').batch);
    expect(await second.exportBatch()).toEqual(stored);
  });

  it('declares every attribute it uses (Gephi rejects undeclared ones), with consistent types', () => {
    const text = writeGexf(original);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['attributes', 'attribute', 'node', 'edge', 'attvalue'].includes(name) }).parse(text) as {
      gexf: { version: string; graph: Record<string, unknown> & { attributes: { class: string; attribute: { id: string; title: string; type: string }[] }[] } };
    };
    const graph = doc.gexf.graph as {
      defaultedgetype: string;
      attributes: { class: string; attribute: { id: string; title: string; type: string }[] }[];
      nodes: { node: { id: string; label: string; attvalues: { attvalue: { for: string; value: string }[] } }[] };
      edges: { edge: { id: string; source: string; target: string; attvalues: { attvalue: { for: string; value: string }[] } }[] };
    };
    expect(doc.gexf.version).toBe('1.3');
    expect(graph.defaultedgetype).toBe('directed');
    const declared = (cls: string) => new Map(graph.attributes.filter((a) => a.class === cls).flatMap((a) => a.attribute.map((x) => [x.id, x.type] as const)));
    const nodeAttrs = declared('node');
    const edgeAttrs = declared('edge');
    expect(nodeAttrs.get('type')).toBe('string');
    expect(nodeAttrs.get('lat')).toBe('double');
    expect(edgeAttrs.get('type')).toBe('string');
    for (const t of [...nodeAttrs.values(), ...edgeAttrs.values()]) expect(['string', 'double', 'boolean']).toContain(t);
    const used = { node: new Set<string>(), edge: new Set<string>() };
    for (const node of graph.nodes.node)
      for (const v of node.attvalues.attvalue) {
        expect(nodeAttrs.has(v.for), `node attribute ${v.for}`).toBe(true);
        if (nodeAttrs.get(v.for) === 'double') expect(Number.isFinite(Number(v.value))).toBe(true);
        used.node.add(v.for);
      }
    const nodeIds = new Set(graph.nodes.node.map((x) => x.id));
    expect(nodeIds.size).toBe(graph.nodes.node.length);
    const edgeIds = new Set<string>();
    for (const edge of graph.edges.edge) {
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
      edgeIds.add(edge.id);
      for (const v of edge.attvalues.attvalue) {
        expect(edgeAttrs.has(v.for), `edge attribute ${v.for}`).toBe(true);
        used.edge.add(v.for);
      }
    }
    expect(edgeIds.size).toBe(graph.edges.edge.length);
    // Nothing declared in vain either.
    expect([...nodeAttrs.keys()].sort()).toEqual([...used.node].sort());
    expect([...edgeAttrs.keys()].sort()).toEqual([...used.edge].sort());
    // Every entity a node, every relationship and reference an edge.
    const s = original;
    expect(graph.nodes.node.length).toBe(s.sources.length + s.regions.length + s.actors.length + s.projects.length + s.events.length);
    const references =
      s.regions.filter((r) => r.parentId).length +
      s.actors.filter((a) => a.regionId).length +
      s.events.filter((e) => e.placeId).length +
      s.events.filter((e) => e.projectId).length +
      s.projects.filter((p) => p.predecessorId).length;
    expect(graph.edges.edge.length).toBe(s.participations.length + s.eventParticipations.length + s.cooperations.length + s.targets.length + references);
  });
});

const GEPHI = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.2draft" xmlns:viz="http://gexf.net/1.2draft/viz" version="1.2">
  <meta lastmodifieddate="2024-05-17">
    <creator>Gephi 0.10.1</creator>
    <description>Ko-Autorenschaft</description>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="0" title="Category" type="string"/>
      <attribute id="1" title="sector" type="string"/>
      <attribute id="2" title="Website" type="string"/>
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="0" title="Note" type="string"/>
    </attributes>
    <nodes>
      <node id="Node 1" label="Müller &amp; Söhne">
        <attvalues>
          <attvalue for="0" value="Company"/>
          <attvalue for="1" value="chemie|beratung"/>
          <attvalue for="2" value="https://mueller.example"/>
          <attvalue for="modularity_class" value="0"/>
        </attvalues>
        <viz:size value="10.0"/>
        <viz:position x="12.5" y="-3.0" z="0.0"/>
        <viz:color r="31" g="119" b="180"/>
      </node>
      <node id="Node 2" label="Universität Leipzig">
        <attvalues>
          <attvalue for="0" value="university"/>
          <attvalue for="2" value="not a url"/>
        </attvalues>
      </node>
      <node id="n3" label="Dr. Jörg Öztürk">
        <attvalues><attvalue for="0" value="Person"/></attvalues>
      </node>
      <node id="NODE 1"/>
    </nodes>
    <edges>
      <edge id="0" source="Node 1" target="Node 2" weight="3.0">
        <attvalues><attvalue for="0" value="gemeinsame Publikation"/></attvalues>
      </edge>
      <edge id="1" source="Node 2" target="Node 1" weight="1.0"/>
      <edge id="2" source="Node 2" target="n3" label="Betreuung"/>
      <edge id="3" source="n3" target="n3"/>
      <edge id="4" source="NODE 1" target="n3" type="directed" kind="member_of"/>
    </edges>
  </graph>
</gexf>
`;

describe('foreign GEXF (Gephi)', () => {
  it('becomes actors and cooperations with valid, stable ids and one source for the file', async () => {
    const { batch, origins } = readGexf(GEPHI, 'Ko-Autoren Netz.gexf');
    const actors = batch.actors as { id: string; name: string; kind: string; sectors?: string[]; website?: string; sourceIds: string[] }[];
    expect(actors.map((a) => a.name)).toEqual(['Müller & Söhne', 'Universität Leipzig', 'Dr. Jörg Öztürk', 'NODE 1']);
    expect(actors.map((a) => a.kind)).toEqual(['company', 'university', 'other', 'other']);
    expect(actors[0]?.sectors).toEqual(['chemie', 'beratung']);
    expect(actors[0]?.website).toBe('https://mueller.example');
    expect(actors[1]?.website).toBeUndefined();
    const ids = actors.map((a) => a.id);
    expect(ids[2]).toBe('n3'); // valid ids stay
    expect(ids[0]).toMatch(/^node-1-[0-9a-f]{8}$/);
    expect(new Set(ids).size).toBe(4); // "Node 1" and "NODE 1" do not collide
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._:-]{0,119}$/);
    expect(readGexf(GEPHI, 'Ko-Autoren Netz.gexf').batch.actors).toEqual(batch.actors); // deterministic

    const sources = batch.sources as { id: string; title: string; publisher: string; date: string }[];
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ title: 'Ko-Autoren Netz.gexf', publisher: 'Gephi 0.10.1', date: '2024-05-17' });
    for (const a of actors) expect(a.sourceIds).toEqual([sources[0]?.id]);

    // Both directions of an undirected edge are one cooperation; a loop is none.
    const coops = batch.cooperations as { actorId: string; partnerId: string; kind: string; description?: string }[];
    expect(coops).toEqual([
      { actorId: ids[0], partnerId: ids[1], kind: 'cooperation', description: 'gemeinsame Publikation', sourceIds: [sources[0]?.id] },
      { actorId: ids[1], partnerId: 'n3', kind: 'cooperation', description: 'Betreuung', sourceIds: [sources[0]?.id] },
      { actorId: ids[3], partnerId: 'n3', kind: 'member_of', sourceIds: [sources[0]?.id] },
    ]);
    expect(origins.actors.map((o) => o.line)).toEqual([lineOf(GEPHI, '"Node 1" label'), lineOf(GEPHI, '"Node 2" label'), lineOf(GEPHI, '"n3"'), lineOf(GEPHI, '"NODE 1"/>')]);
    expect(origins.cooperations[1]).toEqual({ file: 'Ko-Autoren Netz.gexf', line: lineOf(GEPHI, 'label="Betreuung"') });

    const store = await freshStore();
    const result = await store.applyBatch(batch);
    expect(result.created).toMatchObject({ sources: 1, actors: 4, cooperations: 3 });
  });
});

describe('broken GEXF', () => {
  it('not well-formed: the parser names the line', () => {
    const text = GEPHI.replace('<node id="n3" label="Dr. Jörg Öztürk">', '<node id="n3" label="Dr. Jörg Öztürk>');
    const issues = issuesOf(() => readGexf(text, 'bad.gexf'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe('bad.gexf');
    expect(issues[0]?.line).toBe(lineOf(text, 'Dr. Jörg'));
    expect(issues[0]?.message).toMatch(/not well-formed XML/);
  });

  it('an edge to a missing node names the edge line', () => {
    const text = GEPHI.replace('source="Node 2" target="n3"', 'source="Node 2" target="ghost"');
    expect(issuesOf(() => readGexf(text, 'bad.gexf'))).toEqual([{ file: 'bad.gexf', line: lineOf(text, 'target="ghost"'), field: 'target', message: 'edge to unknown node "ghost"' }]);
  });

  it('an edge to a missing node in our own export, too', () => {
    const text = writeGexf(awkwardBatch()).replace('target="p-2"', 'target="p-9"');
    const issues = issuesOf(() => readGexf(text, 'own.gexf'));
    expect(issues).toEqual([{ file: 'own.gexf', line: lineOf(text, 'target="p-9"'), field: 'target', message: 'edge to unknown node "p-9"' }]);
  });

  it('not GEXF at all', () => {
    expect(issuesOf(() => readGexf('<graphml/>', 'x.gexf'))[0]?.message).toMatch(/not a GEXF file/);
    expect(issuesOf(() => readGexf('', 'x.gexf'))[0]?.file).toBe('x.gexf');
  });

  it('a validation problem in our own export names the line of the node', async () => {
    const text = writeGexf(awkwardBatch()).replace('<attvalue for="kind" value="association"/>', '<attvalue for="kind" value="spaceship"/>');
    const { batch, origins } = readGexf(text, 'own.gexf');
    const store = await freshStore();
    const error = await store.applyBatch({ ...batch, actors: (batch.actors ?? []).map((a) => ({ ...(a as object), regionId: null })) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BatchValidationError);
    const issues = toImportError(error as BatchValidationError, origins).issues;
    expect(issues[0]).toMatchObject({ file: 'own.gexf', line: lineOf(text, '<node id="a-2"'), field: 'kind' });
    // The rest are references to that actor, each naming its own edge.
    for (const i of issues.slice(1)) expect(i.message).toMatch(/"a-2": its own row in this import is invalid/);
    expect(issues.slice(1).map((i) => i.line)).toContain(lineOf(text, 'source="a-2" target="e-1"'));
  });
});
