/**
 * A batch as GEXF 1.3 (opens in Gephi): entities as nodes, relationships and references as edges,
 * every field an attribute declared in `<attributes>` (encoding: ./xml-common.ts). The graph is
 * directed; a cooperation of kind `cooperation` is an undirected edge. Nodes are coloured by type.
 * Stories go into `<meta>` as `<nwa:stories>` (a JSON array; see xml-common.ts).
 * server/import/gexf.ts reads it back into the same batch.
 */
import type { GraphBatch } from '../domain/model.ts';
import { type AttrDecl, encodeBatch, encodeStories, escapeXml as x, NODE_COLORS, rgb, STORIES_NAMESPACE } from './xml-common.ts';

export function writeGexf(batch: GraphBatch, meta: { title?: string } = {}): string {
  const g = encodeBatch(batch);
  const stories = encodeStories(batch);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta>',
    '    <creator>Netzwerkatlas</creator>',
    ...(meta.title ? [`    <description>${x(meta.title)}</description>`] : []),
    // Stories are no part of the graph: graph-level data in our own namespace (Gephi skips it).
    ...(stories !== null ? [`    <nwa:stories xmlns:nwa="${STORIES_NAMESPACE}" count="${batch.stories.length}">${x(stories)}</nwa:stories>`] : []),
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declarations('node', g.nodeAttrs),
    ...declarations('edge', g.edgeAttrs),
    '    <nodes>',
  ];
  for (const n of g.nodes) {
    const [r, gr, b] = rgb(NODE_COLORS[n.key]);
    out.push(`      <node id="${x(n.id)}" label="${x(n.label)}">`, ...attvalues(n.values), `        <viz:color r="${r}" g="${gr}" b="${b}"/>`, '      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  g.edges.forEach((e, i) => {
    // `kind` lets Gephi keep parallel edges of different kinds (a cooperation and a membership).
    const kind = e.type === 'cooperation' ? e.label : e.type;
    out.push(
      `      <edge id="${i}" source="${x(e.source)}" target="${x(e.target)}"${e.directed ? '' : ' type="undirected"'} kind="${x(kind)}" label="${x(e.label)}">`,
      ...attvalues(e.values),
      '      </edge>',
    );
  });
  out.push('    </edges>', '  </graph>', '</gexf>');
  return `${out.join('\n')}\n`;
}

function declarations(cls: 'node' | 'edge', attrs: AttrDecl[]): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...attrs.map((a) => `      <attribute id="${x(a.name)}" title="${x(a.name)}" type="${a.type}"/>`),
    '    </attributes>',
  ];
}

function attvalues(values: [string, string][]): string[] {
  return ['        <attvalues>', ...values.map(([k, v]) => `          <attvalue for="${x(k)}" value="${x(v)}"/>`), '        </attvalues>'];
}
