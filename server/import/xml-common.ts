/**
 * What the GEXF and GraphML readers share: parsing XML with line numbers, and turning a graph of
 * nodes and edges with attributes into a batch.
 *
 * - Our own exports (every node's `type` is one of ours: source, region, actor, project, event)
 *   become exactly the batch they were written from (encoding: server/export/xml-common.ts),
 *   stories included (graph-level data holding a JSON array).
 * - Any other graph (Gephi, yEd, a co-authorship network …): every node an actor, every edge a
 *   cooperation between actors, plus one source for the file that all rows name.
 *
 * Every row remembers the line of its `<node>` / `<edge>` element, so validation errors name it.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  ENTITY_KEYS,
  type EntityKey,
  LABEL_FIELD,
  NODE_TYPE_OF,
  REFERENCE_EDGES,
  RELATION_EDGES,
  RELATION_KEYS,
  type RelationKey,
  TYPE_ATTRIBUTE,
} from '../export/xml-common.ts';
import { ACTOR_KINDS, BATCH_KEYS, type BatchKey, COOPERATION_KINDS, type GraphBatchInput, partialDateSchema } from '../domain/model.ts';
import { type CsvBundle, ImportError, type ImportIssue, type RowOrigin } from './csv-bundle.ts';
import { CSV_FILES } from './csv-format.ts';
import { LOCATION_FIELD } from './placement.ts';

/* ------------------------------------------------------------------------------------------------
 * XML with line numbers
 * --------------------------------------------------------------------------------------------- */

/** A parsed element: attributes under `@`, text under `#text`, children by (local) tag name. */
export type XmlElement = Record<string, unknown> & { '@'?: Record<string, string> };

export interface ParsedXml {
  rootName: string;
  root: XmlElement;
  /** The line of an element's start tag (null for an element parsed as bare text). */
  lineOf(el: unknown): number | null;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Parses a document; not well-formed → ImportError with the parser's line. */
export function parseXml(text: string, file: string): ParsedXml {
  // XML end-of-line handling (CR LF and CR are LF), which keeps the line count.
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const valid = XMLValidator.validate(normal);
  if (valid !== true) throw new ImportError([{ file, line: valid.err.line, field: null, message: `not well-formed XML: ${valid.err.msg}` }]);
  let doc: XmlElement;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      attributesGroupName: '@',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      processEntities: true,
      htmlEntities: true, // character references (&#10;) besides the five XML entities
      captureMetaData: true,
    }).parse(normal) as XmlElement;
  } catch (e) {
    throw new ImportError([{ file, line: null, field: null, message: `cannot read the XML: ${(e as Error).message}` }]);
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('#') && k !== '@');
  if (rootName === undefined) throw new ImportError([{ file, line: null, field: null, message: 'no root element' }]);
  const root = asArray(doc[rootName])[0] ?? {};
  const newlines: number[] = [];
  for (let i = normal.indexOf('\n'); i !== -1; i = normal.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return {
    rootName,
    root: root as XmlElement,
    lineOf: (el) => {
      const start = el !== null && typeof el === 'object' ? (el as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex : undefined;
      return start === undefined ? null : lineAt(start);
    },
  };
}

export function asArray(v: unknown): XmlElement[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((e) => (typeof e === 'object' && e !== null ? (e as XmlElement) : { '#text': String(e) }));
}

export function attr(el: XmlElement | undefined, name: string): string | null {
  const v = el?.['@']?.[name];
  return typeof v === 'string' ? v : null;
}

/** The text content of an element (children's text not included). */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return textOf((v as XmlElement)['#text'] ?? '');
  return '';
}

/* ------------------------------------------------------------------------------------------------
 * A graph read from a file
 * --------------------------------------------------------------------------------------------- */

export interface XmlAttr {
  value: string;
  /** Declared type, lower case (`string` when undeclared). */
  type: string;
}

export interface XmlNode {
  id: string;
  /** GEXF `label`, GraphML key `label`; yEd's own node label when there is none. */
  label: string | null;
  /** Attribute title (GEXF) or key name (GraphML) → value. */
  attrs: Map<string, XmlAttr>;
  line: number | null;
}

export interface XmlEdge {
  source: string;
  target: string;
  label: string | null;
  /** GEXF `kind` of the edge. */
  kind: string | null;
  directed: boolean;
  attrs: Map<string, XmlAttr>;
  line: number | null;
}

export interface XmlGraph {
  nodes: XmlNode[];
  edges: XmlEdge[];
  /** Line of the `<graph>` element (origin of the source row of a foreign file). */
  line: number | null;
  /** What the file says about itself (GEXF `<meta>`). */
  creator: string | null;
  date: string | null;
  /** Our graph-level stories value (a JSON array as text) and the line of its element; null when absent. */
  stories?: { text: string; line: number | null } | null;
}

