/**
 * The graph encoding shared by the GEXF and GraphML exports and their readers
 * (server/import/gexf.ts, graphml.ts): how a batch becomes nodes and edges with typed attributes.
 *
 * - Every entity is a node (id = its id, label = its name, a source's title); the attribute `type`
 *   says which kind (`source`, `region`, `actor`, `project`, `event`). Sources are nodes without
 *   edges (Gephi users can filter them out by `type`); entities name theirs in `sourceIds`.
 * - Every relationship row is an edge (`participation`, `event_participation`, `cooperation`,
 *   `target`) from its first end to its second (actor → project, actor → partner, subject → region);
 *   the single-valued references are edges too (`region_parent`, `actor_region`, `event_place`,
 *   `event_project`, `project_predecessor`), from the entity to the one it names. The edge attribute
 *   `type` says which; the row's own fields keep their names (a cooperation's `kind`, a role, …).
 * - Every other field is an attribute named like the field: text as is, numbers as `double`,
 *   lists (tags, sectors, sourceIds, goals, results) as a JSON array in a string attribute (lossless
 *   whatever the entries contain). Absent values (null, empty lists) are left out.
 * - Stories are not part of the graph: they travel as graph-level data, the JSON array of the
 *   batch's stories (GraphML: `<data key="g_stories">` on the `<graph>`; GEXF: a
 *   `<nwa:stories count="N">` element in `<meta>`, in our own namespace, which Gephi skips).
 *   No stories: nothing is written.
 */
import type { BatchKey, GraphBatch } from '../domain/model.ts';

export const NODE_TYPE_OF = {
  sources: 'source',
  regions: 'region',
  actors: 'actor',
  projects: 'project',
  events: 'event',
} as const;
export type EntityKey = keyof typeof NODE_TYPE_OF;
export const ENTITY_KEYS = Object.keys(NODE_TYPE_OF) as EntityKey[];

/** The field that becomes a node's label. */
export const LABEL_FIELD: Record<EntityKey, 'name' | 'title'> = {
  sources: 'title',
  regions: 'name',
  actors: 'name',
  projects: 'name',
  events: 'name',
};

/** Relationship rows as edges: the edge type and the fields holding the two ends. */
export const RELATION_EDGES = {
  participations: { type: 'participation', source: 'actorId', target: 'projectId' },
  eventParticipations: { type: 'event_participation', source: 'actorId', target: 'eventId' },
  cooperations: { type: 'cooperation', source: 'actorId', target: 'partnerId' },
  targets: { type: 'target', source: 'subjectId', target: 'regionId' },
} as const satisfies Partial<Record<BatchKey, { type: string; source: string; target: string }>>;
export type RelationKey = keyof typeof RELATION_EDGES;
export const RELATION_KEYS = Object.keys(RELATION_EDGES) as RelationKey[];

/** Single-valued references as edges: from an entity of kind `from` to one of kind `to`. */
export const REFERENCE_EDGES = {
  region_parent: { from: 'regions', field: 'parentId', to: 'regions' },
  actor_region: { from: 'actors', field: 'regionId', to: 'regions' },
  event_place: { from: 'events', field: 'placeId', to: 'regions' },
  event_project: { from: 'events', field: 'projectId', to: 'projects' },
  project_predecessor: { from: 'projects', field: 'predecessorId', to: 'projects' },
} as const satisfies Record<string, { from: EntityKey; field: string; to: EntityKey }>;
export type ReferenceType = keyof typeof REFERENCE_EDGES;

/** The namespace of our own GEXF `<meta>` element holding the stories. */
export const STORIES_NAMESPACE = 'https://netzwerkatlas.org/ns/gexf-stories';

/** The stories as the text of the graph-level value (a JSON array); null when there are none. */
export function encodeStories(batch: GraphBatch): string | null {
  return batch.stories.length === 0 ? null : JSON.stringify(batch.stories);
}

/** The attribute naming an element's kind, on nodes and on edges. */
export const TYPE_ATTRIBUTE = 'type';

/** Node colours by type (as in the explorer's legend, client/graph/palette.ts). */
export const NODE_COLORS: Record<EntityKey, string> = {
  sources: '#b0bec5',
  regions: '#a1887f',
  actors: '#1f77b4',
  projects: '#37474f',
  events: '#f2b01e',
};

export type AttrType = 'string' | 'double' | 'boolean';
export interface AttrDecl {
  name: string;
  type: AttrType;
}

