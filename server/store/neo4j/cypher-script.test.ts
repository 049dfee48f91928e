import { describe, expect, it } from 'vitest';
import { batchToCypherScript, cypherLiteral, inlineParameters } from './cypher-script.ts';

describe('Cypher literals', () => {
  it('escapes quotes, backslashes and line breaks; numbers stay floats', () => {
    expect(cypherLiteral("O'Brien \\ \"x\"\nnext")).toBe("'O\\'Brien \\\\ \"x\"\\nnext'");
    expect(cypherLiteral(51)).toBe('51.0');
    expect(cypherLiteral(12.345)).toBe('12.345');
    expect(cypherLiteral(null)).toBe('null');
    expect(cypherLiteral(['a', null])).toBe("['a', null]");
    expect(cypherLiteral({ id: 'x', 'odd key': true })).toBe("{id: 'x', `odd key`: true}");
    expect(() => cypherLiteral(Number.NaN)).toThrow();
  });

  it('inlines parameters and refuses missing ones', () => {
    expect(inlineParameters('MATCH (n {id: $id}) RETURN n', { id: "a'b" })).toBe("MATCH (n {id: 'a\\'b'}) RETURN n");
    expect(() => inlineParameters('RETURN $x', {})).toThrow(/\$x/);
  });

  it('a batch becomes MERGE statements with its rows as literals', async () => {
    const script = await batchToCypherScript({
      regions: [{ id: 'r-x', name: "Land's End", kind: 'district', lat: 50, lon: 8 }],
      actors: [{ id: 'a-x', name: 'A', kind: 'company', regionId: 'r-x' }],
    });
    expect(script).toMatch(/MERGE \(n:Region \{id: row\.id\}\)/);
    expect(script).toContain("name: 'Land\\'s End'");
    expect(script).toMatch(/LOCATED_IN/);
    expect(script).not.toMatch(/\$[a-z]/i);
  });
});
