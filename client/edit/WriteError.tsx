/**
 * Why a write failed, in words: a conflict (someone else changed it meanwhile: load again), a
 * refused input (what belongs to no field; the rest is shown beside the inputs), a missing right.
 */
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';

export interface WriteErrorProps {
  error: ApiError | null;
  /** Problems of a refused input that belong to no field of the form. */
  other?: string[];
  /** Offered with a conflict: load the current state again. */
  onReload?(): void;
  /** What a refused input means here (default: check the marked fields). */
  invalidText?: string;
}

export function WriteError({ error, other = [], onReload, invalidText }: WriteErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="write-error" role="alert" data-testid="write-error" data-code={error.code}>
      {error.code === 'CONFLICT' ? (
        <>
          {t('edit.conflict')}{' '}
          {onReload && (
            <button type="button" className="link" onClick={onReload} data-testid="conflict-reload">
              {t('edit.reload')}
            </button>
          )}
        </>
      ) : error.code === 'BAD_USER_INPUT' ? (
        <>
          {invalidText ?? t('edit.invalid')}
          {other.length > 0 && (
            <ul>
              {other.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        t(`errors.${error.code}`, { field: error.field ?? '' })
      )}
    </div>
  );
}
