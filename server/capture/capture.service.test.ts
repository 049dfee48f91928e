import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteBackend } from '../store/embedded/sqlite-backend.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { createGraphStore } from '../store/store.ts';
import { DeviceRateLimit, openSession, sessionByToken, submit } from './capture.service.ts';
import { searchRoster, typoMatch, type RosterEntry } from './roster.ts';

const extensionsOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof GraphQLError) return e.extensions;
    throw e;
  }
  throw new Error('expected a rejection');
};

let store: GraphStore;
beforeAll(async () => {
  store = createGraphStore(new SqliteBackend(':memory:'));
  await store.init();
});
afterAll(() => store.close());

describe('capture sessions and limits', () => {
  it('an expired session refuses submissions with reason EXPIRED, but its token still reads the session', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const s = await openSession(store, { name: 'Workshop Görlitz', expiresInMinutes: 60, scope: { kind: 'view', ref: '' } }, { name: 'M', role: 'editor' }, twoHoursAgo);
    expect((await sessionByToken(store, s.code, { open: false })).id).toBe(s.id);
    expect(await extensionsOf(submit(store, s.code, 'participant-key-expired', { org: { name: 'A' }, ties: [] }))).toMatchObject({ code: 'FORBIDDEN', reason: 'EXPIRED' });
    expect(await extensionsOf(sessionByToken(store, 'x'.repeat(65), { open: false }))).toMatchObject({ code: 'FORBIDDEN', reason: 'UNKNOWN_TOKEN' });
  });

  it('rejects bad session input: empty or long names, impossible dates, durations out of range', async () => {
    const who = { name: 'M', role: 'editor' };
    const open = (input: Partial<Parameters<typeof openSession>[1]>) => openSession(store, { name: 'W', scope: { kind: 'view', ref: '' }, ...input }, who);
    expect(await extensionsOf(open({ name: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await extensionsOf(open({ name: 'x'.repeat(121) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await extensionsOf(open({ date: '12.03.2027' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(await extensionsOf(open({ expiresInMinutes: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInMinutes' });
    expect(await extensionsOf(open({ scope: { kind: 'story', ref: 'no-such-story' } }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the device limit is a sliding minute', () => {
    let now = 0;
    const limit = new DeviceRateLimit(3, () => now);
    for (let i = 0; i < 3; i++) limit.take('d');
    expect(() => limit.take('d')).toThrow(/At most 3 submissions per minute/);
    limit.take('other device');
    now = 59_999;
    expect(() => limit.take('d')).toThrow(GraphQLError);
    now = 60_000;
    expect(() => limit.take('d')).not.toThrow();
  });
});

describe('roster search', () => {
  const roster: RosterEntry[] = [
    { id: 'a-khs', name: 'Kreishandwerkerschaft Region Meißen', kind: 'chamber', isNew: false },
    { id: 'a-qz', name: 'Qualifizierungszentrum Region Riesa GmbH', kind: 'education_provider', isNew: false },
    { id: 'a-goe', name: 'Hochschule Zittau/Görlitz', kind: 'university', isNew: false },
    { id: 'sub:cx-1', name: 'Innungsverband Elektrohandwerk', kind: 'association', isNew: true },
  ];
  it('folds umlauts both ways and ß', () => {
    expect(searchRoster(roster, 'Goerlitz', 5).map((e) => e.id)).toEqual(['a-goe']);
    expect(searchRoster(roster, 'gorlitz', 5).map((e) => e.id)).toEqual(['a-goe']);
    expect(searchRoster(roster, 'Meissen', 5).map((e) => e.id)).toEqual(['a-khs']);
  });
  it('forgives one typo in a word of 4–7 letters and two in longer words; not in short ones', () => {
    expect(typoMatch('Qualifizierungszentrm', 'Qualifizierungszentrum Region Riesa GmbH')).toBe(1);
    expect(typoMatch('Kreishandwerkershaft Meisen', 'Kreishandwerkerschaft Region Meißen')).toBe(2);
    expect(typoMatch('Reisa', 'Qualifizierungszentrum Region Riesa GmbH')).toBeNull(); // a swap is two edits (Levenshtein), too many for 5 letters
    expect(typoMatch('Rsa', 'Qualifizierungszentrum Region Riesa GmbH')).toBeNull();
    expect(searchRoster(roster, 'Innungsverbnd', 5).map((e) => e.id)).toEqual(['sub:cx-1']);
  });
});
