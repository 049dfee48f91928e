/**
 * A batch as GraphML: entities as nodes, relationships and references as edges, every field a
 * `<data>` value of a declared `<key>` (encoding: ./xml-common.ts; the node label is the key
 * `label`, which Gephi reads as the label). For yEd, nodes also carry yFiles graphics (label,
 * colour by type, a grid to start from) and undirected cooperations have no arrow; other readers
 * skip that. Stories are graph-level data (`<data key="g_stories">`, a JSON array; see xml-common.ts).
 * server/import/graphml.ts reads it back into the same batch.
 */
import type { GraphBatch } from '../domain/model.ts';
import { type AttrDecl, encodeBatch, encodeStories, escapeXml as x, NODE_COLORS } from './xml-common.ts';

const NODE_GRAPHICS = 'ng';
const EDGE_GRAPHICS = 'eg';
const LABEL_KEY = 'n_label';
/** The graph-level key of the stories (a JSON array; see xml-common.ts). */
export const STORIES_KEY = 'g_stories';
const GRID = 80;

export function writeGraphml(batch: GraphBatch, meta: { title?: string } = {}): string {
  const g = encodeBatch(batch);
  const stories = encodeStories(batch);
  const nodeKey = keyIds('n', g.nodeAttrs);
  const edgeKey = keyIds('e', g.edgeAttrs);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    ...(meta.title ? ['  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>'] : []),
    ...(stories !== null ? [`  <key id="${STORIES_KEY}" for="graph" attr.name="stories" attr.type="string"/>`] : []),
    `  <key id="${LABEL_KEY}" for="node" attr.name="label" attr.type="string"/>`,
    ...g.nodeAttrs.map((a) => key(nodeKey.get(a.name) as string, 'node', a)),
    ...g.edgeAttrs.map((a) => key(edgeKey.get(a.name) as string, 'edge', a)),
    `  <key id="${NODE_GRAPHICS}" for="node" yfiles.type="nodegraphics"/>`,
    `  <key id="${EDGE_GRAPHICS}" for="edge" yfiles.type="edgegraphics"/>`,
    '  <graph id="G" edgedefault="directed">',
    ...(meta.title ? [`    <data key="g_title">${x(meta.title)}</data>`] : []),
    ...(stories !== null ? [`    <data key="${STORIES_KEY}">${x(stories)}</data>`] : []),
  ];
  const columns = Math.max(1, Math.ceil(Math.sqrt(g.nodes.length)));
  g.nodes.forEach((n, i) => {
    out.push(
      `    <node id="${x(n.id)}">`,
      `      <data key="${LABEL_KEY}">${x(n.label)}</data>`,
      ...n.values.map(([k, v]) => `      <data key="${nodeKey.get(k)}">${x(v)}</data>`),
      `      <data key="${NODE_GRAPHICS}"><y:ShapeNode><y:Geometry x="${(i % columns) * GRID}" y="${Math.floor(i / columns) * GRID}" width="30" height="30"/>` +
        `<y:Fill color="${NODE_COLORS[n.key].toUpperCase()}" transparent="false"/><y:BorderStyle color="#000000" type="line" width="1.0"/>` +
        `<y:NodeLabel modelName="sandwich" modelPosition="s">${x(n.label)}</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data>`,
      '    </node>',
    );
  });
  g.edges.forEach((e, i) => {
    out.push(
      `    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}"${e.directed ? '' : ' directed="false"'}>`,
      ...e.values.map(([k, v]) => `      <data key="${edgeKey.get(k)}">${x(v)}</data>`),
      `      <data key="${EDGE_GRAPHICS}"><y:PolyLineEdge><y:Arrows source="none" target="${e.directed ? 'standard' : 'none'}"/></y:PolyLineEdge></data>`,
      '    </edge>',
    );
  });
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

/** Key ids: `n_<field>` / `e_<field>` (fields are identifiers; anything else is replaced, kept unique). */
function keyIds(prefix: string, attrs: AttrDecl[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set([LABEL_KEY, NODE_GRAPHICS, EDGE_GRAPHICS, 'g_title', STORIES_KEY]);
  for (const a of attrs) {
    const base = `${prefix}_${a.name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(a.name, id);
  }
  return ids;
}

function key(id: string, domain: 'node' | 'edge', a: AttrDecl): string {
  return `  <key id="${x(id)}" for="${domain}" attr.name="${x(a.name)}" attr.type="${a.type}"/>`;
}
