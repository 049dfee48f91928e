/**
 * The GraphQL documents the explorer sends, each with its typed call. The documents are
 * `graphql(`…`)` literals: `npm run codegen` turns them into typed documents and result types
 * (client/api/generated/), which types.ts names for the rest of the client.
 */
import { ApiError, gql } from './client.ts';
import { graphql } from './generated/gql.ts';
import type { ActorsQuery } from './generated/graphql.ts';
import type { Details, Facets, Network, NetworkFilter, NodeType, Overview, Path, RegionSummary, SearchHit } from './types.ts';

/** Most shortest paths the path finder lists. */
export const PATH_LIMIT = 20;

export const NetworkNodeFields = graphql(`
  fragment NetworkNodeFields on NetworkNode { id type kind label regionId lat lon sectors startYear endYear }
`);

export const NetworkEdgeFields = graphql(`
  fragment NetworkEdgeFields on NetworkEdge { id source target kind role weight derived via }
`);

export const NetworkFields = graphql(`
  fragment NetworkFields on Network { nodes { ...NetworkNodeFields } edges { ...NetworkEdgeFields } truncated hiddenTies }
`);

export const NodeRefFields = graphql(`
  fragment NodeRefFields on NodeRef { id type kind label }
`);

export const SourceFields = graphql(`
  fragment SourceFields on Source { id title url publisher date }
`);

export const EventSummaryFields = graphql(`
  fragment EventSummaryFields on EventSummary { id name kind date place { ...NodeRefFields } }
`);

const NetworkQuery = graphql(`
  query Network($filter: NetworkFilter) { network(filter: $filter) { ...NetworkFields } }
`);

/** The regions of one level (inside `parentId` when given) with their actors and the ties between them. */
const OverviewQuery = graphql(`
  query Overview($level: String, $parentId: ID, $filter: NetworkFilter) {
    overview(level: $level, parentId: $parentId, filter: $filter) {
      level parentId actors unplaced truncated
      regions { id name kind lat lon parentId actors internalTies hasChildren }
      ties { a b directTies derivedTies derivedWeight derivedNewman }
    }
  }
`);

const NeighborhoodQuery = graphql(`
  query Neighborhood($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { ...NetworkFields } }
`);

const ShortestPathsQuery = graphql(`
  query Paths($from: ID!, $to: ID!, $limit: Int) { shortestPaths(from: $from, to: $to, limit: $limit) { length nodes { ...NetworkNodeFields } } }
`);

const CatalogQuery = graphql(`
  query Catalog {
    regions { id name kind code lat lon parentId }
    facets { actorKinds { value count } sectors { value count } minYear maxYear }
  }
`);

const SearchQuery = graphql(`
  query Search($text: String!, $types: [NodeType!]) { search(text: $text, limit: 12, types: $types) { id type kind label } }
`);

const NodeTypeQuery = graphql(`
  query NodeTypeOf($id: ID!) { nodeType(id: $id) }
`);

const ActorsQuery = graphql(`
  query Actors($filter: NetworkFilter) { network(filter: $filter) { nodes { id kind label } } }
`);

export async function fetchNetwork(filter: NetworkFilter, signal?: AbortSignal): Promise<Network> {
  return (await gql(NetworkQuery, { filter }, signal)).network;
}

/** The regions of one level (inside `parentId` when given) with their actors and the ties between them. */
export async function fetchOverview(level: string, parentId: string | null, filter: NetworkFilter, signal?: AbortSignal): Promise<Overview> {
  return (await gql(OverviewQuery, { level, parentId, filter }, signal)).overview;
}

export async function fetchNeighborhood(id: string, depth: number, limit: number, signal?: AbortSignal): Promise<Network> {
  return (await gql(NeighborhoodQuery, { id, depth, limit }, signal)).neighborhood;
}

export async function fetchShortestPaths(from: string, to: string, signal?: AbortSignal): Promise<Path[]> {
  return (await gql(ShortestPathsQuery, { from, to, limit: PATH_LIMIT }, signal)).shortestPaths;
}

export async function fetchCatalog(signal?: AbortSignal): Promise<{ regions: RegionSummary[]; facets: Facets }> {
  return gql(CatalogQuery, {}, signal);
}

