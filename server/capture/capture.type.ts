/** GraphQL types of live capture: sessions, participants' submissions, the moderation queue, the projector's feed. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NodeRef } from '../common/common.type.ts';
import { Insight } from '../metrics/metrics.type.ts';

export enum CaptureRelation {
  COOPERATION = 'cooperation',
  PROJECT = 'project',
  WISH = 'wish',
}
registerEnumType(CaptureRelation, {
  name: 'CaptureRelation',
  description: 'How a participant works with a partner: a cooperation, a shared project, or a wished tie (would like to cooperate; not a network tie).',
});

export enum CaptureState {
  PENDING = 'pending',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(CaptureState, { name: 'CaptureState', description: 'Where a submission stands in moderation.' });

export enum CaptureDecision {
  APPROVE = 'approve',
  REJECT = 'reject',
}
registerEnumType(CaptureDecision, { name: 'CaptureDecision', description: 'What the moderator does with submissions.' });

export enum CaptureScope {
  VIEW = 'view',
  STORY = 'story',
}
registerEnumType(CaptureScope, { name: 'CaptureScope', description: 'What a capture session was opened on.' });

@ObjectType({ description: 'Submissions of a session by moderation state.' })
export class CaptureCounts {
  @Field(() => Int) pending!: number;
  @Field(() => Int) approved!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int) withdrawn!: number;
}

@ObjectType({ description: 'A live capture session (editor role): its short link lets phones submit to it.' })
export class CaptureSession {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The provenance of everything captured ("Workshop Riesa, 12.03.2027").' }) name!: string;
  @Field(() => String, { description: 'The workshop’s day (ISO date): the date of every approved tie.' }) date!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) createdBy!: string;
  @Field(() => String) expiresAt!: string;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
  @Field(() => Boolean, { description: 'Neither closed nor expired.' }) open!: boolean;
  @Field(() => CaptureScope) scopeKind!: CaptureScope;
  @Field(() => String, { description: 'The view’s URL query, or the story id.' }) scopeRef!: string;
  @Field(() => String, { description: 'The capture token (only submits to this session, reads only its roster names).' }) code!: string;
  @Field(() => String, { description: 'The short link participants open (also drawn as a QR code).' }) link!: string;
  @Field(() => ID, { description: 'The Source record approved rows cite.' }) sourceId!: string;
  @Field(() => CaptureCounts) counts!: CaptureCounts;
}

@ObjectType({ description: 'A district participants may place a new organisation in (built in).' })
export class CaptureDistrict {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'What a participant’s phone sees of a session.' })
export class CaptureInfo {
  @Field(() => String) name!: string;
  @Field(() => String) date!: string;
  @Field(() => String) expiresAt!: string;
  @Field(() => Boolean) open!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is not open: CLOSED or EXPIRED.' }) reason!: string | null;
  @Field(() => [CaptureDistrict], { description: 'The built-in districts, sorted by name.' }) districts!: CaptureDistrict[];
}

@ObjectType({ description: 'A name on a session’s roster: a network actor, or a new organisation named in this session.' })
export class CaptureRosterEntry {
  @Field(() => ID, { description: 'An actor id, or sub:<submission id> for a new organisation of this session.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => Boolean) isNew!: boolean;
}

@ObjectType({ description: 'The participant’s organisation.' })
export class CaptureOrgType {
  @Field(() => ID, { nullable: true, description: 'The roster actor; null for a new organisation.' }) actorId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => ID, { nullable: true }) regionId!: string | null;
}

@ObjectType({ description: 'A partner and how they work together.' })
export class CaptureTieType {
  @Field(() => ID, { description: 'The roster id (an actor id or sub:<submission id>).' }) partnerId!: string;
  @Field(() => String) partnerName!: string;
  @Field(() => CaptureRelation) relation!: CaptureRelation;
  @Field(() => String, { nullable: true }) projectName!: string | null;
}

@ObjectType({ description: 'A submission: one organisation and its partners, waiting for moderation or moderated.' })
export class CaptureSubmission {
  @Field(() => ID) id!: string;
  @Field(() => CaptureState) state!: CaptureState;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
  @Field(() => CaptureOrgType) org!: CaptureOrgType;
  @Field(() => [CaptureTieType]) ties!: CaptureTieType[];
  @Field(() => ID, { nullable: true, description: 'Moderator: this new organisation is this existing actor.' }) mergeInto!: string | null;
  @Field(() => ID, { nullable: true, description: 'The actor it became on approval.' }) actorId!: string | null;
  @Field(() => String, { nullable: true }) moderatedBy!: string | null;
  @Field(() => String, { nullable: true }) moderatedAt!: string | null;
  @Field(() => [NodeRef], { description: 'Moderator queue only: existing actors whose name is like a new organisation’s.' }) duplicates!: NodeRef[];
}

@ObjectType({ description: 'The moderation queue of a session (editor role), oldest first.' })
export class CaptureQueue {
  @Field(() => CaptureSession) session!: CaptureSession;
  @Field(() => [CaptureSubmission]) submissions!: CaptureSubmission[];
}

@ObjectType({ description: 'What a moderation changed.' })
export class CaptureModeration {
  @Field(() => [CaptureSubmission]) changed!: CaptureSubmission[];
  @Field(() => [ID], { description: 'Submissions left as they were (not pending any more, or changed meanwhile).' }) skipped!: string[];
}

@ObjectType({ description: 'A tie a session added to the network (unordered actor pair).' })
export class CaptureFeedTie {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
}

@ObjectType({ description: 'For the projector: what a session has added so far (polled; changes when something is approved).' })
export class CaptureFeed {
  @Field(() => ID) sessionId!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) open!: boolean;
  @Field(() => String, { nullable: true, description: 'The short link for the QR code (editor role; null for others).' }) link!: string | null;
  @Field(() => Int) pending!: number;
  @Field(() => Int) approved!: number;
  @Field(() => [ID], { description: 'Actors and projects this session created.' }) newNodeIds!: string[];
  @Field(() => [CaptureFeedTie], { description: 'Actor pairs with a cooperation or shared project from this session.' }) newTies!: CaptureFeedTie[];
  @Field(() => [CaptureFeedTie], { description: 'Approved wished ties (would like to cooperate).' }) wishedTies!: CaptureFeedTie[];
}

@ObjectType({ description: 'A wished tie (would like to cooperate) approved at a workshop.' })
export class WishedPair {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
  @Field(() => String) aName!: string;
  @Field(() => String) bName!: string;
  @Field(() => ID, { nullable: true, description: 'a’s region at the level.' }) aRegion!: string | null;
  @Field(() => ID, { nullable: true }) bRegion!: string | null;
  @Field(() => Boolean, { description: 'A cooperation, shared project or event joins them already.' }) tied!: boolean;
  @Field(() => [String], { description: 'The sessions it was named in.' }) sessions!: string[];
}

@ObjectType({ description: 'Wished ties between two regions (a ≤ b): how many, how many still missing, how many exist already.' })
export class WishedRegionPair {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
  @Field(() => String) aName!: string;
  @Field(() => String) bName!: string;
  @Field(() => Int) wished!: number;
  @Field(() => Int) missing!: number;
  @Field(() => Int) existing!: number;
}

@ObjectType({ description: 'Wished ties of every capture session beside the existing ties, for the gap analysis.' })
export class WishedTies {
  @Field(() => String) level!: string;
  @Field(() => [WishedPair]) pairs!: WishedPair[];
  @Field(() => [WishedRegionPair], { description: 'Most missing first.' }) regionPairs!: WishedRegionPair[];
  @Field(() => [Insight], { description: 'Insight cards (kind wished).' }) insights!: Insight[];
}

@ObjectType({ description: 'An organisation a capture session added.' })
export class CaptureReportActor {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A capture session’s report: submissions, participants, what it added, its wished ties by region pair.' })
export class CaptureReport {
  @Field(() => CaptureSession) session!: CaptureSession;
  @Field(() => Int, { description: 'Devices that submitted (withdrawn entries left out).' }) participants!: number;
  @Field(() => [CaptureReportActor]) newActors!: CaptureReportActor[];
  @Field(() => [CaptureFeedTie]) newTies!: CaptureFeedTie[];
  @Field(() => [WishedRegionPair]) wished!: WishedRegionPair[];
  @Field(() => String, { description: 'The report in sentences (German), as the slide’s notes.' }) summary!: string;
}

@ObjectType({ description: 'Where the report slide went.' })
export class CaptureReportSlide {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) slideId!: string;
}
