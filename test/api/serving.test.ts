/**
 * Serving heavy requests (issue 15): large reads run in the read workers and answer exactly as the
 * main store does; repeated read queries are answered from the kept bytes, never stale after a
 * write, never across roles, never for who-am-I queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { readPool } from '../../server/serving/read-pool.ts';
import { CallerGoneError } from '../../server/serving/work-queue.ts';
import { openStore } from '../../server/store/open-store.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const NETWORK = 'query View($filter: NetworkFilter) { network(filter: $filter) { nodes { id label } edges { source target kind } } }';

async function post(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${server.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, cache: res.headers.get('x-cache'), text: await res.text() };
}

describe('read workers', () => {
  it('answer network, neighbourhood, overview, region matrix and paths exactly as the main store', async () => {
    const config = loadConfig({ DATA_DIR: server.dataDir, NODE_ENV: 'test' });
    const pool = readPool(config, 2);
    const store = await openStore(config);
    await store.init();
    try {
      const revision = 0;
      expect(await pool.run({ op: 'network', filter: {} }, revision)).toEqual(await store.network({}));
      expect(await pool.run({ op: 'neighborhood', id: 'a-zarof', depth: 2, limit: 500 }, revision)).toEqual(await store.neighborhood('a-zarof', 2, 500));
      expect(await pool.run({ op: 'regionMatrix', level: 'district', filter: {} }, revision)).toEqual(await store.regionMatrix('district', {}));
      expect(await pool.run({ op: 'shortestPaths', from: 'a-zarof', to: 'a-thm', maxLength: 6, limit: 10 }, revision)).toEqual(await store.shortestPaths('a-zarof', 'a-thm', 6, 10));
      // A GraphQL error keeps its code across the thread.
      const missing = await pool.run({ op: 'neighborhood', id: 'nobody', depth: 1, limit: 10 }, revision).catch((e: unknown) => e);
      expect((missing as { extensions?: { code?: string } }).extensions?.code).toBe('NOT_FOUND');
    } finally {
      await pool.close();
      await store.close();
    }
  });

  it('drop a queued job whose caller has gone', async () => {
    const pool = readPool(loadConfig({ DATA_DIR: server.dataDir, NODE_ENV: 'test' }), 1, false);
    try {
      const first = pool.run({ op: 'network', filter: {} }, 0);
      const gone = new AbortController();
      const second = pool.run({ op: 'network', filter: { regionIds: ['de-14'] } }, 0, gone.signal).catch((e: unknown) => e);
      expect(pool.queued()).toBe(1);
      gone.abort();
      expect(await second).toBeInstanceOf(CallerGoneError);
      expect(pool.queued()).toBe(0);
      expect(((await first) as { nodes: unknown[] }).nodes.length).toBeGreaterThan(50);
    } finally {
      await pool.close();
    }
  });

  it('answer a search before views that wait (without the search thread)', async () => {
    const pool = readPool(loadConfig({ DATA_DIR: server.dataDir, NODE_ENV: 'test' }), 1, false);
    try {
      const order: string[] = [];
      const running = pool.run({ op: 'network', filter: {} }, 0).then(() => order.push('running view'));
      const waiting = pool.run({ op: 'network', filter: { regionIds: ['de-14'] } }, 0).then(() => order.push('waiting view'));
      const search = pool.run({ op: 'search', text: 'Leipzig', limit: 5, types: null }, 0).then(() => order.push('search'));
      await Promise.all([running, waiting, search]);
      expect(order).toEqual(['running view', 'search', 'waiting view']);
    } finally {
      await pool.close();
    }
  });

  it('answer searches on their own thread while views are assembled', async () => {
    const pool = readPool(loadConfig({ DATA_DIR: server.dataDir, NODE_ENV: 'test' }), 1);
    try {
      // Both threads running: the search thread never takes a view.
      await Promise.all([pool.run({ op: 'search', text: 'Leipzig', limit: 5, types: null }, 0), pool.run({ op: 'network', filter: {} }, 0)]);
      const views = [1, 2, 3].map(() => pool.run({ op: 'network', filter: { regionIds: ['de-14'] } }, 0));
      expect(pool.queued()).toBe(2);
      // The search does not queue behind the two waiting views: it goes to its thread at once.
      const search = pool.run({ op: 'search', text: 'Leipzig', limit: 5, types: null }, 0);
      expect(pool.queued()).toBe(2);
      expect(((await search) as unknown[]).length).toBeGreaterThan(0);
      await Promise.all(views);
    } finally {
      await pool.close();
    }
  });
});

describe('kept answers', () => {
  it('a repeated read is answered from the kept bytes; after a write the new data is answered', async () => {
    const variables = { filter: { regionIds: ['de-14'] } };
    const first = await post(NETWORK, variables);
    expect(first.status).toBe(200);
    expect(first.cache).toBeNull();
    const again = await post(NETWORK, variables);
    expect(again.cache).toBe('hit');
    expect(again.text).toBe(first.text);
    // Other variables, another answer.
    expect((await post(NETWORK, { filter: { regionIds: ['de-06'] } })).cache).toBeNull();

    const admin = server.adminSecret as string;
    const created = await post('mutation($input: ActorInput!) { createActor(input: $input) { id } }', { input: { id: 'a-neu-im-workshop', name: 'Neu im Workshop e. V.', kind: 'association', regionId: 'de-14627' } }, admin);
    expect(created.text).toContain('a-neu-im-workshop');
    const after = await post(NETWORK, variables);
    expect(after.cache).toBeNull();
    expect(after.text).toContain('Neu im Workshop e. V.');
    expect(first.text).not.toContain('Neu im Workshop e. V.');
  });

  it('keeps roles apart and never keeps who-am-I, tokens, audit or progress', async () => {
    const admin = server.adminSecret as string;
    await post(NETWORK, {});
    expect((await post(NETWORK, {})).cache).toBe('hit');
    expect((await post(NETWORK, {}, admin)).cache).toBeNull();
    expect((await post(NETWORK, {}, admin)).cache).toBe('hit');
    for (const q of ['{ me { role } }', '{ analysisStatus { state } }', '{ tokens { id } }', '{ captureSessions { id } }', '{ network { nodes { id } } me { role } }']) {
      await post(q, {}, admin);
      expect((await post(q, {}, admin)).cache, q).toBeNull();
    }
  });

  it('identical requests at the same time are answered once; an error is not shared', async () => {
    const query = 'query Hood($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id } edges { source target } } }';
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(query, { id: 'a-zarof' })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    // One of them was executed; the others got its bytes, either while it ran or afterwards.
    expect(answers.filter((a) => a.cache === null)).toHaveLength(1);
    expect(answers.filter((a) => a.cache === 'shared' || a.cache === 'hit')).toHaveLength(7);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(JSON.parse(answers[0]?.text ?? '{}').data.neighborhood.nodes.length).toBeGreaterThan(5);

    const missing = await Promise.all(Array.from({ length: 4 }, () => post(query, { id: 'a-does-not-exist' })));
    for (const m of missing) {
      expect(m.cache).toBeNull();
      expect(JSON.parse(m.text).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('a neighbourhood is kept across a write that touches nothing in its reach, and answered anew once a write reaches it', async () => {
    const HOOD = 'query Hood($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id label } edges { source target } } }';
    const first = await post(HOOD, { id: 'a-zarof' });
    const view = await post(NETWORK, { filter: { regionIds: ['de-14'] } });
    expect((await post(HOOD, { id: 'a-zarof' })).cache).toBe('hit');
    // An organisation far away (Flensburg) with a partner there: nothing within one step of ZAROF.
    await server.store.applyBatch({
      actors: [
        { id: 'a-fern-1', name: 'Fern eins GmbH', kind: 'company', regionId: 'de-01001' },
        { id: 'a-fern-2', name: 'Fern zwei e. V.', kind: 'association', regionId: 'de-01001' },
      ],
      cooperations: [{ actorId: 'a-fern-1', partnerId: 'a-fern-2', kind: 'cooperation' }],
    });
    const kept = await post(HOOD, { id: 'a-zarof' });
    expect(kept.cache).toBe('hit');
    expect(kept.text).toBe(first.text);
    // Other views are not kept across a write.
    expect((await post(NETWORK, { filter: { regionIds: ['de-14'] } })).cache).toBeNull();
    expect(view.status).toBe(200);

    // A tie to ZAROF reaches its neighbourhood: answered anew, with the new partner.
    await server.store.applyBatch({ cooperations: [{ actorId: 'a-fern-1', partnerId: 'a-zarof', kind: 'cooperation' }] });
    const anew = await post(HOOD, { id: 'a-zarof' });
    expect(anew.cache).toBeNull();
    expect(anew.text).toContain('Fern eins GmbH');
    expect(first.text).not.toContain('Fern eins GmbH');
    // A change through an edit (no list of what it touched) drops it too.
    expect((await post(HOOD, { id: 'a-zarof' })).cache).toBe('hit');
    const admin = server.adminSecret as string;
    await post('mutation($input: ActorInput!) { createActor(input: $input) { id } }', { input: { id: 'a-fern-3', name: 'Fern drei', kind: 'association', regionId: 'de-01001' } }, admin);
    expect((await post(HOOD, { id: 'a-zarof' })).cache).toBeNull();
  });

  it('an unknown token is refused, even for an answer that is kept', async () => {
    await post(NETWORK, {});
    const refused = await post(NETWORK, {}, 'nwa_unknown');
    expect(refused.cache).toBeNull();
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
