/**
 * German and English texts: the same keys, nothing empty, a text for everything the drawing and the
 * data can show, the same placeholders; numbers and (partial) dates per language.
 */
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, COOPERATION_KINDS, EVENT_KINDS, EVENT_ROLES, PARTICIPATION_ROLES, PROJECT_STATUSES, REGION_KINDS, TARGET_ROLES } from '../../server/domain/model.ts';
import { PSEUDONYM_KINDS_DE } from '../../shared/pseudonyms.ts';
import { NODE_TYPES } from '../api/types.ts';
import { ACTOR_COLORS, EDGE_LOOKS, NODE_LEGEND_ORDER, nodeLook } from '../graph/palette.ts';
import { LANGS, LAYOUTS } from '../state/explorer.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { createI18n, formatDate, formatMetric, formatNumber, formatPeriod } from './index.ts';

/** All leaf key paths with their values. */
function leaves(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [p, x] of leaves(v, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

const DE = leaves(de);
const EN = leaves(en);
const RESOURCES = { de: DE, en: EN } as const;

/** Does `key` resolve to a text (plural keys count through their `_one`/`_other` forms)? */
const has = (lang: keyof typeof RESOURCES, key: string): boolean => {
  const m = RESOURCES[lang];
  return typeof m.get(key) === 'string' || (typeof m.get(`${key}_one`) === 'string' && typeof m.get(`${key}_other`) === 'string');
};

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('resources', () => {
  it('spell the pseudonyms in German as the server does (pseudonymised share links)', () => {
    expect(de.pseudo.kind).toEqual(PSEUDONYM_KINDS_DE);
    expect(Object.keys(PSEUDONYM_KINDS_DE).sort()).toEqual([...ACTOR_KINDS].sort());
  });

  it('have exactly the same key paths in German and English', () => {
    expect([...EN.keys()].sort()).toEqual([...DE.keys()].sort());
    expect(DE.size).toBeGreaterThan(150);
  });

  it('have only non-empty strings as values', () => {
    for (const [lang, m] of Object.entries(RESOURCES)) {
      for (const [key, v] of m) {
        expect(typeof v, `${lang}:${key}`).toBe('string');
        expect((v as string).trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, v] of DE) expect(placeholders(String(EN.get(key))), key).toEqual(placeholders(String(v)));
  });

  it.each(LANGS)('translate every actor kind of the palette and of the domain (%s)', (lang) => {
    for (const kind of new Set([...Object.keys(ACTOR_COLORS), ...ACTOR_KINDS])) expect(has(lang, `actorKind.${kind}`), kind).toBe(true);
  });

  it.each(LANGS)('translate every legend label of the palette (%s)', (lang) => {
    for (const look of Object.values(EDGE_LOOKS)) expect(has(lang, look.label), look.label).toBe(true);
    for (const key of NODE_LEGEND_ORDER) expect(has(lang, nodeLook(key).label), key).toBe(true);
  });

  it.each(LANGS)('translate the kinds, statuses and roles of the domain (%s)', (lang) => {
    for (const s of PROJECT_STATUSES) expect(has(lang, `projectStatus.${s}`), s).toBe(true);
    for (const k of EVENT_KINDS) expect(has(lang, `eventKind.${k}`), k).toBe(true);
    for (const k of REGION_KINDS) expect(has(lang, `regionKind.${k}`), k).toBe(true);
    for (const r of [...PARTICIPATION_ROLES, ...EVENT_ROLES, ...TARGET_ROLES]) expect(has(lang, `role.${r}`), r).toBe(true);
    for (const k of COOPERATION_KINDS) {
      expect(has(lang, `cooperationKind.${k}`), k).toBe(true);
      if (k !== 'cooperation') expect(has(lang, `cooperationKind.${k}_in`), `${k}_in`).toBe(true);
    }
  });

  it.each(LANGS)('translate layouts, languages, node types and error codes (%s)', (lang) => {
    for (const l of LAYOUTS) expect(has(lang, `layout.${l}`), l).toBe(true);
    for (const l of LANGS) expect(has(lang, `lang.${l}`), l).toBe(true);
    for (const t of NODE_TYPES) {
      expect(has(lang, `nodeType.${t}`), t).toBe(true);
      expect(has(lang, `nodeTypes.${t}`), t).toBe(true);
    }
    for (const code of ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN', 'SERVICE_UNAVAILABLE', 'BUSY', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR', 'NETWORK', 'UNKNOWN']) expect(has(lang, `errors.${code}`), code).toBe(true);
  });
});

describe('createI18n', () => {
  it('resolves texts with interpolation and plurals in both languages', () => {
    const deI = createI18n('de');
    expect(deI.t('status.counts', { nodes: 3, edges: 4 })).toBe('3 Knoten, 4 Verbindungen');
    expect(deI.t('path.found', { count: 1, length: 2 })).toBe('1 kürzester Pfad mit 2 Schritten');
    expect(deI.t('path.found', { count: 3, length: 2 })).toBe('3 kürzeste Pfade mit 2 Schritten');
    const enI = createI18n('en');
    expect(enI.t('status.counts', { nodes: 3, edges: 4 })).toBe(String(en.status.counts).replace('{{nodes}}', '3').replace('{{edges}}', '4'));
    expect(enI.t('path.found', { count: 1, length: 2 })).toBe(en.path.found_one.replace('{{count}}', '1').replace('{{length}}', '2'));
    expect(enI.t('path.found', { count: 2, length: 5 })).toBe(en.path.found_other.replace('{{count}}', '2').replace('{{length}}', '5'));
  });

  it('does not escape values (React does that)', () => {
    expect(createI18n('de').t('search.none', { text: '<b>&' })).toBe('Keine Treffer für „<b>&“');
  });
});

describe('formatNumber', () => {
  it('uses German and English separators', () => {
    expect(formatNumber(12345.5, 'de')).toBe('12.345,5');
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(0, 'de')).toBe('0');
    expect(formatNumber(-1234567, 'de')).toBe('-1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});

describe('formatDate', () => {
  it('formats full dates per language', () => {
    expect(formatDate('2024-03-15', 'de')).toBe('15.03.2024');
    expect(formatDate('2024-03-15', 'en')).toBe('15 Mar 2024');
    expect(formatDate('2024-12-01', 'de')).toBe('01.12.2024');
    expect(formatDate('1999-01-31', 'en')).toBe('31 Jan 1999');
  });

  it('formats year-only dates as the year', () => {
    expect(formatDate('2024', 'de')).toBe('2024');
    expect(formatDate('2024', 'en')).toBe('2024');
  });

  it('formats year-month dates as month and year', () => {
    expect(formatDate('2024-03', 'de')).toBe('März 2024');
    expect(formatDate('2024-03', 'en')).toBe('March 2024');
    expect(formatDate('2023-12', 'de')).toBe('Dezember 2023');
    expect(formatDate('2023-01', 'en')).toBe('January 2023');
  });

  it('does not shift dates across time zones (first and last day of a year)', () => {
    expect(formatDate('2024-01-01', 'de')).toBe('01.01.2024');
    expect(formatDate('2023-12-31', 'en')).toBe('31 Dec 2023');
  });

  it('gives an empty string for no date and the input for what is not a date', () => {
    expect(formatDate(null, 'de')).toBe('');
    expect(formatDate(undefined, 'en')).toBe('');
    expect(formatDate('', 'de')).toBe('');
    expect(formatDate('demnächst', 'de')).toBe('demnächst');
  });
});

describe('formatPeriod', () => {
  it('joins start and end with a dash; open ends are spelled per language', () => {
    expect(formatPeriod('2022-01', '2024-06-30', 'de')).toBe('Januar 2022 – 30.06.2024');
    expect(formatPeriod('2022', null, 'de')).toBe('2022 – offen');
    expect(formatPeriod('2022', null, 'en')).toBe('2022 – open');
    expect(formatPeriod(null, '2024', 'en')).toBe('… – 2024');
    expect(formatPeriod(null, null, 'de')).toBe('');
  });
});

describe('formatMetric', () => {
  it('keeps three significant digits for small values and three decimals otherwise', () => {
    expect(formatMetric(0.000123456, 'de')).toBe('0,000123');
    expect(formatMetric(0.000123456, 'en')).toBe('0.000123');
    expect(formatMetric(0.43763, 'de')).toBe('0,438');
    expect(formatMetric(1234.5678, 'de')).toBe('1.234,568');
    expect(formatMetric(0, 'en')).toBe('0');
    expect(formatMetric(3.2e-21, 'de')).toBe('≈ 0');
    expect(formatMetric(-4e-9, 'en')).toBe('≈ 0');
    expect(formatMetric(2e-6, 'de')).toBe('0,000002');
  });
});
