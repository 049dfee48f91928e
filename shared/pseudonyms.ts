/**
 * The pseudonym numbering, shared by the page (client/state/pseudonyms.ts, its own pseudonymised mode)
 * and the server (server/pseudonym/, pseudonymised share links), so both label an actor alike:
 * "Unternehmen 3" is the third company in id order over ALL actors, whatever the filters.
 * Pure code without imports: both builds take it as it is.
 */

export interface Pseudonym {
  kind: string;
  n: number;
}

/** Kind and number per actor id: numbered 1, 2, … within each kind, by id (code unit order). */
export function pseudonymNumbers(actors: readonly { id: string; kind: string | null }[]): Map<string, Pseudonym> {
  const byKind = new Map<string, string[]>();
  for (const a of actors) {
    const kind = a.kind ?? 'other';
    const list = byKind.get(kind);
    if (list) list.push(a.id);
    else byKind.set(kind, [a.id]);
  }
  const out = new Map<string, Pseudonym>();
  for (const [kind, ids] of byKind) {
    [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).forEach((id, i) => out.set(id, { kind, n: i + 1 }));
  }
  return out;
}

/**
 * The German kind words of the pseudonyms (the server's labels; the page spells them through i18n,
 * `pseudo.kind.*`, whose German entries are these, checked by client/i18n/i18n.test.ts).
 */
export const PSEUDONYM_KINDS_DE: Readonly<Record<string, string>> = {
  company: 'Unternehmen',
  startup: 'Start-up',
  university: 'Hochschule',
  school: 'Schule',
  research_institute: 'Forschungseinrichtung',
  chamber: 'Kammer',
  association: 'Verband',
  municipality: 'Kommune',
  district_administration: 'Kreisverwaltung',
  economic_development_agency: 'Wirtschaftsförderung',
  funder: 'Fördermittelgeber',
  education_provider: 'Bildungsträger',
  civil_society: 'Initiative',
  media: 'Medium',
  other: 'Akteur',
};

export const pseudonymLabel = (p: Pseudonym, kindLabel: (kind: string) => string): string => `${kindLabel(p.kind)} ${p.n}`;

const WORD = /[\p{L}\p{N}]/u;

/** Whether the code point ending just before `i` is a letter or digit. */
function wordBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return WORD.test(text.slice(start, i));
}

/** Whether the code point starting at `i` is a letter or digit. */
const wordAt = (text: string, i: number): boolean => i < text.length && WORD.test(String.fromCodePoint(text.codePointAt(i) ?? 0));

/**
 * A function replacing every key of `replacements` in a text by its value: exact, case-sensitive,
 * whole names only (not inside a longer word), longer names first so "Zarof Logistik GmbH" wins over
 * "Zarof". Keys are indexed by their first two characters, so a text is scanned once whatever the
 * number of names (a regular expression alternating 14,000 names took seconds per network answer).
 */
export function textReplacer(replacements: ReadonlyMap<string, string>): (text: string) => string {
  const index = new Map<string, string[]>();
  for (const k of replacements.keys()) {
    if (k.trim() === '') continue;
    const head = k.slice(0, 2);
    const list = index.get(head);
    if (list) list.push(k);
    else index.set(head, [k]);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (index.size === 0) return (text) => text;
  return (text) => {
    let out = '';
    let done = 0;
    let i = 0;
    while (i < text.length) {
      let hit: string | undefined;
      if (!wordBefore(text, i)) {
        const two = index.get(text.slice(i, i + 2));
        const one = index.get(text.slice(i, i + 1));
        const cands = one && two ? [...two, ...one].sort((a, b) => b.length - a.length) : (two ?? one);
        hit = cands?.find((k) => text.startsWith(k, i) && !wordAt(text, i + k.length));
      }
      if (hit === undefined) {
        i++;
        continue;
      }
      out += text.slice(done, i) + (replacements.get(hit) ?? hit);
      i += hit.length;
      done = i;
    }
    return done === 0 ? text : out + text.slice(done);
  };
}
