/**
 * The embedded store's file format: a database file of an older schema version is brought up to
 * date in place when it is opened (version 1 → 2: row versions, audit log, tokens; 2 → 3: stories;
 * 3 → 4: year columns and the actor–actor projection the graph primitives read), keeping every row;
 * a file of an unknown version is refused.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, storyFixture } from '../../../test/contract/fixture.ts';
import { expectSameRegionTies, primitivesReference } from '../../../test/contract/primitives-reference.ts';
import { emptyBatch } from '../../domain/model.ts';
import { ALL_TIES, type GraphStore } from '../graph-store.ts';
import { createGraphStore } from '../store.ts';
import { SqliteBackend } from './sqlite-backend.ts';

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A current database file holding the fixture network, then changed with `downgrade` (raw SQL). */
async function fileOf(downgrade: (db: Database.Database) => void): Promise<string> {
  const file = join(dir, `db-${n++}.sqlite`);
  const store = createGraphStore(new SqliteBackend(file));
  await store.init();
  await store.applyBatch(fixture);
  await store.close();
  const db = new Database(file);
  downgrade(db);
  db.close();
  return file;
}

const schemaVersion = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string) ?? null;
  } finally {
    db.close();
  }
};

const who = { name: 'Test', role: 'editor' };

/** Back to the tables of version 3: no year columns, no actor_ties. */
function dropVersion4(db: Database.Database): void {
  db.exec('DROP TABLE actor_ties');
  for (const [table, cols] of [
    ['projects', ['start_year', 'end_year']],
    ['events', ['start_year', 'end_year']],
    ['cooperations', ['since_year', 'until_year']],
  ] as const)
    for (const c of cols) db.exec(`ALTER TABLE ${table} DROP COLUMN ${c}`);
}

/** The primitives that read the year columns and actor_ties answer like the reference. */
async function expectPrimitives(backend: SqliteBackend, store: GraphStore): Promise<void> {
  const ref = primitivesReference(await store.exportBatch());
  const window = { ...ALL_TIES, fromYear: 2020, toYear: 2021 };
  for (const f of [ALL_TIES, window, { ...ALL_TIES, toYear: 2015 }]) {
    expect(await backend.ties(f)).toEqual(ref.ties(f));
    expectSameRegionTies(await backend.regionTies('state', f), ref.regionTies('state', f), `regionTies(state, ${JSON.stringify(f)})`);
  }
  expect(await backend.neighbourhood('a1', 2, 100)).toEqual(ref.neighbourhood('a1', 2, 100));
  expect((await backend.neighbourhood('a1', 2, 2)).reach).toEqual(ref.neighbourhood('a1', 2, 2).reach);
}

async function opened(file: string) {
  const store = createGraphStore(new SqliteBackend(file));
  await store.init();
  return store;
}

