/**
 * The form that creates a node or edits one (sending only what changed, with the version the edit
 * started from). Problems are shown beside their inputs: the form's own checks before sending, the
 * server's after.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createEntity, updateEntity } from '../api/edit.ts';
import type { Details, NodeRef, NodeType } from '../api/types.ts';
import { FormFields } from './FormFields.tsx';
import { ENTITY_FIELDS, createInput, emptyForm, formOfDetails, patchInput, serverErrors, type FormErrors, type FormValues } from './forms.ts';
import { useWrite } from './useWrite.ts';
import { WriteError } from './WriteError.tsx';

export interface EntityEditorProps {
  type: NodeType;
  /** The node to edit (loaded with its version); absent: create a new one. */
  details?: Details;
  onSaved(id: string): void;
  onCancel(): void;
  /** After a conflict: load the node again (the form starts over from the new state). */
  onReload?(): void;
}

export function EntityEditor({ type, details, onSaved, onCancel, onReload }: EntityEditorProps) {
  const { t } = useTranslation();
  const specs = ENTITY_FIELDS[type];
  const initial = useMemo(() => (details ? formOfDetails(details) : { values: emptyForm(specs), refs: {} }), [details, specs]);
  const [values, setValues] = useState<FormValues>(initial.values);
  const [refs, setRefs] = useState<Record<string, NodeRef>>(initial.refs);
  const [checks, setChecks] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState<FormValues | null>(null);
  const write = useWrite();

  const server = write.error?.code === 'BAD_USER_INPUT' ? serverErrors(write.error, specs) : { fields: {}, other: [] };
  const errors: Record<string, string> = {};
  // A server message stays until its field is changed.
  for (const [k, m] of Object.entries(server.fields)) if (submitted && (submitted[k] ?? '') === (values[k] ?? '')) errors[k] = m;
  for (const [k, key] of Object.entries(checks)) errors[k] = t(key);

  const change = (key: string, value: string, ref?: NodeRef | null) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (ref !== undefined)
      setRefs((r) => {
        const { [key]: _, ...rest } = r;
        return ref ? { ...rest, [key]: ref } : rest;
      });
    if (checks[key]) setChecks(({ [key]: _, ...rest }) => rest);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { input, errors: found } = details ? patchInput(specs, initial.values, values) : createInput(specs, values);
    setChecks(found);
    if (Object.keys(found).length) return;
    if (details && Object.keys(input).length === 0) return onCancel();
    setSubmitted(values);
    const saved = await write.run(() => (details ? updateEntity(type, details.id, details.version ?? 0, input) : createEntity(type, input)));
    if (saved) onSaved(saved.id);
  };

  const title = details ? t('edit.editTitle', { name: details.name }) : t(`edit.new.${type}`);
  return (
    <form className="edit-form" onSubmit={(e) => void submit(e)} noValidate data-testid={details ? 'edit-form' : 'create-form'} aria-label={title}>
      {!details && <h2>{title}</h2>}
      <FormFields specs={specs} values={values} errors={errors} refs={refs} onChange={change} disabled={write.busy} />
      <WriteError error={write.error} other={server.other} onReload={onReload} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={write.busy} data-testid="save">
          {write.busy ? t('edit.saving') : details ? t('edit.save') : t('edit.create')}
        </button>
        <button type="button" onClick={onCancel} disabled={write.busy}>
          {t('edit.cancel')}
        </button>
        {Object.keys(checks).length > 0 && <span className="error">{t('edit.checkFields')}</span>}
      </div>
    </form>
  );
}
