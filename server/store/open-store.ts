/** Picks the adapter from the configuration: Neo4j when NEO4J_URI is set, else the embedded file. */
import type { Config } from '../config.ts';
import { SqliteBackend } from './embedded/sqlite-backend.ts';
import type { GraphBackend, GraphStore } from './graph-store.ts';
import { createGraphStore } from './store.ts';

/** `applySchema: false` for a second connection of the same process (the analysis worker): the main store applies the schema once. */
export async function openBackend(config: Config, options: { applySchema?: boolean } = {}): Promise<GraphBackend> {
  if (config.neo4j) {
    // Loaded only when used, so the embedded default never loads the Neo4j driver.
    const { Neo4jBackend } = await import('./neo4j/neo4j-backend.ts');
    return new Neo4jBackend(config.neo4j, { applySchema: options.applySchema ?? true });
  }
  return new SqliteBackend(config.databaseFile);
}

export async function openStore(config: Config): Promise<GraphStore> {
  return createGraphStore(await openBackend(config));
}
