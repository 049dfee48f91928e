/**
 * A worker thread's own view of the store: one connection (opened on first use, without applying
 * the schema, which the main store does once), and a fresh GraphStore (empty caches) whenever the
 * main store's data moved on (its revision, sent with every job).
 */
import type { Config } from '../config.ts';
import type { GraphBackend, GraphStore } from '../store/graph-store.ts';
import { openBackend } from '../store/open-store.ts';
import { createGraphStore } from '../store/store.ts';

export function storeViews(config: Config): (revision: number) => Promise<GraphStore> {
  let backend: Promise<GraphBackend> | null = null;
  let view: { revision: number; store: GraphStore } | null = null;
  return async (revision) => {
    backend ??= openBackend(config, { applySchema: false }).then(async (b) => {
      await b.init();
      return b;
    });
    const b = await backend;
    if (view?.revision !== revision) view = { revision, store: createGraphStore(b) };
    return view.store;
  };
}
