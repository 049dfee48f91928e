/**
 * Numbers of the analysis panel in the language's style: fixed decimals (expected ties, ratios),
 * signed values (E-I index) and small shares (density). Whole numbers use `formatNumber`.
 */
import type { Lang } from '../state/explorer.ts';

const formats = new Map<string, Intl.NumberFormat>();
function format(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = formats.get(k);
  if (!f) formats.set(k, (f = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', options)));
  return f;
}

/** Exactly `digits` decimals: 1,0 / 2,35. */
export const formatFixed = (n: number, lang: Lang, digits = 1): string =>
  format(lang, `fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

/** With a sign unless zero: +0,42 / -0,50 / 0,00. */
export const formatSigned = (n: number, lang: Lang, digits = 2): string =>
  format(lang, `signed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n);

/** An estimate's bound next to its figure: "± 0,01 (90 %)" / "± 0.01 (90%)". */
export const formatBound = (epsilon: number, confidence: number, lang: Lang): string =>
  `± ${format(lang, 'bound', { maximumSignificantDigits: 2 }).format(epsilon)} (${format(lang, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(confidence)})`;

/** Small shares with a few significant digits: 0,012 / 0.00034. */
export const formatSignificant = (n: number, lang: Lang, digits = 2): string => format(lang, `sig${digits}`, { maximumSignificantDigits: digits }).format(n);
