/** i18next with German (default) and English; numbers and dates formatted per language. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../state/explorer.ts';
import { de } from './de.ts';
import { en } from './en.ts';

export const resources = { de: { translation: de }, en: { translation: en } } as const;

export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A metric value: three significant digits for small values (0,000123), at most three decimals otherwise. */
export function formatMetric(v: number, lang: Lang): string {
  // Iterative measures leave numerical dust (1e-20) where the value is 0: a wall of zeros helps nobody.
  if (v !== 0 && Math.abs(v) < 1e-6) return '≈ 0';
  if (v !== 0 && Math.abs(v) < 0.01) return v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumSignificantDigits: 3 });
  return v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 3 });
}

export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB')));
  return f.format(n);
}

/** Partial ISO dates (2024, 2024-03, 2024-03-15) in the language's style: 15.03.2024 / 15 Mar 2024. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  if (!d) return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(locale, lang === 'de' ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatPeriod(start: string | null, end: string | null, lang: Lang): string {
  if (!start && !end) return '';
  return `${formatDate(start, lang) || '…'} – ${formatDate(end, lang) || resources[lang].translation.details.openEnded}`;
}

/** An ISO timestamp as date and time in the language's style (15.03.2024, 14:05 / 15 Mar 2024, 14:05). */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    day: lang === 'de' ? '2-digit' : 'numeric',
    month: lang === 'de' ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}
