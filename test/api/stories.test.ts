/**
 * Stories through the API: the list and one story with its slides (the demo story), creating,
 * changing and deleting as an editor with versions, the roles, and reading with READ_ACCESS=token
 * (a participant's read-only link carries a viewer token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/server.ts';

let server: TestServer;
let editor: string;
let viewer: string;

const err = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions ?? {};

async function token(s: TestServer, role: 'VIEWER' | 'EDITOR', name: string): Promise<string> {
  const r = await s.gql<{ createToken: { secret: string } }>('mutation($n: String!, $r: Role!) { createToken(name: $n, role: $r) { secret } }', { n: name, r: role }, s.adminSecret ?? '');
  expect(r.errors).toBeUndefined();
  return r.data?.createToken.secret ?? '';
}

beforeAll(async () => {
  server = await startTestServer();
  editor = await token(server, 'EDITOR', 'Netzwerkmanagement');
  viewer = await token(server, 'VIEWER', 'Workshop');
});
afterAll(async () => {
  await server?.close();
});

interface StoryOut {
  id: string;
  title: string;
  description: string | null;
  version: number;
  slides: { id: string; title: string; notes: string | null; view: Record<string, unknown>; reveal: { by: string } }[];
}
const STORY = 'query($id: ID!) { story(id: $id) { id title description version slides { id title notes view reveal } } }';
const FIELDS = 'id title description version slides { id title notes view reveal }';
const CREATE = `mutation($input: StoryInput!) { createStory(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: StoryInput!) { updateStory(id: $id, version: $v, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $v: Int!) { deleteStory(id: $id, version: $v) { type id cascaded } }';
const DEMO = 'regionale-netzwerke-im-strukturwandel';

describe('reading stories', () => {
  it('stories lists the demo story with its slide count and version', async () => {
    const r = await server.gql<{ stories: { id: string; title: string; description: string | null; slideCount: number; version: number }[] }>(
      '{ stories { id title description slideCount version } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.stories).toContainEqual({ id: DEMO, title: 'Regionale Netzwerke im Strukturwandel', description: expect.any(String), slideCount: 8, version: 1 });
  });

  it('story(id) gives the slides in order, each with its view and reveal', async () => {
    const r = await server.gql<{ story: StoryOut }>(STORY, { id: DEMO });
    expect(r.errors).toBeUndefined();
    const s = r.data?.story;
    expect(s?.slides.map((x) => x.id)).toEqual([
      'titel',
      'netzwerk-chemie',
      'teammit',
      'wir-elberegion-meissen',
      'nordthueringen',
      'impuls-regio',
      'was-sie-verbindet',
      'die-luecken-dazwischen',
    ]);
    expect(s?.slides[0]).toMatchObject({ title: 'Regionale Netzwerke im Strukturwandel', view: { query: '?layout=geo', positions: null, zoom: null, pan: null, highlight: [] }, reveal: { by: 'region' } });
    expect(s?.slides[1]?.view).toMatchObject({ query: '?projects=p-netzwerk-chemie&selected=a-zarof', highlight: expect.arrayContaining(['a-zarof']) });
    expect(s?.slides.filter((x) => x.reveal.by === 'year').map((x) => x.id)).toEqual(['nordthueringen']);
    expect(s?.slides.every((x) => typeof x.notes === 'string' && x.notes.length > 0)).toBe(true);
  });

  it('an unknown story is NOT_FOUND', async () => {
    const r = await server.gql(STORY, { id: 'no-such-story' });
    expect(err(r)).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-story' });
  });

  it('stories are no network nodes: search and nodeType do not know the demo story', async () => {
    const r = await server.gql<{ search: { id: string }[]; nodeType: string | null }>('query($id: ID!) { search(text: "Strukturwandel") { id } nodeType(id: $id) }', { id: DEMO });
    expect(r.data?.search.map((h) => h.id)).not.toContain(DEMO);
    expect(r.data?.nodeType).toBeNull();
    const stats = await server.gql<{ stats: { stories: number } }>('{ stats { stories } }');
    expect(stats.data?.stats.stories).toBeGreaterThanOrEqual(1);
  });
});

describe('editing stories', () => {
  const input = {
    title: 'Workshop Delitzsch',
    description: 'Für den Auftakt',
    slides: [
      { id: 'eins', title: 'Alle', view: { query: '?layout=geo' }, reveal: { by: 'region' } },
      { id: 'zwei', title: 'ZAROF', notes: 'Der Träger.', view: { query: '?focus=a-zarof', positions: { 'a-zarof': { x: 1, y: 2 } }, zoom: 2, pan: { x: 0, y: 0 }, size: { w: 690, h: 466 }, highlight: ['a-zarof'] } },
    ],
  };

  it('createStory as an editor: an id from the title, version 1, defaults filled in', async () => {
    const r = await server.gql<{ createStory: StoryOut }>(CREATE, { input }, editor);
    expect(r.errors).toBeUndefined();
    expect(r.data?.createStory).toMatchObject({ id: 'workshop-delitzsch', title: 'Workshop Delitzsch', version: 1 });
    expect(r.data?.createStory.slides[0]).toEqual({
      id: 'eins',
      title: 'Alle',
      notes: null,
      view: { query: '?layout=geo', positions: null, zoom: null, pan: null, size: null, highlight: [] },
      reveal: { by: 'region' },
    });
    expect(r.data?.createStory.slides[1]?.view).toEqual(input.slides[1]?.view);
    const list = await server.gql<{ stories: { id: string; slideCount: number }[] }>('{ stories { id slideCount } }');
    expect(list.data?.stories.map((s) => s.id)).toEqual(['regionale-netzwerke-im-strukturwandel', 'workshop-delitzsch']); // by title
  });

  it('updateStory with the current version: absent slides stay; a stale version is a CONFLICT', async () => {
    const r = await server.gql<{ updateStory: StoryOut }>(UPDATE, { id: 'workshop-delitzsch', v: 1, input: { title: 'Workshop in Delitzsch' } }, editor);
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateStory).toMatchObject({ title: 'Workshop in Delitzsch', version: 2 });
    expect(r.data?.updateStory.slides.map((s) => s.id)).toEqual(['eins', 'zwei']);
    const reordered = await server.gql<{ updateStory: StoryOut }>(UPDATE, { id: 'workshop-delitzsch', v: 2, input: { slides: [input.slides[1], input.slides[0]] } }, editor);
    expect(reordered.data?.updateStory.slides.map((s) => s.id)).toEqual(['zwei', 'eins']);
    const stale = await server.gql(UPDATE, { id: 'workshop-delitzsch', v: 2, input: { title: 'Alt' } }, editor);
    expect(err(stale)).toMatchObject({ code: 'CONFLICT', expectedVersion: 2, currentVersion: 3 });
  });

  it('bad input names the field: a duplicate slide id, a view that is no query string, keys a view does not have', async () => {
    const dup = await server.gql(CREATE, { input: { title: 'Doppelt', slides: [{ id: 'a' }, { id: 'a' }] } }, editor);
    expect(err(dup)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slides[1].id' });
    const query = await server.gql(CREATE, { input: { title: 'Falsch', slides: [{ id: 'a', view: { query: 'layout=geo' } }] } }, editor);
    expect(err(query)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slides[0].view.query' });
    const unknown = await server.gql(CREATE, { input: { title: 'Unbekannt', slides: [{ id: 'a', view: { query: '', zom: 2 } }] } }, editor);
    expect(err(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slides[0].view' });
    expect(unknown.errors?.[0]?.message).toMatch(/zom/);
    const reveal = await server.gql(CREATE, { input: { title: 'Unbekannt', slides: [{ id: 'a', reveal: { by: 'month' } }] } }, editor);
    expect(err(reveal)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slides[0].reveal.by' });
  });

  it('a story of almost 2 MB fits through the API; a larger one is refused naming slides', async () => {
    const positions = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`node-${i}`, { x: i * 1.123456789, y: -i * 2.987654321 - 1 }]));
    const big = { title: 'Großes Netz', slides: [0, 1, 2].map((i) => ({ id: `s${i}`, view: { positions: positions(12_000) } })) };
    expect(JSON.stringify(big).length).toBeGreaterThan(1_500_000);
    const r = await server.gql<{ createStory: StoryOut }>(CREATE, { input: big }, editor);
    expect(r.errors).toBeUndefined();
    expect(Object.keys(r.data?.createStory.slides[2]?.view.positions ?? {})).toHaveLength(12_000);
    const tooBig = await server.gql(UPDATE, { id: 'grosses-netz', v: 1, input: { slides: [0, 1, 2, 3].map((i) => ({ id: `s${i}`, view: { positions: positions(12_000) } })) } }, editor);
    expect(err(tooBig)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slides' });
    expect(err(await server.gql(DELETE, { id: 'grosses-netz', v: 1 }, editor))).toEqual({});
  });

  it('a viewer may read but not write (FORBIDDEN); without a token a write is UNAUTHENTICATED', async () => {
    expect((await server.gql<{ story: StoryOut }>(STORY, { id: 'workshop-delitzsch' }, viewer)).data?.story.version).toBe(3);
    const asViewer = await server.gql(CREATE, { input: { title: 'Nicht erlaubt' } }, viewer);
    expect([asViewer.status, err(asViewer).code]).toEqual([403, 'FORBIDDEN']);
    expect(err(await server.gql(UPDATE, { id: 'workshop-delitzsch', v: 3, input: { title: 'X' } }, viewer)).code).toBe('FORBIDDEN');
    expect(err(await server.gql(DELETE, { id: 'workshop-delitzsch', v: 3 }, viewer)).code).toBe('FORBIDDEN');
    expect(err(await server.gql(DELETE, { id: 'workshop-delitzsch', v: 3 })).code).toBe('UNAUTHENTICATED');
  });

  it('deleteStory with the current version; the audit log names the editor', async () => {
    expect(err(await server.gql(DELETE, { id: 'workshop-delitzsch', v: 2 }, editor)).code).toBe('CONFLICT');
    const r = await server.gql<{ deleteStory: { type: string; id: string; cascaded: number } }>(DELETE, { id: 'workshop-delitzsch', v: 3 }, editor);
    expect(r.data?.deleteStory).toEqual({ type: 'stories', id: 'workshop-delitzsch', cascaded: 0 });
    expect(err(await server.gql(STORY, { id: 'workshop-delitzsch' })).code).toBe('NOT_FOUND');
    const log = await server.store.auditLog({ entityId: 'workshop-delitzsch', limit: 10, offset: 0 });
    expect(log.entries.map((e) => [e.action, e.who])).toEqual([
      ['delete', 'Netzwerkmanagement'],
      ['update', 'Netzwerkmanagement'],
      ['update', 'Netzwerkmanagement'],
      ['create', 'Netzwerkmanagement'],
    ]);
  });
});

describe('a read-only story link for participants', () => {
  it('with READ_ACCESS=token, a story needs a viewer token (the link /?story=<id>&token=<viewer secret>); a viewer cannot change it', async () => {
    const closed = await startTestServer({ env: { READ_ACCESS: 'token' } });
    try {
      const participant = await token(closed, 'VIEWER', 'Teilnehmende');
      const anon = await closed.gql(STORY, { id: DEMO });
      expect([anon.status, err(anon).code]).toEqual([401, 'UNAUTHENTICATED']);
      const r = await closed.gql<{ story: StoryOut }>(STORY, { id: DEMO }, participant);
      expect(r.data?.story.slides).toHaveLength(8);
      expect(err(await closed.gql(UPDATE, { id: DEMO, v: 1, input: { title: 'X' } }, participant)).code).toBe('FORBIDDEN');
    } finally {
      await closed.close();
    }
  });
});
