/**
 * The embedded default: a file-backed SQLite database (better-sqlite3) under DATA_DIR.
 * Each entity is stored as its validated JSON plus the columns the queries filter on; relationship
 * tables are keyed by their natural key. Every value is a bound parameter; id lists are passed as
 * one JSON array and expanded with json_each(). The graph primitives are SQL in graph-queries.ts,
 * over these tables and the actor_ties projection that every write transaction keeps current.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  BATCH_KEYS,
  type Actor,
  type BatchKey,
  type Cooperation,
  type Event,
  type EventParticipation,
  type GraphBatch,
  type NodeType,
  type Participation,
  type Project,
  type Region,
  type Source,
  type Story,
  type Target,
} from '../../domain/model.ts';
import { yearOf } from '../../network/years.ts';
import { foldGerman, foldPlain, type SearchCandidate } from '../../search/fold.ts';
import { ConflictError } from '../../errors.ts';
import { batchAudit, fingerprint, PROGRESS_EVERY } from '../batch.ts';
import * as graph from './graph-queries.ts';
import { CAPTURE_SCHEMA, captureTables } from './capture-tables.ts';
import type { CaptureBackend } from '../../capture/capture.model.ts';
import {
  DryRunRollback,
  emptyCounts,
  type AuditEntry,
  type AuditQuery,
  type AuditRecord,
  type BatchResult,
  type ChangeSet,
  type ActorTie,
  type ExistingIds,
  type Facets,
  type GraphBackend,
  type Ids,
  type Reached,
  type RegionTieCounts,
  type TieFilter,
  type StoreStats,
  type TokenBackend,
  type TokenRecord,
  type WriteOptions,
} from '../graph-store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS regions (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
  parent_id TEXT REFERENCES regions(id) DEFERRABLE INITIALLY DEFERRED,
  search_key TEXT NOT NULL, search_key_alt TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS regions_parent ON regions(parent_id);
CREATE TABLE IF NOT EXISTS actors (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
  region_id TEXT REFERENCES regions(id) DEFERRABLE INITIALLY DEFERRED,
  search_key TEXT NOT NULL, search_key_alt TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS actors_region ON actors(region_id);
CREATE INDEX IF NOT EXISTS actors_kind ON actors(kind);
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY, status TEXT NOT NULL, name TEXT NOT NULL,
  predecessor_id TEXT REFERENCES projects(id) DEFERRABLE INITIALLY DEFERRED,
  search_key TEXT NOT NULL, search_key_alt TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  start_year INTEGER, end_year INTEGER);
CREATE INDEX IF NOT EXISTS projects_predecessor ON projects(predecessor_id);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
  project_id TEXT REFERENCES projects(id) DEFERRABLE INITIALLY DEFERRED,
  place_id TEXT REFERENCES regions(id) DEFERRABLE INITIALLY DEFERRED,
  search_key TEXT NOT NULL, search_key_alt TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  start_year INTEGER, end_year INTEGER);
CREATE INDEX IF NOT EXISTS events_project ON events(project_id);
CREATE INDEX IF NOT EXISTS events_place ON events(place_id);
CREATE TABLE IF NOT EXISTS participations (
  actor_id TEXT NOT NULL REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  project_id TEXT NOT NULL REFERENCES projects(id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (actor_id, project_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS participations_project ON participations(project_id, actor_id);
CREATE TABLE IF NOT EXISTS event_participations (
  actor_id TEXT NOT NULL REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  event_id TEXT NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (actor_id, event_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_participations_event ON event_participations(event_id, actor_id);
CREATE TABLE IF NOT EXISTS cooperations (
  actor_id TEXT NOT NULL REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  partner_id TEXT NOT NULL REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  since_year INTEGER, until_year INTEGER, PRIMARY KEY (actor_id, partner_id, kind)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cooperations_partner ON cooperations(partner_id);
CREATE TABLE IF NOT EXISTS targets (
  subject_id TEXT NOT NULL, region_id TEXT NOT NULL REFERENCES regions(id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (subject_id, region_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS targets_region ON targets(region_id);
`;

/** Added in schema version 2 (editing): the audit log and access tokens; `version` columns above. */
const SCHEMA_2 = `
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL, role TEXT, action TEXT NOT NULL,
  entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, refs TEXT NOT NULL, before TEXT, after TEXT, summary TEXT);
CREATE TABLE IF NOT EXISTS audit_refs (seq INTEGER NOT NULL REFERENCES audit(seq), ref TEXT NOT NULL, PRIMARY KEY (ref, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS access_tokens (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
  created_by TEXT, last_used_at TEXT, revoked_at TEXT, pseudonymous INTEGER NOT NULL DEFAULT 0);
`;

