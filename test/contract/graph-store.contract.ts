/**
 * The GraphStore contract: every adapter must pass these cases (the embedded store always, Neo4j
 * whenever NEO4J_URI is set). Expected numbers are worked out by hand in fixture.ts.
 */
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMissingBuiltins } from '../../server/geo/seed.ts';
import { BatchValidationError, formatPath } from '../../server/store/batch.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import type { Network } from '../../server/network/network.model.ts';
import { seededRandom } from '../../server/analysis/random.ts';
import { fixture, storyFixture } from './fixture.ts';

const ids = (net: Network, type?: string) =>
  net.nodes
    .filter((n) => type === undefined || n.type === type)
    .map((n) => n.id)
    .sort();
const coop = (net: Network, derived: boolean) =>
  net.edges
    .filter((e) => e.kind === 'cooperation' && e.derived === derived)
    .map((e) => [e.source, e.target].sort().join('-'))
    .sort();

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GraphQLError) return String(e.extensions.code);
    throw e;
  }
  throw new Error('expected a rejection');
}

async function issuesOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BatchValidationError) return e.issues.map((i) => formatPath(i.path));
    throw e;
  }
  throw new Error('expected a BatchValidationError');
}

async function errorOf(p: Promise<unknown>): Promise<GraphQLError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GraphQLError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

async function codeAndField(p: Promise<unknown>): Promise<[string, string]> {
  const e = await errorOf(p);
  return [String(e.extensions.code), String(e.extensions.field)];
}

