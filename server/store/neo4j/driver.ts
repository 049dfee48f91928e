/**
 * The one module that talks to `neo4j-driver` (ESLint forbids importing it anywhere else).
 *
 * - `openNeo4j(config)`: one driver per process and server/user (shared and reference-counted),
 *   connectivity verified up front with an error naming the URI.
 * - `Neo4jConnection.read` / `.write`: one statement in a managed transaction
 *   (`session.executeRead` / `executeWrite`, retried by the driver on transient errors).
 * - `Neo4jConnection.inWriteTransaction(work)`: several statements in ONE write transaction; the
 *   work function may be retried as a whole, so it must not keep state between attempts.
 * - `toPlain(value)`: the single place where Neo4j values become plain JS (Integer → number,
 *   records → objects); everything leaving this module has been through it.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

export interface Neo4jConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export type Params = Record<string, unknown>;
/** A result row with plain values (numbers, strings, lists, maps, null). */
export type PlainRecord = Record<string, unknown>;

/** A transaction as the adapter sees it: statements in, plain records out. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<PlainRecord[]>;
}

/** Builds a Neo4j Integer (for parameters that must be integers, e.g. `LIMIT $max`; a string for values beyond 2^53). */
export function int(value: number | string): unknown {
  return neo4j.int(value);
}

/** Converts what the driver returns into plain JS values; Integers outside ±2^53 are an error. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) throw new RangeError(`Neo4j integer ${value.toString()} is outside the safe JS range`);
    return neo4j.integer.toNumber(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof neo4j.types.Record) return recordToPlain(value);
  if (neo4j.graph.isNode(value) || neo4j.graph.isRelationship(value)) return toPlain(value.properties);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function recordToPlain(record: { keys: PropertyKey[]; get(key: PropertyKey): unknown }): PlainRecord {
  const out: PlainRecord = {};
  for (const key of record.keys) out[String(key)] = toPlain(record.get(key));
  return out;
}

async function runIn(tx: ManagedTransaction, cypher: string, params: Params): Promise<PlainRecord[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((r) => recordToPlain(r));
}

interface SharedDriver {
  driver: Driver;
  refs: number;
  ready: Promise<void>;
}

/** Drivers by server and user: one per process, however many stores are opened. */
const drivers = new Map<string, SharedDriver>();

const driverKey = (c: Neo4jConfig) => JSON.stringify([c.uri, c.username, c.password]);

/** What the adapter needs from a connection (Neo4jConnection; a fake in unit tests). */
export interface GraphConnection {
  read(cypher: string, params?: Params): Promise<PlainRecord[]>;
  write(cypher: string, params?: Params): Promise<PlainRecord[]>;
  inWriteTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class Neo4jConnection implements GraphConnection {
  private closed = false;

  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly release: () => Promise<void>,
  ) {}

  /** One read statement in a managed read transaction. */
  async read(cypher: string, params: Params = {}): Promise<PlainRecord[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => runIn(tx, cypher, params));
    } finally {
      await session.close();
    }
  }

  /** One write statement in a managed write transaction. */
  async write(cypher: string, params: Params = {}): Promise<PlainRecord[]> {
    return this.inWriteTransaction((tx) => tx.run(cypher, params));
  }

  /** Several statements in one write transaction: committed when `work` resolves, rolled back when it throws. */
  async inWriteTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((mtx) => work({ run: (cypher, params = {}) => runIn(mtx, cypher, params) }));
    } finally {
      await session.close();
    }
  }

  /** Gives the driver back; the last user closes it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.release();
  }
}

/**
 * Opens (or shares) the driver for `config` and verifies that the server and database answer.
 * Throws an Error naming the URI when it cannot connect or authenticate.
 */
export async function openNeo4j(config: Neo4jConfig): Promise<Neo4jConnection> {
  const key = driverKey(config);
  let shared = drivers.get(key);
  if (shared === undefined) {
    let driver: Driver;
    try {
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
    } catch (e) {
      throw new Error(`Invalid Neo4j URI "${config.uri}": ${errorMessage(e)}`, { cause: e });
    }
    const created: SharedDriver = { driver, refs: 0, ready: Promise.resolve() };
    created.ready = driver.verifyConnectivity({ database: config.database }).then(
      () => undefined,
      async (e: unknown) => {
        drivers.delete(key);
        await driver.close().catch(() => undefined);
        throw new Error(
          `Cannot connect to Neo4j at ${config.uri} (database "${config.database}", user "${config.username}"): ${errorMessage(e)}`,
          { cause: e },
        );
      },
    );
    drivers.set(key, created);
    shared = created;
  }
  shared.refs++;
  const entry = shared;
  const release = async () => {
    entry.refs--;
    if (entry.refs === 0) {
      if (drivers.get(key) === entry) drivers.delete(key);
      await entry.driver.close();
    }
  };
  try {
    await entry.ready;
  } catch (e) {
    entry.refs--;
    throw e;
  }
  return new Neo4jConnection(entry.driver, config.database, release);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
