import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NodeRef, SourceType } from '../common/common.type.ts';

@ObjectType({ description: 'An actor taking part in the project.' })
export class ProjectParticipant {
  @Field(() => Int, { description: 'The row version, for updates and deletes.' }) version!: number;
  @Field(() => String, { description: 'lead, partner, advisory, funder, associated or service_provider' }) role!: string;
  @Field(() => NodeRef) actor!: NodeRef;
  @Field(() => Float, { nullable: true, description: 'Funding the actor receives in the project (e.g. the EU contribution), in euros.' })
  contribution!: number | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'A region a project or event is aimed at (target) or exchanges with (partner).' })
export class Targeting {
  @Field(() => Int, { description: 'The row version, for updates and deletes.' }) version!: number;
  @Field(() => String, { description: 'target or partner' }) role!: string;
  @Field(() => NodeRef) region!: NodeRef;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'An event in a list: with its date and place.' })
export class EventSummary {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) date!: string | null;
  @Field(() => NodeRef, { nullable: true }) place!: NodeRef | null;
}

@ObjectType({ description: 'A cooperation project with its funding, period, partners and regions.' })
export class Project {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Changes with every edit: send it back with an update or delete (optimistic locking).' }) version!: number;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Programme or funding line.' }) programme!: string | null;
  @Field(() => String, { nullable: true, description: 'Start (partial ISO date).' }) start!: string | null;
  @Field(() => String, { nullable: true, description: 'End (partial ISO date); null = open-ended or unknown.' }) end!: string | null;
  @Field(() => String, { description: 'planned, running, completed or unknown' }) status!: string;
  @Field(() => [String]) goals!: string[];
  @Field(() => [String]) results!: string[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => [ProjectParticipant]) participants!: ProjectParticipant[];
  @Field(() => Int) participantCount!: number;
  @Field(() => [NodeRef], { description: 'Actors taking part with the role funder.' }) funders!: NodeRef[];
  @Field(() => [EventSummary]) events!: EventSummary[];
  @Field(() => [Targeting]) targets!: Targeting[];
  @Field(() => NodeRef, { nullable: true, description: 'The project this one continues.' }) predecessor!: NodeRef | null;
  @Field(() => [NodeRef], { description: 'Projects continuing this one.' }) successors!: NodeRef[];
  @Field(() => [SourceType]) sources!: SourceType[];
}
