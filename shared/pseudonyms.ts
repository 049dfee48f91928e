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
 * The numbering after the data changed, for a viewer who already saw `previous`: actors keep their
 * kind and number, numbers of removed actors are not given again, and new actors (or actors whose
 * kind changed) are numbered on after the highest number of their kind, in id order. Without
 * `previous` it is pseudonymNumbers.
 */
export function extendPseudonymNumbers(
  previous: ReadonlyMap<string, Pseudonym> | null,
  actors: readonly { id: string; kind: string | null }[],
): Map<string, Pseudonym> {
  if (!previous) return pseudonymNumbers(actors);
  const top = new Map<string, number>();
  for (const p of previous.values()) top.set(p.kind, Math.max(top.get(p.kind) ?? 0, p.n));
  const out = new Map<string, Pseudonym>();
  const fresh: { id: string; kind: string }[] = [];
  for (const a of actors) {
    const kind = a.kind ?? 'other';
    const p = previous.get(a.id);
    if (p && p.kind === kind) out.set(a.id, p);
    else if (!out.has(a.id)) fresh.push({ id: a.id, kind });
  }
  fresh.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const a of fresh) {
    if (out.has(a.id)) continue;
    const n = (top.get(a.kind) ?? 0) + 1;
    top.set(a.kind, n);
    out.set(a.id, { kind: a.kind, n });
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

/**
 * The id a pseudonymised share link knows an actor by ("pseudo-company-3"): our ids are built from
 * names ("a-stadt-delitzsch"), so the server hands out these instead.
 */
export const pseudonymId = (p: Pseudonym): string => `pseudo-${p.kind.replace(/_/g, '-')}-${p.n}`;

const WORD = /[\p{L}\p{N}]/u;
/** The characters of our ids but ':' (edge ids and URL queries join ids with ':', '=', '&', ','). */
export const ID_CHAR = /[a-z0-9._-]/;

/** Whether the code point ending just before `i` is a word character. */
function wordBefore(text: string, i: number, word: RegExp): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return word.test(text.slice(start, i));
}

/** Whether the code point starting at `i` is a word character. */
const wordAt = (text: string, i: number, word: RegExp): boolean => i < text.length && word.test(String.fromCodePoint(text.codePointAt(i) ?? 0));

/**
 * A function replacing every key of `replacements` in a text by its value: exact, case-sensitive,
 * whole names only (not inside a longer word), the longest name first so "Zarof Logistik GmbH" wins
 * over "Zarof". The names sit in a trie walked from each word start, so a text is read once whatever
 * the number of names. Measured with 14,470 names on short strings, two thirds of them names (tsx, one
 * core): a regular expression alternating the names took 17 µs a string (52 ms for 3,000), an index by
 * the first two letters 90 µs (a common first word leaves thousands of candidates), this trie 4 µs
 * (120 ms for 30,000, after 100 ms to build it once per data revision). `word`: the characters a name
 * must not touch on either side (default letters and digits; ID_CHAR for ids inside edge ids and queries).
 */
export function textReplacer(replacements: ReadonlyMap<string, string>, word: RegExp = WORD): (text: string) => string {
  // Children by parent * 65536 + UTF-16 code unit; `ends[node]` is the name that ends there.
  const child = new Map<number, number>();
  const ends: (string | undefined)[] = [undefined];
  for (const k of replacements.keys()) {
    if (k.trim() === '') continue;
    let node = 0;
    for (let j = 0; j < k.length; j++) {
      const edge = node * 65536 + k.charCodeAt(j);
      let next = child.get(edge);
      if (next === undefined) {
        next = ends.length;
        ends.push(undefined);
        child.set(edge, next);
      }
      node = next;
    }
    ends[node] = k;
  }
  if (ends.length === 1) return (text) => text;
  return (text) => {
    let out = '';
    let done = 0;
    let i = 0;
    while (i < text.length) {
      let hit: string | undefined;
      if (child.has(text.charCodeAt(i)) && !wordBefore(text, i, word)) {
        let node: number | undefined = 0;
        for (let j = i; j < text.length; j++) {
          node = child.get(node * 65536 + text.charCodeAt(j));
          if (node === undefined) break;
          const name = ends[node];
          if (name !== undefined && !wordAt(text, j + 1, word)) hit = name;
        }
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
