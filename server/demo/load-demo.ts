/** The demo network: the CSV files beside this module and the demo story (stories.json), loaded into an empty store at start. */
import { fileURLToPath } from 'node:url';
import { readCsvBundle, toImportError } from '../import/csv-bundle.ts';
import { BatchValidationError } from '../store/batch.ts';
import type { BatchResult, GraphStore } from '../store/graph-store.ts';

export const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Loads the demo network into the store; the CSV files name the line of any problem. */
export async function loadDemo(store: GraphStore, dir = DEMO_DIR): Promise<BatchResult> {
  const { batch, origins } = readCsvBundle(dir);
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

/** Loads the demo only when the store holds nothing at all. Returns whether it did. */
export async function loadDemoIfEmpty(store: GraphStore): Promise<boolean> {
  const stats = await store.stats();
  if (Object.values(stats).some((n) => n > 0)) return false;
  await loadDemo(store);
  return true;
}