/* ------------------------------------------------------------------------------------------------
 * Graph → batch
 * --------------------------------------------------------------------------------------------- */

const NUMERIC_TYPES = new Set(['integer', 'int', 'long', 'float', 'double', 'short', 'byte', 'bigdecimal', 'biginteger', 'number']);
/** Fields holding lists (the template's list columns). */
const LIST_FIELDS: ReadonlySet<string> = new Set(
  Object.values(CSV_FILES).flatMap((f) => f.columns.filter((c) => c.type === 'list').map((c) => c.field)),
);
const ENTITY_OF_TYPE = new Map<string, EntityKey>(ENTITY_KEYS.map((k) => [NODE_TYPE_OF[k], k]));
const RELATION_OF_TYPE = new Map<string, RelationKey>(RELATION_KEYS.map((k) => [RELATION_EDGES[k].type, k]));
const ID_RULE = /^[a-z0-9][a-z0-9._:-]{0,119}$/;

export function graphToBundle(graph: XmlGraph, file: string): CsvBundle {
  const ours = graph.nodes.every((n) => ENTITY_OF_TYPE.has(n.attrs.get(TYPE_ATTRIBUTE)?.value.trim() ?? ''));
  return ours ? ownGraph(graph, file) : foreignGraph(graph, file);
}

function emptyBundle(): { batch: Record<BatchKey, Record<string, unknown>[]>; origins: Record<BatchKey, RowOrigin[]> } {
  return {
    batch: Object.fromEntries(BATCH_KEYS.map((k) => [k, []])) as unknown as Record<BatchKey, Record<string, unknown>[]>,
    origins: Object.fromEntries(BATCH_KEYS.map((k) => [k, []])) as unknown as Record<BatchKey, RowOrigin[]>,
  };
}

/** Leaves out kinds without rows (like a folder without that template file). */
function finish(b: ReturnType<typeof emptyBundle>): CsvBundle {
  const batch: GraphBatchInput = {};
  for (const k of BATCH_KEYS) if (b.batch[k].length > 0) batch[k] = b.batch[k];
  return { batch, origins: b.origins };
}

/** A list attribute: a JSON array (our encoding), else entries separated by `|` (or `;`). */
export function parseList(value: string): string[] {
  const v = value.trim();
  if (v === '') return [];
  if (v.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
    } catch {
      // Gephi writes lists as [a, b]
      if (v.endsWith(']')) return splitList(v.slice(1, -1), /,/);
    }
  }
  return splitList(v, v.includes('|') ? /\|/ : /;/);
}

const splitList = (v: string, sep: RegExp) =>
  v
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** An attribute as a field value, by the field's kind and the declared type. */
function decodeValue(field: string, a: XmlAttr): unknown {
  if (LIST_FIELDS.has(field)) return parseList(a.value);
  const t = a.value.trim();
  if (NUMERIC_TYPES.has(a.type)) {
    if (t === '') return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : a.value; // the validator names what is wrong
  }
  if (a.type === 'boolean') return t === 'true' ? true : t === 'false' ? false : a.value;
  return a.value;
}

