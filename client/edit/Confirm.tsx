/** An inline "really?" with a confirming and a cancelling button. */
import { useTranslation } from 'react-i18next';

export interface ConfirmProps {
  question: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
}

export function Confirm({ question, confirmLabel, busy, onConfirm, onCancel, testId }: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <div className="confirm" role="group" aria-label={question} data-testid={testId}>
      <p>{question}</p>
      <div className="form-buttons">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm} data-testid="confirm">
          {busy ? t('edit.saving') : confirmLabel}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </div>
  );
}
