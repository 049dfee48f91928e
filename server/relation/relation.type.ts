import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A relationship row after a change: its kind, natural key, version and fields.' })
export class Relation {
  @Field(() => String, { description: 'participations, eventParticipations, cooperations or targets' }) type!: string;
  @Field(() => String, { description: 'actorId|projectId, actorId|eventId, actorId|partnerId|kind or subjectId|regionId' }) key!: string;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLJSONObject) row!: Record<string, unknown>;
}
