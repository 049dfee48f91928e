/**
 * A session's roster: the actors of the view it was opened on (its filter), plus the new
 * organisations participants named in this session (`sub:<submission id>`, until approved). The only
 * names a capture token may read. Search folds umlauts (server/search/fold.ts) and tolerates typos:
 * a query word within edit distance 1 (4–7 letters) or 2 (8+) of a name's word still matches
 * (Levenshtein distance from fastest-levenshtein).
 */
import { distance } from 'fastest-levenshtein';
import { foldGerman, foldPlain, rankSearch, type SearchCandidate } from '../search/fold.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { CAPTURE_LIMITS, type CaptureSessionRecord, type CaptureSubmissionRecord } from './capture.model.ts';

export interface RosterEntry {
  /** An actor id, or `sub:<submission id>` for a new organisation of this session. */
  id: string;
  name: string;
  kind: string | null;
  /** Named in this session, not (yet) in the network. */
  isNew: boolean;
}

export const SUBMISSION_REF = 'sub:';

const cache = new Map<string, { key: string; actors: RosterEntry[] }>();

/** The network actors of the session's view (cached per data revision). */
async function rosterActors(store: GraphStore, session: CaptureSessionRecord): Promise<RosterEntry[]> {
  const key = `${store.kind}:${store.revision()}`;
  const hit = cache.get(session.id);
  if (hit && hit.key === key) return hit.actors;
  const net = await store.network({ ...session.roster, nodeTypes: ['ACTOR'], limit: CAPTURE_LIMITS.roster });
  const actors = net.nodes
    .filter((n) => n.type === 'ACTOR')
    .map((n) => ({ id: n.id, name: n.label, kind: n.kind, isNew: false }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  if (cache.size > 50) cache.clear();
  cache.set(session.id, { key, actors });
  return actors;
}

/** New organisations named in the session (pending ones; approved ones are network actors by then). */
export function sessionOrgs(subs: readonly CaptureSubmissionRecord[]): RosterEntry[] {
  return subs
    .filter((s) => s.state === 'pending' && s.org.actorId === null)
    .map((s) => ({ id: `${SUBMISSION_REF}${s.id}`, name: s.org.name, kind: s.org.kind, isNew: true }));
}

export async function roster(store: GraphStore, session: CaptureSessionRecord): Promise<RosterEntry[]> {
  const [actors, subs] = await Promise.all([rosterActors(store, session), store.capture.submissions(session.id)]);
  // Actors this session created belong to its roster even when the view's filter leaves them out.
  const extra: RosterEntry[] = [];
  const have = new Set(actors.map((a) => a.id));
  for (const s of subs)
    if (s.state === 'approved' && s.actorId && !have.has(s.actorId)) {
      have.add(s.actorId);
      extra.push({ id: s.actorId, name: s.org.name, kind: s.org.kind, isNew: s.org.actorId === null && s.mergeInto === null });
    }
  return [...actors, ...extra, ...sessionOrgs(subs)];
}

const words = (s: string): string[] => s.split(' ').filter((w) => w !== '');
const allowed = (w: string): number => (w.length >= 8 ? 2 : w.length >= 4 ? 1 : 0);

/** Every query word matches a word of the name, exactly as a prefix or within its typo allowance. */
export function typoMatch(query: string, name: string): number | null {
  const q = words(foldGerman(query));
  const n = [...new Set([...words(foldGerman(name)), ...words(foldPlain(name))])];
  if (q.length === 0) return null;
  let cost = 0;
  for (const w of q) {
    let best = Infinity;
    for (const x of n) {
      if (x.startsWith(w)) best = 0;
      else {
        const d = Math.min(distance(w, x), x.length > w.length ? distance(w, x.slice(0, w.length)) : Infinity);
        if (d <= allowed(w)) best = Math.min(best, d);
      }
      if (best === 0) break;
    }
    if (best === Infinity) return null;
    cost += best;
  }
  return cost;
}

/** Best matches first: folded matches (exact, prefix, word, substring) then typo-tolerant ones. */
export function searchRoster(entries: readonly RosterEntry[], text: string, limit: number): RosterEntry[] {
  const cands: (SearchCandidate & { entry: RosterEntry })[] = entries.map((e) => ({
    id: e.id,
    type: 'ACTOR',
    kind: e.kind,
    label: e.name,
    searchKey: foldGerman(e.name),
    searchKeyAlt: foldPlain(e.name),
    entry: e,
  }));
  const exact = rankSearch(cands, text, limit).map((c) => c.entry);
  if (exact.length >= limit) return exact;
  const taken = new Set(exact.map((e) => e.id));
  const fuzzy = entries
    .filter((e) => !taken.has(e.id))
    .map((e) => ({ e, cost: typoMatch(text, e.name) }))
    .filter((x): x is { e: RosterEntry; cost: number } => x.cost !== null)
    .sort((a, b) => a.cost - b.cost || a.e.name.localeCompare(b.e.name, 'de'))
    .map((x) => x.e);
  return [...exact, ...fuzzy].slice(0, limit);
}
