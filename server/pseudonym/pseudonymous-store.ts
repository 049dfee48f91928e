/**
 * The GraphStore a pseudonymised session reads through (see pseudonyms.ts): every read answers with
 * pseudonyms instead of actor names and without free text; search finds actors by pseudonym only; the
 * audit log and every write are refused (such a token is a viewer's). A method added to GraphStore
 * must be added here too — the compiler asks for it.
 */
import { NODE_TYPES, type NodeType } from '../domain/model.ts';
import { BadUserInputError, ForbiddenError } from '../errors.ts';
import type { Network } from '../network/network.model.ts';
import { foldGerman, foldPlain, rankSearch } from '../search/fold.ts';
import type { GraphStore, Mutations, SearchHit } from '../store/graph-store.ts';
import { scrub, type Pseudonyms } from './pseudonyms.ts';

const refused = (): never => {
  throw new ForbiddenError('editor', 'viewer');
};

/** A network with actor labels replaced by pseudonyms and actor names in other labels replaced. */
export function pseudonymizeNetwork<N extends Pick<Network, 'nodes'>>(net: N, p: Pseudonyms): N {
  return { ...net, nodes: net.nodes.map((n) => ({ ...n, label: p.nodeLabel(n.id, n.type, n.label) })) };
}

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
  return rankSearch([...actors, ...shown], text, limit).map(({ id, type, kind, label }) => ({ id, type, kind, label }));
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
    regions: async (kind) => scrub(await store.regions(kind), p, true),
    nodeType: (id) => store.nodeType(id),
    actorDetails: async (id) => scrub(await store.actorDetails(id), p, true),
    projectDetails: async (id) => scrub(await store.projectDetails(id), p, true),
    regionDetails: async (id) => scrub(await store.regionDetails(id), p, true),
    eventDetails: async (id) => scrub(await store.eventDetails(id), p, true),
    // A source's title and address name organisations: none for such a session.
    source: async () => null,
    stories: async () => scrub(await store.stories(), p, true),
    story: async (id) => scrub(await store.story(id), p, true),

    network: async (filter) => pseudonymizeNetwork(await store.network(filter), p),
    neighborhood: async (id, depth, limit) => pseudonymizeNetwork(await store.neighborhood(id, depth, limit), p),
    shortestPaths: async (from, to, maxLength, limit) => (await store.shortestPaths(from, to, maxLength, limit)).map((path) => pseudonymizeNetwork(path, p)),
    regionMatrix: (level, filter) => store.regionMatrix(level, filter),
    regionTies: (level, filter) => store.regionTies(level, filter),
    ties: (filter) => store.ties(filter),
    programmes: async () => (await store.programmes()).map((g) => ({ ...g, label: p.text(g.label) })),
    exportBatch: async () => scrub(await store.exportBatch(), p, true),
  };
}