export async function search(text: string, types: readonly NodeType[] | undefined, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await gql(SearchQuery, { text, types: types ? [...types] : null }, signal)).search;
}

/**
 * The details of a node, one document per node type. With `editable` (editors only) they also ask for
 * the versions of the node and of its relationship rows, which updates and deletes must send, and for
 * the fields only the forms show (`@include(if: $editable)`: optional in the result types).
 */
export const detailsDocs = {
  ACTOR: graphql(`
    query ActorDetails($id: ID!, $editable: Boolean!) {
      actor(id: $id) {
        __typename id name kind sectors tags website description version @include(if: $editable)
        region { ...NodeRefFields }
        participations { project { ...NodeRefFields } role start end description version @include(if: $editable) contribution @include(if: $editable) }
        events { event { ...NodeRefFields } role date description @include(if: $editable) version @include(if: $editable) }
        cooperations { partner { ...NodeRefFields } kind outgoing since until description version @include(if: $editable) sources @include(if: $editable) { id } }
        sources { ...SourceFields }
      }
    }
  `),
  PROJECT: graphql(`
    query ProjectDetails($id: ID!, $editable: Boolean!) {
      project(id: $id) {
        __typename id name status programme start end description goals results tags version @include(if: $editable)
        participants { actor { ...NodeRefFields } role description version @include(if: $editable) contribution @include(if: $editable) }
        funders { ...NodeRefFields }
        events { ...EventSummaryFields }
        targets { region { ...NodeRefFields } role description version @include(if: $editable) }
        predecessor { ...NodeRefFields }
        successors { ...NodeRefFields }
        sources { ...SourceFields }
      }
    }
  `),
  REGION: graphql(`
    query RegionDetails($id: ID!, $editable: Boolean!) {
      region(id: $id) {
        __typename id name kind code lat lon description tags actorCount version @include(if: $editable)
        parent { ...NodeRefFields }
        ancestors { ...NodeRefFields }
        children { ...NodeRefFields }
        actors { ...NodeRefFields }
        events { ...EventSummaryFields }
        targetedBy { subject { ...NodeRefFields } role version @include(if: $editable) }
        sources { ...SourceFields }
      }
    }
  `),
  EVENT: graphql(`
    query EventDetails($id: ID!, $editable: Boolean!) {
      event(id: $id) {
        __typename id name kind date endDate venue description tags version @include(if: $editable)
        place { ...NodeRefFields }
        project { ...NodeRefFields }
        participants { actor { ...NodeRefFields } role description version @include(if: $editable) }
        targets { region { ...NodeRefFields } role description version @include(if: $editable) }
        sources { ...SourceFields }
      }
    }
  `),
};

export async function fetchDetails(type: NodeType, id: string, signal?: AbortSignal, editable = false): Promise<Details> {
  const variables = { id, editable };
  let d: Details | undefined;
  switch (type) {
    case 'ACTOR':
      d = (await gql(detailsDocs.ACTOR, variables, signal)).actor;
      break;
    case 'PROJECT':
      d = (await gql(detailsDocs.PROJECT, variables, signal)).project;
      break;
    case 'REGION':
      d = (await gql(detailsDocs.REGION, variables, signal)).region;
      break;
    case 'EVENT':
      d = (await gql(detailsDocs.EVENT, variables, signal)).event;
      break;
  }
  if (!d) throw new ApiError('NOT_FOUND', id);
  return d;
}

export async function fetchNodeType(id: string, signal?: AbortSignal): Promise<NodeType | null> {
  return (await gql(NodeTypeQuery, { id }, signal)).nodeType;
}

/** All projects (for the project filter): the network restricted to project nodes. */
export async function fetchProjects(signal?: AbortSignal): Promise<Network['nodes']> {
  return (await fetchNetwork({ nodeTypes: ['PROJECT'], includeDirect: false, includeDerived: false, limit: 5000 }, signal)).nodes;
}

/** Every actor of the store with its kind (the pseudonyms are numbered over all of them). */
export async function fetchAllActors(signal?: AbortSignal): Promise<ActorsQuery['network']['nodes']> {
  const filter: NetworkFilter = { nodeTypes: ['ACTOR'], includeDirect: false, includeDerived: false, limit: 100_000 };
  return (await gql(ActorsQuery, { filter }, signal)).network.nodes;
}
