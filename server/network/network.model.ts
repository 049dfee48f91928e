/**
 * The one network shape (nodes + edges) that travels from store to API to client.
 */
import type { NodeType } from '../domain/model.ts';

export type EdgeKind =
  | 'cooperation'
  | 'participation'
  | 'event_participation'
  | 'located_in'
  | 'held_in'
  | 'targets'
  | 'part_of'
  | 'belongs_to'
  | 'continues';

export interface NetworkNode {
  id: string;
  type: NodeType;
  kind: string | null;
  label: string;
  /** Actor: where it sits; event: where it took place; region: its parent; project: null. */
  regionId: string | null;
  /** Coordinates of the node's region (actors and events) or of the region itself. */
  lat: number | null;
  lon: number | null;
  sectors: string[];
  /** Projects: period; events: year of the date; null when unknown or not applicable. */
  startYear: number | null;
  endYear: number | null;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Participation/event role, cooperation kind (member_of, …) or target role. */
  role: string | null;
  weight: number;
  /** true for actor–actor ties derived from shared projects and events. */
  derived: boolean;
  /** For derived ties: the shared projects and events. */
  via: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** true when the node limit cut the result. */
  truncated: boolean;
  /** Derived ties left out by the edge limit (the weakest; 0 when none). */
  hiddenTies: number;
  /**
   * A neighbourhood's reach: every node within its depth (beyond the limit too), or null when
   * unknown. Not sent to clients; lets the server keep this answer across writes that touch none of
   * these ids (store/changes.ts).
   */
  reach?: readonly string[] | null;
}

export interface NetworkFilter {
  /** Actors located in these regions or their sub-regions (and projects/events tied to them). */
  regionIds?: string[] | null;
  actorKinds?: string[] | null;
  /** Actors with at least one of these sectors. */
  sectors?: string[] | null;
  /** Only these projects, and the actors taking part in them. */
  projectIds?: string[] | null;
  /** Year window (inclusive); open-ended projects and undated ties count as active. */
  fromYear?: number | null;
  toYear?: number | null;
  includeDirect?: boolean | null;
  includeDerived?: boolean | null;
  nodeTypes?: NodeType[] | null;
  /** Maximum number of nodes (default 5,000). */
  limit?: number | null;
}

export interface Path {
  length: number;
  nodes: NetworkNode[];
}

export interface RegionPair {
  a: string;
  b: string;
  directTies: number;
  derivedTies: number;
  /** Sum of the weights of the derived ties (shared projects and events). */
  derivedWeight: number;
  /** Sum of Newman's collaboration weights of the derived ties: 1 / (n − 1) per shared item of n members. */
  derivedNewman: number;
}

export const DEFAULT_NETWORK_LIMIT = 5_000;
export const MAX_NETWORK_LIMIT = 100_000;
/**
 * Edges a network view carries at most: beyond it the weakest derived ties are left out. A hub's
 * neighbourhood in a real-scale programme reaches 4,400 actors with 163,000 ties among them (10 MB
 * of JSON, 1 s to assemble, unreadable when drawn). At 25,000 edges the answer was still 6.7 MB and
 * 1.5 s through GraphQL with the explorer's fields; 10,000 (two per node of a 5,000-node view) keeps
 * the backbone and halves both.
 */
export const MAX_VIEW_EDGES = 10_000;