describe('schema migrations of the embedded database file', () => {
  it('a new file has schema version 4', async () => {
    const file = await fileOf(() => undefined);
    expect(schemaVersion(file)).toBe('4');
  });

  it('version 3 → 4: year columns are filled from the stored rows and the actor–actor projection is built', async () => {
    const file = await fileOf((db) => {
      dropVersion4(db);
      db.prepare("UPDATE meta SET value = '3' WHERE key = 'schema_version'").run();
    });
    const backend = new SqliteBackend(file);
    const store = createGraphStore(backend);
    await store.init();
    try {
      expect(schemaVersion(file)).toBe('4');
      // The fixture's ties (fixture.ts): 8 derived, 2 direct, a6–a7 both.
      expect((await backend.ties(ALL_TIES)).length).toBe(9);
      // In 2020–2021 only cooperations count: a4–a5 (2020..2021) and a6–a7 (undated); p2 starts 2022.
      expect(await backend.ties({ ...ALL_TIES, fromYear: 2020, toYear: 2021 })).toEqual([
        { a: 'a4', b: 'a5', direct: 1, shared: 0, newman: 0 },
        { a: 'a6', b: 'a7', direct: 1, shared: 0, newman: 0 },
      ]);
      await expectPrimitives(backend, store);
      // Writes after the migration keep the projection current.
      await store.edit.update('participations', 'a2|p1', 1, { role: 'funder' }, who);
      await expectPrimitives(backend, store);
    } finally {
      await store.close();
    }
  });

  it('version 2 → 4: the stories table is added, the network kept', async () => {
    const file = await fileOf((db) => {
      dropVersion4(db);
      db.exec('DROP TABLE stories');
      db.prepare("UPDATE meta SET value = '2' WHERE key = 'schema_version'").run();
    });
    const store = await opened(file);
    try {
      expect(schemaVersion(file)).toBe('4');
      expect((await store.stats()).actors).toBe(9);
      expect(await store.stories()).toEqual([]);
      await store.edit.create('stories', storyFixture, who);
      expect((await store.story('st-chemie'))?.version).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('version 1 → 4: version columns (rows start at 1), audit log, tokens, stories, year columns and ties are added', async () => {
    const file = await fileOf((db) => {
      dropVersion4(db);
      db.exec('DROP TABLE stories; DROP TABLE audit_refs; DROP TABLE audit; DROP TABLE access_tokens');
      for (const t of ['sources', 'regions', 'actors', 'projects', 'events', 'participations', 'event_participations', 'cooperations', 'targets'])
        db.exec(`ALTER TABLE ${t} DROP COLUMN version`);
      db.prepare("UPDATE meta SET value = '1' WHERE key = 'schema_version'").run();
    });
    const backend = new SqliteBackend(file);
    const store = createGraphStore(backend);
    await store.init();
    try {
      expect(schemaVersion(file)).toBe('4');
      await expectPrimitives(backend, store);
      expect((await store.actorDetails('a1'))?.version).toBe(1);
      await store.edit.update('actors', 'a1', 1, { name: 'ZAROF' }, who);
      await store.edit.create('stories', storyFixture, who);
      expect((await store.auditLog({ limit: 10, offset: 0 })).total).toBe(2);
      expect((await store.stats()).stories).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('a file written before pseudonymised tokens gets the column in place; its tokens read as not pseudonymised', async () => {
    const file = await fileOf((db) => {
      db.exec('ALTER TABLE access_tokens DROP COLUMN pseudonymous');
      db.prepare('INSERT INTO access_tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)').run('t-old', 'Beirat', 'viewer', 'h-old', '2026-01-01T00:00:00.000Z');
    });
    const store = await opened(file);
    try {
      expect(schemaVersion(file)).toBe('4');
      expect(await store.tokens.byHash('h-old')).toMatchObject({ id: 't-old', role: 'viewer', pseudonymous: false });
      await store.tokens.insert({ id: 't-new', name: 'Workshop', role: 'viewer', hash: 'h-new', createdAt: '2026-01-02T00:00:00.000Z', createdBy: null, lastUsedAt: null, revokedAt: null, pseudonymous: true });
      expect((await store.tokens.list()).map((t) => [t.id, t.pseudonymous])).toEqual([
        ['t-old', false],
        ['t-new', true],
      ]);
    } finally {
      await store.close();
    }
  });

  it('a file of an unknown version is refused with a hint', async () => {
    const file = await fileOf((db) => db.prepare("UPDATE meta SET value = '9' WHERE key = 'schema_version'").run());
    await expect(opened(file)).rejects.toThrow(/has schema version 9; this version needs 4\. Run npm run db:reset/);
  });
});

describe('writeChanges', () => {
  it('a delete that leaves something pointing at the row fails at commit as a CONFLICT, writing nothing', async () => {
    const backend = new SqliteBackend(join(dir, `db-${n++}.sqlite`));
    const store = createGraphStore(backend);
    await store.init();
    await store.applyBatch(fixture);
    // As if an actor had been placed in r-dz after the mutation checked that nothing points there.
    const put = emptyBatch();
    const err = await backend
      .writeChanges({ put, del: { regions: ['r-dz'] }, expect: [{ key: 'regions', id: 'r-dz', version: 1 }], audit: [] }, () => undefined)
      .then(() => null, (e: unknown) => e as { extensions?: { code?: string } });
    expect(err?.extensions?.code).toBe('CONFLICT');
    expect(await store.regionDetails('r-dz')).not.toBeNull();
    await store.close();
  });
});

describe('search keys kept in memory', () => {
  it('see what this connection and another connection wrote', async () => {
    const file = join(dir, `db-${n++}.sqlite`);
    const writer = createGraphStore(new SqliteBackend(file));
    await writer.init();
    await writer.applyBatch(fixture);
    const reader = createGraphStore(new SqliteBackend(file));
    await reader.init();
    try {
      expect(await reader.search('Zwischenstadt Werkhof', 5)).toEqual([]);
      // Another connection commits: the reader's kept keys are read again.
      await writer.applyBatch({ actors: [{ id: 'a-werkhof', name: 'Zwischenstadt Werkhof e. V.', kind: 'association' }] });
      expect((await reader.search('Zwischenstadt Werkhof', 5)).map((h) => h.id)).toEqual(['a-werkhof']);
      // This connection writes: its own keys are read again too.
      await reader.applyBatch({ actors: [{ id: 'a-werkhof-2', name: 'Zwischenstadt Werkhof Süd gGmbH', kind: 'association' }] });
      expect((await reader.search('Werkhof Süd', 5)).map((h) => h.id)).toEqual(['a-werkhof-2']);
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
