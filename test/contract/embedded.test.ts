import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { captureContract } from './capture.contract.ts';
import { graphStoreContract } from './graph-store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

graphStoreContract('embedded (SQLite file)', async () => {
  const store = createGraphStore(new SqliteBackend(join(dir, 'contract.sqlite')));
  await store.init();
  return store;
});

captureContract('embedded (SQLite file)', async () => {
  const store = createGraphStore(new SqliteBackend(join(dir, 'capture.sqlite')));
  await store.init();
  return store;
});