/** Added in schema version 3: stories (slides of saved views; the whole story is the JSON). */
const SCHEMA_3 = `
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, fp TEXT NOT NULL, json TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
`;

/**
 * Schema version 4 (graph primitives in SQL): year columns (the year of a partial ISO date) on
 * projects (start, end), events (date, endDate ?? date) and cooperations (since, until), and the
 * actor_ties projection (graph-queries.ts).
 */
const YEAR_COLUMNS: Partial<Record<BatchKey, string[]>> = {
  projects: ['start_year', 'end_year'],
  events: ['start_year', 'end_year'],
  cooperations: ['since_year', 'until_year'],
};

const SCHEMA_VERSION = '4';

const TABLE: Record<BatchKey, string> = {
  sources: 'sources',
  regions: 'regions',
  actors: 'actors',
  projects: 'projects',
  events: 'events',
  stories: 'stories',
  participations: 'participations',
  eventParticipations: 'event_participations',
  cooperations: 'cooperations',
  targets: 'targets',
};

/** Columns beside fp/json, and the key columns, per table (all fixed text). */
const COLUMNS: Record<BatchKey, { key: string[]; cols: string[]; values: (row: never) => unknown[] }> = {
  sources: { key: ['id'], cols: ['id'], values: (r: Source) => [r.id] },
  regions: {
    key: ['id'],
    cols: ['id', 'kind', 'name', 'parent_id', 'search_key', 'search_key_alt'],
    values: (r: Region) => [r.id, r.kind, r.name, r.parentId, foldGerman(r.name), foldPlain(r.name)],
  },
  actors: {
    key: ['id'],
    cols: ['id', 'kind', 'name', 'region_id', 'search_key', 'search_key_alt'],
    values: (r: Actor) => [r.id, r.kind, r.name, r.regionId, foldGerman(r.name), foldPlain(r.name)],
  },
  projects: {
    key: ['id'],
    cols: ['id', 'status', 'name', 'predecessor_id', 'search_key', 'search_key_alt', 'start_year', 'end_year'],
    values: (r: Project) => [r.id, r.status, r.name, r.predecessorId, foldGerman(r.name), foldPlain(r.name), yearOf(r.start), yearOf(r.end)],
  },
  events: {
    key: ['id'],
    cols: ['id', 'kind', 'name', 'project_id', 'place_id', 'search_key', 'search_key_alt', 'start_year', 'end_year'],
    values: (r: Event) => [r.id, r.kind, r.name, r.projectId, r.placeId, foldGerman(r.name), foldPlain(r.name), yearOf(r.date), yearOf(r.endDate ?? r.date)],
  },
  stories: { key: ['id'], cols: ['id', 'title'], values: (r: Story) => [r.id, r.title] },
  participations: {
    key: ['actor_id', 'project_id'],
    cols: ['actor_id', 'project_id', 'role'],
    values: (r: Participation) => [r.actorId, r.projectId, r.role],
  },
  eventParticipations: {
    key: ['actor_id', 'event_id'],
    cols: ['actor_id', 'event_id', 'role'],
    values: (r: EventParticipation) => [r.actorId, r.eventId, r.role],
  },
  cooperations: {
    key: ['actor_id', 'partner_id', 'kind'],
    cols: ['actor_id', 'partner_id', 'kind', 'since_year', 'until_year'],
    values: (r: Cooperation) => [r.actorId, r.partnerId, r.kind, yearOf(r.since), yearOf(r.until)],
  },
  targets: {
    key: ['subject_id', 'region_id'],
    cols: ['subject_id', 'region_id', 'role'],
    values: (r: Target) => [r.subjectId, r.regionId, r.role],
  },
};

type Where = [sql: string, param: unknown][];

