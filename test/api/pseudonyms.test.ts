/**
 * Pseudonymised share links (server/pseudonym/): with such a viewer token no demo actor name reaches
 * the client — not through any query the page sends (with the variables of client-documents.ts), the
 * stories, search or any download — while the same requests with a plain viewer token do carry them.
 * Nor any actor id (built from names: "a-stadt-delitzsch"): such a link knows actors by pseudonymous
 * ids, and a real one finds nothing. Search finds the pseudonym and never a real name; labels are the
 * page's ("Unternehmen 3").
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../../client/api/generated/graphql.ts';
import { EXPORT_FORMATS } from '../../server/export/formats.ts';
import { DOWNLOAD_FORMATS } from '../../server/export/http.ts';
import { readXlsx } from '../../server/import/xlsx.ts';
import { Pseudonyms } from '../../server/pseudonym/pseudonyms.ts';
import { storeFor } from '../../server/pseudonym/session.ts';
import { PSEUDONYM_KINDS_DE, pseudonymId, pseudonymNumbers } from '../../shared/pseudonyms.ts';
import { ids, queries, VARIABLES } from '../support/client-documents.ts';
import { startTestServer, type GqlResult, type TestServer } from '../support/server.ts';

const actors = parse(readFileSync(new URL('../../server/demo/actors.csv', import.meta.url)), { columns: true }) as { id: string; name: string; kind: string }[];
/** Names long enough not to occur by chance inside other words ("Stadt Delitzsch", "ZAROF. GmbH", …). */
const NAMES = actors.map((a) => a.name).filter((n) => n.length >= 6);
const numbers = pseudonymNumbers(actors);
const pseudonymOf = (id: string): string => {
  const p = numbers.get(id);
  if (!p) throw new Error(`no demo actor ${id}`);
  return `${PSEUDONYM_KINDS_DE[p.kind]} ${p.n}`;
};
const idOf = (id: string): string => {
  const p = numbers.get(id);
  if (!p) throw new Error(`no demo actor ${id}`);
  return pseudonymId(p);
};
/** Variables as such a link sends them: with the actor ids it was given. */
const pseudoVars = (v: unknown): unknown =>
  typeof v === 'string' && numbers.has(v) ? idOf(v) : Array.isArray(v) ? v.map(pseudoVars) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pseudoVars(x)])) : v;
const ACTOR_IDS = actors.map((a) => a.id);
const namesIn = (body: string): string[] => [
  ...NAMES.filter((n) => body.includes(n)),
  ...ACTOR_IDS.filter((id) => new RegExp(`(?<![a-z0-9._-])${id.replace(/[.]/g, '\\.')}(?![a-z0-9._-])`).test(body)),
];

const CREATE = `mutation($name: String!, $pseudonymous: Boolean!) { createToken(name: $name, role: VIEWER, pseudonymous: $pseudonymous) { secret token { id role pseudonymous } } }`;
const SEARCH = `query($text: String!, $types: [NodeType!]) { search(text: $text, types: $types) { id type label } }`;
const ME = `{ me { role pseudonymous } }`;

let server: TestServer;
let plain: string;
let pseudo: string;
let storyId: string;
beforeAll(async () => {
  server = await startTestServer();
  const admin = server.adminSecret ?? undefined;
  const made = async (pseudonymous: boolean) => {
    const r = await server.gql<{ createToken: { secret: string; token: { pseudonymous: boolean } } }>(CREATE, { name: `Workshop ${pseudonymous}`, pseudonymous }, admin);
    expect(r.data?.createToken.token.pseudonymous).toBe(pseudonymous);
    return r.data?.createToken.secret ?? '';
  };
  plain = await made(false);
  pseudo = await made(true);
  const stories = await server.gql<{ stories: { id: string }[] }>('{ stories { id } }', {}, plain);
  storyId = stories.data?.stories[0]?.id ?? '';
  expect(storyId).not.toBe('');
});
afterAll(() => server?.close());

