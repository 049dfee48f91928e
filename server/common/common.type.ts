/** GraphQL types shared by all domain types: node types, references and provenance. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { NodeType as NodeTypeName, Source } from '../domain/model.ts';

export const NodeType = { ACTOR: 'ACTOR', PROJECT: 'PROJECT', REGION: 'REGION', EVENT: 'EVENT' } as const satisfies Record<NodeTypeName, NodeTypeName>;
registerEnumType(NodeType, { name: 'NodeType', description: 'The kinds of node in a regional cooperation network.' });

@ObjectType('Source', { description: 'Provenance: the document a fact comes from.' })
export class SourceType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'Publication or retrieval date (partial ISO: 2024, 2024-03, 2024-03-15).' })
  date!: string | null;
  @Field(() => String, { nullable: true }) publisher!: string | null;
}

@ObjectType({ description: 'A reference to another node: enough to show and link it.' })
export class NodeRef {
  @Field(() => ID) id!: string;
  @Field(() => NodeType) type!: NodeTypeName;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => String) label!: string;
}

@ObjectType({ description: 'A place on the map (WGS84).' })
export class Coordinates {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lon!: number;
}

export const ref = (type: NodeTypeName, e: { id: string; name: string; kind?: string | null; status?: string | null }): NodeRef => ({
  id: e.id,
  type,
  kind: e.kind ?? e.status ?? null,
  label: e.name,
});

/** Resolves source ids against the sources a details call loaded (unknown ids are skipped). */
export function sourcesOf(ids: readonly string[], all: readonly Source[]): SourceType[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  return ids.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
}

/** Lists in entity details are capped; the count field tells the full number. */
export const DETAIL_LIST_LIMIT = 500;

@ObjectType({ description: 'What a delete removed.' })
export class Deleted {
  @Field(() => String, { description: 'actors, projects, regions, events, sources, stories, participations, eventParticipations, cooperations or targets' })
  type!: string;
  @Field(() => String, { description: 'The id, or the natural key of a relationship (actorId|projectId, actorId|partnerId|kind, …).' })
  id!: string;
  @Field(() => Int, { description: 'Relationship rows removed with it (an actor’s participations and ties, …).' }) cascaded!: number;
}
