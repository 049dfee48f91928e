/**
 * A relationship row of the details (a participation, an event role, a tie, a target region) with,
 * for editors, a small edit form (role or kind, dates, description) and a delete with confirmation.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRelation, deleteRelation, updateRelation } from '../api/edit.ts';
import { Icon } from '../components/Icon.tsx';
import { dataChanged } from '../state/revision.ts';
import { Confirm } from './Confirm.tsx';
import { useEditing } from './EditContext.ts';
import { FormFields } from './FormFields.tsx';
import { serverErrors, type FormErrors, type FormValues } from './forms.ts';
import { relationEdit, relationSpecs, type RelationRef } from './relations.ts';
import { useWrite } from './useWrite.ts';
import { WriteError } from './WriteError.tsx';

export interface RelationRowProps {
  rel: RelationRef;
  /** How the row reads (the related node, its role, its dates). */
  children: ReactNode;
  /** Names the row for the buttons (e.g. the partner's name). */
  label: string;
}

export function RelationRow({ rel, children, label }: RelationRowProps) {
  const { t } = useTranslation();
  const { canEdit } = useEditing();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const write = useWrite();
  const editable = canEdit && rel.version !== undefined;

  const remove = async () => {
    const ok = await write.run(() => deleteRelation(rel.type, rel.version ?? 0, rel.key));
    if (ok) dataChanged();
  };

  return (
    <div className={mode === 'view' ? 'rel-row' : 'rel-row open'} data-relation={rel.type}>
      <div className="rel-main">
        <span className="rel-text">{children}</span>
        {editable && mode === 'view' && (
          <span className="row-actions">
            <button type="button" className="icon" title={t('edit.editRelation', { name: label })} aria-label={t('edit.editRelation', { name: label })} onClick={() => setMode('edit')} data-testid="relation-edit">
              <Icon name="edit" />
            </button>
            <button type="button" className="icon" title={t('edit.deleteRelation', { name: label })} aria-label={t('edit.deleteRelation', { name: label })} onClick={() => setMode('delete')} data-testid="relation-delete">
              <Icon name="trash" />
            </button>
          </span>
        )}
      </div>
      {mode === 'edit' && <RelationForm rel={rel} onDone={() => setMode('view')} />}
      {mode === 'delete' && (
        <>
          <Confirm
            question={t(`edit.deleteRelationQuestion.${rel.type}`, { name: label })}
            confirmLabel={t('edit.delete')}
            busy={write.busy}
            onConfirm={() => void remove()}
            onCancel={() => {
              write.clear();
              setMode('view');
            }}
            testId="relation-confirm"
          />
          <WriteError error={write.error} onReload={dataChanged} />
        </>
      )}
    </div>
  );
}

function RelationForm({ rel, onDone }: { rel: RelationRef; onDone(): void }) {
  const { t } = useTranslation();
  const specs = relationSpecs(rel);
  const [values, setValues] = useState<FormValues>(rel.values);
  const [checks, setChecks] = useState<FormErrors>({});
  const write = useWrite();
  const server = write.error?.code === 'BAD_USER_INPUT' ? serverErrors(write.error, specs) : { fields: {}, other: [] };
  const errors: Record<string, string> = { ...server.fields };
  for (const [k, key] of Object.entries(checks)) errors[k] = t(key);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const edit = relationEdit(rel, values);
    if (edit.op === 'invalid') return setChecks(edit.errors);
    setChecks({});
    if (edit.op === 'none') return onDone();
    const ok = await write.run(async () => {
      if (edit.op === 'update') return updateRelation(rel.type, edit.version, edit.input);
      // A tie's kind is part of its key: the new tie first, so a failure leaves the old one.
      await createRelation(rel.type, edit.create);
      return deleteRelation(rel.type, edit.remove.version, edit.remove.key);
    });
    if (ok) {
      onDone();
      dataChanged();
    }
  };

  return (
    <form className="edit-form inline-form" onSubmit={(e) => void save(e)} noValidate data-testid="relation-form">
      <FormFields specs={specs} values={values} errors={errors} refs={{}} onChange={(k, v) => setValues((x) => ({ ...x, [k]: v }))} disabled={write.busy} />
      <WriteError error={write.error} other={server.other} onReload={dataChanged} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={write.busy}>
          {write.busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" onClick={onDone} disabled={write.busy}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
