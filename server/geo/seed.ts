/**
 * Germany's built-in regions in a store: whatever of them the store lacks is added at start (both
 * stores, idempotent: a region already there, also one the user or the demo edited, stays as it is;
 * one deleted comes back at the next start). Imports add the ones their placed actors need.
 */
import type { GraphBatchInput, Region } from '../domain/model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { BKG_SOURCE, germany } from './germany.ts';

/** The built-in rows (the BKG source and the regions) that `have` lacks; `only`: just these regions and their states. */
export function missingBuiltins(haveRegions: ReadonlySet<string>, haveSource: boolean, only?: ReadonlySet<string>): GraphBatchInput & { regions: Region[] } {
  const geo = germany();
  let wanted = geo.regions();
  if (only !== undefined) {
    const ids = new Set<string>();
    for (const r of wanted) if (only.has(r.id)) {
      ids.add(r.id);
      if (r.parentId !== null) ids.add(r.parentId);
    }
    wanted = wanted.filter((r) => ids.has(r.id));
  }
  const regions = wanted.filter((r) => !haveRegions.has(r.id));
  return { sources: regions.length > 0 && !haveSource ? [BKG_SOURCE] : [], regions };
}

/** Adds the built-in states and districts the store lacks; returns how many it added. */
export async function addMissingBuiltins(store: GraphStore): Promise<number> {
  const have = new Set((await store.regions()).map((r) => r.id));
  const batch = missingBuiltins(have, (await store.source(BKG_SOURCE.id)) !== null);
  if (batch.regions.length === 0) return 0;
  await store.applyBatch(batch);
  return batch.regions.length;
}

/** Does the store hold nothing but built-in regions (and their source)? */
export async function holdsOnlyBuiltins(store: GraphStore): Promise<boolean> {
  const { regions, sources, ...rest } = await store.stats();
  if (Object.values(rest).some((n) => n > 0) || sources > 1) return false;
  if (sources === 1 && (await store.source(BKG_SOURCE.id)) === null) return false;
  if (regions === 0) return true;
  const geo = germany();
  return (await store.regions()).every((r) => geo.isBuiltinId(r.id));
}
