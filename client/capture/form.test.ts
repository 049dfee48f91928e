import { describe, expect, it } from 'vitest';
import { canSend, emptyForm, formReducer, toInput, type FormAction } from './form.ts';

const run = (...actions: FormAction[]) => actions.reduce(formReducer, emptyForm());

describe('the participant form', () => {
  it('a roster organisation with partners becomes an input naming ids only', () => {
    const f = run(
      { type: 'chooseOrg', id: 'a-stadt-delitzsch', name: 'Stadt Delitzsch', kind: 'municipality' },
      { type: 'addPartner', id: 'a-ctc', name: 'CTC' },
      { type: 'addPartner', id: 'a-ctc', name: 'CTC' },
      { type: 'addPartner', id: 'a-stadt-delitzsch', name: 'Stadt Delitzsch' },
      { type: 'addPartner', id: 'sub:cx-1', name: 'Neu e. V.' },
      { type: 'setRelation', id: 'sub:cx-1', relation: 'PROJECT' },
      { type: 'setProjectName', id: 'sub:cx-1', name: '  Chemie macht Schule ' },
    );
    expect(canSend(f)).toBe(true);
    expect(toInput(f)).toEqual({
      id: null,
      org: { actorId: 'a-stadt-delitzsch' },
      ties: [
        { partnerId: 'a-ctc', relation: 'COOPERATION', projectName: null },
        { partnerId: 'sub:cx-1', relation: 'PROJECT', projectName: 'Chemie macht Schule' },
      ],
    });
  });

  it('a new organisation carries name, kind and district; a correction names the submission', () => {
    const f = run(
      { type: 'newOrg', name: ' Innungsverband Meißen ' },
      { type: 'setOrg', field: 'kind', value: 'chamber' },
      { type: 'setOrg', field: 'regionId', value: 'de-14627' },
    );
    expect(toInput(f).org).toEqual({ name: 'Innungsverband Meißen', kind: 'chamber', regionId: 'de-14627' });
    const edit = formReducer(f, {
      type: 'edit',
      submission: { id: 'cx-9', org: { actorId: null, name: 'A', kind: 'other', regionId: null }, ties: [{ partnerId: 'a-ctc', partnerName: 'CTC', relation: 'WISH', projectName: null }] },
    });
    expect(toInput(edit)).toEqual({ id: 'cx-9', org: { name: 'A', kind: 'other', regionId: null }, ties: [{ partnerId: 'a-ctc', relation: 'WISH', projectName: null }] });
    expect(canSend(formReducer(edit, { type: 'clearOrg' }))).toBe(false);
    expect(formReducer(edit, { type: 'reset' })).toEqual(emptyForm());
  });
});
