import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NodeRef, SourceType } from '../common/common.type.ts';

@ObjectType({ description: 'The actor takes part in a project.' })
export class ActorParticipation {
  @Field(() => Int, { description: 'The row version, for updates and deletes.' }) version!: number;
  @Field(() => String, { description: 'lead, partner, advisory, funder, associated or service_provider' }) role!: string;
  @Field(() => NodeRef) project!: NodeRef;
  @Field(() => Float, { nullable: true, description: 'Funding the actor receives in the project (e.g. the EU contribution), in euros.' })
  contribution!: number | null;
  @Field(() => String, { nullable: true }) start!: string | null;
  @Field(() => String, { nullable: true }) end!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'The actor organises, presents at or attends an event.' })
export class ActorEventRole {
  @Field(() => Int, { description: 'The row version, for updates and deletes.' }) version!: number;
  @Field(() => String, { description: 'organiser, attendee or presenter' }) role!: string;
  @Field(() => NodeRef) event!: NodeRef;
  @Field(() => String, { nullable: true }) date!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'A direct tie stated in a source, seen from this actor.' })
export class ActorCooperation {
  @Field(() => Int, { description: 'The row version, for updates and deletes.' }) version!: number;
  @Field(() => String, { description: 'cooperation, member_of, part_of, carrier_of or service' }) kind!: string;
  @Field(() => NodeRef) partner!: NodeRef;
  @Field(() => Boolean, { description: 'true when this actor is the stated subject (this actor is member_of the partner, …)' })
  outgoing!: boolean;
  @Field(() => String, { nullable: true }) since!: string | null;
  @Field(() => String, { nullable: true }) until!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'An organisation in the network: company, university, chamber, agency, …' })
export class Actor {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Changes with every edit: send it back with an update or delete (optimistic locking).' }) version!: number;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => [String]) sectors!: string[];
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => NodeRef, { nullable: true, description: 'Where the actor sits.' }) region!: NodeRef | null;
  @Field(() => [ActorParticipation]) participations!: ActorParticipation[];
  @Field(() => Int) participationCount!: number;
  @Field(() => [ActorEventRole]) events!: ActorEventRole[];
  @Field(() => [ActorCooperation]) cooperations!: ActorCooperation[];
  @Field(() => [SourceType], { description: 'Where the actor itself is named.' }) sources!: SourceType[];
}
