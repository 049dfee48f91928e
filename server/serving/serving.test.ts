/**
 * Prepared views: after the warm-up, the neighbourhoods of the actors with the most ties are ready
 * before anyone asks (serving.ts), and a write elsewhere in the network leaves them ready.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineRunner } from '../analysis/runner.ts';
import { loadDemo } from '../demo/load-demo.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { SqliteBackend } from '../store/embedded/sqlite-backend.ts';
import { createGraphStore } from '../store/store.ts';
import { createServing, hubView, PREPARED_HUBS, type Serving } from './serving.ts';
import { SYSTEM } from './work-queue.ts';

let store: GraphStore;
let serving: Serving;
/** The neighbourhoods the store assembled, by centre. */
const assembled: string[] = [];

beforeAll(async () => {
  const base = createGraphStore(new SqliteBackend(':memory:'));
  await base.init();
  await loadDemo(base);
  store = { ...base, neighborhood: (id, depth, limit) => (assembled.push(id), base.neighborhood(id, depth, limit)) };
  serving = createServing(store, { config: null, runner: inlineRunner() });
});
afterAll(async () => {
  await serving.close();
  await store.close();
});

describe('prepared views', () => {
  it('the warm-up prepares the biggest hubs\' neighbourhoods; asking for one then assembles nothing, even after a write elsewhere', async () => {
    const status = await serving.analysis.warm();
    expect(status).toMatchObject({ state: 'ready', done: 6, total: 6 });
    const metrics = await serving.analysis.metrics(null, false, null);
    const hubs = [...metrics.nodes].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1)).slice(0, PREPARED_HUBS);
    expect(new Set(assembled)).toEqual(new Set(hubs.filter((h) => h.degree > 0).map((h) => h.id)));
    const top = hubs[0]?.id as string;

    assembled.length = 0;
    // Random neighbourhoods fill the cache (16 entries) many times over: the prepared ones stay.
    for (const n of metrics.nodes.slice(-40)) await serving.read({ op: 'neighborhood', id: n.id, depth: 2, limit: 300 }, SYSTEM);
    assembled.length = 0;
    const view = await serving.read(hubView(top), SYSTEM);
    expect(assembled).toEqual([]);
    expect(view.nodes.some((n) => n.id === top)).toBe(true);

    // A new organisation in Flensburg, with a partner there: not in the hub's reach.
    await store.applyBatch({
      actors: [
        { id: 'a-fern-1', name: 'Fern eins GmbH', kind: 'company', regionId: 'de-01001' },
        { id: 'a-fern-2', name: 'Fern zwei e. V.', kind: 'association', regionId: 'de-01001' },
      ],
      cooperations: [{ actorId: 'a-fern-1', partnerId: 'a-fern-2', kind: 'cooperation' }],
    });
    expect(await serving.read(hubView(top), SYSTEM)).toBe(view);
    expect(assembled).toEqual([]);
    // A tie to the hub: assembled anew.
    await store.applyBatch({ cooperations: [{ actorId: 'a-fern-1', partnerId: top, kind: 'cooperation' }] });
    const anew = await serving.read(hubView(top), SYSTEM);
    expect(assembled).toEqual([top]);
    expect(anew.nodes.some((n) => n.id === 'a-fern-1')).toBe(true);
  });
});