/** Every request the page can make, as [what, body text] with each token. */
async function everyAnswer(token: string): Promise<[string, string, GqlResult<unknown> | null][]> {
  const out: [string, string, GqlResult<unknown> | null][] = [];
  const cases: [string, string, Record<string, unknown>][] = queries.flatMap(([name, text]) => (VARIABLES[name] ?? []).map((v) => [name, text, v] as [string, string, Record<string, unknown>]));
  cases.push(['Story', String(generated.StoryDocument), { id: storyId }]);
  for (const name of ['ZAROF', 'Delitzsch', 'Nordsachsen', 'Unternehmen']) cases.push([`Search ${name}`, SEARCH, { text: name, types: null }]);
  cases.push(['Source', '{ source(id: "s-netzwerk-chemie") { version row { id title url publisher } } }', {}]);
  for (const [name, text, variables] of cases) {
    const r = await server.gql(text, (token === pseudo ? pseudoVars(variables) : variables) as Record<string, unknown>, token);
    out.push([`${name} ${JSON.stringify(variables)}`, JSON.stringify(r), r]);
  }
  for (const format of DOWNLOAD_FORMATS) {
    const res = await fetch(`${server.url}export/${format}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, format).toBe(200);
    const body = format === 'xlsx' ? JSON.stringify((await readXlsx(Buffer.from(await res.arrayBuffer()), 'download.xlsx')).batch) : await res.text();
    out.push([`GET /export/${format}`, body, null]);
  }
  // The CSV folder is the CLI's (npm run export): the same batch through its writer.
  const { token: t } = (await server.store.tokens.list()).map((x) => ({ token: x })).find((x) => x.token.name === (token === pseudo ? 'Workshop true' : 'Workshop false')) ?? { token: null };
  const files = (await EXPORT_FORMATS.csv.write(await storeFor(t, server.store).exportBatch())) as Map<string, string>;
  out.push(['CSV files', [...files.values()].join('\n'), null]);
  return out;
}

describe('a pseudonymised share link', () => {
  it('is a viewer that knows it is pseudonymised; only viewer tokens can be', async () => {
    expect((await server.gql(ME, {}, pseudo)).data).toEqual({ me: { role: 'VIEWER', pseudonymous: true } });
    expect((await server.gql(ME, {}, plain)).data).toEqual({ me: { role: 'VIEWER', pseudonymous: false } });
    const editor = await server.gql(`mutation { createToken(name: "x", role: EDITOR, pseudonymous: true) { secret } }`, {}, server.adminSecret ?? undefined);
    expect(editor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('receives no real actor name in any answer, download or story; a plain viewer token does', async () => {
    expect(NAMES.length).toBeGreaterThan(30);
    const hidden = await everyAnswer(pseudo);
    const shown = await everyAnswer(plain);
    expect(hidden.map(([what]) => what)).toEqual(shown.map(([what]) => what));
    expect(hidden.length).toBeGreaterThan(40);
    const leaks = hidden.flatMap(([what, body]) => namesIn(body).map((n) => `${what}: ${n}`));
    expect(leaks).toEqual([]);
    // The same requests answer alike apart from the names (same errors, e.g. FORBIDDEN for the token list) …
    const codes = (rs: typeof hidden) => rs.map(([what, , r]) => [what, (r?.errors ?? []).map((e) => e.extensions?.code)]);
    expect(codes(hidden)).toEqual(codes(shown));
    // … and without pseudonyms they name actors: the test can fail.
    const naming = shown.filter(([, body]) => namesIn(body).length > 0).map(([what]) => what.split(' ')[0]);
    for (const what of ['Network', 'Neighborhood', 'Paths', 'ActorDetails', 'ProjectDetails', 'RegionDetails', 'EventDetails', 'Metrics', 'WhatIf', 'Suggestions', 'Insights', 'Story', 'Search', 'GET', 'CSV'])
      expect(naming, what).toContain(what);
    expect(new Set(shown.flatMap(([, body]) => namesIn(body))).size).toBe(NAMES.length + ACTOR_IDS.length);
  });

  it('labels actors as the page does, the same in the network, the details, the paths and the analysis', async () => {
    const label = pseudonymOf(ids.ACTOR);
    expect(label).toMatch(/^Unternehmen \d+$/);
    const net = await server.gql<{ network: { nodes: { id: string; label: string }[] } }>(String(generated.NetworkDocument), VARIABLES.Network?.[0], pseudo);
    const nodes = net.data?.network.nodes ?? [];
    for (const a of actors) expect(nodes.find((n) => n.id === idOf(a.id))?.label, a.id).toBe(pseudonymOf(a.id));
    const d = await server.gql<{ actor: { id: string; name: string; website: string | null; description: string | null } }>(String(generated.ActorDetailsDocument), { id: idOf(ids.ACTOR), editable: false }, pseudo);
    expect(d.data?.actor).toMatchObject({ id: idOf(ids.ACTOR), name: label, website: null, description: null });
    const m = await server.gql<{ metrics: { nodes: { id: string; label: string }[] } }>('query($f: NetworkFilter) { metrics(filter: $f) { nodes { id label } } }', { f: {} }, pseudo);
    expect(m.data?.metrics.nodes.find((n) => n.id === idOf(ids.ACTOR))?.label).toBe(label);
    const paths = await server.gql<{ shortestPaths: { nodes: { id: string }[] }[] }>('query($a: ID!, $b: ID!) { shortestPaths(from: $a, to: $b) { nodes { id } } }', { a: idOf(ids.ACTOR), b: idOf('a-stadt-delitzsch') }, pseudo);
    expect(paths.data?.shortestPaths[0]?.nodes[0]?.id).toBe(idOf(ids.ACTOR));
    // A real actor id finds nothing (no guessing which pseudonym an id has).
    const real = await server.gql(String(generated.ActorDetailsDocument), { id: ids.ACTOR, editable: false }, pseudo);
    expect(real.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await server.gql<{ nodeType: string | null }>('query($id: ID!) { nodeType(id: $id) }', { id: ids.ACTOR }, pseudo)).data?.nodeType).toBeNull();
    const s = await server.gql<{ story: { slides: { title: string | null; notes: string | null }[] } }>(String(generated.StoryDocument), { id: storyId }, pseudo);
    expect(s.data?.story.slides.length).toBeGreaterThan(3);
    expect(s.data?.story.slides.every((x) => x.notes === null)).toBe(true);
  });

  it('search: a real name finds nothing, the pseudonym finds the actor', async () => {
    const search = async (text: string, token: string, types: string[] | null = null) =>
      (await server.gql<{ search: { id: string; type: string; label: string }[] }>(SEARCH, { text, types }, token)).data?.search ?? [];
    expect((await search('ZAROF. GmbH', plain)).map((h) => h.id)).toContain(ids.ACTOR);
    expect(await search('ZAROF. GmbH', pseudo)).toEqual([]);
    expect(await search('ZAROF', pseudo)).toEqual([]);
    for (const a of actors) expect((await search(a.name, pseudo)).filter((h) => h.type === 'ACTOR'), a.name).toEqual([]);
    const label = pseudonymOf(ids.ACTOR);
    expect((await search(label, pseudo))[0]).toEqual({ id: idOf(ids.ACTOR), type: 'ACTOR', label });
    expect((await search(label.toLowerCase(), pseudo, ['ACTOR']))[0]?.id).toBe(idOf(ids.ACTOR));
    // Other nodes are still found by their names.
    expect((await search('Netzwerk Chemie', pseudo)).map((h) => h.id)).toContain(ids.PROJECT);
  });

  it('keeps its labels and ids when the data changes meanwhile; the new actor is numbered on, a new link numbers afresh', async () => {
    const companies = actors.filter((a) => a.kind === 'company').length;
    const labelOf = async (id: string, token: string) =>
      (await server.gql<{ actor: { name: string } }>(String(generated.ActorDetailsDocument), { id, editable: false }, token)).data?.actor.name;
    expect(await labelOf(idOf(ids.ACTOR), pseudo)).toBe(pseudonymOf(ids.ACTOR));
    // "a-aaa…" comes first in id order: numbered afresh, every company would move up by one.
    const made = await server.gql(`mutation { createActor(input: { id: "a-aaa-neu", name: "Aaa Neugründung GmbH", kind: "company" }) { id } }`, {}, server.adminSecret ?? undefined);
    expect(made.errors).toBeUndefined();
    expect(await labelOf(idOf(ids.ACTOR), pseudo)).toBe(pseudonymOf(ids.ACTOR));
    expect(await labelOf(`pseudo-company-${companies + 1}`, pseudo)).toBe(`Unternehmen ${companies + 1}`);
    const net = JSON.stringify(await server.gql(String(generated.NetworkDocument), VARIABLES.Network?.[0], pseudo));
    expect(net).not.toContain('Aaa Neugründung');
    const fresh = await server.gql<{ createToken: { secret: string } }>(CREATE, { name: 'Workshop später', pseudonymous: true }, server.adminSecret ?? undefined);
    expect(await labelOf('pseudo-company-1', fresh.data?.createToken.secret ?? '')).toBe('Unternehmen 1');
    expect((await server.gql<{ search: { id: string }[] }>(SEARCH, { text: 'Unternehmen 1', types: ['ACTOR'] }, fresh.data?.createToken.secret)).data?.search[0]?.id).toBe('pseudo-company-1');
    // Behind the scenes: the new link numbers the new actor first, the first link numbered it on.
    const linkOf = async (name: string) => (await server.store.tokens.list()).find((x) => x.name === name)?.id ?? '';
    const freshNumbers = (await Pseudonyms.of(server.store, await linkOf('Workshop später'))).numbers;
    expect([freshNumbers.get('a-aaa-neu'), freshNumbers.get(ids.ACTOR)?.n]).toEqual([{ kind: 'company', n: 1 }, (numbers.get(ids.ACTOR)?.n ?? 0) + 1]);
    expect((await Pseudonyms.of(server.store, await linkOf('Workshop true'))).numbers.get('a-aaa-neu')).toEqual({ kind: 'company', n: companies + 1 });
  });

  it('cannot read the audit log or write', async () => {
    const r = await server.gql('{ auditLog { total } }', {}, pseudo);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
