/**
 * Pseudonymised share links, enforced by the server: for a token created `pseudonymous` every answer
 * names actors by kind and number ("Unternehmen 3") — the page's own numbering (shared/pseudonyms.ts:
 * per kind, in id order over ALL actors, so a label does not depend on filters and stays the same
 * within the link: when the data changes while it is in use, its actors keep their numbers and new
 * ones are numbered on, see extendPseudonymNumbers) — and leaves out free text that could give names
 * away (descriptions, websites, tags, sources, speaker notes). Actor ids are built from names ("a-stadt-delitzsch"), so such a
 * session knows actors by pseudonymous ids ("pseudo-municipality-1") instead, in answers and arguments;
 * a real actor id it sends finds nothing.
 *
 * Three layers, each a plain function over results (so a result cache can sit before them, keyed with
 * "pseudonymous yes/no"):
 * - `pseudonymousStore` (pseudonymous-store.ts): the GraphStore the GraphQL context and the export
 *   handler get for such a session; search finds pseudonyms and never real names;
 * - `pseudonymousAnalysis`: the analysis service's results (labels, sentences) mapped the same way;
 * - `pseudonymPlugin` (plugin.ts): the last step of every GraphQL answer for such a session replaces any
 *   actor name or id still left in any string, so a future resolver that forgets the store cannot leak one.
 * Cost (14,470 actors, shared 2-core machine): the numbering 200–400 ms once per link and data revision;
 * a 5,000-node view about 70 ms per pass when warm (two passes: the store and the answer).
 */
import { extendPseudonymNumbers, ID_CHAR, PSEUDONYM_KINDS_DE, pseudonymId, pseudonymLabel, textReplacer, type Pseudonym } from '../../shared/pseudonyms.ts';
import { MAX_NETWORK_LIMIT } from '../network/network.model.ts';
import type { GraphStore, SearchHit } from '../store/graph-store.ts';
import { foldGerman, foldPlain, rankSearch, type SearchCandidate } from '../search/fold.ts';

export const kindLabel = (kind: string): string => PSEUDONYM_KINDS_DE[kind] ?? PSEUDONYM_KINDS_DE.other ?? kind;

/** Our ids (lower case, no spaces): never a name, left as they are by the name replacement. */
const ID_LIKE = /^[a-z0-9][a-z0-9._:-]*$/;
/** What a real actor id sent by such a session stands for: nothing (a valid id no row has). */
export const UNKNOWN_ID = 'pseudo-unknown';

/** The pseudonyms of one store revision. */
export class Pseudonyms {
  /** By real and by pseudonymous id. */
  private readonly labels = new Map<string, string>();
  private readonly outIds = new Map<string, string>();
  private readonly inIds = new Map<string, string>();
  private readonly replace: (s: string) => string;
  private readonly replaceIds: (s: string) => string;
  private readonly candidates: SearchCandidate[] = [];

  /** Kind and number per actor id (the next numbering of the same link extends it). */
  readonly numbers: ReadonlyMap<string, Pseudonym>;

  constructor(actors: readonly { id: string; kind: string | null; label: string }[], previous: ReadonlyMap<string, Pseudonym> | null = null) {
    const numbers = extendPseudonymNumbers(previous, actors);
    this.numbers = numbers;
    const names = new Map<string, string>();
    for (const a of actors) {
      const p = numbers.get(a.id);
      if (!p) continue;
      const label = pseudonymLabel(p, kindLabel);
      const id = pseudonymId(p);
      this.labels.set(a.id, label);
      this.labels.set(id, label);
      this.outIds.set(a.id, id);
      this.inIds.set(id, a.id);
      if (a.label.trim() !== '') names.set(a.label, label);
      this.candidates.push({ id: a.id, type: 'ACTOR', kind: a.kind, label, searchKey: foldGerman(label), searchKeyAlt: foldPlain(label) });
    }
    this.replace = textReplacer(names);
    this.replaceIds = textReplacer(this.outIds, ID_CHAR);
  }

