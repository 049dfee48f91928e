/**
 * Editing through the API: access roles (anonymous, viewer, editor, admin), tokens, versions and
 * CONFLICT, BAD_USER_INPUT with field paths, merge, and the audit log — on the demo network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/auth/tokens.ts';
import { startTestServer, type GqlResult, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: string;
let editor: string;
let viewer: string;
let logs: string[];

const err = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions ?? {};

async function token(role: 'VIEWER' | 'EDITOR' | 'ADMIN', name: string): Promise<string> {
  const r = await server.gql<{ createToken: { secret: string; signInUrl: string } }>(
    'mutation($n: String!, $r: Role!) { createToken(name: $n, role: $r) { secret signInUrl } }',
    { n: name, r: role },
    admin,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.createToken.secret ?? '';
}

beforeAll(async () => {
  logs = [];
  server = await startTestServer({ log: (l) => logs.push(l) });
  admin = server.adminSecret ?? '';
  editor = await token('EDITOR', 'Netzwerkmanagement Nordsachsen');
  viewer = await token('VIEWER', 'Workshop Delitzsch');
});
afterAll(async () => {
  await server?.close();
});

const UPDATE = `mutation($id: ID!, $v: Int!, $input: ActorInput!) { updateActor(id: $id, version: $v, input: $input) { id name version website sectors } }`;
const ACTOR = `query($id: ID!) { actor(id: $id) { id name version kind region { id } cooperations { partner { id } kind version } } }`;

describe('first start: an admin token, shown once as a sign-in link, stored only as a hash', () => {
  it('prints the sign-in link with the secret and stores nothing but its hash', async () => {
    expect(admin).toMatch(/^nwa_[A-Za-z0-9_-]{43}$/);
    const line = logs.find((l) => l.includes('#token='));
    expect(line).toContain(`${server.url}#token=${admin}`);
    const stored = await server.store.tokens.list();
    const first = stored.find((t) => t.role === 'admin');
    expect(first?.hash).toBe(hashSecret(admin));
    expect(JSON.stringify(stored)).not.toContain(admin);
  });

  it('a second start on the same data creates no new admin token', async () => {
    const again = await startTestServer({ demo: false });
    try {
      expect(again.adminSecret).toMatch(/^nwa_/); // a fresh data directory gets one …
    } finally {
      await again.close();
    }
    const { ensureAdminToken } = await import('../../server/auth/tokens.ts');
    expect(await ensureAdminToken(server.store)).toBeNull(); // … this one has one already
  });
});

describe('roles', () => {
  it('me tells who is asking', async () => {
    const q = '{ me { role name canEdit canAdmin readAccess } }';
    expect((await server.gql(q)).data).toEqual({ me: { role: null, name: null, canEdit: false, canAdmin: false, readAccess: 'open' } });
    expect((await server.gql(q, {}, viewer)).data).toEqual({ me: { role: 'VIEWER', name: 'Workshop Delitzsch', canEdit: false, canAdmin: false, readAccess: 'open' } });
    expect((await server.gql(q, {}, editor)).data).toMatchObject({ me: { role: 'EDITOR', canEdit: true, canAdmin: false } });
    expect((await server.gql(q, {}, admin)).data).toMatchObject({ me: { role: 'ADMIN', canEdit: true, canAdmin: true } });
  });

  it('reads are open; a mutation without a token is UNAUTHENTICATED, with a viewer token FORBIDDEN', async () => {
    expect((await server.gql(ACTOR, { id: 'a-zarof' })).data).toMatchObject({ actor: { id: 'a-zarof', version: 1 } });
    const input = { id: 'a-zarof', v: 1, input: { name: 'Hijacked' } };
    const anon = await server.gql(UPDATE, input);
    expect([anon.status, err(anon).code]).toEqual([401, 'UNAUTHENTICATED']);
    const asViewer = await server.gql(UPDATE, input, viewer);
    expect([asViewer.status, err(asViewer).code, err(asViewer).needed, err(asViewer).has]).toEqual([403, 'FORBIDDEN', 'editor', 'viewer']);
    expect(err(await server.gql('mutation { createActor(input: {name: "X", kind: "company"}) { id } }', {}, viewer)).code).toBe('FORBIDDEN');
    expect(err(await server.gql('{ auditLog { total } }', {}, viewer)).code).toBe('FORBIDDEN');
    expect((await server.gql(ACTOR, { id: 'a-zarof' })).data).toMatchObject({ actor: { name: 'ZAROF. GmbH', version: 1 } });
  });

  it('an unknown or revoked token is UNAUTHENTICATED even for reads', async () => {
    const r = await server.gql('{ me { role } }', {}, 'nwa_not-a-real-token');
    expect([r.status, err(r).code]).toEqual([401, 'UNAUTHENTICATED']);
    const temp = await token('EDITOR', 'Befristet');
    const list = await server.gql<{ tokens: { id: string; name: string; active: boolean }[] }>('{ tokens { id name active } }', {}, admin);
    const id = list.data?.tokens.find((t) => t.name === 'Befristet')?.id;
    const revoked = await server.gql<{ revokeToken: { active: boolean; revokedAt: string } }>('mutation($id: ID!) { revokeToken(id: $id) { active revokedAt } }', { id }, admin);
    expect(revoked.data?.revokeToken.active).toBe(false);
    expect(err(await server.gql('{ me { role } }', {}, temp)).code).toBe('UNAUTHENTICATED');
    const after = await server.gql<{ tokens: { name: string }[] }>('{ tokens { name } }', {}, admin);
    expect(after.data?.tokens.map((t) => t.name)).not.toContain('Befristet');
    const all = await server.gql<{ tokens: { name: string; active: boolean }[] }>('{ tokens(includeRevoked: true) { name active } }', {}, admin);
    expect(all.data?.tokens).toContainEqual({ name: 'Befristet', active: false });
  });

  it('the last active admin token cannot be revoked', async () => {
    const admins = await server.gql<{ tokens: { id: string; role: string }[] }>('{ tokens { id role } }', {}, admin);
    const only = admins.data?.tokens.filter((t) => t.role === 'ADMIN') ?? [];
    expect(only).toHaveLength(1);
    const r = await server.gql('mutation($id: ID!) { revokeToken(id: $id) { id } }', { id: only[0]?.id }, admin);
    expect([err(r).code, err(r).field]).toEqual(['BAD_USER_INPUT', 'id']);
    expect((await server.gql('{ me { role } }', {}, admin)).data).toEqual({ me: { role: 'ADMIN' } });
  });

  it('token management needs the admin role', async () => {
    expect(err(await server.gql('{ tokens { id } }', {}, editor)).code).toBe('FORBIDDEN');
    expect(err(await server.gql('mutation { createToken(name: "x", role: ADMIN) { secret } }', {}, editor)).code).toBe('FORBIDDEN');
    expect(err(await server.gql('{ tokens { id } }')).code).toBe('UNAUTHENTICATED');
    const bad = await server.gql('mutation { createToken(name: "  ", role: VIEWER) { secret } }', {}, admin);
    expect([err(bad).code, err(bad).field]).toEqual(['BAD_USER_INPUT', 'name']);
  });

  it('with READ_ACCESS=token, reading needs a viewer token too', async () => {
    const closed = await startTestServer({ demo: false, env: { READ_ACCESS: 'token' } });
    try {
      const anon = await closed.gql('{ regions { id } }');
      expect([anon.status, err(anon).code]).toEqual([401, 'UNAUTHENTICATED']);
      const ok = await closed.gql<{ me: { role: string; readAccess: string } }>('{ me { role readAccess } }', {}, closed.adminSecret ?? '');
      expect(ok.data?.me).toEqual({ role: 'ADMIN', readAccess: 'token' });
      expect((await fetch(`${closed.url}export/json`)).status).toBe(401);
      const withToken = await fetch(`${closed.url}export/json`, { headers: { authorization: `Bearer ${closed.adminSecret ?? ''}` } });
      expect(withToken.status).toBe(200);
      // Health says whether the server is up, but not what it holds.
      const health = await fetch(`${closed.url}healthz`);
      expect(await health.json()).toEqual({ status: 'ok', store: 'embedded' });
      expect(health.headers.get('referrer-policy')).toBe('no-referrer'); // no page address (with a token) leaks in a Referer
    } finally {
      await closed.close();
    }
  });
});

describe('versions', () => {
  it('an update with the current version succeeds and moves the version on; a stale one is CONFLICT and overwrites nothing', async () => {
    const first = await server.gql<{ updateActor: { version: number; name: string; website: string | null } }>(
      UPDATE,
      { id: 'a-stadt-delitzsch', v: 1, input: { website: 'https://www.delitzsch.de' } },
      editor,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.updateActor).toMatchObject({ version: 2, name: 'Stadt Delitzsch', website: 'https://www.delitzsch.de' });
    const stale = await server.gql(UPDATE, { id: 'a-stadt-delitzsch', v: 1, input: { name: 'Stadt Delitzsch (alt)' } }, editor);
    expect(err(stale)).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2, id: 'a-stadt-delitzsch' });
    const now = await server.gql<{ actor: { name: string; version: number } }>(ACTOR, { id: 'a-stadt-delitzsch' });
    expect(now.data?.actor).toMatchObject({ name: 'Stadt Delitzsch', version: 2 });
    const del = await server.gql('mutation { deleteActor(id: "a-stadt-delitzsch", version: 1) { id } }', {}, editor);
    expect(err(del).code).toBe('CONFLICT');
  });

  it('invalid input is BAD_USER_INPUT naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [UPDATE, { id: 'a-zarof', v: 1, input: { kind: 'pirate' } }, 'input.kind'],
      [UPDATE, { id: 'a-zarof', v: 1, input: { regionId: 'r-atlantis' } }, 'input.regionId'],
      [UPDATE, { id: 'a-zarof', v: 1, input: { name: '' } }, 'input.name'],
      [UPDATE, { id: 'a-zarof', v: 1, input: { id: 'a-other' } }, 'input.id'],
      ['mutation($i: ProjectInput!) { createProject(input: $i) { id } }', { i: { name: 'P', start: '2025', end: '2020' } }, 'input.end'],
      ['mutation($i: CooperationInput!) { createCooperation(input: $i) { key } }', { i: { actorId: 'a-zarof', partnerId: 'a-zarof', kind: 'cooperation' } }, 'input.partnerId'],
    ];
    for (const [q, vars, field] of cases) {
      const r = await server.gql(q, vars, editor);
      expect([err(r).code, err(r).field], JSON.stringify(vars)).toEqual(['BAD_USER_INPUT', field]);
    }
    expect((await server.gql<{ actor: { version: number } }>(ACTOR, { id: 'a-zarof' })).data?.actor.version).toBe(1);
  });
});

describe('editing the network', () => {
  it('create an actor and a cooperation, see them in the network, then delete the actor with its tie', async () => {
    const c = await server.gql<{ createActor: { id: string; version: number; region: { id: string } } }>(
      'mutation($i: ActorInput!) { createActor(input: $i) { id version region { id } } }',
      { i: { name: 'Chemiepark Bitterfeld-Wolfen GmbH', kind: 'company', regionId: 'de-14730', sectors: ['chemie'] } },
      editor,
    );
    expect(c.data?.createActor).toEqual({ id: 'chemiepark-bitterfeld-wolfen-gmbh', version: 1, region: { id: 'de-14730' } });
    const tie = await server.gql<{ createCooperation: { key: string; version: number; row: { since: string } } }>(
      'mutation($i: CooperationInput!) { createCooperation(input: $i) { key version row } }',
      { i: { actorId: 'chemiepark-bitterfeld-wolfen-gmbh', partnerId: 'a-zarof', kind: 'cooperation', since: '2025' } },
      editor,
    );
    expect(tie.data?.createCooperation).toMatchObject({ key: 'chemiepark-bitterfeld-wolfen-gmbh|a-zarof|cooperation', version: 1, row: { since: '2025' } });
    const net = await server.gql<{ network: { edges: { source: string; target: string; derived: boolean }[] } }>(
      '{ network(filter: { nodeTypes: [ACTOR] }) { edges { source target derived } } }',
    );
    expect(net.data?.network.edges).toContainEqual({ source: 'chemiepark-bitterfeld-wolfen-gmbh', target: 'a-zarof', derived: false });
    const upd = await server.gql<{ updateCooperation: { version: number; row: { description: string } } }>(
      'mutation($i: CooperationInput!) { updateCooperation(version: 1, input: $i) { version row } }',
      { i: { actorId: 'chemiepark-bitterfeld-wolfen-gmbh', partnerId: 'a-zarof', kind: 'cooperation', description: 'vereinbart beim Workshop' } },
      editor,
    );
    expect(upd.data?.updateCooperation).toMatchObject({ version: 2, row: { description: 'vereinbart beim Workshop', since: '2025' } });
    const del = await server.gql<{ deleteActor: { cascaded: number } }>('mutation { deleteActor(id: "chemiepark-bitterfeld-wolfen-gmbh", version: 1) { type id cascaded } }', {}, editor);
    expect(del.data?.deleteActor).toEqual({ type: 'actors', id: 'chemiepark-bitterfeld-wolfen-gmbh', cascaded: 1 });
    expect(err(await server.gql(ACTOR, { id: 'chemiepark-bitterfeld-wolfen-gmbh' })).code).toBe('NOT_FOUND');
  });

  it('merges a duplicate actor into the kept one through the API', async () => {
    const dup = await server.gql<{ createActor: { id: string } }>(
      'mutation { createActor(input: { name: "ZAROF GmbH Leipzig", kind: "company", sectors: ["chemie"] }) { id } }',
      {},
      editor,
    );
    const dupId = dup.data?.createActor.id ?? '';
    await server.gql('mutation($a: ID!) { createCooperation(input: { actorId: $a, partnerId: "a-stadt-delitzsch", kind: "service" }) { key } }', { a: dupId }, editor);
    const m = await server.gql<{ mergeActors: { id: string; version: number; sectors: string[]; cooperations: { partner: { id: string }; kind: string }[] } }>(
      'mutation($d: ID!) { mergeActors(keepId: "a-zarof", keepVersion: 1, mergeId: $d, mergeVersion: 1) { id version sectors cooperations { partner { id } kind } } }',
      { d: dupId },
      editor,
    );
    expect(m.errors).toBeUndefined();
    expect(m.data?.mergeActors.version).toBe(2);
    expect(m.data?.mergeActors.sectors).toContain('chemie');
    expect(m.data?.mergeActors.cooperations).toContainEqual({ partner: { id: 'a-stadt-delitzsch' }, kind: 'service' });
    expect(err(await server.gql(ACTOR, { id: dupId })).code).toBe('NOT_FOUND');
  });

  it('the audit log answers who changed what, when, before and after', async () => {
    const r = await server.gql<{ auditLog: { total: number; entries: { who: string; role: string; action: string; entityId: string; summary: string | null; before: { website: string | null }; after: { website: string } }[] } }>(
      '{ auditLog(entityId: "a-stadt-delitzsch", limit: 20) { total entries { who role action entityType entityId before after at summary } } }',
      {},
      editor,
    );
    expect(r.errors).toBeUndefined();
    const update = r.data?.auditLog.entries.find((e) => e.action === 'update' && e.entityId === 'a-stadt-delitzsch');
    expect(update).toMatchObject({ who: 'Netzwerkmanagement Nordsachsen', role: 'editor', before: { website: null }, after: { website: 'https://www.delitzsch.de' } });
    // The tie the duplicate brought: created, then moved to the kept actor by the merge (one entry per row).
    expect(r.data?.auditLog.entries.map((e) => [e.action, e.entityId, e.summary])).toEqual([
      ['merge', 'zarof-gmbh-leipzig|a-stadt-delitzsch|service', 'moved to a-zarof|a-stadt-delitzsch|service'],
      ['create', 'zarof-gmbh-leipzig|a-stadt-delitzsch|service', null],
      ['update', 'a-stadt-delitzsch', null],
    ]);
    const zarof = await server.gql<{ auditLog: { entries: { action: string; summary: string }[] } }>('{ auditLog(entityId: "a-zarof", limit: 1) { entries { action summary } } }', {}, editor);
    expect(zarof.data?.auditLog.entries[0]).toEqual({ action: 'merge', summary: 'merged "ZAROF GmbH Leipzig" (zarof-gmbh-leipzig) into "ZAROF. GmbH": 1 relationship moved' });
  });
});