/** Our own export: exact reconstruction. */
function ownGraph(graph: XmlGraph, file: string): CsvBundle {
  const out = emptyBundle();
  const issues: ImportIssue[] = [];
  const issue = (line: number | null, field: string | null, message: string) => issues.push({ file, line, field, message });
  const nodes = new Map<string, { key: EntityKey; row: Record<string, unknown>; fromEdge: Set<string> }>();

  for (const n of graph.nodes) {
    const key = ENTITY_OF_TYPE.get(n.attrs.get(TYPE_ATTRIBUTE)?.value.trim() ?? '') as EntityKey;
    if (nodes.has(n.id)) {
      issue(n.line, 'id', `duplicate node id "${n.id}"`);
      continue;
    }
    const row: Record<string, unknown> = { id: n.id };
    if (n.label !== null) row[LABEL_FIELD[key]] = n.label;
    for (const [name, a] of n.attrs) if (name !== TYPE_ATTRIBUTE && name !== 'id') row[name] = decodeValue(name, a);
    nodes.set(n.id, { key, row, fromEdge: new Set() });
    out.batch[key].push(row);
    out.origins[key].push({ file, line: n.line ?? 0 });
  }

  for (const e of graph.edges) {
    const type = e.attrs.get(TYPE_ATTRIBUTE)?.value.trim() ?? '';
    const from = nodes.get(e.source);
    const to = nodes.get(e.target);
    if (!from) issue(e.line, 'source', `edge from unknown node "${e.source}"`);
    if (!to) issue(e.line, 'target', `edge to unknown node "${e.target}"`);
    const relation = RELATION_OF_TYPE.get(type);
    if (relation !== undefined) {
      const spec = RELATION_EDGES[relation];
      const row: Record<string, unknown> = { [spec.source]: e.source, [spec.target]: e.target };
      for (const [name, a] of e.attrs) if (name !== TYPE_ATTRIBUTE && name !== spec.source && name !== spec.target) row[name] = decodeValue(name, a);
      out.batch[relation].push(row);
      out.origins[relation].push({ file, line: e.line ?? 0 });
      continue;
    }
    if (Object.hasOwn(REFERENCE_EDGES, type)) {
      const spec = REFERENCE_EDGES[type as keyof typeof REFERENCE_EDGES];
      if (!from || !to) continue;
      if (from.key !== spec.from) issue(e.line, 'source', `a ${type} edge starts at a ${NODE_TYPE_OF[spec.from]}, not at a ${NODE_TYPE_OF[from.key]}`);
      else if (to.key !== spec.to) issue(e.line, 'target', `a ${type} edge ends at a ${NODE_TYPE_OF[spec.to]}, not at a ${NODE_TYPE_OF[to.key]}`);
      else if (from.fromEdge.has(spec.field)) issue(e.line, null, `"${e.source}" has more than one ${type} edge`);
      else {
        from.row[spec.field] = e.target;
        from.fromEdge.add(spec.field);
      }
      continue;
    }
    const known = [...RELATION_OF_TYPE.keys(), ...Object.keys(REFERENCE_EDGES)].join(', ');
    issue(e.line, TYPE_ATTRIBUTE, type === '' ? `edge without a type (expected one of: ${known})` : `unknown edge type "${type}" (expected one of: ${known})`);
  }

  if (graph.stories) {
    const { text, line } = graph.stories;
    let stories: unknown;
    try {
      stories = JSON.parse(text);
    } catch (e) {
      issue(line, 'stories', `not valid JSON (${(e as Error).message})`);
    }
    if (stories !== undefined && !Array.isArray(stories)) issue(line, 'stories', 'expected a JSON array of stories');
    else if (Array.isArray(stories)) {
      for (const story of stories) {
        out.batch.stories.push(story as Record<string, unknown>);
        out.origins.stories.push({ file, line: line ?? 0 });
      }
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  return finish(out);
}

/* ------------------------------------------------------------------------------------------------
 * Foreign graphs
 * --------------------------------------------------------------------------------------------- */

/** Normalises an attribute name for matching (`Web Site` → `website`). */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function findAttr(attrs: Map<string, XmlAttr>, names: readonly string[]): string[] {
  const found: string[] = [];
  for (const wanted of names) for (const [name, a] of attrs) if (norm(name) === wanted && a.value.trim() !== '') found.push(a.value.trim());
  return found;
}

const asToken = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A valid id for a foreign node: as is when it fits the id rule, else slug + short hash. */
function slugId(raw: string): string {
  const slug = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9._:-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
  const hash = createHash('sha1').update(raw).digest('hex').slice(0, 8);
  return slug === '' ? `n-${hash}` : `${slug}-${hash}`;
}

/** Maps every raw id to a unique valid one; valid ids are kept and come first. */
function idMap(raw: readonly string[], reserved: Iterable<string> = []): Map<string, string> {
  const map = new Map<string, string>();
  const used = new Set(reserved);
  for (const r of raw) if (ID_RULE.test(r) && !used.has(r)) {
    map.set(r, r);
    used.add(r);
  }
  for (const r of raw) {
    if (map.has(r)) continue;
    let id = slugId(r);
    for (let n = 2; used.has(id); n++) id = `${slugId(r)}-${n}`;
    map.set(r, id);
    used.add(id);
  }
  return map;
}

function fileSourceId(file: string): string {
  const name = basename(file);
  const id = `file:${name}`;
  return ID_RULE.test(id) ? id : `file:${slugId(name)}`;
}

/** Attributes that may say where a node is (English and German), by location hint field. */
const LOCATION_ATTRIBUTES: Record<string, readonly string[]> = {
  ags: ['ags', 'kreisschluessel', 'gemeindeschluessel', 'regionalschluessel', 'ars'],
  nuts: ['nuts', 'nuts3', 'nutscode'],
  lat: ['lat', 'latitude', 'breite'],
  lon: ['lon', 'lng', 'long', 'longitude', 'laenge'],
  postcode: ['postcode', 'postalcode', 'zip', 'plz', 'postleitzahl'],
  city: ['city', 'town', 'ort', 'stadt'],
  district: ['district', 'kreis', 'landkreis'],
  country: ['country', 'staat'],
};

/** Attributes that may name an actor's kind (English and German). */
const KIND_NAMES = ['kind', 'type', 'category', 'actorkind', 'typ', 'art', 'kategorie'] as const;

function foreignGraph(graph: XmlGraph, file: string): CsvBundle {
  const out = emptyBundle();
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number | null>();
  for (const n of graph.nodes) {
    if (seen.has(n.id)) issues.push({ file, line: n.line, field: 'id', message: `duplicate node id "${n.id}" (first on line ${seen.get(n.id) ?? '?'})` });
    else seen.set(n.id, n.line);
  }
  if (issues.length > 0) throw new ImportError(issues);

  const sourceId = fileSourceId(file);
  const ids = idMap([...seen.keys()], [sourceId]);
  out.batch.sources.push({
    id: sourceId,
    title: basename(file),
    publisher: graph.creator,
    date: graph.date !== null && partialDateSchema.safeParse(graph.date).success ? graph.date : null,
  });
  out.origins.sources.push({ file, line: graph.line ?? 1 });

  const actorKinds: ReadonlySet<string> = new Set(ACTOR_KINDS);
  for (const n of graph.nodes) {
    const name = n.label?.trim() || findAttr(n.attrs, ['label', 'name', 'title'])[0] || n.id;
    const kind = findAttr(n.attrs, KIND_NAMES).map(asToken).find((k) => actorKinds.has(k)) ?? 'other';
    const row: Record<string, unknown> = { id: ids.get(n.id), name, kind, sourceIds: [sourceId] };
    const sectors = findAttr(n.attrs, ['sectors', 'sector'])[0];
    if (sectors !== undefined) row.sectors = parseList(sectors);
    const tags = findAttr(n.attrs, ['tags', 'tag', 'keywords'])[0];
    if (tags !== undefined) row.tags = parseList(tags);
    const website = findAttr(n.attrs, ['website', 'url', 'homepage', 'web']).find((u) => /^https?:\/\/\S+$/i.test(u));
    if (website !== undefined) row.website = website;
    const description = findAttr(n.attrs, ['description', 'desc', 'note', 'notes', 'comment'])[0];
    if (description !== undefined) row.description = description;
    // Where the node is, if its attributes say: the import places it from this (server/import/placement.ts).
    const location = Object.fromEntries(
      Object.entries(LOCATION_ATTRIBUTES)
        .map(([field, names]) => [field, findAttr(n.attrs, names)[0]] as const)
        .filter(([, v]) => v !== undefined),
    );
    if (Object.keys(location).length > 0) row[LOCATION_FIELD] = location;
    out.batch.actors.push(row);
    out.origins.actors.push({ file, line: n.line ?? 0 });
  }

  const cooperationKinds: ReadonlySet<string> = new Set(COOPERATION_KINDS);
  const keys = new Set<string>();
  for (const e of graph.edges) {
    const actorId = ids.get(e.source);
    const partnerId = ids.get(e.target);
    if (actorId === undefined) issues.push({ file, line: e.line, field: 'source', message: `edge from unknown node "${e.source}"` });
    if (partnerId === undefined) issues.push({ file, line: e.line, field: 'target', message: `edge to unknown node "${e.target}"` });
    if (actorId === undefined || partnerId === undefined || actorId === partnerId) continue; // a loop is no cooperation
    const kind = [...findAttr(e.attrs, ['kind', 'type']), ...(e.kind ? [e.kind] : [])].map(asToken).find((k) => cooperationKinds.has(k)) ?? 'cooperation';
    // One row per pair and kind: parallel edges merge, and so do both directions of an undirected tie.
    const pair = e.directed ? `${actorId}|${partnerId}` : [actorId, partnerId].sort().join('|');
    if (keys.has(`${pair}|${kind}`) || keys.has(`${actorId}|${partnerId}|${kind}`)) continue;
    keys.add(`${pair}|${kind}`);
    keys.add(`${actorId}|${partnerId}|${kind}`);
    const row: Record<string, unknown> = { actorId, partnerId, kind, sourceIds: [sourceId] };
    const description = findAttr(e.attrs, ['description', 'desc', 'note', 'notes', 'comment'])[0] ?? (e.label?.trim() || undefined);
    if (description !== undefined) row.description = description;
    const since = findAttr(e.attrs, ['since', 'start', 'from']).find((d) => partialDateSchema.safeParse(d).success);
    if (since !== undefined) row.since = since;
    const until = findAttr(e.attrs, ['until', 'end', 'to']).find((d) => partialDateSchema.safeParse(d).success);
    if (until !== undefined) row.until = until;
    out.batch.cooperations.push(row);
    out.origins.cooperations.push({ file, line: e.line ?? 0 });
  }
  if (issues.length > 0) throw new ImportError(issues);
  return finish(out);
}
