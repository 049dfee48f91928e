import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeRef, SourceType } from '../common/common.type.ts';
import { Targeting } from '../project/project.type.ts';

@ObjectType({ description: 'An actor at an event.' })
export class EventParticipant {
  @Field(() => Int, { description: 'The row version, for updates and deletes.' }) version!: number;
  @Field(() => String, { description: 'organiser, attendee or presenter' }) role!: string;
  @Field(() => NodeRef) actor!: NodeRef;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'An event: kick-off, workshop, fair, conference, excursion, …' })
export class Event {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Changes with every edit: send it back with an update or delete (optimistic locking).' }) version!: number;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) date!: string | null;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Site or address of an organisation.' }) venue!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => NodeRef, { nullable: true }) place!: NodeRef | null;
  @Field(() => NodeRef, { nullable: true }) project!: NodeRef | null;
  @Field(() => [EventParticipant]) participants!: EventParticipant[];
  @Field(() => [Targeting]) targets!: Targeting[];
  @Field(() => [SourceType]) sources!: SourceType[];
}
