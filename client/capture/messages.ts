/** What the phone and the moderator are told about a refused request, in their language. */
import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client.ts';

const REASONS = new Set(['UNKNOWN_TOKEN', 'CLOSED', 'EXPIRED', 'MODERATED', 'NOT_YOURS', 'TOO_MANY', 'CAPTURE_ONLY']);

export function captureMessage(t: TFunction, e: ApiError): string {
  const reason = e.extensions.reason;
  if (typeof reason === 'string' && REASONS.has(reason)) return t(`capture.reason.${reason}`);
  if (e.code === 'RATE_LIMITED') return t('capture.rateLimited', { seconds: Number(e.extensions.retryAfterSeconds ?? 60) });
  if (e.code === 'BAD_USER_INPUT') return `${t('errors.BAD_USER_INPUT', { field: e.field ?? '' })} ${e.issues.map((i) => i.message).join('; ')}`;
  return t(`errors.${e.code}`, { field: e.field ?? '' });
}
