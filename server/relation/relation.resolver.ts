/** Create, update and delete of the relationship rows (editor role); see common/edit.resolver.ts. */
import { Resolver } from 'type-graphql';
import { RelationMutations } from '../common/edit.resolver.ts';
import { CooperationInput, EventParticipationInput, ParticipationInput, TargetInput } from './relation.input.ts';

@Resolver()
export class ParticipationResolver extends RelationMutations({ key: 'participations', name: 'Participation', input: ParticipationInput }) {}

@Resolver()
export class EventParticipationResolver extends RelationMutations({ key: 'eventParticipations', name: 'EventParticipation', input: EventParticipationInput }) {}

@Resolver()
export class CooperationResolver extends RelationMutations({ key: 'cooperations', name: 'Cooperation', input: CooperationInput }) {}

@Resolver()
export class TargetResolver extends RelationMutations({ key: 'targets', name: 'Target', input: TargetInput }) {}
