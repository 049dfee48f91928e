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

/** Loads the demo only when the store holds nothing at all. Returns whether it did. */
export async function loadDemoIfEmpty(store: GraphStore): Promise<boolean> {
  const stats = await store.stats();
  if (Object.values(stats).some((n) => n > 0)) return false;
  await loadDemo(store);
  return true;
}
