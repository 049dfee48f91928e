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
 *   DATE → 'YYYY-MM-DD', DATETIME → ISO text in UTC with milliseconds as `Date.toISOString()` writes it,
 *   records → objects); everything leaving this module has been through it.
 * - Every session of a driver shares one bookmark manager, so a read sees every write this process
 *   committed before it, also on a cluster where reads go to other members (causal consistency).
 * - A lost or unreachable server becomes `StoreUnavailableError` (GraphQL code STORE_UNAVAILABLE);
 *   the driver reconnects by itself once the server is back.
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { StoreUnavailableError } from '../../errors.ts';

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

/** A DATE parameter from 'YYYY-MM-DD' (other text, e.g. a partial date '2024-03', stays text). */
export function dateParam(value: string | null): unknown {
  if (value === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A day the calendar lacks (2023-02-29) stays text, as the embedded store keeps it, instead of rolling over.
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return value;
  return new neo4j.types.Date(y, mo, d);
}

/** A DATETIME parameter (UTC) from an ISO timestamp; null stays null. */
export function dateTimeParam(value: string | null): unknown {
  if (value === null) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an ISO timestamp: ${value}`);
  return neo4j.types.DateTime.fromStandardDate(d);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A DATE or DATETIME parameter as a Cypher literal (`date('2024-03-15')`), for scripts; null for anything else. */
export function temporalLiteral(value: unknown): string | null {
  if (neo4j.isDate(value) || neo4j.isDateTime(value)) {
    const text = toPlain(value) as string;
    return `${neo4j.isDate(value) ? 'date' : 'datetime'}('${text}')`;
  }
  return null;
}

/** Converts what the driver returns into plain JS values; Integers outside ±2^53 are an error. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isDate(value)) return `${pad(neo4j.integer.toNumber(value.year), 4)}-${pad(neo4j.integer.toNumber(value.month))}-${pad(neo4j.integer.toNumber(value.day))}`;
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
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
  bookmarks: BookmarkManager;
  refs: number;
  ready: Promise<void>;
}

/** Driver error codes that mean "the server (or the cluster member) cannot be reached now". */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Rethrows a lost connection as StoreUnavailableError (a stable GraphQL code); anything else as it is. */
function unavailable(e: unknown): never {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) throw new StoreUnavailableError(`Neo4j is not reachable: ${errorMessage(e)}`, { cause: e });
  throw e;
}

/** Drivers by server, user and database (each database is checked when its driver connects): one per process. */
const drivers = new Map<string, SharedDriver>();

const driverKey = (c: Neo4jConfig) => JSON.stringify([c.uri, c.username, c.password, c.database]);

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
    private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager(),
  ) {}

  /** One read statement in a managed read transaction (a cluster may route it to a reader). */
  async read(cypher: string, params: Params = {}): Promise<PlainRecord[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
    try {
      return await session.executeRead((tx) => runIn(tx, cypher, params));
    } catch (e) {
      return unavailable(e);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** One write statement in a managed write transaction. */
  async write(cypher: string, params: Params = {}): Promise<PlainRecord[]> {
    return this.inWriteTransaction((tx) => tx.run(cypher, params));
  }

  /** Several statements in one write transaction: committed when `work` resolves, rolled back when it throws. */
  async inWriteTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    try {
      return await session.executeWrite((mtx) => work({ run: (cypher, params = {}) => runIn(mtx, cypher, params) }));
    } catch (e) {
      return unavailable(e);
    } finally {
      await session.close().catch(() => undefined);
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
      // No password: a server with authentication off (the development server of `npm run neo4j`).
      const auth = config.password === '' ? undefined : neo4j.auth.basic(config.username, config.password);
      // Retries of transient errors (deadlocks, a leader switch) for at most 5 s: a request to a server
      // that is down answers STORE_UNAVAILABLE within seconds instead of hanging for the default 30 s.
      driver = neo4j.driver(config.uri, auth, { userAgent: 'netzwerkatlas', maxTransactionRetryTime: 5000, connectionTimeout: 5000 });
    } catch (e) {
      throw new Error(`Invalid Neo4j URI "${config.uri}": ${errorMessage(e)}`, { cause: e });
    }
    const created: SharedDriver = { driver, bookmarks: neo4j.bookmarkManager(), refs: 0, ready: Promise.resolve() };
    // verifyConnectivity reaches the server; the read proves that the database exists and answers.
    created.ready = driver
      .verifyConnectivity({ database: config.database })
      .then(() => driver.executeQuery('RETURN 1 AS ok', {}, { database: config.database, routing: neo4j.routing.READ }))
      .then(
        () => undefined,
        async (e: unknown) => {
          drivers.delete(key);
          await driver.close().catch(() => undefined);
          throw new Error(
            `Cannot connect to Neo4j at ${config.uri} (NEO4J_URI; database "${config.database}" from NEO4J_DATABASE, user "${config.username}"): ${errorMessage(e)}\n` +
              'Start one with `npm run neo4j` (or `docker compose up neo4j`), or unset NEO4J_URI to use the embedded store.',
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
  return new Neo4jConnection(entry.driver, config.database, release, entry.bookmarks);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
