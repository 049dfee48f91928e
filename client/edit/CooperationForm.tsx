/**
 * A new direct tie between two actors: its kind (with its direction: who is member of whom), since,
 * until and a description. The partner is given (two selected actors) or chosen via the search.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createRelation } from '../api/edit.ts';
import type { NodeRef } from '../api/types.ts';
import { SearchBox } from '../panels/SearchBox.tsx';
import { TypeIcon } from '../panels/TypeIcon.tsx';
import { dataChanged } from '../state/revision.ts';
import { FormFields } from './FormFields.tsx';
import { RELATION_FIELDS, emptyForm, serverErrors, type FormErrors, type FormValues } from './forms.ts';
import { cooperationInput } from './relations.ts';
import { useWrite } from './useWrite.ts';
import { WriteError } from './WriteError.tsx';

const ACTORS = ['ACTOR'] as const;
const SPECS = RELATION_FIELDS.cooperation;

export interface CooperationFormProps {
  actor: NodeRef;
  /** The other actor, when already chosen (two selected actors). */
  partner?: NodeRef | null;
  onDone(): void;
  onCancel(): void;
}

export function CooperationForm({ actor, partner: given, onDone, onCancel }: CooperationFormProps) {
  const { t } = useTranslation();
  const [partner, setPartner] = useState<NodeRef | null>(given ?? null);
  const [swapped, setSwapped] = useState(false);
  const [values, setValues] = useState<FormValues>(() => emptyForm(SPECS));
  const [checks, setChecks] = useState<FormErrors>({});
  const write = useWrite();
  const server = write.error?.code === 'BAD_USER_INPUT' ? serverErrors(write.error, SPECS) : { fields: {}, other: [] };
  const errors: Record<string, string> = { ...server.fields };
  for (const [k, key] of Object.entries(checks)) errors[k] = t(key);

  const [subject, object] = partner && swapped ? [partner, actor] : [actor, partner];
  const kind = values.kind || 'cooperation';

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!partner || !object) return;
    const { input, errors: found } = cooperationInput(subject.id, object.id, values);
    setChecks(found);
    if (Object.keys(found).length) return;
    const ok = await write.run(() => createRelation('cooperation', input));
    if (ok) {
      dataChanged();
      onDone();
    }
  };

  const name = (n: NodeRef) => (
    <span className="chosen">
      <TypeIcon type={n.type} kind={n.kind} />
      {n.label}
    </span>
  );

  return (
    <form className="edit-form" onSubmit={(e) => void save(e)} noValidate aria-label={t('edit.cooperation.title')} data-testid="cooperation-form">
      <h3>{t('edit.cooperation.title')}</h3>
      {!partner ? (
        <SearchBox label={t('edit.cooperation.choose')} placeholder={t('edit.cooperation.choose')} types={ACTORS} exclude={[actor.id]} autoFocus testId="cooperation-partner" onChoose={(h) => setPartner(h)} />
      ) : (
        <p className="tie-sentence" data-testid="tie-sentence">
          {name(subject)} <span className="role">{t(`cooperationKind.${kind}`, { defaultValue: kind })}</span> {object && name(object)}
          {kind !== 'cooperation' && (
            <button type="button" className="link" onClick={() => setSwapped((s) => !s)}>
              {t('edit.cooperation.swap')}
            </button>
          )}
          {!given && (
            <button type="button" className="link" onClick={() => setPartner(null)}>
              {t('edit.cooperation.other')}
            </button>
          )}
        </p>
      )}
      {checks.partnerId && <p className="error">{t(checks.partnerId)}</p>}
      <FormFields specs={SPECS} values={values} errors={errors} refs={{}} onChange={(k, v) => setValues((x) => ({ ...x, [k]: v }))} disabled={write.busy} />
      <WriteError error={write.error} other={server.other} onReload={dataChanged} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={write.busy || !partner} data-testid="save">
          {write.busy ? t('edit.saving') : t('edit.cooperation.add')}
        </button>
        <button type="button" onClick={onCancel} disabled={write.busy}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
