import { Field, ID, InputType, Int } from 'type-graphql';
import { CaptureRelation, CaptureScope } from './capture.type.ts';

@InputType({ description: 'Which actors make up the roster (the view’s filter; empty: the whole network).' })
export class CaptureRosterInput {
  @Field(() => [ID], { nullable: true }) regionIds?: string[] | null;
  @Field(() => [String], { nullable: true }) actorKinds?: string[] | null;
  @Field(() => [String], { nullable: true }) sectors?: string[] | null;
  @Field(() => [ID], { nullable: true }) projectIds?: string[] | null;
}

@InputType({ description: 'A new capture session.' })
export class OpenCaptureSessionInput {
  @Field(() => String, { description: 'The provenance: "Workshop Riesa, 12.03.2027" (at most 120 characters).' }) name!: string;
  @Field(() => String, { nullable: true, description: 'ISO date of the workshop (default today).' }) date?: string | null;
  @Field(() => Int, { nullable: true, description: 'Minutes until it closes by itself (default 180).' }) expiresInMinutes?: number | null;
  @Field(() => CaptureScope, { defaultValue: CaptureScope.VIEW }) scopeKind!: CaptureScope;
  @Field(() => String, { defaultValue: '', description: 'The view’s URL query, or the story id.' }) scopeRef!: string;
  @Field(() => CaptureRosterInput, { nullable: true }) roster?: CaptureRosterInput | null;
}

@InputType({ description: 'The participant’s organisation: a roster actor (actorId) or a new one (name, kind, district).' })
export class CaptureOrgInput {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'An actor kind (company, university, …); default other.' }) kind?: string | null;
  @Field(() => ID, { nullable: true, description: 'A built-in district id.' }) regionId?: string | null;
}

@InputType({ description: 'A partner from the roster and how they work together.' })
export class CaptureTieInput {
  @Field(() => ID) partnerId!: string;
  @Field(() => CaptureRelation) relation!: CaptureRelation;
  @Field(() => String, { nullable: true, description: 'The shared project’s name (relation PROJECT), optional.' }) projectName?: string | null;
}

@InputType({ description: 'A submission; with id, a correction of an earlier one from this device (while pending).' })
export class CaptureSubmissionInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true, description: 'The phone’s key for a new entry (8–64 characters): sent again after a lost answer, it returns the first submission instead of making a second.' })
  clientKey?: string | null;
  @Field(() => CaptureOrgInput) org!: CaptureOrgInput;
  @Field(() => [CaptureTieInput]) ties!: CaptureTieInput[];
}
