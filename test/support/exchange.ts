/** Shared by the exchange-format tests: throw-away embedded stores, ImportError issues, a batch full of awkward values. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { emptyBatch, type GraphBatch } from '../../server/domain/model.ts';
import { ImportError, type ImportIssue } from '../../server/import/csv-bundle.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { createGraphStore } from '../../server/store/store.ts';

/** A factory of empty embedded stores in a temporary folder, all closed and removed after the file's tests. */
export function storeFactory(prefix: string): () => Promise<GraphStore> {
  const dir = mkdtempSync(join(tmpdir(), `netzwerkatlas-${prefix}-`));
  const stores: GraphStore[] = [];
  let n = 0;
  afterAll(async () => {
    for (const s of stores) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return async () => {
    const store = createGraphStore(new SqliteBackend(join(dir, `store-${n++}.sqlite`)));
    await store.init();
    stores.push(store);
    return store;
  };
}

/** The 1-based line of the first line containing `needle`. */
export const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The issues of the ImportError `f` throws (fails when it throws nothing or something else). */
export function issuesOf(f: () => unknown): ImportIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e.issues;
    throw e;
  }
  throw new Error('expected an ImportError');
}

/** Everything the tricky cases need: markup characters, line breaks, umlauts, list entries with separators, numbers. */
export function awkwardBatch(): GraphBatch {
  const b = emptyBatch();
  b.sources.push({ id: 's-1', title: 'Bericht „Müller & Söhne“ <2024>', url: 'https://example.org/a?b=1&c=2', date: '2024-03', publisher: 'Verlag "Zeit"' });
  b.regions.push(
    { id: 'r-top', name: 'Großraum Süd', kind: 'state', code: null, lat: -0.5, lon: 179.999999, parentId: null, description: null, tags: [], sourceIds: [] },
    { id: 'r-sub', name: "O'Region", kind: 'city', code: '0815', lat: 51.123456789, lon: 12, parentId: 'r-top', description: 'Zeile 1\nZeile 2\r\n\tEingerückt', tags: ['a|b', '[x]', '"q"'], sourceIds: ['s-1'] },
  );
  b.actors.push(
    { id: 'a-1', name: 'Müller & Söhne <GmbH>', kind: 'company', sectors: ['chemie', 'a, b', 'ä|ö'], regionId: 'r-sub', website: 'https://müller.example/?x=1&y=2', description: '  ', tags: [], sourceIds: ['s-1'] },
    { id: 'a-2', name: 'Verein ]]> "Zukunft"', kind: 'association', sectors: [], regionId: 'r-elsewhere-not-in-file', website: null, description: null, tags: ['🙂'], sourceIds: [] },
  );
  b.projects.push(
    { id: 'p-1', name: 'Vorläufer', programme: null, start: '2015', end: '2016', status: 'completed', goals: ['Ziel; mit Semikolon', 'Ziel | mit Strich'], results: [], predecessorId: null, description: null, tags: [], sourceIds: [] },
    { id: 'p-2', name: 'Nachfolger', programme: 'EFRE & ESF', start: '2017-01', end: null, status: 'running', goals: [], results: ['Ergebnis'], predecessorId: 'p-1', description: null, tags: [], sourceIds: ['s-1'] },
  );
  b.events.push({ id: 'e-1', name: 'Kick-off', kind: 'kick_off', date: '2017-02-03', endDate: null, placeId: 'r-sub', venue: 'Saal "A" & B', projectId: 'p-2', description: null, tags: [], sourceIds: [] });
  b.participations.push(
    { actorId: 'a-1', projectId: 'p-2', role: 'lead', contribution: 123456.78, description: 'Leitung & Koordination', sourceIds: ['s-1'] },
    { actorId: 'a-2', projectId: 'p-2', role: 'partner', contribution: null, description: null, sourceIds: [] },
  );
  b.eventParticipations.push({ actorId: 'a-2', eventId: 'e-1', role: 'presenter', description: null, sourceIds: [] });
  b.cooperations.push(
    { actorId: 'a-1', partnerId: 'a-2', kind: 'cooperation', since: '2019', until: null, description: null, sourceIds: [] },
    { actorId: 'a-2', partnerId: 'a-1', kind: 'cooperation', since: null, until: null, description: 'andersherum', sourceIds: [] },
    { actorId: 'a-1', partnerId: 'a-2', kind: 'member_of', since: null, until: '2020-12', description: null, sourceIds: [] },
  );
  b.targets.push({ subjectId: 'e-1', regionId: 'r-top', role: 'partner', description: null, sourceIds: [] });
  return b;
}