interface TokenRow {
  id: string;
  name: string;
  role: string;
  hash: string;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  pseudonymous: number;
}
const tokenOf = (r: TokenRow): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role as TokenRecord['role'],
  hash: r.hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  pseudonymous: r.pseudonymous === 1,
});
const inList = (col: string, ids: Ids | undefined): Where => (ids === undefined ? [] : [[`${col} IN (SELECT value FROM json_each(?))`, JSON.stringify(ids)]]);

export class SqliteBackend implements GraphBackend {
  readonly kind = 'embedded' as const;
  private db!: Database.Database;
  private tieTracker!: graph.TieTracker;
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(
    private readonly file: string,
    /** `tieRebuildShare`: see TieTracker (tests set Infinity to exercise the incremental upkeep of actor_ties). */
    private readonly options: { tieRebuildShare?: number } = {},
  ) {}

  async init(): Promise<void> {
    if (this.file !== ':memory:') mkdirSync(dirname(this.file), { recursive: true });
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const v = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version') as { value: string } | undefined;
    if (v === undefined) this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', SCHEMA_VERSION);
    else {
      // Older files are brought up to date in place, one version at a time.
      let version = v.value;
      if (version === '1') version = this.migrateFrom1();
      if (version === '2') version = this.migrateFrom2();
      if (version === '3') version = this.migrateFrom3();
      if (version !== SCHEMA_VERSION)
        throw new Error(`The database ${this.file} has schema version ${v.value}; this version needs ${SCHEMA_VERSION}. Run npm run db:reset.`);
    }
    this.db.exec(SCHEMA_2);
    this.addTokenColumns();
    this.db.exec(SCHEMA_3);
    this.db.exec(graph.SCHEMA_4);
    this.db.exec(CAPTURE_SCHEMA);
    this.tieTracker = new graph.TieTracker(this.db, (sql) => this.stmt(sql), this.options.tieRebuildShare);
  }

  /**
   * Columns added to access_tokens after schema version 4, each in place when missing (additive, so no
   * version step: a file written before them reads its tokens as not pseudonymised).
   */
  private addTokenColumns(): void {
    const have = this.db.prepare(`SELECT name FROM pragma_table_info('access_tokens')`).pluck().all() as string[];
    if (!have.includes('pseudonymous')) this.db.exec('ALTER TABLE access_tokens ADD COLUMN pseudonymous INTEGER NOT NULL DEFAULT 0');
  }

  /** Version 1 → 2: a version column on every table of version 1 (existing rows start at 1). */
  private migrateFrom1(): string {
    this.db.transaction(() => {
      for (const k of BATCH_KEYS.filter((key) => key !== 'stories')) {
        const cols = this.db.prepare(`SELECT name FROM pragma_table_info('${TABLE[k]}')`).pluck().all() as string[];
        if (!cols.includes('version')) this.db.exec(`ALTER TABLE ${TABLE[k]} ADD COLUMN version INTEGER NOT NULL DEFAULT 1`);
      }
      this.db.exec(SCHEMA_2);
      this.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run('2', 'schema_version');
    })();
    return '2';
  }

  /** Version 2 → 3: the stories table. */
  private migrateFrom2(): string {
    this.db.transaction(() => {
      this.db.exec(SCHEMA_3);
      this.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run('3', 'schema_version');
    })();
    return '3';
  }

