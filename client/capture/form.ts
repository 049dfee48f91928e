/**
 * The participant's form as plain data with pure transitions: their organisation (from the roster,
 * or new with kind and district), the partners with how they work together, and whether it corrects
 * an earlier submission. `toInput` makes the API's input of it.
 */
import type { CaptureRelation, CaptureSubmissionInput } from '../api/generated/graphql.ts';

export interface OrgChoice {
  /** A roster actor id; null for a new organisation. */
  actorId: string | null;
  name: string;
  kind: string;
  regionId: string;
}

export interface PartnerChoice {
  /** A roster id (an actor id or sub:<submission id>). */
  id: string;
  name: string;
  relation: CaptureRelation;
  projectName: string;
}

export interface CaptureForm {
  /** The submission this corrects; null for a new one. */
  editing: string | null;
  org: OrgChoice | null;
  partners: PartnerChoice[];
}

export const emptyForm = (): CaptureForm => ({ editing: null, org: null, partners: [] });

export type FormAction =
  | { type: 'chooseOrg'; id: string; name: string; kind: string | null }
  | { type: 'newOrg'; name: string }
  | { type: 'setOrg'; field: 'name' | 'kind' | 'regionId'; value: string }
  | { type: 'clearOrg' }
  | { type: 'addPartner'; id: string; name: string }
  | { type: 'removePartner'; id: string }
  | { type: 'setRelation'; id: string; relation: CaptureRelation }
  | { type: 'setProjectName'; id: string; name: string }
  | {
      type: 'edit';
      submission: {
        id: string;
        org: { actorId?: string | null; name: string; kind: string; regionId?: string | null };
        ties: { partnerId: string; partnerName: string; relation: CaptureRelation; projectName?: string | null }[];
      };
    }
  | { type: 'reset' };

export function formReducer(state: CaptureForm, action: FormAction): CaptureForm {
  switch (action.type) {
    case 'chooseOrg':
      return { ...state, org: { actorId: action.id, name: action.name, kind: action.kind ?? 'other', regionId: '' }, partners: state.partners.filter((p) => p.id !== action.id) };
    case 'newOrg':
      return { ...state, org: { actorId: null, name: action.name.trim(), kind: 'other', regionId: '' } };
    case 'setOrg':
      return state.org ? { ...state, org: { ...state.org, [action.field]: action.value } } : state;
    case 'clearOrg':
      return { ...state, org: null };
    case 'addPartner':
      if (state.partners.some((p) => p.id === action.id) || state.org?.actorId === action.id) return state;
      return { ...state, partners: [...state.partners, { id: action.id, name: action.name, relation: 'COOPERATION', projectName: '' }] };
    case 'removePartner':
      return { ...state, partners: state.partners.filter((p) => p.id !== action.id) };
    case 'setRelation':
      return { ...state, partners: state.partners.map((p) => (p.id === action.id ? { ...p, relation: action.relation } : p)) };
    case 'setProjectName':
      return { ...state, partners: state.partners.map((p) => (p.id === action.id ? { ...p, projectName: action.name } : p)) };
    case 'edit': {
      const s = action.submission;
      return {
        editing: s.id,
        org: { actorId: s.org.actorId ?? null, name: s.org.name, kind: s.org.kind, regionId: s.org.regionId ?? '' },
        partners: s.ties.map((t) => ({ id: t.partnerId, name: t.partnerName, relation: t.relation, projectName: t.projectName ?? '' })),
      };
    }
    case 'reset':
      return emptyForm();
  }
}

/** Ready to send: an organisation with a name. */
export const canSend = (f: CaptureForm): boolean => f.org !== null && f.org.name.trim() !== '';

export function toInput(f: CaptureForm): CaptureSubmissionInput {
  const org = f.org;
  return {
    id: f.editing,
    org: !org
      ? {}
      : org.actorId
      ? { actorId: org.actorId }
      : { name: org.name.trim(), kind: org.kind, regionId: org.regionId === '' ? null : org.regionId },
    ties: f.partners.map((p) => ({
      partnerId: p.id,
      relation: p.relation,
      projectName: p.relation === 'PROJECT' && p.projectName.trim() !== '' ? p.projectName.trim() : null,
    })),
  };
}
