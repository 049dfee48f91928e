/**
 * Reads a GraphML file (yEd, Gephi, networkx …): our own export back into the same batch, any
 * other graph as actors and cooperations (see ./xml-common.ts). Data values are named by their
 * key's `attr.name`; yEd's node graphics give the label when no `label`/`name` value does. Nested
 * graphs (yEd groups) are flattened. Our stories come from the graph's `stories` data. Rows remember
 * the line of their element.
 */
import { ImportError, type CsvBundle } from './csv-bundle.ts';
import { asArray, attr, graphToBundle, parseXml, textOf, type XmlAttr, type XmlEdge, type XmlElement, type XmlNode } from './xml-common.ts';

interface Key {
  name: string;
  type: string;
  domain: string;
  default: string | null;
  /** yEd's graphics (`nodegraphics`, `edgegraphics`, …): not a value. */
  yfiles: string | null;
}

/** The text of the first `NodeLabel` inside yEd node graphics. */
function yedLabel(el: unknown): string | null {
  if (el === null || typeof el !== 'object') return null;
  for (const [k, v] of Object.entries(el as XmlElement)) {
    if (k === '@' || k === '#text') continue;
    for (const child of asArray(v)) {
      if (k === 'NodeLabel') {
        const t = textOf(child).trim();
        if (t !== '') return t;
      }
      const inner = yedLabel(child);
      if (inner !== null) return inner;
    }
  }
  return null;
}

export function readGraphml(text: string, file: string): CsvBundle {
  const xml = parseXml(text, file);
  if (xml.rootName !== 'graphml')
    throw new ImportError([{ file, line: xml.lineOf(xml.root) ?? 1, field: null, message: `not a GraphML file (the root element is <${xml.rootName}>, not <graphml>)` }]);
  const graph = asArray(xml.root.graph)[0];
  if (graph === undefined) throw new ImportError([{ file, line: xml.lineOf(xml.root), field: null, message: 'no <graph> element' }]);

  const keys = new Map<string, Key>();
  for (const k of asArray(xml.root.key)) {
    const id = attr(k, 'id');
    if (id === null) continue;
    const d = asArray(k.default)[0];
    keys.set(id, {
      name: attr(k, 'attr.name') || id,
      type: (attr(k, 'attr.type') ?? 'string').toLowerCase(),
      domain: attr(k, 'for') ?? 'all',
      default: d === undefined ? null : textOf(d),
      yfiles: attr(k, 'yfiles.type'),
    });
  }

  const values = (el: XmlElement, domain: 'node' | 'edge'): { attrs: Map<string, XmlAttr>; yedLabel: string | null } => {
    const attrs = new Map<string, XmlAttr>();
    let label: string | null = null;
    for (const d of asArray(el.data)) {
      const id = attr(d, 'key');
      if (id === null) continue;
      const k = keys.get(id);
      if (k?.yfiles) {
        if (k.yfiles === 'nodegraphics') label ??= yedLabel(d);
        continue;
      }
      const name = k?.name ?? id;
      if (!attrs.has(name)) attrs.set(name, { value: textOf(d), type: k?.type ?? 'string' });
    }
    for (const k of keys.values())
      if (k.default !== null && !k.yfiles && (k.domain === domain || k.domain === 'all') && !attrs.has(k.name)) attrs.set(k.name, { value: k.default, type: k.type });
    return { attrs, yedLabel: label };
  };

  const nodes: XmlNode[] = [];
  const edges: XmlEdge[] = [];
  const issues: { line: number | null; message: string }[] = [];
  const walk = (g: XmlElement) => {
    const directedByDefault = (attr(g, 'edgedefault') ?? 'directed').toLowerCase() !== 'undirected';
    for (const n of asArray(g.node)) {
      const id = attr(n, 'id');
      if (id === null) issues.push({ line: xml.lineOf(n), message: 'node without an id' });
      else {
        const { attrs, yedLabel: shown } = values(n, 'node');
        const label = attrs.get('label');
        attrs.delete('label');
        nodes.push({ id, label: label?.value ?? shown, attrs, line: xml.lineOf(n) });
      }
      for (const sub of asArray(n.graph)) walk(sub);
    }
    for (const e of asArray(g.edge)) {
      const source = attr(e, 'source');
      const target = attr(e, 'target');
      if (source === null || target === null) {
        issues.push({ line: xml.lineOf(e), message: 'edge without source or target' });
        continue;
      }
      const directed = attr(e, 'directed');
      const { attrs } = values(e, 'edge');
      const label = attrs.get('label');
      attrs.delete('label');
      edges.push({
        source,
        target,
        label: label?.value ?? null,
        kind: null,
        directed: directed === null ? directedByDefault : directed.toLowerCase() !== 'false',
        attrs,
        line: xml.lineOf(e),
      });
    }
  };
  walk(graph);
  if (issues.length > 0) throw new ImportError(issues.map((i) => ({ file, line: i.line, field: null, message: i.message })));
  // Our stories: graph-level data of the key named `stories`.
  const storiesKeys = new Set([...keys].filter(([, k]) => k.name === 'stories' && k.domain === 'graph').map(([id]) => id));
  const stories = asArray(graph.data).find((d) => storiesKeys.has(attr(d, 'key') ?? ''));
  return graphToBundle(
    { nodes, edges, line: xml.lineOf(graph), creator: null, date: null, stories: stories === undefined ? null : { text: textOf(stories), line: xml.lineOf(stories) } },
    file,
  );
}
