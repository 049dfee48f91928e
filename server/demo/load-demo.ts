/**
 * The demo network: the CSV files beside this module and the demo story (stories.json), loaded into
 * an empty store at start. It refers to Germany's built-in states and districts (`de-14`,
 * `de-14730`, …) and changes eight of them (the districts of Mittelhessen and Nordthüringen belong
 * to their planning regions here).
 */
import { fileURLToPath } from 'node:url';
import { readCsvBundle, toImportError, type CsvBundle } from '../import/csv-bundle.ts';
import { BKG_SOURCE } from '../geo/germany.ts';
import { holdsOnlyBuiltins, missingBuiltins } from '../geo/seed.ts';
import { BatchValidationError } from '../store/batch.ts';
import type { BatchResult, GraphStore } from '../store/graph-store.ts';

export const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * The demo files with the built-in regions they do not change (those of `have` left out): a batch
 * that loads into any store. Built-in rows come last, so the file lines of the demo rows stay right.
 */
export function demoBundle(dir = DEMO_DIR, have: { regions: ReadonlySet<string>; source: boolean } = { regions: new Set(), source: false }): CsvBundle {
  const bundle = readCsvBundle(dir);
  const ids = (rows: readonly unknown[] | undefined) => new Set((rows ?? []).map((r) => (r as { id: string }).id));
  const own = ids(bundle.batch.regions);
  const builtins = missingBuiltins(new Set([...have.regions, ...own]), have.source || ids(bundle.batch.sources).has(BKG_SOURCE.id));
  const origin = { file: 'server/geo/germany.json', line: 0 };
  return {
    ...bundle,
    batch: {
      ...bundle.batch,
      sources: [...(bundle.batch.sources ?? []), ...(builtins.sources ?? [])],
      regions: [...(bundle.batch.regions ?? []), ...builtins.regions],
    },
    origins: {
      ...bundle.origins,
      sources: [...bundle.origins.sources, ...(builtins.sources ?? []).map(() => origin)],
      regions: [...bundle.origins.regions, ...builtins.regions.map(() => origin)],
    },
  };
}

/** Loads the demo network (and the built-in regions the store lacks) into the store; the CSV files name the line of any problem. */
export async function loadDemo(store: GraphStore, dir = DEMO_DIR): Promise<BatchResult> {
  const have = { regions: new Set((await store.regions()).map((r) => r.id)), source: (await store.source(BKG_SOURCE.id)) !== null };
  const { batch, origins } = demoBundle(dir, have);
  try {
    return await store.applyBatch(batch);
  } catch (e) {
    throw e instanceof BatchValidationError ? toImportError(e, origins) : e;
  }
}

/**
 * A data folder from before stories holds the demo network but no story: add the demo story when the
 * store has no story and holds every node the demo story's slides name. Returns whether it did.
 */
export async function loadDemoStoryIfMissing(store: GraphStore, dir = DEMO_DIR): Promise<boolean> {
  if ((await store.stats()).stories > 0) return false;
  const stories = (readCsvBundle(dir).batch.stories ?? []) as { slides: { view: { highlight?: string[] } }[] }[];
  const named = [...new Set(stories.flatMap((s) => s.slides.flatMap((sl) => sl.view.highlight ?? [])))];
  if (stories.length === 0 || named.length === 0) return false;
  for (const id of named) if ((await store.nodeType(id)) === null) return false;
  await store.applyBatch({ stories });
  return true;
}

/** Loads the demo only when the store holds nothing but (perhaps) the built-in regions. Returns whether it did. */
export async function loadDemoIfEmpty(store: GraphStore): Promise<boolean> {
  if (!(await holdsOnlyBuiltins(store))) return false;
  await loadDemo(store);
  return true;
}
