import { describe, expect, it } from 'vitest';
import { wishedRegionPairs, wishInsights, type WishedPair } from './wishes.ts';

const pair = (a: string, b: string, aRegion: string | null, bRegion: string | null, tied: boolean): WishedPair => ({
  a,
  b,
  aName: a.toUpperCase(),
  bName: b.toUpperCase(),
  aRegion,
  bRegion,
  tied,
  sessions: ['Workshop Riesa, 12.03.2027'],
});
const names: Record<string, string> = { 'de-14627': 'Landkreis Meißen', 'de-14730': 'Landkreis Nordsachsen' };

describe('wished ties beside the existing ones', () => {
  const pairs = [
    pair('a', 'b', 'de-14730', 'de-14627', false),
    pair('c', 'd', 'de-14627', 'de-14730', false),
    pair('e', 'f', 'de-14627', 'de-14730', true),
    pair('g', 'h', 'de-14627', 'de-14627', true),
    pair('k', 'l', 'de-14627', 'de-14627', false),
    pair('i', 'j', null, 'de-14627', false),
  ];
  it('counts wished, missing and existing per region pair (unordered), most missing first; pairs without a region left out', () => {
    expect(wishedRegionPairs(pairs, (id) => names[id] ?? id)).toEqual([
      { a: 'de-14627', b: 'de-14730', aName: 'Landkreis Meißen', bName: 'Landkreis Nordsachsen', wished: 3, missing: 2, existing: 1 },
      { a: 'de-14627', b: 'de-14627', aName: 'Landkreis Meißen', bName: 'Landkreis Meißen', wished: 2, missing: 1, existing: 1 },
    ]);
  });
  it('says how many wishes there are and where they are missing', () => {
    const cards = wishInsights(pairs, wishedRegionPairs(pairs, (id) => names[id] ?? id));
    expect(cards.map((c) => c.text.de)).toEqual([
      '6 Kooperationswünsche aus Workshop Riesa, 12.03.2027: 4 noch ohne Verbindung, 2 bestehen schon.',
      'Zwischen Landkreis Meißen und Landkreis Nordsachsen wünschen sich 2 Akteurspaare eine Kooperation, die es noch nicht gibt.',
      'Im Landkreis Meißen wünscht sich 1 Akteurspaar eine Kooperation, die es noch nicht gibt.',
    ]);
    expect(cards[1]?.nodeIds).toEqual(['a', 'b', 'c', 'd']);
    expect(cards[1]?.text.en).toBe('Between Landkreis Meißen and Landkreis Nordsachsen, 2 pairs of actors wish for a cooperation that does not exist yet.');
    expect(wishInsights([], [])).toEqual([]);
  });
});
