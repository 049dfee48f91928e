/**
 * The inputs of an edit form, from its field specs: text, selects for the closed value lists,
 * dates and numbers as typed, lists, and references to other nodes chosen via the search. Each
 * problem is shown under its input (and announced with it).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeRef } from '../api/types.ts';
import { SearchBox } from '../panels/SearchBox.tsx';
import { TypeIcon } from '../panels/TypeIcon.tsx';
import type { FieldSpec, FormValues } from './forms.ts';

export interface FormFieldsProps {
  specs: readonly FieldSpec[];
  values: FormValues;
  /** Display texts of the problems, by field. */
  errors: Record<string, string>;
  /** The nodes the ref fields point at (for their labels). */
  refs: Record<string, NodeRef>;
  onChange(key: string, value: string, ref?: NodeRef | null): void;
  disabled?: boolean;
}

export function FormFields({ specs, values, errors, refs, onChange, disabled }: FormFieldsProps) {
  const prefix = useId();
  return (
    <div className="form-fields">
      {specs.map((spec) => (
        <Field key={spec.key} id={`${prefix}-${spec.key}`} spec={spec} value={values[spec.key] ?? ''} error={errors[spec.key]} refNode={refs[spec.key]} onChange={onChange} disabled={disabled} />
      ))}
    </div>
  );
}

interface FieldProps {
  id: string;
  spec: FieldSpec;
  value: string;
  error: string | undefined;
  refNode: NodeRef | undefined;
  onChange: FormFieldsProps['onChange'];
  disabled: boolean | undefined;
}

const HINTS: Partial<Record<FieldSpec['kind'], string>> = {
  list: 'form.hint.list',
  lines: 'form.hint.lines',
  date: 'form.hint.date',
};

function Field({ id, spec, value, error, refNode, onChange, disabled }: FieldProps) {
  const { t } = useTranslation();
  const label = t(spec.label);
  const hint = HINTS[spec.kind];
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: spec.key,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-field': spec.key,
  } as const;
  let control: React.ReactNode;
  switch (spec.kind) {
    case 'textarea':
    case 'lines':
      control = <textarea {...common} rows={3} value={value} onChange={(e) => onChange(spec.key, e.target.value)} />;
      break;
    case 'select':
      control = (
        <select {...common} value={value} required={spec.required} onChange={(e) => onChange(spec.key, e.target.value)}>
          {(value === '' || !spec.required) && <option value="">{spec.required ? t('form.choose') : '–'}</option>}
          {(spec.options ?? []).map((o) => (
            <option key={o} value={o}>
              {spec.optionLabels ? t(`${spec.optionLabels}.${o}`, { defaultValue: o }) : o}
            </option>
          ))}
          {value !== '' && !(spec.options ?? []).includes(value) && <option value={value}>{value}</option>}
        </select>
      );
      break;
    case 'ref':
      control =
        value !== '' ? (
          <span className="chosen ref-chosen" data-field={spec.key} data-id={value}>
            {refNode && <TypeIcon type={refNode.type} kind={refNode.kind} />}
            <span className="ref-label">{refNode?.label ?? value}</span>
            <button type="button" className="close" disabled={disabled} aria-label={t('form.clearRef', { field: label })} title={t('form.clearRef', { field: label })} onClick={() => onChange(spec.key, '', null)}>
              ×
            </button>
          </span>
        ) : (
          <SearchBox label={label} placeholder={t(`form.searchRef.${spec.refType ?? 'REGION'}`)} types={spec.refType ? [spec.refType] : undefined} onChoose={(h) => onChange(spec.key, h.id, h)} />
        );
      break;
    default:
      control = (
        <input
          {...common}
          type="text"
          inputMode={spec.kind === 'number' ? 'decimal' : spec.kind === 'url' ? 'url' : undefined}
          autoComplete="off"
          value={value}
          required={spec.required}
          onChange={(e) => onChange(spec.key, e.target.value)}
        />
      );
  }
  return (
    <div className={error ? 'form-field invalid' : 'form-field'}>
      {spec.kind === 'ref' ? (
        <span className="form-label">{label}</span>
      ) : (
        <label className="form-label" htmlFor={id}>
          {label}
          {spec.required && <span aria-hidden="true"> *</span>}
        </label>
      )}
      {control}
      {hint && (
        <small className="form-hint" id={`${id}-hint`}>
          {t(hint)}
        </small>
      )}
      {error && (
        <small className="field-error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
