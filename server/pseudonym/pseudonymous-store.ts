/**
 * The GraphStore a pseudonymised session reads through (see pseudonyms.ts): every read answers with
 * pseudonyms and pseudonymous ids instead of actor names and ids, and without free text; ids it is
 * given map back (a real actor id finds nothing); search finds actors by pseudonym only; the audit log
 * and every write are refused (such a token is a viewer's). A method added to GraphStore must be added
 * here too — the compiler asks for it. The numbering is taken after each read, so an actor written
 * meanwhile is numbered too (the numbering of a link only grows: ids it handed out stay valid).
 */
import { NODE_TYPES, type NodeType } from '../domain/model.ts';
import { BadUserInputError, ForbiddenError } from '../errors.ts';
import { foldGerman, foldPlain, rankSearch } from '../search/fold.ts';
import type { GraphStore, Mutations, SearchHit } from '../store/graph-store.ts';
import { scrub, type Pseudonyms } from './pseudonyms.ts';

/** The current numbering of one link (Pseudonyms.of(store, token id)). */
export type PseudonymsOf = () => Promise<Pseudonyms>;

/** Rows as such a session sees them: pseudonyms and pseudonymous ids, free text left out. */
const rowsOf = (p: PseudonymsOf) => async <T>(value: T): Promise<T> => scrub(value, await p(), true);

const refused = (): never => {
  throw new ForbiddenError('editor', 'viewer');
};

/**
 * Search for a pseudonymised session: actors by pseudonym ("Unternehmen 3"), other nodes by their
 * names as this session sees them (a project whose title names an actor is not found by that name).
 */
async function search(store: GraphStore, pOf: PseudonymsOf, text: string, limit: number, types?: readonly NodeType[] | null): Promise<SearchHit[]> {
  if (text.trim() === '') throw new BadUserInputError('text', 'must not be empty');
  if (text.length > 200) throw new BadUserInputError('text', 'must be at most 200 characters');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new BadUserInputError('limit', 'must be between 1 and 100');
  const wanted = types && types.length > 0 ? types : NODE_TYPES;
  const others = wanted.filter((t) => t !== 'ACTOR');
  const base = others.length > 0 ? await store.search(text, 100, others) : [];
  const p = await pOf();
  const shown = base.map((h) => {
    const label = p.text(h.label);
    return { ...h, label, searchKey: foldGerman(label), searchKeyAlt: foldPlain(label) };
  });
  const actors = wanted.includes('ACTOR') ? p.actorCandidates() : [];
  return scrub(
    rankSearch([...actors, ...shown], text, limit).map(({ id, type, kind, label }) => ({ id, type, kind, label })),
    p,
    true,
  );
}

export function pseudonymousStore(store: GraphStore, pOf: PseudonymsOf): GraphStore {
  const edit: Mutations = { create: refused, update: refused, remove: refused, mergeActors: refused };
  const rows = rowsOf(pOf);
  /** The real id behind an id the session sent. */
  const real = async (id: string) => (await pOf()).inId(id);
  return {
    kind: store.kind,
    revision: () => store.revision(),
    dataChanged: (touched) => store.dataChanged(touched),
    changedSince: (revision) => store.changedSince(revision),
    init: () => store.init(),
    close: () => store.close(),
    stats: () => store.stats(),
    facets: () => store.facets(),
    applyBatch: async () => refused(),
    clear: async () => refused(),
    edit,
    auditLog: async () => refused(),
    tokens: store.tokens,
    // Capture sessions are the moderator's (editor) and the phones' (capture token), never a share link's.
    capture: store.capture,

    search: (text, limit, types) => search(store, pOf, text, limit, types),
    regions: async (kind) => rows(await store.regions(kind)),
    nodeType: async (id) => store.nodeType(await real(id)),
    actorDetails: async (id) => rows(await store.actorDetails(await real(id))),
    projectDetails: async (id) => rows(await store.projectDetails(await real(id))),
    regionDetails: async (id) => rows(await store.regionDetails(await real(id))),
    eventDetails: async (id) => rows(await store.eventDetails(await real(id))),
    // A source's title and address name organisations: none for such a session.
    source: async () => null,
    stories: async () => rows(await store.stories()),
    story: async (id) => rows(await store.story(id)),

    network: async (filter) => rows(await store.network(filter)),
    neighborhood: async (id, depth, limit) => rows(await store.neighborhood(await real(id), depth, limit)),
    shortestPaths: async (from, to, maxLength, limit) => rows(await store.shortestPaths(await real(from), await real(to), maxLength, limit)),
    regionMatrix: (level, filter) => store.regionMatrix(level, filter),
    regionTies: (level, filter) => store.regionTies(level, filter),
    ties: async (filter) => rows(await store.ties(filter)),
    programmes: async () => rows(await store.programmes()),
    exportBatch: async () => rows(await store.exportBatch()),
  };
}