export interface EncodedNode {
  id: string;
  label: string;
  key: EntityKey;
  /** Attribute name → value as text, `type` first. */
  values: [string, string][];
}

export interface EncodedEdge {
  source: string;
  target: string;
  /** The edge type (relationship kind or reference). */
  type: string;
  /** A cooperation of kind `cooperation` is mutual; everything else has a direction. */
  directed: boolean;
  /** Short text to show on the edge: the role or kind, else the type. */
  label: string;
  values: [string, string][];
}

export interface EncodedGraph {
  nodeAttrs: AttrDecl[];
  edgeAttrs: AttrDecl[];
  nodes: EncodedNode[];
  edges: EncodedEdge[];
}

/** A field value as attribute text; null for "leave out". */
function encodeValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length === 0 ? null : JSON.stringify(v);
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function typeOfValue(v: unknown): AttrType {
  return typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string';
}

/** Collects attribute declarations in first-seen order; a name seen with two types becomes a string. */
class Declarations {
  private readonly types = new Map<string, AttrType>();
  constructor() {
    this.types.set(TYPE_ATTRIBUTE, 'string');
  }
  add(name: string, value: unknown): void {
    const t = typeOfValue(value);
    const known = this.types.get(name);
    if (known === undefined) this.types.set(name, t);
    else if (known !== t) this.types.set(name, 'string');
  }
  list(): AttrDecl[] {
    return [...this.types].map(([name, type]) => ({ name, type }));
  }
}

/** The batch as nodes and edges with attributes (see the module comment). */
export function encodeBatch(batch: GraphBatch): EncodedGraph {
  const nodeDecls = new Declarations();
  const edgeDecls = new Declarations();
  const nodeIds = new Set(ENTITY_KEYS.flatMap((k) => batch[k].map((r) => r.id)));
  const referenceOf = new Map<string, ReferenceType>(
    Object.entries(REFERENCE_EDGES).map(([type, spec]) => [`${spec.from}.${spec.field}`, type as ReferenceType]),
  );
  const nodes: EncodedNode[] = [];
  const edges: EncodedEdge[] = [];
  const referenceEdges: EncodedEdge[] = [];

  for (const key of ENTITY_KEYS) {
    for (const row of batch[key] as unknown as Record<string, unknown>[]) {
      const id = String(row.id);
      const values: [string, string][] = [[TYPE_ATTRIBUTE, NODE_TYPE_OF[key]]];
      for (const [field, value] of Object.entries(row)) {
        if (field === 'id' || field === LABEL_FIELD[key]) continue;
        const reference = referenceOf.get(`${key}.${field}`);
        // A reference to a node in this file is an edge; one to elsewhere stays an attribute (lossless either way).
        if (reference !== undefined && typeof value === 'string' && nodeIds.has(value)) {
          referenceEdges.push({ source: id, target: value, type: reference, directed: true, label: reference, values: [[TYPE_ATTRIBUTE, reference]] });
          continue;
        }
        const text = encodeValue(value);
        if (text === null) continue;
        nodeDecls.add(field, value);
        values.push([field, text]);
      }
      nodes.push({ id, label: String(row[LABEL_FIELD[key]] ?? ''), key, values });
    }
  }

  for (const key of RELATION_KEYS) {
    const spec = RELATION_EDGES[key];
    for (const row of batch[key] as unknown as Record<string, unknown>[]) {
      const values: [string, string][] = [[TYPE_ATTRIBUTE, spec.type]];
      for (const [field, value] of Object.entries(row)) {
        if (field === spec.source || field === spec.target) continue;
        const text = encodeValue(value);
        if (text === null) continue;
        edgeDecls.add(field, value);
        values.push([field, text]);
      }
      const role = typeof row.role === 'string' ? row.role : typeof row.kind === 'string' ? row.kind : spec.type;
      edges.push({
        source: String(row[spec.source]),
        target: String(row[spec.target]),
        type: spec.type,
        directed: !(key === 'cooperations' && row.kind === 'cooperation'),
        label: role,
        values,
      });
    }
  }

  return { nodeAttrs: nodeDecls.list(), edgeAttrs: edgeDecls.list(), nodes, edges: [...edges, ...referenceEdges] };
}

/** Characters XML 1.0 cannot carry at all (not even as references), lone surrogates too: replaced by U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text for an attribute value or element content: markup characters as entities, tab and line
 * breaks as character references (an attribute keeps them then; XML would turn them into spaces).
 */
export function escapeXml(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** `#rrggbb` as [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
