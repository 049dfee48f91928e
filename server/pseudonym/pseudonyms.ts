/**
 * Pseudonymised share links, enforced by the server: for a token created `pseudonymous` every answer
 * names actors by kind and number ("Unternehmen 3") — the page's own numbering (shared/pseudonyms.ts:
 * per kind, in id order over ALL actors, so a label does not depend on filters and stays the same
 * within the link) — and leaves out free text that could give names away (descriptions, websites,
 * tags, sources, speaker notes).
 *
 * Three layers, each a plain function over results (so a result cache can sit before them, keyed with
 * "pseudonymous yes/no"):
 * - `pseudonymousStore` (pseudonymous-store.ts): the GraphStore the GraphQL context and the export
 *   handler get for such a session; search finds pseudonyms and never real names;
 * - `pseudonymousAnalysis`: the analysis service's results (labels, sentences) mapped the same way;
 * - `pseudonymPlugin` (plugin.ts): the last step of every GraphQL answer for such a session replaces any
 *   actor name still left in any string, so a future resolver that forgets the store cannot leak one.
 */
import { PSEUDONYM_KINDS_DE, pseudonymLabel, pseudonymNumbers, textReplacer } from '../../shared/pseudonyms.ts';
import type { NodeType } from '../domain/model.ts';
import { MAX_NETWORK_LIMIT } from '../network/network.model.ts';
import type { GraphStore, SearchHit } from '../store/graph-store.ts';
import { foldGerman, foldPlain, rankSearch, type SearchCandidate } from '../search/fold.ts';

export const kindLabel = (kind: string): string => PSEUDONYM_KINDS_DE[kind] ?? PSEUDONYM_KINDS_DE.other ?? kind;

/** Our ids (lower case, no spaces): never a name, left as they are by the text replacement. */
const ID_LIKE = /^[a-z0-9][a-z0-9._:-]*$/;

/** The pseudonyms of one store revision. */
export class Pseudonyms {
  private readonly labels = new Map<string, string>();
  private readonly replace: (s: string) => string;
  private readonly candidates: SearchCandidate[] = [];

  constructor(actors: readonly { id: string; kind: string | null; label: string }[]) {
    const numbers = pseudonymNumbers(actors);
    const names = new Map<string, string>();
    for (const a of actors) {
      const p = numbers.get(a.id);
      if (!p) continue;
      const label = pseudonymLabel(p, kindLabel);
      this.labels.set(a.id, label);
      if (a.label.trim() !== '') names.set(a.label, label);
      this.candidates.push({ id: a.id, type: 'ACTOR', kind: a.kind, label, searchKey: foldGerman(label), searchKeyAlt: foldPlain(label) });
    }
    this.replace = textReplacer(names);
  }

  /** The numbering of all actors of the store at its current revision (cached per store and revision). */
  static async of(store: GraphStore): Promise<Pseudonyms> {
    const revision = store.revision();
    const hit = cache.get(store);
    if (hit && hit.revision === revision) return hit.value;
    const value = store
      .network({ nodeTypes: ['ACTOR'], includeDirect: false, includeDerived: false, limit: MAX_NETWORK_LIMIT })
      .then((net) => new Pseudonyms(net.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label }))));
    cache.set(store, { revision, value });
    value.catch(() => cache.delete(store));
    return value;
  }

  isActor(id: string): boolean {
    return this.labels.has(id);
  }

  /** The pseudonym of an actor; an actor added after the numbering was made is "Akteur ?", never its name. */
  label(id: string): string {
    return this.labels.get(id) ?? `${kindLabel('other')} ?`;
  }

  /** A node's label as such a session sees it: actors by pseudonym, other nodes with actor names replaced. */
  nodeLabel(id: string, type: NodeType, label: string): string {
    return type === 'ACTOR' ? this.label(id) : this.text(label);
  }

  /** Free text with every actor name in it replaced by the actor's pseudonym (whole names, case-sensitive). */
  text(s: string): string {
    return s === '' || ID_LIKE.test(s) ? s : this.replace(s);
  }

  /** Actors whose pseudonym matches the query, ranked like the store's search ("unternehmen 3" first, then "Unternehmen 30" …). */
  searchActors(text: string, limit: number): SearchHit[] {
    return rankSearch(this.candidates, text, limit).map(({ id, type, kind, label }) => ({ id, type, kind, label }));
  }

  /** Candidates for ranking together with other hits (pseudonyms of matching actors). */
  actorCandidates(): readonly SearchCandidate[] {
    return this.candidates;
  }
}

const cache = new WeakMap<GraphStore, { revision: number; value: Promise<Pseudonyms> }>();

const FREE_TEXT = new Set(['description', 'website', 'notes', 'url', 'publisher']);
const FREE_LISTS = new Set(['goals', 'results', 'tags', 'sourceIds', 'sources']);

/**
 * A value (rows of the store, results of the analysis, GraphQL data) as a pseudonymised session sees
 * it: an object with an actor `id` gets its pseudonym as `name` / `label`, `aLabel` / `bName` … when
 * `a` / `b` hold an actor id; every other string has actor names replaced; with `strip`, free text is
 * left out (null, or [] for lists: descriptions, websites, notes, tags, goals, results, sources).
 */
export function scrub<T>(value: T, p: Pseudonyms, strip: boolean): T {
  return walk(value, p, strip) as T;
}

function walk(v: unknown, p: Pseudonyms, strip: boolean): unknown {
  if (typeof v === 'string') return p.text(v);
  if (Array.isArray(v)) return v.map((x) => walk(x, p, strip));
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  const actorId = typeof o.id === 'string' && p.isActor(o.id) ? o.id : null;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (strip && FREE_TEXT.has(k) && (typeof x === 'string' || x === null)) out[k] = null;
    else if (strip && FREE_LISTS.has(k) && Array.isArray(x)) out[k] = [];
    else if ((k === 'name' || k === 'label') && actorId !== null && typeof x === 'string') out[k] = p.label(actorId);
    else if (typeof x === 'string' && /^[a-z]+(Label|Name)$/.test(k) && p.isActor(String(o[k.replace(/(Label|Name)$/, '')] ?? ''))) out[k] = p.label(String(o[k.replace(/(Label|Name)$/, '')]));
    else out[k] = walk(x, p, strip);
  }
  return out;
}
