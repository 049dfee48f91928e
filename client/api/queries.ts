/** The GraphQL documents the explorer sends, each with its typed call. */
import { ApiError, gql } from './client.ts';

/** Most shortest paths the path finder lists. */
export const PATH_LIMIT = 20;
import type { Details, Facets, Network, NetworkFilter, NodeType, Overview, Path, RegionSummary, SearchHit } from './types.ts';

const NETWORK_FIELDS = `
  nodes { id type kind label regionId lat lon sectors startYear endYear }
  edges { id source target kind role weight derived via }
  truncated`;

export async function fetchNetwork(filter: NetworkFilter, signal?: AbortSignal): Promise<Network> {
  const q = `query Network($filter: NetworkFilter) { network(filter: $filter) { ${NETWORK_FIELDS} } }`;
  return (await gql<{ network: Network }>(q, { filter }, signal)).network;
}

/** The regions of one level (inside `parentId` when given) with their actors and the ties between them. */
export async function fetchOverview(level: string, parentId: string | null, filter: NetworkFilter, signal?: AbortSignal): Promise<Overview> {
  const q = `query Overview($level: String, $parentId: ID, $filter: NetworkFilter) { overview(level: $level, parentId: $parentId, filter: $filter) {
    level parentId actors unplaced truncated
    regions { id name kind lat lon parentId actors internalTies hasChildren }
    ties { a b directTies derivedTies derivedWeight } } }`;
  return (await gql<{ overview: Overview }>(q, { level, parentId, filter }, signal)).overview;
}

export async function fetchNeighborhood(id: string, depth: number, limit: number, signal?: AbortSignal): Promise<Network> {
  const q = `query Neighborhood($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { ${NETWORK_FIELDS} } }`;
  return (await gql<{ neighborhood: Network }>(q, { id, depth, limit }, signal)).neighborhood;
}

export async function fetchShortestPaths(from: string, to: string, signal?: AbortSignal): Promise<Path[]> {
  const q = `query Paths($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, limit: ${PATH_LIMIT}) { length nodes { id type kind label regionId lat lon sectors startYear endYear } } }`;
  return (await gql<{ shortestPaths: Path[] }>(q, { from, to }, signal)).shortestPaths;
}

export async function fetchCatalog(signal?: AbortSignal): Promise<{ regions: RegionSummary[]; facets: Facets }> {
  const q = `{ regions { id name kind code lat lon parentId } facets { actorKinds { value count } sectors { value count } minYear maxYear } }`;
  return gql<{ regions: RegionSummary[]; facets: Facets }>(q, undefined, signal);
}

export async function search(text: string, types: readonly NodeType[] | undefined, signal?: AbortSignal): Promise<SearchHit[]> {
  const q = `query Search($text: String!, $types: [NodeType!]) { search(text: $text, limit: 12, types: $types) { id type kind label } }`;
  return (await gql<{ search: SearchHit[] }>(q, { text, types: types ?? null }, signal)).search;
}

const REF = 'id type kind label';
const SOURCES = 'sources { id title url publisher date }';
const targets = (v: string) => `targets { region { ${REF} } role description${v} }`;
const EVENT_SUMMARY = `id name kind date place { ${REF} }`;

/**
 * The details of a node. `editable` (editors only) also asks for the versions of the node and of its
 * relationship rows, which updates and deletes must send, and for the fields only the forms show.
 */
export function detailsQuery(type: NodeType, editable = false): string {
  const v = editable ? ' version' : '';
  const fields: Record<NodeType, string> = {
    ACTOR: `actor(id: $id) { __typename id name kind sectors tags website description${v} region { ${REF} }
    participations { project { ${REF} } role start end description${editable ? ' version contribution' : ''} }
    events { event { ${REF} } role date${editable ? ' description version' : ''} }
    cooperations { partner { ${REF} } kind outgoing since until description${editable ? ' version sources { id }' : ''} } ${SOURCES} }`,
    PROJECT: `project(id: $id) { __typename id name status programme start end description goals results tags${v}
    participants { actor { ${REF} } role description${editable ? ' version contribution' : ''} } funders { ${REF} } events { ${EVENT_SUMMARY} } ${targets(v)}
    predecessor { ${REF} } successors { ${REF} } ${SOURCES} }`,
    REGION: `region(id: $id) { __typename id name kind code lat lon description tags actorCount${v} parent { ${REF} } ancestors { ${REF} }
    children { ${REF} } actors { ${REF} } events { ${EVENT_SUMMARY} } targetedBy { subject { ${REF} } role${v} } ${SOURCES} }`,
    EVENT: `event(id: $id) { __typename id name kind date endDate venue description tags${v} place { ${REF} } project { ${REF} }
    participants { actor { ${REF} } role description${v} } ${targets(v)} ${SOURCES} }`,
  };
  return `query Details($id: ID!) { ${fields[type]} }`;
}

export async function fetchDetails(type: NodeType, id: string, signal?: AbortSignal, editable = false): Promise<Details> {
  const data = await gql<Record<string, Details>>(detailsQuery(type, editable), { id }, signal);
  const d = Object.values(data)[0];
  if (!d) throw new ApiError('NOT_FOUND', id);
  return d;
}

export async function fetchNodeType(id: string, signal?: AbortSignal): Promise<NodeType | null> {
  return (await gql<{ nodeType: NodeType | null }>('query T($id: ID!) { nodeType(id: $id) }', { id }, signal)).nodeType;
}

/** All projects (for the project filter): the network restricted to project nodes. */
export async function fetchProjects(signal?: AbortSignal): Promise<Network['nodes']> {
  return (await fetchNetwork({ nodeTypes: ['PROJECT'], includeDirect: false, includeDerived: false, limit: 5000 }, signal)).nodes;
}

/** Every actor of the store with its kind (the pseudonyms are numbered over all of them). */
export async function fetchAllActors(signal?: AbortSignal): Promise<{ id: string; kind: string | null; label: string }[]> {
  const q = `query Actors($filter: NetworkFilter) { network(filter: $filter) { nodes { id kind label } } }`;
  const filter = { nodeTypes: ['ACTOR'], includeDirect: false, includeDerived: false, limit: 100_000 };
  return (await gql<{ network: { nodes: { id: string; kind: string | null; label: string }[] } }>(q, { filter }, signal)).network.nodes;
}
