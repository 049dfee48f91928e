/** Inputs of the relationship rows. The key fields (first) identify a row; update and delete find it by them. */
import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'An actor taking part in a project. Key: actorId, projectId. Create: role is required.' })
export class ParticipationInput {
  @Field(() => ID) actorId!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => String, { nullable: true, description: 'lead, partner, advisory, funder, associated or service_provider' }) role?: string | null;
  @Field(() => Float, { nullable: true, description: 'Funding in euros (e.g. the EU contribution).' }) contribution?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@InputType({ description: 'An actor at an event. Key: actorId, eventId. Create: role is required.' })
export class EventParticipationInput {
  @Field(() => ID) actorId!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => String, { nullable: true, description: 'organiser, attendee or presenter' }) role?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@InputType({ description: 'A direct tie between two actors. Key: actorId, partnerId, kind.' })
export class CooperationInput {
  @Field(() => ID) actorId!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => String, { description: 'cooperation, member_of, part_of, carrier_of or service' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Partial ISO date.' }) since?: string | null;
  @Field(() => String, { nullable: true, description: 'Partial ISO date.' }) until?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@InputType({ description: 'A project or event aimed at a region. Key: subjectId, regionId. Create: role is required.' })
export class TargetInput {
  @Field(() => ID) subjectId!: string;
  @Field(() => ID) regionId!: string;
  @Field(() => String, { nullable: true, description: 'target or partner' }) role?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