  /** Version 3 → 4: year columns (filled from the stored rows) and the actor–actor projection (built). */
  private migrateFrom3(): string {
    this.db.transaction(() => {
      for (const [key, yearCols] of Object.entries(YEAR_COLUMNS) as [BatchKey, string[]][]) {
        const table = TABLE[key];
        const have = this.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
        for (const c of yearCols) if (!have.includes(c)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${c} INTEGER`);
        const { key: keyCols, cols, values } = COLUMNS[key];
        const at = yearCols.map((c) => cols.indexOf(c));
        const update = this.db.prepare(
          `UPDATE ${table} SET ${yearCols.map((c) => `${c} = ?`).join(', ')} WHERE ${keyCols.map((c) => `${c} = ?`).join(' AND ')}`,
        );
        for (const json of this.db.prepare(`SELECT json FROM ${table}`).pluck().all() as string[]) {
          const vals = (values as (r: never) => unknown[])(JSON.parse(json) as never);
          update.run(...at.map((i) => vals[i]), ...vals.slice(0, keyCols.length));
        }
      }
      this.db.exec(graph.SCHEMA_4);
      graph.rebuildAllTies(this.db);
      this.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run('4', 'schema_version');
    })();
    return '4';
  }

  async close(): Promise<void> {
    this.db?.close();
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private select<T>(table: string, where: Where): T[] {
    const sql = `SELECT json FROM ${table}${where.length ? ` WHERE ${where.map(([w]) => w).join(' AND ')}` : ''}`;
    const rows = this.stmt(sql).pluck().all(...where.map(([, p]) => p)) as string[];
    return rows.map((j) => JSON.parse(j) as T);
  }

  async counts(): Promise<StoreStats> {
    const out = emptyCounts();
    for (const k of BATCH_KEYS) out[k] = (this.stmt(`SELECT count(*) FROM ${TABLE[k]}`).pluck().get() as number) ?? 0;
    return out;
  }

  async writeBatch(batch: GraphBatch, validate: (existing: ExistingIds) => void, options?: WriteOptions): Promise<BatchResult> {
    const result: BatchResult = { created: emptyCounts(), updated: emptyCounts(), unchanged: emptyCounts() };
    const total = BATCH_KEYS.reduce((n, k) => n + batch[k].length, 0);
    let done = 0;
    const run = this.db.transaction(() => {
      this.tieTracker.reset();
      validate(this.existing());
      for (const key of BATCH_KEYS) {
        const { key: keyCols, cols, values } = COLUMNS[key];
        const table = TABLE[key];
        const getFp = this.stmt(`SELECT fp FROM ${table} WHERE ${keyCols.map((c) => `${c} = ?`).join(' AND ')}`).pluck();
        const all = [...cols, 'fp', 'json'];
        const upsert = this.stmt(
          `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ` +
            `ON CONFLICT (${keyCols.join(', ')}) DO UPDATE SET ${all
              .filter((c) => !keyCols.includes(c))
              .map((c) => `${c} = excluded.${c}`)
              .join(', ')}, version = version + 1`,
        );
        for (const row of batch[key] as never[]) {
          if (++done % PROGRESS_EVERY === 0) options?.onProgress?.(done, total);
          const vals = (values as (r: never) => unknown[])(row);
          const fp = fingerprint(row);
          const old = getFp.get(...vals.slice(0, keyCols.length)) as string | undefined;
          if (old === fp) {
            result.unchanged[key]++;
            continue;
          }
          upsert.run(...vals, fp, JSON.stringify(row));
          this.tieTracker.touch(table, vals.slice(0, keyCols.length));
          if (old === undefined) result.created[key]++;
          else result.updated[key]++;
        }
      }
      options?.onProgress?.(total, total);
      if (options?.dryRun) throw new DryRunRollback(result);
      this.tieTracker.apply();
      const audit = batchAudit(result, options?.audit);
      if (audit) this.appendAudit(audit);
    });
    try {
      run.immediate();
    } catch (e) {
      if (e instanceof DryRunRollback) return e.result;
      throw e;
    }
    return result;
  }

  private existing(): ExistingIds {
    const entityTable = { sources: 'sources', regions: 'regions', actors: 'actors', projects: 'projects', events: 'events' } as const;
    return {
      has: (kind, id) => this.stmt(`SELECT 1 FROM ${entityTable[kind]} WHERE id = ?`).pluck().get(id) !== undefined,
      parentOf: (id) => {
        const row = this.stmt('SELECT parent_id FROM regions WHERE id = ?').get(id) as { parent_id: string | null } | undefined;
        return row === undefined ? undefined : row.parent_id;
      },
    };
  }

  /** `a|b` → the key column values of a row of `key`. */
  private keyValues(key: BatchKey, id: string): string[] {
    const parts = id.split('|');
    if (parts.length !== COLUMNS[key].key.length) throw new Error(`${key}: malformed key "${id}"`);
    return parts;
  }

  private keyWhere(key: BatchKey): string {
    return COLUMNS[key].key.map((c) => `${c} = ?`).join(' AND ');
  }

  async writeChanges(changes: ChangeSet, validate: (existing: ExistingIds) => void): Promise<void> {
    const run = this.db.transaction(() => {
      this.tieTracker.reset();
      for (const e of changes.expect) {
        const current = (this.stmt(`SELECT version FROM ${TABLE[e.key]} WHERE ${this.keyWhere(e.key)}`).pluck().get(...this.keyValues(e.key, e.id)) as
          | number
          | undefined) ?? 0;
        if (current !== e.version) throw new ConflictError(e.key, e.id, e.version, current);
      }
      // Relationships first, so entity deletes find nothing pointing at them.
      for (const key of [...BATCH_KEYS].reverse()) {
        for (const id of changes.del[key] ?? []) {
          const keyValues = this.keyValues(key, id);
          this.stmt(`DELETE FROM ${TABLE[key]} WHERE ${this.keyWhere(key)}`).run(...keyValues);
          this.tieTracker.touch(TABLE[key], keyValues);
        }
      }
      validate(this.existing());
      for (const key of BATCH_KEYS) {
        const { key: keyCols, cols, values } = COLUMNS[key];
        const all = [...cols, 'fp', 'json', 'version'];
        const upsert = this.stmt(
          `INSERT INTO ${TABLE[key]} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ` +
            `ON CONFLICT (${keyCols.join(', ')}) DO UPDATE SET ${all
              .filter((c) => !keyCols.includes(c) && c !== 'version')
              .map((c) => `${c} = excluded.${c}`)
              .join(', ')}, version = version + 1`,
        );
        for (const row of changes.put[key] as never[]) {
          const vals = (values as (r: never) => unknown[])(row);
          upsert.run(...vals, fingerprint(row), JSON.stringify(row), 1);
          this.tieTracker.touch(TABLE[key], vals.slice(0, keyCols.length));
        }
      }
      this.tieTracker.apply();
      for (const a of changes.audit) this.appendAudit(a);
    });
    try {
      run.immediate();
    } catch (e) {
      // Deferred foreign keys fail at commit when another write made something point at a deleted row.
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        const first = changes.expect[0];
        throw new ConflictError(first?.key ?? 'store', first?.id ?? '', first?.version ?? 0, first?.version ?? 0, 'something else now points at a row this change deletes; reload and try again');
      }
      throw e;
    }
  }

  async versions(key: BatchKey, ids: Ids): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const get = this.stmt(`SELECT version FROM ${TABLE[key]} WHERE ${this.keyWhere(key)}`).pluck();
    for (const id of new Set(ids)) {
      const v = get.get(...this.keyValues(key, id)) as number | undefined;
      if (v !== undefined) out.set(id, v);
    }
    return out;
  }

  private appendAudit(a: AuditRecord): void {
    const refs = [...new Set(a.refs)];
    const info = this.stmt(
      'INSERT INTO audit (at, who, role, action, entity_type, entity_id, refs, before, after, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      new Date().toISOString(),
      a.who,
      a.role,
      a.action,
      a.entityType,
      a.entityId,
      JSON.stringify(refs),
      a.before === null || a.before === undefined ? null : JSON.stringify(a.before),
      a.after === null || a.after === undefined ? null : JSON.stringify(a.after),
      a.summary,
    );
    const ref = this.stmt('INSERT OR IGNORE INTO audit_refs (seq, ref) VALUES (?, ?)');
    for (const r of refs) ref.run(info.lastInsertRowid, r);
  }

  async auditLog(q: AuditQuery): Promise<{ total: number; entries: AuditEntry[] }> {
    const by = q.entityId ? ' WHERE seq IN (SELECT seq FROM audit_refs WHERE ref = ?)' : '';
    const params = q.entityId ? [q.entityId] : [];
    const total = this.stmt(`SELECT count(*) FROM audit${by}`).pluck().get(...params) as number;
    type Row = { seq: number; at: string; who: string; role: string | null; action: string; entity_type: string; entity_id: string; refs: string; before: string | null; after: string | null; summary: string | null };
    const rows = this.stmt(`SELECT * FROM audit${by} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as Row[];
    return {
      total,
      entries: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        who: r.who,
        role: r.role,
        action: r.action as AuditEntry['action'],
        entityType: r.entity_type as AuditEntry['entityType'],
        entityId: r.entity_id,
        refs: JSON.parse(r.refs) as string[],
        before: r.before === null ? null : (JSON.parse(r.before) as unknown),
        after: r.after === null ? null : (JSON.parse(r.after) as unknown),
        summary: r.summary,
      })),
    };
  }

  readonly tokens: TokenBackend = {
    list: async () => (this.stmt('SELECT * FROM access_tokens ORDER BY created_at, id').all() as TokenRow[]).map(tokenOf),
    insert: async (t) => {
      this.stmt(
        'INSERT INTO access_tokens (id, name, role, hash, created_at, created_by, last_used_at, revoked_at, pseudonymous) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(t.id, t.name, t.role, t.hash, t.createdAt, t.createdBy, t.lastUsedAt, t.revokedAt, t.pseudonymous ? 1 : 0);
    },
    byHash: async (hash) => {
      const row = this.stmt('SELECT * FROM access_tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
      return row ? tokenOf(row) : null;
    },
    update: async (id, patch) => {
      if (patch.lastUsedAt !== undefined) this.stmt('UPDATE access_tokens SET last_used_at = ? WHERE id = ?').run(patch.lastUsedAt, id);
      if (patch.revokedAt !== undefined) this.stmt('UPDATE access_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(patch.revokedAt, id);
      const row = this.stmt('SELECT * FROM access_tokens WHERE id = ?').get(id) as TokenRow | undefined;
      return row ? tokenOf(row) : null;
    },
  };

  readonly capture: CaptureBackend = captureTables((sql) => this.stmt(sql));

  async clear(): Promise<void> {
    this.db.transaction(() => {
      for (const k of [...BATCH_KEYS].reverse()) this.db.prepare(`DELETE FROM ${TABLE[k]}`).run();
      this.db.prepare('DELETE FROM actor_ties').run();
    })();
  }

  async neighbourhood(id: string, depth: number, limit: number): Promise<Reached> {
    return graph.neighbourhood((sql) => this.stmt(sql), id, depth, limit);
  }

  async actorNeighbours(ids: Ids): Promise<Map<string, string[]>> {
    return graph.actorNeighbours((sql) => this.stmt(sql), ids);
  }

  async ties(filter: TieFilter): Promise<ActorTie[]> {
    return graph.ties((sql) => this.stmt(sql), filter);
  }

  async regionTies(level: string, filter: TieFilter): Promise<RegionTieCounts> {
    return graph.regionTies((sql) => this.stmt(sql), level, filter);
  }

  async loadRegions(): Promise<Region[]> {
    return this.select<Region>('regions', []);
  }

  async loadSources(ids?: Ids): Promise<Source[]> {
    return ids?.length === 0 ? [] : this.select<Source>('sources', inList('id', ids));
  }

  async loadStories(ids?: Ids): Promise<Story[]> {
    return ids?.length === 0 ? [] : this.select<Story>('stories', inList('id', ids));
  }

  async loadActors(q: { ids?: Ids; regionIds?: Ids; kinds?: Ids }): Promise<Actor[]> {
    return this.select<Actor>('actors', [...inList('id', q.ids), ...inList('region_id', q.regionIds), ...inList('kind', q.kinds)]);
  }

  async loadProjects(q: { ids?: Ids; predecessorIds?: Ids }): Promise<Project[]> {
    return this.select<Project>('projects', [...inList('id', q.ids), ...inList('predecessor_id', q.predecessorIds)]);
  }

  async loadEvents(q: { ids?: Ids; projectIds?: Ids; placeIds?: Ids }): Promise<Event[]> {
    return this.select<Event>('events', [...inList('id', q.ids), ...inList('project_id', q.projectIds), ...inList('place_id', q.placeIds)]);
  }

  async loadParticipations(q: { actorIds?: Ids; projectIds?: Ids }): Promise<Participation[]> {
    const rows = this.select<Participation>('participations', [...inList('actor_id', q.actorIds), ...inList('project_id', q.projectIds)]);
    // Rows stored before `contribution` existed lack it.
    return rows.map((r) => (r.contribution === undefined ? { ...r, contribution: null } : r));
  }

  async loadEventParticipations(q: { actorIds?: Ids; eventIds?: Ids }): Promise<EventParticipation[]> {
    return this.select<EventParticipation>('event_participations', [...inList('actor_id', q.actorIds), ...inList('event_id', q.eventIds)]);
  }

  async loadCooperations(q: { actorIds?: Ids }): Promise<Cooperation[]> {
    if (q.actorIds === undefined) return this.select<Cooperation>('cooperations', []);
    const ids = JSON.stringify(q.actorIds);
    const sql =
      'SELECT json FROM cooperations WHERE actor_id IN (SELECT value FROM json_each(?)) ' +
      'UNION SELECT json FROM cooperations WHERE partner_id IN (SELECT value FROM json_each(?))';
    return (this.stmt(sql).pluck().all(ids, ids) as string[]).map((j) => JSON.parse(j) as Cooperation);
  }

  async loadTargets(q: { subjectIds?: Ids; regionIds?: Ids }): Promise<Target[]> {
    return this.select<Target>('targets', [...inList('subject_id', q.subjectIds), ...inList('region_id', q.regionIds)]);
  }

  /**
   * Candidates in memory: every name's search keys, read once per state of the file (PRAGMA
   * data_version moves when another connection commits, total_changes() when this one writes). At
   * 25,000 actors a search that matches nothing scanned every row in SQL, 8 ms at best (16–60 ms
   * with json_each); the same test over the kept keys takes about 2 ms, and a read worker answers
   * many searches per data change.
   */
  private searchRows: { version: string; rows: SearchCandidate[] } | null = null;

  private allSearchKeys(): SearchCandidate[] {
    const version = `${String(this.stmt('PRAGMA data_version').pluck().get())}:${String(this.stmt('SELECT total_changes()').pluck().get())}`;
    if (this.searchRows?.version !== version) {
      const sql = (
        [
          ['actors', 'ACTOR', 'kind'],
          ['projects', 'PROJECT', 'status'],
          ['regions', 'REGION', 'kind'],
          ['events', 'EVENT', 'kind'],
        ] as const
      )
        .map(([table, type, kind]) => `SELECT id, '${type}' AS type, ${kind} AS kind, name AS label, search_key AS searchKey, search_key_alt AS searchKeyAlt FROM ${table}`)
        .join(' UNION ALL ');
      this.searchRows = { version, rows: this.stmt(sql).all() as SearchCandidate[] };
    }
    return this.searchRows.rows;
  }

  async searchCandidates(key: string, alt: string, max: number): Promise<SearchCandidate[]> {
    const tokens = [...new Set([...key.split(' '), ...alt.split(' ')].filter((t) => t !== ''))].slice(0, 16);
    const out: SearchCandidate[] = [];
    for (const c of this.allSearchKeys()) {
      const k = c.searchKey;
      const a = c.searchKeyAlt;
      if (k.includes(key) || a.includes(alt) || a.includes(key) || tokens.some((t) => k.includes(t) || a.includes(t))) {
        out.push(c);
        if (out.length >= max) break;
      }
    }
    return out;
  }

  async facetCounts(): Promise<Facets> {
    const counts = (sql: string) => this.stmt(sql).all() as { value: string; count: number }[];
    const years = this.stmt(
      `SELECT min(y) AS minYear, max(y) AS maxYear FROM (
         SELECT start_year AS y FROM projects UNION ALL SELECT end_year FROM projects
         UNION ALL SELECT start_year FROM events UNION ALL SELECT end_year FROM events)`,
    ).get() as { minYear: number | null; maxYear: number | null };
    return {
      actorKinds: counts('SELECT kind AS value, count(*) AS count FROM actors GROUP BY kind'),
      sectors: counts(`SELECT s.value AS value, count(*) AS count FROM actors, json_each(json_extract(actors.json, '$.sectors')) AS s GROUP BY s.value`),
      minYear: years.minYear,
      maxYear: years.maxYear,
    };
  }

  async nodeTypes(ids: Ids): Promise<Map<string, NodeType>> {
    const list = JSON.stringify(ids);
    const sql = (
      [
        ['actors', 'ACTOR'],
        ['projects', 'PROJECT'],
        ['regions', 'REGION'],
        ['events', 'EVENT'],
      ] as const
    )
      .map(([table, type]) => `SELECT id, '${type}' AS type FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
      .join(' UNION ALL ');
    const rows = this.stmt(sql).all(list, list, list, list) as { id: string; type: NodeType }[];
    return new Map(rows.map((r) => [r.id, r.type]));
  }
}
