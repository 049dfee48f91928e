/**
 * The GraphStore a pseudonymised session reads through (see pseudonyms.ts): every read answers with
 * pseudonyms and pseudonymous ids instead of actor names and ids, and without free text; ids it is
 * given map back (a real actor id finds nothing); search finds actors by pseudonym only; the audit log
 * and every write are refused (such a token is a viewer's). A method added to GraphStore must be added
 * here too — the compiler asks for it.
 */
import { NODE_TYPES, type NodeType } from '../domain/model.ts';
import { BadUserInputError, ForbiddenError } from '../errors.ts';
import { foldGerman, foldPlain, rankSearch } from '../search/fold.ts';
import type { GraphStore, Mutations, SearchHit } from '../store/graph-store.ts';
import { scrub, type Pseudonyms } from './pseudonyms.ts';

/** Rows as such a session sees them: pseudonyms and pseudonymous ids, free text left out. */
const rows = <T>(p: Pseudonyms, value: T): T => scrub(value, p, true);

const refused = (): never => {
  throw new ForbiddenError('editor', 'viewer');
};


/**
 * Search for a pseudonymised session: actors by pseudonym ("Unternehmen 3"), other nodes by their
 * names as this session sees them (a project whose title names an actor is not found by that name).
 */
async function search(store: GraphStore, p: Pseudonyms, text: string, limit: number, types?: readonly NodeType[] | null): Promise<SearchHit[]> {
  if (text.trim() === '') throw new BadUserInputError('text', 'must not be empty');
  if (text.length > 200) throw new BadUserInputError('text', 'must be at most 200 characters');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new BadUserInputError('limit', 'must be between 1 and 100');
  const wanted = types && types.length > 0 ? types : NODE_TYPES;
  const others = wanted.filter((t) => t !== 'ACTOR');
  const base = others.length > 0 ? await store.search(text, 100, others) : [];
  const shown = base.map((h) => {
    const label = p.text(h.label);
    return { ...h, label, searchKey: foldGerman(label), searchKeyAlt: foldPlain(label) };
  });
  const actors = wanted.includes('ACTOR') ? p.actorCandidates() : [];
  return rows(p, rankSearch([...actors, ...shown], text, limit).map(({ id, type, kind, label }) => ({ id, type, kind, label })));
}

export function pseudonymousStore(store: GraphStore, p: Pseudonyms): GraphStore {
  const edit: Mutations = { create: refused, update: refused, remove: refused, mergeActors: refused };
  return {
    kind: store.kind,
    revision: () => store.revision(),
    init: () => store.init(),
    close: () => store.close(),
    stats: () => store.stats(),
    facets: () => store.facets(),
    applyBatch: async () => refused(),
    clear: async () => refused(),
    edit,
    auditLog: async () => refused(),
    tokens: store.tokens,

    search: (text, limit, types) => search(store, p, text, limit, types),
    regions: async (kind) => rows(p, await store.regions(kind)),
    nodeType: (id) => store.nodeType(p.inId(id)),
    actorDetails: async (id) => rows(p, await store.actorDetails(p.inId(id))),
    projectDetails: async (id) => rows(p, await store.projectDetails(p.inId(id))),
    regionDetails: async (id) => rows(p, await store.regionDetails(p.inId(id))),
    eventDetails: async (id) => rows(p, await store.eventDetails(p.inId(id))),
    // A source's title and address name organisations: none for such a session.
    source: async () => null,
    stories: async () => rows(p, await store.stories()),
    story: async (id) => rows(p, await store.story(id)),

    network: async (filter) => rows(p, await store.network(filter)),
    neighborhood: async (id, depth, limit) => rows(p, await store.neighborhood(p.inId(id), depth, limit)),
    shortestPaths: async (from, to, maxLength, limit) => rows(p, await store.shortestPaths(p.inId(from), p.inId(to), maxLength, limit)),
    regionMatrix: (level, filter) => store.regionMatrix(level, filter),
    regionTies: (level, filter) => store.regionTies(level, filter),
    ties: async (filter) => rows(p, await store.ties(filter)),
    programmes: async () => rows(p, await store.programmes()),
    exportBatch: async () => rows(p, await store.exportBatch()),
  };
}
