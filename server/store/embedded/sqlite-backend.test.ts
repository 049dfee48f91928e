/**
 * The embedded store's file format: a database file of an older schema version is brought up to
 * date in place when it is opened (version 1 → 2: row versions, audit log, tokens; 2 → 3: stories),
 * keeping every row; a file of an unknown version is refused.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, storyFixture } from '../../../test/contract/fixture.ts';
import { emptyBatch } from '../../domain/model.ts';
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

async function opened(file: string) {
  const store = createGraphStore(new SqliteBackend(file));
  await store.init();
  return store;
}

describe('schema migrations of the embedded database file', () => {
  it('a new file has schema version 3', async () => {
    const file = await fileOf(() => undefined);
    expect(schemaVersion(file)).toBe('3');
  });

  it('version 2 → 3: the stories table is added, the network kept', async () => {
    const file = await fileOf((db) => {
      db.exec('DROP TABLE stories');
      db.prepare("UPDATE meta SET value = '2' WHERE key = 'schema_version'").run();
    });
    const store = await opened(file);
    try {
      expect(schemaVersion(file)).toBe('3');
      expect((await store.stats()).actors).toBe(9);
      expect(await store.stories()).toEqual([]);
      await store.edit.create('stories', storyFixture, who);
      expect((await store.story('st-chemie'))?.version).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('version 1 → 3: version columns (rows start at 1), audit log, tokens and stories are added', async () => {
    const file = await fileOf((db) => {
      db.exec('DROP TABLE stories; DROP TABLE audit_refs; DROP TABLE audit; DROP TABLE access_tokens');
      for (const t of ['sources', 'regions', 'actors', 'projects', 'events', 'participations', 'event_participations', 'cooperations', 'targets'])
        db.exec(`ALTER TABLE ${t} DROP COLUMN version`);
      db.prepare("UPDATE meta SET value = '1' WHERE key = 'schema_version'").run();
    });
    const store = await opened(file);
    try {
      expect(schemaVersion(file)).toBe('3');
      expect((await store.actorDetails('a1'))?.version).toBe(1);
      await store.edit.update('actors', 'a1', 1, { name: 'ZAROF' }, who);
      await store.edit.create('stories', storyFixture, who);
      expect((await store.auditLog({ limit: 10, offset: 0 })).total).toBe(2);
      expect((await store.stats()).stories).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('a file of an unknown version is refused with a hint', async () => {
    const file = await fileOf((db) => db.prepare("UPDATE meta SET value = '9' WHERE key = 'schema_version'").run());
    await expect(opened(file)).rejects.toThrow(/has schema version 9; this version needs 3\. Run npm run db:reset/);
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
