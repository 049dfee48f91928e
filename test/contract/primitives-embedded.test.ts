/** The graph primitives property (primitives.property.ts) on the embedded store, a SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { primitivesProperty } from './primitives.property.ts';

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-primitives-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

primitivesProperty('embedded (SQLite file)', async () => {
  const backend = new SqliteBackend(join(dir, 'primitives.sqlite'));
  const store = createGraphStore(backend);
  await store.init();
  return { backend, store };
});

// The generated networks are small, so most edits dirty more than a quarter of the actors and the
// projection is rebuilt whole; here it is always kept up pair by pair, the path large stores take.
primitivesProperty('embedded, actor_ties kept up incrementally only', async () => {
  const backend = new SqliteBackend(join(dir, 'incremental.sqlite'), { tieRebuildShare: Infinity });
  const store = createGraphStore(backend);
  await store.init();
  return { backend, store };
});
