import type { GraphStore } from './store/graph-store.ts';

/** What every resolver gets: the store (ready by the time a request is served). */
export interface Context {
  store: GraphStore;
}
