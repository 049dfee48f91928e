/**
 * Relationship rows: their natural keys (a tie is stored with its stated subject first), and what
 * saving an edit sends: nothing, an update by key and version, or — when a tie's kind changes — a
 * new tie with the old one's fields and sources, and the old one deleted.
 */
import { describe, expect, it } from 'vitest';
import type { ActorCooperation } from '../api/types.ts';
import { cooperationInput, relationEdit, relationOf, relationSpecs } from './relations.ts';

const node = (id: string, type: 'ACTOR' | 'PROJECT' | 'REGION' | 'EVENT') => ({ id, type, kind: null, label: id });

describe('relationOf', () => {
  it('keys participations, event roles and targets from either side', () => {
    const p = { project: node('p-x', 'PROJECT'), role: 'lead', start: null, end: null, description: 'Koordination', version: 3, contribution: 1200.5 };
    expect(relationOf.actorParticipation('a-x', p)).toEqual({
      type: 'participation',
      key: { actorId: 'a-x', projectId: 'p-x' },
      version: 3,
      values: { role: 'lead', contribution: '1200.5', description: 'Koordination' },
      sourceIds: [],
    });
    expect(relationOf.projectParticipant('p-x', { actor: node('a-x', 'ACTOR'), role: 'partner', description: null, version: 1 }).key).toEqual({ actorId: 'a-x', projectId: 'p-x' });
    expect(relationOf.actorEvent('a-x', { event: node('e-x', 'EVENT'), role: 'organiser', date: null, version: 2 }).key).toEqual({ actorId: 'a-x', eventId: 'e-x' });
    expect(relationOf.eventParticipant('e-x', { actor: node('a-y', 'ACTOR'), role: 'attendee', description: null }).key).toEqual({ actorId: 'a-y', eventId: 'e-x' });
    expect(relationOf.target('p-x', { region: node('r-x', 'REGION'), role: 'target', description: null, version: 1 }).key).toEqual({ subjectId: 'p-x', regionId: 'r-x' });
    expect(relationOf.targetedBy('r-x', { subject: node('e-x', 'EVENT'), role: 'partner', version: 1 }).key).toEqual({ subjectId: 'e-x', regionId: 'r-x' });
  });

  it('keys a tie by its stated direction', () => {
    const tie = (outgoing: boolean): ActorCooperation => ({ partner: node('a-verband', 'ACTOR'), kind: 'member_of', outgoing, since: '2019', until: null, description: null, version: 2 });
    expect(relationOf.cooperation('a-firma', tie(true)).key).toEqual({ actorId: 'a-firma', partnerId: 'a-verband', kind: 'member_of' });
    expect(relationOf.cooperation('a-firma', tie(false)).key).toEqual({ actorId: 'a-verband', partnerId: 'a-firma', kind: 'member_of' });
  });

  it('edits only the role of a target seen from its region (the region lists no description)', () => {
    const rel = relationOf.targetedBy('r-x', { subject: node('p-x', 'PROJECT'), role: 'target', version: 3 });
    expect(relationSpecs(rel).map((s) => s.key)).toEqual(['role']);
    expect(relationEdit(rel, { ...rel.values, role: 'partner' })).toEqual({ op: 'update', version: 3, input: { role: 'partner', subjectId: 'p-x', regionId: 'r-x' } });
  });

  it('has no version when the details were loaded read-only', () => {
    expect(relationOf.projectParticipant('p-x', { actor: node('a-x', 'ACTOR'), role: 'partner', description: null }).version).toBeUndefined();
  });
});

describe('relationEdit', () => {
  const part = relationOf.actorParticipation('a-x', { project: node('p-x', 'PROJECT'), role: 'partner', start: null, end: null, description: null, version: 5 });

  it('sends nothing when nothing changed', () => {
    expect(relationEdit(part, { ...part.values })).toEqual({ op: 'none' });
  });

  it('updates by key and version with only what changed', () => {
    expect(relationEdit(part, { ...part.values, role: 'lead' })).toEqual({ op: 'update', version: 5, input: { role: 'lead', actorId: 'a-x', projectId: 'p-x' } });
    expect(relationEdit(part, { ...part.values, contribution: '12.000' })).toEqual({ op: 'update', version: 5, input: { contribution: 12000, actorId: 'a-x', projectId: 'p-x' } });
  });

  it('reports invalid values', () => {
    expect(relationEdit(part, { ...part.values, contribution: '-5' })).toEqual({ op: 'invalid', errors: { contribution: 'form.error.range' } });
  });

  it('updates a tie in place unless its kind changes; then replaces it (fields and sources kept)', () => {
    const tie = relationOf.cooperation('a-firma', {
      partner: node('a-verband', 'ACTOR'),
      kind: 'cooperation',
      outgoing: false,
      since: '2019',
      until: null,
      description: 'seit der Gründung',
      version: 7,
      sources: [{ id: 's-1' }],
    });
    expect(relationEdit(tie, { ...tie.values, until: '2023' })).toEqual({
      op: 'update',
      version: 7,
      input: { until: '2023', actorId: 'a-verband', partnerId: 'a-firma', kind: 'cooperation' },
    });
    expect(relationEdit(tie, { ...tie.values, kind: 'member_of' })).toEqual({
      op: 'replace',
      create: { kind: 'member_of', since: '2019', description: 'seit der Gründung', sourceIds: ['s-1'], actorId: 'a-verband', partnerId: 'a-firma' },
      remove: { version: 7, key: { actorId: 'a-verband', partnerId: 'a-firma', kind: 'cooperation' } },
    });
  });
});

describe('cooperationInput', () => {
  it('puts the stated subject first', () => {
    expect(cooperationInput('a-firma', 'a-verband', { kind: 'member_of', since: '2020', until: '', description: '' })).toEqual({
      input: { kind: 'member_of', since: '2020', actorId: 'a-firma', partnerId: 'a-verband' },
      errors: {},
    });
  });

  it('refuses a tie with itself and a missing kind', () => {
    expect(cooperationInput('a-x', 'a-x', { kind: '', since: '', until: '', description: '' }).errors).toEqual({ kind: 'form.error.required', partnerId: 'form.error.samePartner' });
  });
});
