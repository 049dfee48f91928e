/** The numbering's text replacement and the scrubbing of results for pseudonymised sessions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendPseudonymNumbers, textReplacer } from '../../shared/pseudonyms.ts';
import { Pseudonyms, realIds, scrub, UNKNOWN_ID } from './pseudonyms.ts';

/** The page's former replacement (one regular expression): the reference for the trie. */
function byRegex(text: string, replacements: ReadonlyMap<string, string>): string {
  const keys = [...replacements.keys()].filter((k) => k.trim() !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (keys.length === 0 || text === '') return text;
  const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(re, (m) => replacements.get(m) ?? m);
}

const p = new Pseudonyms([
  { id: 'a-zarof', kind: 'company', label: 'ZAROF. GmbH' },
  { id: 'a-zarof-logistik', kind: 'company', label: 'Zarof Logistik GmbH' },
  { id: 'a-zar', kind: 'company', label: 'Zarof' },
  { id: 'a-stadt', kind: 'municipality', label: 'Stadt Delitzsch' },
]);

describe('pseudonyms', () => {
  it('replace whole names only, the longest first, as the page did', () => {
    expect(p.text('Die ZAROF. GmbH und Zarof Logistik GmbH mit Zarofs Partner, Stadt Delitzsch.')).toBe(
      'Die Unternehmen 2 und Unternehmen 3 mit Zarofs Partner, Kommune 1.',
    );
  });

  it('actor ids become pseudonymous ids, also inside edge ids and URL queries; they map back, real ones to nothing', () => {
    expect(p.text('a-zarof')).toBe('pseudo-company-2');
    expect(p.text('cooperation:a-zarof:a-zarof-logistik:cooperation')).toBe('cooperation:pseudo-company-2:pseudo-company-3:cooperation');
    expect(p.text('?selected=a-zarof&expanded=a-zar,de-a-zarof')).toBe('?selected=pseudo-company-2&expanded=pseudo-company-1,de-a-zarof');
    expect(p.inId('pseudo-company-2')).toBe('a-zarof');
    expect(p.inId('a-zarof')).toBe(UNKNOWN_ID);
    expect(p.inId('p-netzwerk-chemie')).toBe('p-netzwerk-chemie');
    expect(realIds({ remove: ['pseudo-company-3', 'a-zar'], level: 'district' }, p)).toEqual({ remove: ['a-zarof-logistik', UNKNOWN_ID], level: 'district' });
  });

  it("a neighbourhood's reach (server-side only, real ids) is left out, not scrubbed", () => {
    const net = scrub({ nodes: [{ id: 'a-zarof', type: 'ACTOR', label: 'ZAROF. GmbH' }], reach: ['a-zarof', 'a-stadt'] }, p, true);
    expect(net).toEqual({ nodes: [{ id: 'pseudo-company-2', type: 'ACTOR', label: 'Unternehmen 2' }], reach: null });
  });

  it('the trie replaces exactly like the regular expression (random names and texts)', () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß0-9 .\-–]{1,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 8 }), fc.array(fc.oneof(word, fc.constantFrom(' ', '-', 'x', '.')), { maxLength: 12 }), (names, parts) => {
        const map = new Map(names.map((n, i) => [n, `<${i}>`]));
        const text = parts.join('') + names.slice(0, 3).join(' ');
        expect(textReplacer(map)(text)).toBe(byRegex(text, map));
      }),
      { numRuns: 500 },
    );
  });

  it('scrub: actor names and ids by pseudonym, free text left out, pairs labelled by their ids', () => {
    const actor = { id: 'a-zarof', name: 'ZAROF. GmbH', description: 'Sitz Leipzig', website: 'https://zarof.example', tags: ['x'], sourceIds: ['s1'] };
    expect(scrub({ actor, sources: [{ id: 's1', title: 'ZAROF' }], project: { id: 'p1', name: 'Netz der ZAROF. GmbH', goals: ['g'] } }, p, true)).toEqual({
      actor: { id: 'pseudo-company-2', name: 'Unternehmen 2', description: null, website: null, tags: [], sourceIds: [] },
      sources: [],
      project: { id: 'p1', name: 'Netz der Unternehmen 2', goals: [] },
    });
    expect(scrub({ a: 'a-zarof', b: 'a-stadt', aLabel: 'ZAROF. GmbH', bLabel: 'x', text: { de: 'Stadt Delitzsch verbindet' } }, p, false)).toEqual({
      a: 'pseudo-company-2',
      b: 'pseudo-municipality-1',
      aLabel: 'Unternehmen 2',
      bLabel: 'Kommune 1',
      text: { de: 'Kommune 1 verbindet' },
    });
    // Without `strip` (analysis results) fields keep their shape.
    expect(scrub({ id: 'r1', name: 'Leipzig', description: 'd' }, p, false)).toEqual({ id: 'r1', name: 'Leipzig', description: 'd' });
  });

  it("a link's numbering only grows: actors keep kind and number, new ones are numbered on, numbers are not given again", () => {
    const before = new Map([
      ['a-b', { kind: 'company', n: 1 }],
      ['a-c', { kind: 'company', n: 2 }],
      ['a-d', { kind: 'company', n: 3 }],
    ]);
    const after = extendPseudonymNumbers(before, [
      { id: 'a-a', kind: 'company' },
      { id: 'a-b', kind: 'company' },
      { id: 'a-c', kind: 'startup' },
      { id: 'a-e', kind: 'company' },
    ]);
    expect(Object.fromEntries(after)).toEqual({
      'a-a': { kind: 'company', n: 4 },
      'a-b': { kind: 'company', n: 1 },
      'a-c': { kind: 'startup', n: 1 },
      'a-e': { kind: 'company', n: 5 },
    });
    expect(extendPseudonymNumbers(null, [{ id: 'a-b', kind: null }])).toEqual(new Map([['a-b', { kind: 'other', n: 1 }]]));
  });

  it('search: by pseudonym, never by name', () => {
    expect(p.searchActors('Unternehmen 3', 5)[0]).toEqual({ id: 'a-zarof-logistik', type: 'ACTOR', kind: 'company', label: 'Unternehmen 3' });
    expect(p.searchActors('ZAROF', 5)).toEqual([]);
    expect(p.label('a-unknown')).toBe('Akteur ?');
  });
});