  /**
   * The numbering of all actors of the store at its current revision for one link (`link`: the token
   * id), cached per store, link and revision. The first numbering of a link is the page's (by id within
   * each kind); after a change the link's earlier numbering is extended, so nobody's label or id moves
   * under the eyes of its viewers (kept while the server runs; after a restart the link starts afresh).
   */
  static async of(store: GraphStore, link: string): Promise<Pseudonyms> {
    const revision = store.revision();
    let links = cache.get(store);
    if (!links) cache.set(store, (links = new Map()));
    const hit = links.get(link);
    if (hit && hit.revision === revision) return hit.value;
    const before = hit?.value.catch(() => null) ?? Promise.resolve(null);
    const value = Promise.all([before, store.network({ nodeTypes: ['ACTOR'], includeDirect: false, includeDerived: false, limit: MAX_NETWORK_LIMIT })]).then(
      ([prev, net]) =>
        new Pseudonyms(
          net.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label })),
          prev?.numbers ?? null,
        ),
    );
    links.delete(link);
    links.set(link, { revision, value });
    // The links in use at once are few (a workshop or two); the least recently renumbered go first.
    for (const old of links.keys()) if (links.size > MAX_LINKS) links.delete(old);
    value.catch(() => links.delete(link));
    return value;
  }

  /** Whether `id` is an actor's, real or pseudonymous. */
  isActor(id: string): boolean {
    return this.labels.has(id);
  }

  /** The real id behind an id such a session sends: a pseudonymous one maps back, a real actor id to UNKNOWN_ID. */
  inId(id: string): string {
    return this.inIds.get(id) ?? (this.outIds.has(id) ? UNKNOWN_ID : id);
  }

  /** The pseudonym of an actor; an actor added after the numbering was made is "Akteur ?", never its name. */
  label(id: string): string {
    return this.labels.get(id) ?? `${kindLabel('other')} ?`;
  }

  /**
   * A string as such a session sees it: actor ids (also inside edge ids and URL queries) by their
   * pseudonymous ids, actor names in free text by pseudonyms (whole names, case-sensitive).
   */
  text(s: string): string {
    if (s === '') return s;
    const ids = this.replaceIds(s);
    return ID_LIKE.test(ids) ? ids : this.replace(ids);
  }

  /** Actors whose pseudonym matches the query, ranked like the store's search ("unternehmen 3" first, then "Unternehmen 30" …); real ids. */
  searchActors(text: string, limit: number): SearchHit[] {
    return rankSearch(this.candidates, text, limit).map(({ id, type, kind, label }) => ({ id, type, kind, label }));
  }

  /** Candidates for ranking together with other hits (pseudonyms of matching actors). */
  actorCandidates(): readonly SearchCandidate[] {
    return this.candidates;
  }
}

const cache = new WeakMap<GraphStore, Map<string, { revision: number; value: Promise<Pseudonyms> }>>();
/** Numberings kept per store (one per link in use; a link dropped here numbers afresh next time). */
const MAX_LINKS = 32;

const FREE_TEXT = new Set(['description', 'website', 'notes', 'url', 'publisher']);
const FREE_LISTS = new Set(['goals', 'results', 'tags', 'sourceIds', 'sources']);
/** Server-side fields never sent to a client (a neighbourhood's reach: up to 20,000 real ids): left out, not scrubbed. */
const SERVER_ONLY = new Set(['reach']);

/**
 * A value (rows of the store, results of the analysis, GraphQL data) as a pseudonymised session sees
 * it: an object with an actor `id` gets its pseudonym as `name` / `label`, `aLabel` / `bName` … when
 * `a` / `b` hold an actor id; every other string and every key has actor ids and names replaced
 * (Pseudonyms.text); with `strip`, free text is left out (null, or [] for lists: descriptions,
 * websites, notes, tags, goals, results, sources). Idempotent: scrubbing twice changes nothing more.
 */
export function scrub<T>(value: T, p: Pseudonyms, strip: boolean): T {
  // Keys, kinds, region ids … repeat thousands of times in a network: each string is replaced once.
  const seen = new Map<string, string>();
  const text = (s: string): string => {
    let r = seen.get(s);
    if (r === undefined) seen.set(s, (r = p.text(s)));
    return r;
  };
  return walk(value, p, strip, text) as T;
}

function walk(v: unknown, p: Pseudonyms, strip: boolean, text: (s: string) => string): unknown {
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v)) return v.map((x) => walk(x, p, strip, text));
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  // An actor node the numbering does not know yet (beyond MAX_NETWORK_LIMIT actors) is "Akteur ?", never its name.
  const actorId = typeof o.id === 'string' && (p.isActor(o.id) || o.type === 'ACTOR') ? o.id : null;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (SERVER_ONLY.has(k)) out[k] = null;
    else if (strip && FREE_TEXT.has(k) && (typeof x === 'string' || x === null)) out[k] = null;
    else if (strip && FREE_LISTS.has(k) && Array.isArray(x)) out[k] = [];
    else if ((k === 'name' || k === 'label') && actorId !== null && typeof x === 'string') out[k] = p.label(actorId);
    else if (typeof x === 'string' && /^[a-z]+(Label|Name)$/.test(k) && p.isActor(String(o[k.replace(/(Label|Name)$/, '')] ?? ''))) out[k] = p.label(String(o[k.replace(/(Label|Name)$/, '')]));
    else out[text(k)] = walk(x, p, strip, text);
  }
  return out;
}

/** Arguments such a session sends (ids, lists of ids, filters) with pseudonymous actor ids mapped back (Pseudonyms.inId). */
export function realIds<T>(value: T, p: Pseudonyms): T {
  const back = (v: unknown): unknown =>
    typeof v === 'string'
      ? p.inId(v)
      : Array.isArray(v)
        ? v.map(back)
        : v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, back(x)]))
          : v;
  return back(value) as T;
}
