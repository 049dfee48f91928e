/**
 * Hostile names round-trip unchanged through store and API: quotes, backslashes, braces, comment
 * markers, query keywords, emoji and umlauts. Values are always parameters, never spliced in.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(async () => {
  await server?.close();
});

const pieces = ["'", '"', '\\', '}', '{', '--', '/*', '*/', ';', 'MATCH (n) DETACH DELETE n', 'DROP TABLE actors', '$x', '`', '%', '_', '\n', '😀', '🇩🇪', 'ä', 'Ö', 'ß', 'Meißen', ' ', 'a', 'Z', '0'];
const hostile = fc
  .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 })
  .map((p) => p.join(''))
  .filter((s) => s.trim() !== '' && s.trim() === s && s.length <= 300);

describe('hostile text round-trips through store and API', () => {
  it('actor names, descriptions and tags', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (name, text) => {
        const id = `a-prop-${n++}`;
        await server.store.applyBatch({ actors: [{ id, name, kind: 'company', description: text, tags: [text] }] });
        const r = await server.gql<{ actor: { name: string; description: string; tags: string[] } }>(
          'query($id: ID!) { actor(id: $id) { name description tags } }',
          { id },
        );
        expect(r.errors).toBeUndefined();
        expect(r.data?.actor).toEqual({ name, description: text, tags: [text] });
        const hits = await server.gql<{ search: { id: string }[] }>('query($t: String!) { search(text: $t, limit: 100) { id } }', { t: name });
        expect(hits.errors).toBeUndefined();
        if (/[\p{L}\p{N}]/u.test(name)) expect(hits.data?.search.map((h) => h.id)).toContain(id);
      }),
      { numRuns: 60, seed: 20261121 },
    );
    expect((await server.store.stats()).actors).toBe(n);
  });
});
