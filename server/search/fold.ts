/**
 * Search keys: lower case, umlauts and ß folded the German way (ä→ae, ß→ss), other diacritics
 * stripped, punctuation turned into single spaces. A second key folds umlauts to the bare vowel
 * (ä→a), so "Gorlitz" finds "Görlitz" as well as "Goerlitz" does.
 */
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' };

function clean(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Meißen" → "meissen", "Görlitz" → "goerlitz". */
export function foldGerman(s: string): string {
  return clean(s.toLowerCase().replace(/[äöüßẞ]/g, (c) => GERMAN[c] ?? c));
}

/** "Görlitz" → "gorlitz" (umlaut to its base vowel). */
export function foldPlain(s: string): string {
  return clean(s.toLowerCase().replace(/[ßẞ]/g, 'ss'));
}

/** The query as tokens, in both foldings (at most 8 tokens). */
export function queryTokens(text: string): { german: string[]; plain: string[] } {
  const split = (s: string) => s.split(' ').filter((t) => t !== '').slice(0, 8);
  return { german: split(foldGerman(text)), plain: split(foldPlain(text)) };
}

export interface SearchCandidate {
  id: string;
  type: 'ACTOR' | 'PROJECT' | 'REGION' | 'EVENT';
  kind: string | null;
  label: string;
  searchKey: string;
  searchKeyAlt: string;
}

/** Does a candidate contain every token (in one of the foldings)? The adapters pre-select with this rule. */
export function matchesAll(c: Pick<SearchCandidate, 'searchKey' | 'searchKeyAlt'>, tokens: readonly string[]): boolean {
  return tokens.every((t) => c.searchKey.includes(t) || c.searchKeyAlt.includes(t));
}

/**
 * Score: whole query exact > prefix > word prefix > substring > all tokens somewhere; 0 = no match.
 * The query is folded once (`scorer(text)`), not once per candidate: ranking the 2,000 candidates of
 * a common word at 25,000 actors took 48 ms that way, and 3 ms this way.
 */
export function scorer(text: string): (c: SearchCandidate) => number {
  const q = foldGerman(text);
  const qPlain = foldPlain(text);
  const t = queryTokens(text);
  const spaced = ` ${q}`;
  const spacedPlain = ` ${qPlain}`;
  const pairs = (
    [
      ['searchKey', q, spaced],
      ['searchKeyAlt', qPlain, spacedPlain],
      ['searchKeyAlt', q, spaced],
    ] as const
  ).filter(([, needle]) => needle !== '');
  return (c) => {
    let best = 0;
    for (const [field, needle, spacedNeedle] of pairs) {
      const key = c[field];
      let s = 0;
      if (key === needle) s = 100;
      else if (key.startsWith(needle)) s = 80;
      else if (key.includes(spacedNeedle)) s = 60;
      else if (key.includes(needle)) s = 40;
      if (s > best) best = s;
    }
    if (best === 0 && ((t.german.length > 0 && matchesAll(c, t.german)) || (t.plain.length > 0 && matchesAll(c, t.plain)))) best = 20;
    // Among equal scores, shorter labels first (closer to what was typed).
    return best === 0 ? 0 : best + Math.max(0, 10 - c.label.length / 20);
  };
}

export function rankSearch<C extends SearchCandidate>(cands: readonly C[], text: string, limit: number): C[] {
  const score = scorer(text);
  return cands
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.c.label.localeCompare(b.c.label, 'de') || a.c.id.localeCompare(b.c.id))
    .slice(0, limit)
    .map((x) => x.c);
}
