/**
 * Relationship rows as the details list them, turned into what the API needs to edit or delete one:
 * the row's type, its natural key (which actor is the stated subject of a tie, …), its version and
 * its form values. Also the inputs for an edit: an update, or — when a tie's kind changes, which is
 * part of its key — a new tie replacing the old one.
 */
import type { RelationType } from '../api/edit.ts';
import type { ActorCooperation, ActorEventRole, ActorParticipation, Participant, Targeting } from '../api/types.ts';
import { RELATION_FIELDS, createInput, formOfRelation, patchInput, type FieldSpec, type FormErrors, type FormValues } from './forms.ts';

export interface RelationRef {
  type: RelationType;
  key: Record<string, string>;
  /** Absent when the details were not loaded for editing. */
  version: number | undefined;
  values: FormValues;
  /** The row's sources (a replaced tie keeps them). */
  sourceIds: string[];
  /** The fields this view of the row can edit, when not all (a region's list of targeting projects lacks their descriptions). */
  fields?: readonly string[];
}

const ref = (type: RelationType, key: Record<string, string>, row: { version?: number; sources?: { id: string }[] } & Record<string, unknown>): RelationRef => ({
  type,
  key,
  version: row.version,
  values: formOfRelation(row, RELATION_FIELDS[type]),
  sourceIds: (row.sources ?? []).map((s) => s.id),
});

export const relationOf = {
  /** An actor's project, from the actor's details. */
  actorParticipation: (actorId: string, p: ActorParticipation) => ref('participation', { actorId, projectId: p.project.id }, { ...p }),
  /** A participant, from a project's details. */
  projectParticipant: (projectId: string, p: Participant) => ref('participation', { actorId: p.actor.id, projectId }, { ...p }),
  actorEvent: (actorId: string, e: ActorEventRole) => ref('eventParticipation', { actorId, eventId: e.event.id }, { ...e }),
  eventParticipant: (eventId: string, p: Participant) => ref('eventParticipation', { actorId: p.actor.id, eventId }, { ...p }),
  /** A direct tie: stored with the stated subject as actorId (`outgoing` says whether that is this actor). */
  cooperation: (actorId: string, c: ActorCooperation) =>
    ref('cooperation', c.outgoing ? { actorId, partnerId: c.partner.id, kind: c.kind } : { actorId: c.partner.id, partnerId: actorId, kind: c.kind }, { ...c }),
  /** A target region of a project or event. */
  target: (subjectId: string, t: Targeting) => ref('target', { subjectId, regionId: t.region.id }, { ...t }),
  /** A project or event targeting a region, from the region's details (which list no description: only the role is edited here). */
  targetedBy: (regionId: string, t: { subject: { id: string }; role: string; version?: number }): RelationRef => ({
    ...ref('target', { subjectId: t.subject.id, regionId }, { ...t }),
    fields: ['role'],
  }),
};

/** The field specs a row's form shows. */
export function relationSpecs(rel: RelationRef): readonly FieldSpec[] {
  const all = RELATION_FIELDS[rel.type];
  const only = rel.fields;
  return only ? all.filter((s) => only.includes(s.key)) : all;
}

/** What saving an edited row sends. */
export type RelationEdit =
  | { op: 'none' }
  | { op: 'invalid'; errors: FormErrors }
  | { op: 'update'; version: number; input: Record<string, unknown> }
  /** The tie's kind changed: create the new tie (with the other fields), then delete the old one. */
  | { op: 'replace'; create: Record<string, unknown>; remove: { version: number; key: Record<string, string> } };

export function relationEdit(rel: RelationRef, after: FormValues): RelationEdit {
  const specs = relationSpecs(rel);
  const { input, errors } = patchInput(specs, rel.values, after);
  if (Object.keys(errors).length) return { op: 'invalid', errors };
  if (Object.keys(input).length === 0) return { op: 'none' };
  const version = rel.version ?? 0;
  if (rel.type === 'cooperation' && 'kind' in input) {
    const full = createInput(specs, after).input;
    const sources = rel.sourceIds.length ? { sourceIds: rel.sourceIds } : {};
    return { op: 'replace', create: { ...full, ...sources, actorId: rel.key.actorId, partnerId: rel.key.partnerId }, remove: { version, key: rel.key } };
  }
  return { op: 'update', version, input: { ...input, ...rel.key } };
}

/** The input of a new tie: the form's fields, and who is the stated subject (member of whom, …). */
export function cooperationInput(subject: string, object: string, values: FormValues): { input: Record<string, unknown>; errors: FormErrors } {
  const { input, errors } = createInput(RELATION_FIELDS.cooperation, values);
  if (subject === object) errors.partnerId = 'form.error.samePartner';
  return { input: { ...input, actorId: subject, partnerId: object }, errors };
}
