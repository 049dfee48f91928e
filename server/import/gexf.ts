/**
 * Reads a GEXF file (Gephi; versions 1.1–1.3): our own export back into the same batch (stories from
 * `<meta>`), any other graph as actors and cooperations (see ./xml-common.ts). Rows remember the line
 * of their element.
 */
import { ImportError, type CsvBundle } from './csv-bundle.ts';
import { asArray, attr, graphToBundle, parseXml, textOf, type XmlAttr, type XmlEdge, type XmlElement, type XmlNode } from './xml-common.ts';

interface Declared {
  name: string;
  type: string;
  default: string | null;
}

export function readGexf(text: string, file: string): CsvBundle {
  const xml = parseXml(text, file);
  if (xml.rootName !== 'gexf') throw new ImportError([{ file, line: xml.lineOf(xml.root) ?? 1, field: null, message: `not a GEXF file (the root element is <${xml.rootName}>, not <gexf>)` }]);
  const graph = asArray(xml.root.graph)[0];
  if (graph === undefined) throw new ImportError([{ file, line: xml.lineOf(xml.root), field: null, message: 'no <graph> element' }]);

  const declared: Record<'node' | 'edge', Map<string, Declared>> = { node: new Map(), edge: new Map() };
  for (const group of asArray(graph.attributes)) {
    const cls = attr(group, 'class') === 'edge' ? 'edge' : 'node';
    for (const a of asArray(group.attribute)) {
      const id = attr(a, 'id');
      if (id === null) continue;
      const d = asArray(a.default)[0];
      declared[cls].set(id, { name: attr(a, 'title') || id, type: (attr(a, 'type') ?? 'string').toLowerCase(), default: d === undefined ? null : textOf(d) });
    }
  }

  const values = (el: XmlElement, cls: 'node' | 'edge'): Map<string, XmlAttr> => {
    const out = new Map<string, XmlAttr>();
    for (const block of asArray(el.attvalues)) {
      for (const v of asArray(block.attvalue)) {
        const key = attr(v, 'for') ?? attr(v, 'id'); // GEXF 1.0 said `id`
        const value = attr(v, 'value');
        if (key === null || value === null) continue;
        const d = declared[cls].get(key);
        const name = d?.name ?? key;
        if (!out.has(name)) out.set(name, { value, type: d?.type ?? 'string' });
      }
    }
    for (const d of declared[cls].values()) if (d.default !== null && !out.has(d.name)) out.set(d.name, { value: d.default, type: d.type });
    return out;
  };

  const defaultDirected = (attr(graph, 'defaultedgetype') ?? 'undirected').toLowerCase() !== 'undirected';
  const nodes: XmlNode[] = [];
  const edges: XmlEdge[] = [];
  const issues: { line: number | null; message: string }[] = [];
  // Nodes may nest (hierarchical graphs); so may edges inside them.
  const walk = (container: XmlElement) => {
    for (const block of asArray(container.nodes)) {
      for (const n of asArray(block.node)) {
        const id = attr(n, 'id');
        if (id === null) issues.push({ line: xml.lineOf(n), message: 'node without an id' });
        else nodes.push({ id, label: attr(n, 'label'), attrs: values(n, 'node'), line: xml.lineOf(n) });
        walk(n);
      }
    }
    for (const block of asArray(container.edges)) {
      for (const e of asArray(block.edge)) {
        const source = attr(e, 'source');
        const target = attr(e, 'target');
        if (source === null || target === null) {
          issues.push({ line: xml.lineOf(e), message: 'edge without source or target' });
          continue;
        }
        const type = attr(e, 'type')?.toLowerCase();
        edges.push({
          source,
          target,
          label: attr(e, 'label'),
          kind: attr(e, 'kind'),
          directed: type === undefined ? defaultDirected : type !== 'undirected',
          attrs: values(e, 'edge'),
          line: xml.lineOf(e),
        });
      }
    }
  };
  walk(graph);
  if (issues.length > 0) throw new ImportError(issues.map((i) => ({ file, line: i.line, field: null, message: i.message })));

  const meta = asArray(xml.root.meta)[0];
  const creator = meta === undefined ? '' : textOf(asArray(meta.creator)[0]).trim();
  // Our stories: <nwa:stories> in <meta> (the namespace prefix is dropped by the parser).
  const stories = meta === undefined ? undefined : asArray(meta.stories)[0];
  return graphToBundle(
    {
      nodes,
      edges,
      line: xml.lineOf(graph),
      creator: creator === '' ? null : creator,
      date: attr(meta, 'lastmodifieddate'),
      stories: stories === undefined ? null : { text: textOf(stories), line: xml.lineOf(stories) },
    },
    file,
  );
}
