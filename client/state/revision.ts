/**
 * The data revision: bumped when the data on the server changed from this page (an edit, a merge, an
 * import). Loaders drop what they cached (`onDataChanged`) and hooks that read `useDataRevision()`
 * load again; what is shown stays until the new data is there.
 */
import { useSyncExternalStore } from 'react';

let revision = 0;
const listeners = new Set<() => void>();

/** Call after a successful write: caches are dropped first, then every hook reloads. */
export function dataChanged(): void {
  revision++;
  for (const l of [...listeners]) l();
}

/** Registers a cache to drop (called before the hooks re-render). */
export function onDataChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function dataRevision(): number {
  return revision;
}

export function useDataRevision(): number {
  return useSyncExternalStore(onDataChanged, dataRevision, dataRevision);
}