export function graphStoreContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
      await store.clear();
    });
    afterAll(async () => {
      await store.close();
    });

    describe('writing', () => {
      beforeEach(async () => {
        await store.clear();
      });

      it('a write that touches nothing in a neighbourhood\'s reach leaves it exactly as it was (answers kept across writes rely on it)', async () => {
        await store.applyBatch(fixture);
        const rnd = seededRandom(15);
        const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
        const actors = fixture.actors.map((a) => a.id);
        const projects = fixture.projects.map((p) => p.id);
        const districts = ['r-ns', 'r-l', 'r-mei', 'r-gr', 'r-ldk', 'r-gi'];
        const views = ['a1', 'a5', 'a9', 'p2', 'p4', 'e2', 'r-gr', 'r-he'].flatMap((id) => [1, 2].flatMap((depth) => [3, 5000].map((limit) => ({ id, depth, limit }))));
        const look = () => Promise.all(views.map((v) => store.neighborhood(v.id, v.depth, v.limit)));
        let before = await look();
        let kept = 0;
        let changed = 0;
        for (let round = 0; round < 8; round++) {
          const revision = store.revision();
          const n = `x${round}`;
          const writes = [
            { actors: [{ id: n, name: `Neu ${n}`, kind: 'company', regionId: pick(districts) }], cooperations: [{ actorId: n, partnerId: pick(actors), kind: 'cooperation' }] },
            { participations: [{ actorId: pick(actors), projectId: pick(projects), role: 'partner' }] },
            { actors: [{ ...pick(fixture.actors), name: `Umbenannt ${n}` }] },
            { projects: [{ id: `p-${n}`, name: `Projekt ${n}`, status: 'running' }], participations: [{ actorId: pick(actors), projectId: `p-${n}`, role: 'lead' }, { actorId: pick(actors), projectId: `p-${n}`, role: 'partner' }] },
            { actors: [{ id: n, name: `Neu ${n}`, kind: 'association', regionId: pick(districts) }] },
          ];
          await store.applyBatch(pick(writes));
          const touched = store.changedSince(revision);
          expect(touched, 'a batch without regions names what it touched').not.toBeNull();
          const after = await look();
          after.forEach((net, i) => {
            const reach = before[i]?.reach;
            if (reach && !reach.some((id) => touched?.has(id))) {
              kept++;
              expect(net, JSON.stringify(views[i])).toEqual(before[i]);
            } else changed++;
          });
          before = after;
        }
        // Both kinds occurred: answers that would be kept, and answers that a write reached.
        expect(kept).toBeGreaterThan(20);
        expect(changed).toBeGreaterThan(20);
        // A write with regions (or a mutation) touches everything.
        const revision = store.revision();
        await store.applyBatch({ regions: [{ id: 'r-neu', name: 'Neu', kind: 'city', parentId: 'r-gr', lat: 51.1, lon: 14.9 }] });
        expect(store.changedSince(revision)).toBeNull();
        expect(store.changedSince(store.revision())?.size).toBe(0);
      });

      it('dates come back as written: full, partial, and a day the calendar lacks (kept as text, not rolled over)', async () => {
        const dates = { start: '2023-02-29', end: '2024-02-29' };
        await store.applyBatch({ projects: [{ id: 'p-dates', name: 'Datumsprobe', status: 'running', ...dates }] });
        expect((await store.projectDetails('p-dates'))?.project).toMatchObject(dates);
        await store.applyBatch({ projects: [{ id: 'p-dates', name: 'Datumsprobe', status: 'running', start: '2021', end: '2022-07' }] });
        expect((await store.projectDetails('p-dates'))?.project).toMatchObject({ start: '2021', end: '2022-07' });
        const again = await store.applyBatch({ projects: [{ id: 'p-dates', name: 'Datumsprobe', status: 'running', start: '2021', end: '2022-07' }] });
        expect(again.unchanged.projects).toBe(1);
      });

      it('creates every row of a batch and counts them', async () => {
        const r = await store.applyBatch(fixture);
        expect(r.created).toEqual({
          sources: 2, regions: 12, actors: 9, projects: 4, events: 2, stories: 0,
          participations: 11, eventParticipations: 4, cooperations: 2, targets: 3,
        });
        expect(await store.stats()).toEqual(r.created);
      });

      it('re-importing the same batch changes nothing', async () => {
        await store.applyBatch(fixture);
        const again = await store.applyBatch(fixture);
        expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
        expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
        expect(again.unchanged.actors).toBe(9);
        expect(again.unchanged.participations).toBe(11);
        expect((await store.stats()).actors).toBe(9);
      });

      it('exportBatch() gives everything; imported into an empty store it gives the same store', async () => {
        await store.applyBatch(fixture);
        const exported = await store.exportBatch();
        expect(Object.fromEntries(Object.entries(exported).map(([k, rows]) => [k, (rows as unknown[]).length]))).toEqual(await store.stats());
        await store.clear();
        const again = await store.applyBatch(exported);
        expect(again.created).toEqual(await store.stats());
        expect(await store.exportBatch()).toEqual(exported);
        expect((await store.applyBatch(exported)).unchanged).toEqual(await store.stats());
      });

      it('a dry run counts what a batch would create, update and leave, and writes nothing', async () => {
        const dry = await store.applyBatch(fixture, { dryRun: true });
        expect(dry.created.actors).toBe(9);
        expect(dry.created.participations).toBe(11);
        expect(Object.values(await store.stats()).every((n) => n === 0)).toBe(true);
        await store.applyBatch(fixture);
        const revision = store.revision();
        const changed = await store.applyBatch({ actors: [{ ...fixture.actors[0], name: 'ZAROF. GmbH' }, fixture.actors[1]] }, { dryRun: true });
        expect(changed.updated.actors).toBe(1);
        expect(changed.unchanged.actors).toBe(1);
        expect((await store.actorDetails('a1'))?.actor.name).toBe(fixture.actors[0]?.name);
        expect(store.revision()).toBe(revision); // nothing changed, nothing to invalidate
        // An invalid batch fails the dry run just as it would fail for real.
        expect(await issuesOf(store.applyBatch({ actors: [{ id: 'a10', name: 'X', kind: 'company', regionId: 'r-nowhere' }] }, { dryRun: true }))).toEqual([
          'actors[0].regionId',
        ]);
      });

      it('a reference to a row that is itself invalid says so', async () => {
        const bad = store.applyBatch({ ...fixture, actors: [{ ...fixture.actors[0], kind: 'spaceship' }, ...fixture.actors.slice(1)] });
        const error = await bad.then(
          () => null,
          (e: unknown) => e as BatchValidationError,
        );
        const messages = error?.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) ?? [];
        expect(messages[0]).toMatch(/^actors\[0\]\.kind: /);
        const followOn = messages.filter((m) => m.startsWith('participations'));
        expect(followOn.length).toBeGreaterThan(0);
        expect(followOn.every((m) => m.endsWith('.actorId: unknown actor "a1": its own row in this import is invalid'))).toBe(true);
      });

      it('upserts an entity by id: one update, the rest untouched', async () => {
        await store.applyBatch(fixture);
        const r = await store.applyBatch({ actors: [{ ...fixture.actors[0], name: 'ZAROF. GmbH' }] });
        expect(r.updated.actors).toBe(1);
        expect(r.created.actors).toBe(0);
        expect((await store.actorDetails('a1'))?.actor.name).toBe('ZAROF. GmbH');
        expect((await store.stats()).actors).toBe(9);
      });

      it('upserts a relationship by its natural key, without duplicating it', async () => {
        await store.applyBatch(fixture);
        const r = await store.applyBatch({ participations: [{ actorId: 'a2', projectId: 'p1', role: 'lead', sourceIds: ['s-doc'] }] });
        expect(r.updated.participations).toBe(1);
        expect((await store.stats()).participations).toBe(11);
        const d = await store.projectDetails('p1');
        expect(d?.participations.find((p) => p.actorId === 'a2')?.role).toBe('lead');
      });

      it('rejects a reference to an unknown region, naming the field, and writes nothing', async () => {
        const issues = await issuesOf(
          store.applyBatch({ ...fixture, actors: [...fixture.actors, { id: 'a10', name: 'X', kind: 'company', regionId: 'r-nowhere' }] }),
        );
        expect(issues).toEqual(['actors[9].regionId']);
        expect((await store.stats()).actors).toBe(0);
      });

      it('rejects invalid enum values and ids with the field path', async () => {
        const issues = await issuesOf(
          store.applyBatch({ actors: [{ id: 'Bad Id', name: 'X', kind: 'company' }, { id: 'ok', name: 'Y', kind: 'spaceship' }] }),
        );
        expect(issues).toEqual(['actors[0].id', 'actors[1].kind']);
      });

      it('rejects duplicate ids within one batch', async () => {
        const issues = await issuesOf(store.applyBatch({ actors: [fixture.actors[8], fixture.actors[8]].map((a) => ({ ...a, regionId: null, sourceIds: [] })) }));
        expect(issues).toEqual(['actors[1].id']);
      });

      it('rejects a region hierarchy cycle across batch and store', async () => {
        await store.applyBatch(fixture);
        const issues = await issuesOf(store.applyBatch({ regions: [{ ...fixture.regions[0], parentId: 'r-dz' }] }));
        expect(issues).toEqual(['regions[0].parentId']);
        expect((await store.regionDetails('r-sn'))?.parent).toBeNull();
      });

      it('rolls a failing batch back completely', async () => {
        await store.applyBatch(fixture);
        const before = await store.stats();
        const issues = await issuesOf(
          store.applyBatch({
            actors: [{ ...fixture.actors[0], name: 'Umbenannt' }, { id: 'a-new', name: 'Neu', kind: 'startup', regionId: 'r-l' }],
            participations: [{ actorId: 'a-new', projectId: 'p1', role: 'partner' }],
            cooperations: [{ actorId: 'a-new', partnerId: 'a-missing', kind: 'cooperation' }],
          }),
        );
        expect(issues).toEqual(['cooperations[0].partnerId']);
        expect(await store.stats()).toEqual(before);
        expect((await store.actorDetails('a1'))?.actor.name).toBe('ZAROF GmbH');
        expect(await store.actorDetails('a-new')).toBeNull();
      });

      it('clear() empties the store', async () => {
        await store.applyBatch(fixture);
        await store.clear();
        expect(Object.values(await store.stats()).every((n) => n === 0)).toBe(true);
      });
    });

    describe('editing (versions, conflicts, audit log)', () => {
      const who = { name: 'Test editor', role: 'editor' };
      beforeEach(async () => {
        await store.clear();
        await store.applyBatch(fixture);
      });
      const version = async (id: string) => (await store.actorDetails(id))?.version;

      it('creates an actor with an id derived from its name; a second one with the same name gets -2', async () => {
        const a = await store.edit.create('actors', { name: 'IHK Halle-Dessau', kind: 'chamber', regionId: 'r-ns' }, who);
        expect(a).toMatchObject({ version: 1, row: { id: 'ihk-halle-dessau', name: 'IHK Halle-Dessau', sectors: [], website: null } });
        const b = await store.edit.create('actors', { name: 'IHK Halle–Dessau!', kind: 'chamber' }, who);
        expect(b.row.id).toBe('ihk-halle-dessau-2');
        expect((await store.actorDetails('ihk-halle-dessau'))?.region?.id).toBe('r-ns');
        expect(await version('ihk-halle-dessau')).toBe(1);
      });

      it('rejects bad input with the field path and writes nothing', async () => {
        const before = await store.stats();
        expect(await codeAndField(store.edit.create('actors', { name: 'X', kind: 'pirate' }, who))).toEqual(['BAD_USER_INPUT', 'input.kind']);
        expect(await codeAndField(store.edit.create('actors', { name: 'X', kind: 'company', regionId: 'r-nowhere' }, who))).toEqual([
          'BAD_USER_INPUT',
          'input.regionId',
        ]);
        expect(await codeAndField(store.edit.create('actors', { kind: 'company' }, who))).toEqual(['BAD_USER_INPUT', 'input.name']);
        expect(await codeAndField(store.edit.create('actors', { id: 'a1', name: 'Again', kind: 'company' }, who))).toEqual(['BAD_USER_INPUT', 'input.id']);
        expect(await codeAndField(store.edit.update('actors', 'a1', 1, { website: 'not a url' }, who))).toEqual(['BAD_USER_INPUT', 'input.website']);
        expect(await store.stats()).toEqual(before);
      });

      it('updates with the current version: version + 1, absent fields kept, null clears', async () => {
        const r = await store.edit.update('actors', 'a1', 1, { name: 'ZAROF GmbH Leipzig', website: null, sectors: ['chemie'] }, who);
        expect(r.version).toBe(2);
        const d = await store.actorDetails('a1');
        expect(d?.actor).toMatchObject({ name: 'ZAROF GmbH Leipzig', website: null, sectors: ['chemie'], regionId: 'r-dz', kind: 'company' });
        expect(d?.version).toBe(2);
        // The network and search see the change.
        expect((await store.search('ZAROF Leipzig', 5))[0]?.id).toBe('a1');
      });

      it('a stale version is a CONFLICT and overwrites nothing', async () => {
        await store.edit.update('actors', 'a1', 1, { name: 'First edit' }, who);
        const err = await errorOf(store.edit.update('actors', 'a1', 1, { name: 'Second edit from an old form' }, who));
        expect(err.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
        expect((await store.actorDetails('a1'))?.actor.name).toBe('First edit');
        expect((await errorOf(store.edit.remove('actors', 'a1', 1, who))).extensions.code).toBe('CONFLICT');
        expect(await store.actorDetails('a1')).not.toBeNull();
      });

      it('an import that changes a row moves its version on, so an older form conflicts', async () => {
        await store.applyBatch({ actors: [{ ...fixture.actors[0], description: 'Neu aus dem Import' }] });
        expect(await version('a1')).toBe(2);
        expect((await errorOf(store.edit.update('actors', 'a1', 1, { name: 'Old form' }, who))).extensions.code).toBe('CONFLICT');
        await store.applyBatch({ actors: [{ ...fixture.actors[0], description: 'Neu aus dem Import' }] });
        expect(await version('a1')).toBe(2); // unchanged rows keep their version
      });

      it('relationships: create, update by natural key, version in the details, delete', async () => {
        await store.edit.create('cooperations', { actorId: 'a1', partnerId: 'a9', kind: 'cooperation', since: '2025' }, who);
        let d = await store.actorDetails('a9');
        expect(d?.cooperations.map((c) => [c.partner.id, c.kind, c.version])).toEqual([['a1', 'cooperation', 1]]);
        const u = await store.edit.update('cooperations', 'a1|a9|cooperation', 1, { description: 'Workshop Delitzsch' }, who);
        expect(u.version).toBe(2);
        expect(await codeAndField(store.edit.update('cooperations', 'a1|a9|cooperation', 2, { partnerId: 'a2' }, who))).toEqual([
          'BAD_USER_INPUT',
          'input.partnerId',
        ]);
        expect((await store.edit.update('participations', 'a1|p1', 1, { role: 'partner', contribution: 1000 }, who)).version).toBe(2);
        expect((await store.projectDetails('p1'))?.participations.find((p) => p.actorId === 'a1')).toMatchObject({ role: 'partner', contribution: 1000, version: 2 });
        await store.edit.remove('cooperations', 'a1|a9|cooperation', 2, who);
        d = await store.actorDetails('a9');
        expect(d?.cooperations).toEqual([]);
        expect(await codeAndField(store.edit.create('participations', { actorId: 'a1', projectId: 'p-none', role: 'lead' }, who))).toEqual([
          'BAD_USER_INPUT',
          'input.projectId',
        ]);
      });

      it('deleting an actor takes its relationships along; a region still in use is refused', async () => {
        const r = await store.edit.remove('actors', 'a4', 1, who);
        expect(r.cascaded).toBe(4); // 2 participations, 1 event participation, 1 tie
        expect(await store.actorDetails('a4')).toBeNull();
        const s = await store.stats();
        expect([s.actors, s.participations, s.eventParticipations, s.cooperations]).toEqual([8, 9, 3, 1]);
        const err = await errorOf(store.edit.remove('regions', 'r-dz', 1, who));
        expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
        expect(err.message).toMatch(/2 actors located there \(a1, a2\)/);
        expect(err.message).toMatch(/1 events held there \(e1\)/);
        expect(await store.regionDetails('r-dz')).not.toBeNull();
      });

      it('merges two duplicate actors: relationships moved or joined, fields and provenance merged', async () => {
        await store.applyBatch({
          sources: [{ id: 's-dup', title: 'Duplicate list' }],
          actors: [{ id: 'a1-dup', name: 'Zarof', kind: 'company', sectors: ['logistik'], description: 'aus der Teilnehmerliste', sourceIds: ['s-dup'] }],
          participations: [
            { actorId: 'a1-dup', projectId: 'p1', role: 'partner', description: 'laut Liste', sourceIds: ['s-dup'] },
            { actorId: 'a1-dup', projectId: 'p2', role: 'partner', sourceIds: ['s-dup'] },
          ],
          cooperations: [
            { actorId: 'a1-dup', partnerId: 'a1', kind: 'cooperation', sourceIds: ['s-dup'] },
            { actorId: 'a9', partnerId: 'a1-dup', kind: 'service', sourceIds: ['s-dup'] },
          ],
        });
        const m = await store.edit.mergeActors({ id: 'a1', version: 1 }, { id: 'a1-dup', version: 1 }, who);
        expect(m.version).toBe(2);
        expect(await store.actorDetails('a1-dup')).toBeNull();
        const d = await store.actorDetails('a1');
        expect(d?.actor).toMatchObject({ name: 'ZAROF GmbH', sectors: ['chemie', 'beratung', 'logistik'], description: 'aus der Teilnehmerliste' });
        expect(d?.actor.sourceIds).toEqual(expect.arrayContaining(['s-doc', 's-dup']));
        const p1 = d?.participations.find((p) => p.projectId === 'p1');
        expect(p1).toMatchObject({ role: 'lead', description: 'laut Liste', contribution: 250000.5 }); // kept row wins, gaps filled
        expect(p1?.sourceIds).toEqual(expect.arrayContaining(['s-dup']));
        expect(d?.participations.map((p) => p.projectId).sort()).toEqual(['p1', 'p2', 'p3']);
        expect(d?.cooperations.map((c) => [c.partner.id, c.kind, c.outgoing])).toEqual([['a9', 'service', false]]); // the tie between the two is gone
        const log = await store.auditLog({ entityId: 'a1-dup', limit: 10, offset: 0 });
        expect(log.entries[0]).toMatchObject({ action: 'merge', entityId: 'a1', who: 'Test editor' });
      });

      it('a merge against a stale version of either actor conflicts and changes nothing', async () => {
        await store.edit.update('actors', 'a2', 1, { description: 'x' }, who);
        expect((await errorOf(store.edit.mergeActors({ id: 'a1', version: 1 }, { id: 'a2', version: 1 }, who))).extensions.code).toBe('CONFLICT');
        expect(await store.actorDetails('a2')).not.toBeNull();
        expect(await codeAndField(store.edit.mergeActors({ id: 'a1', version: 1 }, { id: 'a1', version: 1 }, who))).toEqual(['BAD_USER_INPUT', 'mergeId']);
      });

      it('the audit log keeps who, when, what, before and after; newest first; by entity', async () => {
        // The log outlives clear(): count from what earlier cases left.
        const base = (await store.auditLog({ limit: 1, offset: 0 })).entries[0]?.seq ?? 0;
        const baseTotal = (await store.auditLog({ limit: 1, offset: 0 })).total;
        await store.edit.update('actors', 'a1', 1, { name: 'ZAROF' }, who);
        await store.edit.create('cooperations', { actorId: 'a1', partnerId: 'a2', kind: 'cooperation' }, { name: 'Workshop Delitzsch', role: 'editor' });
        await store.edit.remove('actors', 'a9', 1, who);
        await store.applyBatch({ actors: [{ id: 'a-new', name: 'Neu', kind: 'company' }] }, { audit: { who: { name: 'CLI', role: null }, summary: 'actors.csv' } });
        await store.applyBatch({ actors: [{ id: 'a-new', name: 'Neu', kind: 'company' }] }, { audit: { who: { name: 'CLI', role: null }, summary: 'actors.csv' } });
        const all = await store.auditLog({ limit: 4, offset: 0 });
        expect(all.total).toBe(baseTotal + 4); // the unchanged re-import is not logged
        expect(all.entries.every((e) => e.seq > base)).toBe(true);
        expect(all.entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
          ['import', 'batch', 'actors.csv'],
          ['delete', 'actors', 'a9'],
          ['create', 'cooperations', 'a1|a2|cooperation'],
          ['update', 'actors', 'a1'],
        ]);
        const upd = all.entries[3];
        expect(upd?.before).toMatchObject({ name: 'ZAROF GmbH' });
        expect(upd?.after).toMatchObject({ name: 'ZAROF' });
        expect(Date.parse(upd?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
        expect(all.entries[0]?.after).toEqual({ created: { actors: 1 }, updated: {} });
        const a2 = await store.auditLog({ entityId: 'a2', limit: 50, offset: 0 });
        expect(a2.entries.filter((e) => e.seq > base).map((e) => [e.who, e.entityId])).toEqual([['Workshop Delitzsch', 'a1|a2|cooperation']]);
        expect(a2.entries.every((e) => e.refs.includes('a2'))).toBe(true);
        const page = await store.auditLog({ limit: 2, offset: 2 });
        expect([page.total, page.entries.map((e) => e.action)]).toEqual([baseTotal + 4, ['create', 'update']]);
      });

      it('access tokens: stored by hash, looked up, revoked once', async () => {
        const t = { id: `t-${Date.now()}`, name: 'Workshop Delitzsch', role: 'viewer' as const, hash: `h-${Math.random()}`, createdAt: new Date().toISOString(), createdBy: 'test', lastUsedAt: null, revokedAt: null, pseudonymous: false };
        await store.tokens.insert(t);
        expect(await store.tokens.byHash(t.hash)).toEqual(t);
        const shared = { ...t, id: `${t.id}-p`, name: 'Workshop (Pseudonyme)', hash: `${t.hash}-p`, pseudonymous: true };
        await store.tokens.insert(shared);
        expect(await store.tokens.byHash(shared.hash)).toEqual(shared);
        expect((await store.tokens.list()).find((x) => x.id === shared.id)?.pseudonymous).toBe(true);
        expect((await store.tokens.list()).map((x) => x.id)).toContain(t.id);
        const r1 = await store.tokens.update(t.id, { revokedAt: '2026-01-01T00:00:00.000Z', lastUsedAt: '2025-12-31T00:00:00.000Z' });
        const r2 = await store.tokens.update(t.id, { revokedAt: '2027-01-01T00:00:00.000Z' });
        expect([r1?.revokedAt, r2?.revokedAt, r2?.lastUsedAt]).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2025-12-31T00:00:00.000Z']);
        await store.clear();
        expect(await store.tokens.byHash(t.hash)).not.toBeNull(); // clear() keeps tokens
        expect(await store.tokens.update('no-such-token', { revokedAt: '2027-01-01T00:00:00.000Z' })).toBeNull();
      });
    });

    describe('stories', () => {
      const who = { name: 'Test editor', role: 'editor' };
      const slides = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, title: `Folie ${i}`, view: { query: `?selected=a${(i % 9) + 1}` } }));
      beforeEach(async () => {
        await store.clear();
        await store.applyBatch(fixture);
      });

      it('create with an id, read back with defaults filled in, version 1; listed by title with the slide count', async () => {
        const created = await store.edit.create('stories', storyFixture, who);
        expect(created.version).toBe(1);
        const s = await store.story('st-chemie');
        expect(s?.version).toBe(1);
        expect(s?.row).toEqual(created.row);
        expect(s?.row.slides.map((x) => x.id)).toEqual(['intro', 'umfeld']);
        expect(s?.row.slides[0]).toEqual({
          id: 'intro',
          title: 'Das Projekt',
          notes: 'ZAROF trägt das Projekt mit Stadt und WFG.',
          view: { query: '?projects=p1', positions: null, zoom: null, pan: null, size: null, highlight: [] },
          reveal: { by: 'year' },
        });
        expect(s?.row.slides[1]?.view).toEqual(storyFixture.slides[1]?.view);
        await store.edit.create('stories', { title: 'Auftakt', slides: slides(3) }, who);
        expect(await store.stories()).toEqual([
          { id: 'auftakt', title: 'Auftakt', description: null, slideCount: 3, version: 1 },
          { id: 'st-chemie', title: 'Netzwerk Chemie vorgestellt', description: storyFixture.description, slideCount: 2, version: 1 },
        ]);
        expect(await store.story('no-such-story')).toBeNull();
        expect((await store.stats()).stories).toBe(2);
      });

      it('a story without an id gets a slug of its title, free of every node, source and story id', async () => {
        expect((await store.edit.create('stories', { title: 'Netzwerk Chemie!' }, who)).row.id).toBe('netzwerk-chemie');
        expect((await store.edit.create('stories', { title: 'Netzwerk – Chemie' }, who)).row.id).toBe('netzwerk-chemie-2');
        expect((await store.edit.create('stories', { title: 'A1' }, who)).row.id).toBe('a1-2'); // a1 is an actor
        expect((await store.edit.create('stories', { title: 'S-Doc' }, who)).row.id).toBe('s-doc-2'); // s-doc is a source
        // … and a new actor avoids story ids.
        expect((await store.edit.create('actors', { name: 'Netzwerk Chemie', kind: 'association' }, who)).row.id).toBe('netzwerk-chemie-3');
        expect(await codeAndField(store.edit.create('stories', { slides: [] }, who))).toEqual(['BAD_USER_INPUT', 'input.title']);
        expect(await codeAndField(store.edit.create('stories', { ...storyFixture }, who).then(() => store.edit.create('stories', storyFixture, who)))).toEqual([
          'BAD_USER_INPUT',
          'input.id',
        ]);
      });

      it('update with the current version: version + 1, absent slides kept, a list replaces them; a stale version is a CONFLICT', async () => {
        await store.edit.create('stories', storyFixture, who);
        const renamed = await store.edit.update('stories', 'st-chemie', 1, { title: 'Chemie in Delitzsch' }, who);
        expect(renamed.version).toBe(2);
        const s = await store.story('st-chemie');
        expect([s?.version, s?.row.title, s?.row.slides.length]).toEqual([2, 'Chemie in Delitzsch', 2]);
        const reordered = await store.edit.update('stories', 'st-chemie', 2, { slides: [storyFixture.slides[1], { id: 'neu', view: { query: '?layout=geo' } }] }, who);
        expect(reordered.version).toBe(3);
        expect((await store.story('st-chemie'))?.row.slides.map((x) => x.id)).toEqual(['umfeld', 'neu']);
        const err = await errorOf(store.edit.update('stories', 'st-chemie', 2, { title: 'Aus einem alten Formular' }, who));
        expect(err.extensions).toMatchObject({ code: 'CONFLICT', type: 'stories', id: 'st-chemie', expectedVersion: 2, currentVersion: 3 });
        expect((await store.story('st-chemie'))?.row.title).toBe('Chemie in Delitzsch');
        // Saving what is stored changes nothing (and needs no new version).
        expect((await store.edit.update('stories', 'st-chemie', 3, { title: 'Chemie in Delitzsch' }, who)).version).toBe(3);
        expect(await codeOf(store.edit.update('stories', 'no-such-story', 1, { title: 'X' }, who))).toBe('NOT_FOUND');
      });

      it('delete with the current version; the audit log has create, update and delete of the story', async () => {
        await store.edit.create('stories', storyFixture, who);
        await store.edit.update('stories', 'st-chemie', 1, { description: null }, who);
        expect(await codeOf(store.edit.remove('stories', 'st-chemie', 1, who))).toBe('CONFLICT');
        expect(await store.edit.remove('stories', 'st-chemie', 2, who)).toEqual({ cascaded: 0 });
        expect(await store.story('st-chemie')).toBeNull();
        expect(await store.stories()).toEqual([]);
        const log = await store.auditLog({ entityId: 'st-chemie', limit: 10, offset: 0 });
        expect(log.entries.slice(0, 3).map((e) => [e.action, e.entityType, e.entityId])).toEqual([
          ['delete', 'stories', 'st-chemie'],
          ['update', 'stories', 'st-chemie'],
          ['create', 'stories', 'st-chemie'],
        ]);
        expect(log.entries[1]?.before).toMatchObject({ description: storyFixture.description });
        expect(log.entries[1]?.after).toMatchObject({ description: null });
      });

      it('a duplicate slide id is rejected with its path, by the editor and in a batch, and nothing is written', async () => {
        const twice = { ...storyFixture, slides: [...storyFixture.slides, { id: 'intro', title: 'Noch einmal' }] };
        const e = await errorOf(store.edit.create('stories', twice, who));
        expect([e.extensions.code, e.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.slides[2].id']);
        expect(e.message).toMatch(/duplicate slide id "intro"/);
        expect(await issuesOf(store.applyBatch({ stories: [storyFixture, { ...twice, id: 'st-2' }] }))).toEqual(['stories[1].slides[2].id']);
        expect(await issuesOf(store.applyBatch({ stories: [storyFixture, storyFixture] }))).toEqual(['stories[1].id']);
        expect(await issuesOf(store.applyBatch({ stories: [{ ...storyFixture, slides: [{ id: 'x', view: { query: 'focus=a1', zoom: 0 } }] }] }))).toEqual([
          'stories[0].slides[0].view.query',
          'stories[0].slides[0].view.zoom',
        ]);
        expect(await store.stories()).toEqual([]);
      });

      it('a story above 2 MB of JSON is refused with a clear message', async () => {
        const positions = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`node-${i}`, { x: i * 1.123456789, y: -i * 2.987654321 }]));
        const big = { ...storyFixture, slides: [0, 1, 2].map((i) => ({ id: `s${i}`, view: { positions } })) };
        const e = await errorOf(store.edit.create('stories', big, who));
        expect([e.extensions.code, e.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.slides']);
        expect(e.message).toMatch(/MB of JSON; at most 2 MB/);
        expect(await store.stories()).toEqual([]);
      });

      it('exportBatch() includes stories; a batch upserts them by id with fingerprint and version', async () => {
        const r = await store.applyBatch({ stories: [storyFixture] });
        expect(r.created.stories).toBe(1);
        const exported = await store.exportBatch();
        expect(exported.stories).toEqual([(await store.story('st-chemie'))?.row]);
        expect((await store.applyBatch({ stories: [storyFixture] })).unchanged.stories).toBe(1);
        expect((await store.story('st-chemie'))?.version).toBe(1);
        expect((await store.applyBatch({ stories: [{ ...storyFixture, title: 'Neu' }] })).updated.stories).toBe(1);
        expect((await store.story('st-chemie'))?.version).toBe(2);
        await store.clear();
        expect(await store.stories()).toEqual([]); // stories are network data: clear() takes them
        await store.applyBatch(exported);
        expect(await store.exportBatch()).toEqual(exported);
      });

      it('stories are not network nodes: network, search, nodeType, neighbourhoods and facets never see them', async () => {
        const before = await store.network();
        const facets = await store.facets();
        await store.edit.create('stories', { ...storyFixture, id: 'zarof-story', title: 'ZAROF GmbH Geschichte' }, who);
        expect(await store.network()).toEqual(before);
        expect((await store.search('Geschichte', 10)).map((h) => h.id)).toEqual([]);
        expect((await store.search('ZAROF', 10)).map((h) => h.id)).toEqual(['a1']);
        expect(await store.nodeType('zarof-story')).toBeNull();
        expect(await codeOf(store.neighborhood('zarof-story', 1))).toBe('NOT_FOUND');
        expect(await store.facets()).toEqual(facets);
        const { stories, ...rest } = await store.stats();
        expect(stories).toBe(1);
        expect(rest).toMatchObject({ actors: 9, projects: 4, regions: 12, events: 2, sources: 2 });
      });
    });

    describe('reading', () => {
      beforeAll(async () => {
        await store.clear();
        await store.applyBatch(fixture);
      });

      it('programmes(): a project programme with the regions it targets and its actors sit in', async () => {
        const programmes = await store.programmes();
        const p1 = programmes.find((p) => p.key === 'Strukturwandel');
        expect(p1?.label).toBe('Strukturwandel');
        expect(p1?.targetRegionIds).toEqual(['r-ns']);
        expect(p1?.projectIds).toEqual(['p1']);
        expect(p1?.regionIds).toEqual(expect.arrayContaining(['r-ns', 'r-dz']));
        const p4 = programmes.find((p) => p.regionIds.includes('r-ems'));
        expect(p4?.targetRegionIds).toEqual([]); // a partner region, not a target
      });

      it('revision() moves on with every write', async () => {
        const before = store.revision();
        await store.applyBatch({ sources: [{ id: 's-revision', title: 'Revision' }] });
        expect(store.revision()).toBeGreaterThan(before);
      });

      describe('search', () => {
        it('folds umlauts and ß: "Meissen" finds Meißen, "Goerlitz" and "Gorlitz" find Görlitz', async () => {
          expect((await store.search('Meissen', 5)).map((h) => h.id)).toContain('r-mei');
          expect((await store.search('Goerlitz', 5))[0]?.id).toBe('r-gr');
          expect((await store.search('Gorlitz', 5))[0]?.id).toBe('r-gr');
          expect((await store.search('Gießen', 5))[0]?.id).toBe('r-gi');
          expect((await store.search('giessen', 5))[0]?.id).toBe('r-gi');
        });

        it('is case-insensitive and returns type, kind and label', async () => {
          const [hit] = await store.search('NETZWERK chemie', 5);
          expect(hit).toEqual({ id: 'p1', type: 'PROJECT', kind: 'completed', label: 'Netzwerk Chemie' });
        });

        it('ranks exact and prefix matches first', async () => {
          const hits = await store.search('Leipzig', 10);
          expect(hits.map((h) => h.id)).toEqual(['r-l', 'a4']);
        });

        it('matches all words in any order', async () => {
          expect((await store.search('mittelhessen hochschule', 5)).map((h) => h.id)).toEqual(['a6']);
        });

        it('restricts to the given node types', async () => {
          const hits = await store.search('Leipzig', 10, ['ACTOR']);
          expect(hits.map((h) => h.id)).toEqual(['a4']);
          expect((await store.search('Leipzig', 10, [])).map((h) => h.id)).toEqual(['r-l', 'a4']);
        });

        it('honours the limit and rejects empty text', async () => {
          expect(await store.search('e', 3)).toHaveLength(3);
          expect(await codeOf(store.search('  ', 5))).toBe('BAD_USER_INPUT');
          expect(await codeOf(store.search('x', 0))).toBe('BAD_USER_INPUT');
        });
      });

      it('facets: actor kinds and sectors by frequency (ties alphabetical), the span of dated projects and events', async () => {
        const f = await store.facets();
        expect(f.actorKinds.slice(0, 2)).toEqual([
          { value: 'company', count: 2 },
          { value: 'university', count: 2 },
        ]);
        expect(f.actorKinds.reduce((n, k) => n + k.count, 0)).toBe(9);
        expect(f.sectors.slice(0, 3)).toEqual([
          { value: 'automotive', count: 2 },
          { value: 'chemie', count: 2 },
          { value: 'forschung', count: 2 },
        ]);
        expect([f.minYear, f.maxYear]).toEqual([2015, 2024]);
      });

      describe('details', () => {
        it('an actor with region, projects, events, ties and resolved sources', async () => {
          const d = await store.actorDetails('a1');
          expect(d?.region?.id).toBe('r-dz');
          expect(d?.participations.map((p) => `${p.project.id}:${p.role}`).sort()).toEqual(['p1:lead', 'p3:partner']);
          expect(d?.eventParticipations.map((p) => `${p.event.id}:${p.role}`)).toEqual(['e1:organiser']);
          expect(d?.sources.map((s) => s.title)).toEqual(['Projektsteckbrief Netzwerk Chemie']);
          expect(d?.sources[0]?.url).toBe('https://example.org/steckbrief');
        });

        it('direct ties seen from both ends', async () => {
          expect((await store.actorDetails('a5'))?.cooperations.map((c) => [c.partner.id, c.outgoing, c.since])).toEqual([['a4', false, '2020']]);
          expect((await store.actorDetails('a4'))?.cooperations.map((c) => [c.partner.id, c.outgoing])).toEqual([['a5', true]]);
        });

        it('a project with participants, events, targets, predecessor and successors', async () => {
          const p4 = await store.projectDetails('p4');
          expect(p4?.predecessor?.id).toBe('p3');
          expect(p4?.targets.map((t) => `${t.region.id}:${t.role}`)).toEqual(['r-ems:partner']);
          expect((await store.projectDetails('p3'))?.successors.map((p) => p.id)).toEqual(['p4']);
          const p1 = await store.projectDetails('p1');
          expect(p1?.participations.map((p) => `${p.actor.id}:${p.role}`).sort()).toEqual(['a1:lead', 'a2:partner', 'a3:partner', 'a8:funder']);
          expect(Object.fromEntries(p1?.participations.map((p) => [p.actor.id, p.contribution]) ?? [])).toEqual({ a1: 250000.5, a2: 80000, a3: null, a8: null });
          expect(p1?.events.map((e) => e.id)).toEqual(['e1']);
          expect(p1?.project.end).toBe('2024-12-31');
        });

        it('a region with its hierarchy, actors, events and the projects aimed at it', async () => {
          const ns = await store.regionDetails('r-ns');
          expect(ns?.parent?.id).toBe('r-sn');
          expect(ns?.children.map((r) => r.id)).toEqual(['r-dz']);
          expect(ns?.actors.map((a) => a.id)).toEqual(['a3']);
          expect(ns?.targetedBy.map((t) => t.project?.id)).toEqual(['p1']);
          const dz = await store.regionDetails('r-dz');
          expect(dz?.ancestors.map((r) => r.id)).toEqual(['r-ns', 'r-sn']);
          expect(dz?.events.map((e) => e.id)).toEqual(['e1']);
        });

        it('an event with place, project and participants', async () => {
          const e = await store.eventDetails('e2');
          expect(e?.place?.id).toBe('r-wz');
          expect(e?.project?.id).toBe('p2');
          expect(e?.event.venue).toBe('Charlotte-Bamberg-Straße 3');
          expect(e?.participations.map((p) => `${p.actor.id}:${p.role}`).sort()).toEqual(['a5:organiser', 'a6:presenter']);
        });

        it('unknown ids give null, and nodeType tells the type', async () => {
          expect(await store.actorDetails('nope')).toBeNull();
          expect(await store.projectDetails('a1')).toBeNull();
          expect(await store.nodeType('e1')).toBe('EVENT');
          expect(await store.nodeType('nope')).toBeNull();
        });
      });

      describe('network', () => {
        it('the whole network: all nodes, 2 direct and 8 derived ties with weights', async () => {
          const net = await store.network();
          expect(ids(net, 'ACTOR')).toHaveLength(9);
          expect(ids(net, 'PROJECT')).toEqual(['p1', 'p2', 'p3', 'p4']);
          expect(ids(net, 'EVENT')).toEqual(['e1', 'e2']);
          expect(ids(net, 'REGION')).toEqual(['r-dz', 'r-ems', 'r-gi', 'r-he', 'r-l', 'r-ldk', 'r-mei', 'r-mh', 'r-ns', 'r-sn', 'r-wz']);
          expect(coop(net, false)).toEqual(['a4-a5', 'a6-a7']);
          expect(coop(net, true)).toEqual(['a1-a2', 'a1-a3', 'a1-a4', 'a2-a3', 'a3-a4', 'a5-a6', 'a5-a7', 'a6-a7']);
          const a14 = net.edges.find((e) => e.id === 'derived:a1:a4');
          expect(a14).toMatchObject({ weight: 2, derived: true, via: ['e1', 'p3'] });
          expect(net.truncated).toBe(false);
        });

        it('structural edges: participation roles, location, events, targets, hierarchy, predecessor', async () => {
          const net = await store.network();
          const e = new Map(net.edges.map((x) => [x.id, x]));
          expect(e.get('participation:a8:p1')?.role).toBe('funder');
          expect(e.has('located_in:a1:r-dz')).toBe(true);
          expect(e.has('held_in:e2:r-wz')).toBe(true);
          expect(e.has('belongs_to:e1:p1')).toBe(true);
          expect(e.get('targets:p4:r-ems')?.role).toBe('partner');
          expect(e.has('part_of:r-dz:r-ns')).toBe(true);
          expect(e.has('continues:p4:p3')).toBe(true);
          expect(e.get('cooperation:a6:a7:member_of')?.role).toBe('member_of');
        });

        it('nodes carry kind, region, coordinates and years', async () => {
          const net = await store.network();
          const n = new Map(net.nodes.map((x) => [x.id, x]));
          expect(n.get('a1')).toMatchObject({ type: 'ACTOR', kind: 'company', label: 'ZAROF GmbH', regionId: 'r-dz', lat: 51.525, lon: 12.34, sectors: ['chemie', 'beratung'] });
          expect(n.get('p2')).toMatchObject({ type: 'PROJECT', startYear: 2022, endYear: null, regionId: 'r-mh' });
          expect(n.get('e2')).toMatchObject({ type: 'EVENT', kind: 'conference', startYear: 2022, regionId: 'r-wz' });
          expect(n.get('r-wz')).toMatchObject({ type: 'REGION', kind: 'city', regionId: 'r-ldk' });
        });

        it('derived and direct ties can be switched off', async () => {
          expect(coop(await store.network({ includeDerived: false }), true)).toEqual([]);
          expect(coop(await store.network({ includeDerived: false }), false)).toHaveLength(2);
          expect(coop(await store.network({ includeDirect: false }), false)).toEqual([]);
          expect(coop(await store.network({ includeDirect: false }), true)).toHaveLength(8);
        });

        it('node types: actors only gives the cooperation network', async () => {
          const net = await store.network({ nodeTypes: ['ACTOR'] });
          expect(new Set(net.nodes.map((n) => n.type))).toEqual(new Set(['ACTOR']));
          expect(net.edges.every((e) => e.kind === 'cooperation')).toBe(true);
          expect(net.edges).toHaveLength(10);
        });

        it('filters actor kinds and sectors', async () => {
          expect(ids(await store.network({ actorKinds: ['university'] }), 'ACTOR')).toEqual(['a4', 'a6']);
          expect(ids(await store.network({ sectors: ['chemie'] }), 'ACTOR')).toEqual(['a1', 'a4']);
          expect(coop(await store.network({ sectors: ['chemie'] }), true)).toEqual(['a1-a4']);
        });

        it('filters projects: their actors, events and ties', async () => {
          const net = await store.network({ projectIds: ['p2'] });
          expect(ids(net, 'ACTOR')).toEqual(['a5', 'a6', 'a7']);
          expect(ids(net, 'PROJECT')).toEqual(['p2']);
          expect(ids(net, 'EVENT')).toEqual(['e2']);
          expect(coop(net, true)).toEqual(['a5-a6', 'a5-a7', 'a6-a7']);
          expect(coop(net, false)).toEqual(['a6-a7']);
        });

        it('filters regions with their sub-regions', async () => {
          const ns = await store.network({ regionIds: ['r-ns'] });
          expect(ids(ns, 'ACTOR')).toEqual(['a1', 'a2', 'a3']);
          // p3 and p4 are in because a1 and a3 take part; p4's partner region comes along, no ancestor outside the filter.
          expect(ids(ns, 'PROJECT')).toEqual(['p1', 'p3', 'p4']);
          expect(ids(ns, 'REGION')).toEqual(['r-dz', 'r-ems', 'r-ns']);
          expect(coop(ns, true)).toEqual(['a1-a2', 'a1-a3', 'a2-a3']);
          expect(ids(await store.network({ regionIds: ['r-mh'] }), 'ACTOR')).toEqual(['a5', 'a6', 'a7']);
          expect(ids(await store.network({ regionIds: ['r-sn'] }), 'ACTOR')).toEqual(['a1', 'a2', 'a3', 'a4', 'a9']);
          expect(ids(await store.network({ regionIds: ['r-ns', 'r-gi'] }), 'ACTOR')).toEqual(['a1', 'a2', 'a3', 'a6']);
        });

        it('an unknown region in the filter is NOT_FOUND', async () => {
          expect(await codeOf(store.network({ regionIds: ['r-atlantis'] }))).toBe('NOT_FOUND');
        });

        it('a year window: only what was active then (2015)', async () => {
          const net = await store.network({ fromYear: 2015, toYear: 2015 });
          expect(ids(net, 'PROJECT')).toEqual(['p3']);
          expect(ids(net, 'ACTOR')).toEqual(['a1', 'a4', 'a6', 'a7']);
          expect(net.edges.find((e) => e.id === 'derived:a1:a4')?.weight).toBe(1);
          expect(coop(net, false)).toEqual(['a6-a7']);
        });

        it('a year window includes open-ended projects and drops ended ties (2024)', async () => {
          const net = await store.network({ fromYear: 2024, toYear: 2024 });
          expect(ids(net, 'PROJECT')).toEqual(['p1', 'p2']);
          expect(ids(net, 'EVENT')).toEqual(['e1']);
          expect(coop(net, false)).toEqual(['a6-a7']);
          expect(ids(net, 'ACTOR')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
          expect(net.edges.find((e) => e.id === 'derived:a1:a4')).toMatchObject({ weight: 1, via: ['e1'] });
        });

        it('a window with only an upper bound shows the network as of that year (2020)', async () => {
          const net = await store.network({ toYear: 2020 });
          expect(ids(net, 'PROJECT')).toEqual(['p3', 'p4']);
          expect(coop(net, false)).toEqual(['a4-a5', 'a6-a7']);
        });

        it('rejects an inverted window and out-of-range limits, naming the field', async () => {
          expect(await codeOf(store.network({ fromYear: 2024, toYear: 2020 }))).toBe('BAD_USER_INPUT');
          expect(await codeOf(store.network({ limit: 0 }))).toBe('BAD_USER_INPUT');
          expect(await codeOf(store.network({ nodeTypes: ['PERSON' as never] }))).toBe('BAD_USER_INPUT');
        });

        it('actors alone (the overview\'s counts) are the actors of the whole view, under every filter', async () => {
          for (const filter of [{}, { regionIds: ['r-sn'] }, { actorKinds: ['company', 'university'] }, { sectors: ['chemie'] }, { regionIds: ['r-he'], sectors: ['forschung'] }]) {
            const alone = await store.network({ ...filter, nodeTypes: ['ACTOR'], includeDirect: false, includeDerived: false });
            const whole = await store.network(filter);
            expect(alone.edges, JSON.stringify(filter)).toEqual([]);
            expect(alone.nodes, JSON.stringify(filter)).toEqual(whole.nodes.filter((n) => n.type === 'ACTOR'));
          }
        });

        it('truncates to the best-connected nodes and says so', async () => {
          const net = await store.network({ limit: 3 });
          expect(net.nodes).toHaveLength(3);
          expect(net.truncated).toBe(true);
          const kept = new Set(net.nodes.map((n) => n.id));
          expect(net.edges.every((e) => kept.has(e.source) && kept.has(e.target))).toBe(true);
        });
      });

      describe('neighbourhood', () => {
        it('depth 1 of an actor: its projects, events, region and partners', async () => {
          const net = await store.neighborhood('a1', 1);
          expect(ids(net)).toEqual(['a1', 'a2', 'a3', 'a4', 'e1', 'p1', 'p3', 'r-dz']);
          expect(coop(net, true)).toContain('a2-a3');
        });

        it('depth 2 reaches partners of partners, depth 3 one step further', async () => {
          const d2 = ids(await store.neighborhood('a1', 2));
          expect(d2).toContain('a5');
          expect(d2).toContain('a8');
          expect(d2).not.toContain('a6');
          const d3 = ids(await store.neighborhood('a1', 3));
          expect(d3).toContain('a6');
          expect(d3.length).toBeGreaterThan(d2.length);
        });

        it('works from a project and a region', async () => {
          expect(ids(await store.neighborhood('p3', 1))).toEqual(['a1', 'a4', 'p3', 'p4']);
          expect(ids(await store.neighborhood('r-ns', 1))).toEqual(['a3', 'p1', 'r-dz', 'r-ns', 'r-sn']);
        });

        it('honours the node limit', async () => {
          const net = await store.neighborhood('a1', 3, 5);
          expect(net.nodes).toHaveLength(5);
          expect(net.truncated).toBe(true);
        });

        it('knows its reach: every node within the depth, beyond the limit too', async () => {
          const full = await store.neighborhood('a1', 3);
          expect(full.truncated).toBe(false);
          expect([...(full.reach ?? [])].sort()).toEqual(ids(full));
          const cut = await store.neighborhood('a1', 3, 5);
          // Neo4j stops walking once the limit is passed: then it does not know the reach (null), and such an answer is not kept across writes.
          // A one-step walk always expands its one level: its reach is known beyond the limit (a hub's view).
          if (store.kind === 'neo4j' && cut.reach === null) expect([...((await store.neighborhood('a1', 1, 5)).reach ?? [])].sort()).toEqual(ids(await store.neighborhood('a1', 1)));
          else expect([...(cut.reach ?? [])].sort()).toEqual(ids(full));
        });

        it('rejects depth outside 1..3 and unknown ids', async () => {
          expect(await codeOf(store.neighborhood('a1', 4))).toBe('BAD_USER_INPUT');
          expect(await codeOf(store.neighborhood('a1', 0))).toBe('BAD_USER_INPUT');
          expect(await codeOf(store.neighborhood('nope', 1))).toBe('NOT_FOUND');
        });
      });

      describe('shortest paths', () => {
        it('finds all shortest paths across direct and derived ties', async () => {
          const paths = await store.shortestPaths('a2', 'a6', 6);
          expect(paths.map((p) => p.nodes.map((n) => n.id).join('>'))).toEqual(['a2>a1>a4>a5>a6', 'a2>a3>a4>a5>a6']);
          expect(paths.every((p) => p.length === 4)).toBe(true);
        });

        it('finds them from either end', async () => {
          const paths = await store.shortestPaths('a7', 'a2', 6);
          expect(paths.map((p) => p.nodes.map((n) => n.id).join('>'))).toEqual(['a7>a5>a4>a1>a2', 'a7>a5>a4>a3>a2']);
        });

        it('respects maxLength', async () => {
          expect(await store.shortestPaths('a2', 'a6', 3)).toEqual([]);
          expect(await store.shortestPaths('a2', 'a6', 4)).toHaveLength(2);
        });

        it('a path to oneself has length 0; an isolated actor has none; funders do not bridge', async () => {
          expect((await store.shortestPaths('a1', 'a1', 6)).map((p) => p.length)).toEqual([0]);
          expect(await store.shortestPaths('a1', 'a9', 6)).toEqual([]);
          expect(await store.shortestPaths('a8', 'a1', 6)).toEqual([]);
        });

        it('rejects non-actors and unknown ids', async () => {
          expect(await codeOf(store.shortestPaths('p1', 'a1', 6))).toBe('BAD_USER_INPUT');
          expect(await codeOf(store.shortestPaths('a1', 'nope', 6))).toBe('NOT_FOUND');
          expect(await codeOf(store.shortestPaths('a1', 'a2', 11))).toBe('BAD_USER_INPUT');
        });
      });

      describe('region matrix', () => {
        const cell = (pairs: { a: string; b: string }[], a: string, b: string) => pairs.find((p) => p.a === a && p.b === b);

        it('districts: all pairs of districts with actors, diagonal included', async () => {
          const m = await store.regionMatrix('district');
          expect(m).toHaveLength(15); // 5 districts with actors: 5·6/2
          // a4–a1 share p3 and e1 (two members each), a4–a3 share p4 (two): Newman 1 per shared item.
          expect(cell(m, 'r-l', 'r-ns')).toEqual({ a: 'r-l', b: 'r-ns', directTies: 0, derivedTies: 2, derivedWeight: 3, derivedNewman: 3 });
          expect(cell(m, 'r-l', 'r-ldk')).toMatchObject({ directTies: 1, derivedTies: 0 });
          expect(cell(m, 'r-ns', 'r-ns')).toMatchObject({ directTies: 0, derivedTies: 3 });
          // a6–a7 share p2 (three members: ½), a6–a5 share p2 (½) and e2 (two members: 1).
          expect(cell(m, 'r-gi', 'r-ldk')).toEqual({ a: 'r-gi', b: 'r-ldk', directTies: 1, derivedTies: 2, derivedWeight: 3, derivedNewman: 2 });
          expect(cell(m, 'r-gi', 'r-ns')).toMatchObject({ directTies: 0, derivedTies: 0 });
          expect(cell(m, 'r-mei', 'r-mei')).toMatchObject({ directTies: 0, derivedTies: 0 });
        });

        it('states and planning regions', async () => {
          const states = await store.regionMatrix('state');
          expect(states.map((p) => `${p.a}/${p.b}`)).toEqual(['r-he/r-he', 'r-he/r-sn', 'r-sn/r-sn']);
          expect(cell(states, 'r-he', 'r-sn')).toMatchObject({ directTies: 1, derivedTies: 0 });
          expect(cell(states, 'r-sn', 'r-sn')).toMatchObject({ directTies: 0, derivedTies: 5 });
          expect((await store.regionMatrix('planning_region')).map((p) => `${p.a}/${p.b}`)).toEqual(['r-mh/r-mh']);
        });

        it('follows the filter (a year window drops the 2020–2021 tie)', async () => {
          const m = await store.regionMatrix('state', { fromYear: 2024 });
          expect(cell(m, 'r-he', 'r-sn')).toMatchObject({ directTies: 0, derivedTies: 0 });
        });

        it('rejects an unknown level', async () => {
          expect(await codeOf(store.regionMatrix('galaxy'))).toBe('BAD_USER_INPUT');
        });
      });
    });

    describe("Germany's built-in regions", () => {
      beforeAll(async () => {
        await store.clear();
      });
      afterAll(async () => {
        await store.clear();
      });

      it('are added once at start (16 states, 401 districts, their source); a second start adds nothing and changes nothing', async () => {
        expect(await addMissingBuiltins(store)).toBe(417);
        const revision = store.revision();
        expect(await addMissingBuiltins(store)).toBe(0);
        expect(store.revision()).toBe(revision);
        expect(await store.stats()).toMatchObject({ regions: 417, sources: 1, actors: 0 });
        expect((await store.regions('state')).map((r) => r.id)).toHaveLength(16);
        const meissen = await store.regionDetails('de-14627');
        expect(meissen?.region).toMatchObject({ name: 'Landkreis Meißen', kind: 'district', code: '14627', parentId: 'de-14' });
        expect(meissen?.ancestors.map((a) => a.name)).toEqual(['Sachsen']);
        expect((await store.regionDetails('de-14'))?.children).toHaveLength(13);
        expect((await store.search('Görlitz', 5)).map((h) => h.id)).toContain('de-14626');
      });

      it('keeps what was changed and brings back what was deleted', async () => {
        await store.applyBatch({ regions: [{ id: 'r-elbe', name: 'Elberegion', kind: 'planning_region', lat: 51.2, lon: 13.5, parentId: 'de-14' }] });
        const before = await store.regionDetails('de-14627');
        await store.edit.update('regions', 'de-14627', before?.version ?? 0, { parentId: 'r-elbe' }, { name: 'test', role: 'editor' });
        const chemnitz = await store.regionDetails('de-14511');
        await store.edit.remove('regions', 'de-14511', chemnitz?.version ?? 0, { name: 'test', role: 'editor' });
        expect(await addMissingBuiltins(store)).toBe(1);
        expect((await store.regionDetails('de-14627'))?.region.parentId).toBe('r-elbe');
        expect((await store.regionDetails('de-14511'))?.region.parentId).toBe('de-14');
        expect((await store.stats()).regions).toBe(418);
      });
    });
  });
}
