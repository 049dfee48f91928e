/**
 * Configuration: the only module that reads process.env. Every variable is validated here and all
 * problems are reported together. Documented in .env.example.
 */
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const schema = z
  .object({
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    NEO4J_URI: z
      .string()
      .trim()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like bolt://host:7687, neo4j://host:7687 (a cluster) or neo4j+s://xxxx.databases.neo4j.io (Aura)')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    NEO4J_USERNAME: z.string().trim().default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().trim().min(1).default('neo4j'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    READ_ACCESS: z.enum(['open', 'token'], "must be 'open' (anyone may read) or 'token' (reading needs a viewer token)").default('open'),
    READ_WORKERS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int('must be a whole number').min(0).max(16).optional()),
    PUBLIC_URL: z
      .string()
      .trim()
      .url('must be a URL like https://atlas.example.org/')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  });

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** The embedded database file (DATA_DIR/netzwerkatlas.sqlite). */
  databaseFile: string;
  /** Neo4j when NEO4J_URI is set; an empty password means a server with authentication off (`npm run neo4j`). */
  neo4j: { uri: string; username: string; password: string; database: string } | null;
  /** Whether reading needs a (viewer) token; writing always needs an editor token. */
  readAccess: 'open' | 'token';
  /** The address users open (for sign-in links); null: the address the server listens on. */
  publicUrl: string | null;
  /** Threads that assemble large networks (0: on the main thread); default: one less than the cores, 2 to 4. */
  readWorkers: number;
  /** Development shows error details; anything else masks unexpected errors. */
  development: boolean;
  env: 'development' | 'production' | 'test';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration (from process.env unless another source is given). */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const r = schema.safeParse(env);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const v = r.data;
  const dataDir = isAbsolute(v.DATA_DIR) ? v.DATA_DIR : resolve(cwd, v.DATA_DIR);
  return {
    host: v.HOST,
    port: v.PORT,
    dataDir,
    databaseFile: resolve(dataDir, 'netzwerkatlas.sqlite'),
    neo4j: v.NEO4J_URI
      ? { uri: v.NEO4J_URI, username: v.NEO4J_USERNAME, password: v.NEO4J_PASSWORD, database: v.NEO4J_DATABASE }
      : null,
    readAccess: v.READ_ACCESS,
    publicUrl: v.PUBLIC_URL ?? null,
    readWorkers: v.READ_WORKERS ?? Math.max(2, Math.min(4, availableParallelism() - 1)),
    development: v.NODE_ENV === 'development',
    env: v.NODE_ENV,
  };
}
