/**
 * The Neo4j adapter without a server: value conversion, the schema.cypher splitter, the mapping
 * rows → properties → rows (checked against the property lists in the Cypher statements), the
 * choice of statements and parameters, writeBatch's counting, ordering and progress, writeChanges'
 * version check, order and audit entries, versions(), the audit log and the access tokens over a fake
 * connection. The contract suite (test/contract/neo4j.test.ts) covers the real server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, storyFixture } from '../../../test/contract/fixture.ts';
import { BATCH_KEYS, emptyBatch, storySchema, type GraphBatch } from '../../domain/model.ts';
import { ConflictError } from '../../errors.ts';
import { checkBatch, fingerprint, parseBatch } from '../batch.ts';
import type { AuditRecord, ChangeSet, ExistingIds, TokenRecord } from '../graph-store.ts';
import { int, openNeo4j, toPlain, type GraphConnection, type Params, type PlainRecord, type Tx } from './driver.ts';
import {
  auditProperties,
  fromRow,
  keyParams,
  Neo4jBackend,
  nodeProperties,
  relationshipProperties,
  SCHEMA_FILE,
  searchTokens,
  splitCypherStatements,
} from './neo4j-backend.ts';
import * as Q from './queries.ts';

const batch: GraphBatch = parseBatch(fixture).batch;
const story = storySchema.parse(storyFixture);

/** The name of a statement constant (readable assertions). */
const NAMES = new Map(Object.entries(Q).map(([name, cypher]) => [cypher, name]));
const nameOf = (cypher: string) => NAMES.get(cypher) ?? `<not in queries.ts: ${cypher.slice(0, 40)}>`;

interface Call {
  name: string;
  cypher: string;
  params: Params;
  inTx: boolean;
}

/** A connection that records statements and answers from `respond`. */
class FakeConnection implements GraphConnection {
  calls: Call[] = [];
  closed = false;
  constructor(private readonly respond: (name: string, params: Params) => PlainRecord[] = () => []) {}
  private answer(cypher: string, params: Params, inTx: boolean): PlainRecord[] {
    const name = nameOf(cypher);
    this.calls.push({ name, cypher, params, inTx });
    return this.respond(name, params);
  }
  async read(cypher: string, params: Params = {}) {
    return this.answer(cypher, params, false);
  }
  async write(cypher: string, params: Params = {}) {
    return this.answer(cypher, params, false);
  }
  /** Like the driver: a work function that throws rolls its transaction back. */
  rolledBack = 0;
  async inWriteTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await work({ run: async (cypher, params = {}) => this.answer(cypher, params, true) });
    } catch (e) {
      this.rolledBack++;
      throw e;
    }
  }
  async close() {
    this.closed = true;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-neo4j-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const emptySchema = join(dir, 'empty.cypher');
writeFileSync(emptySchema, '// nothing\n');

const config = { uri: 'bolt://localhost:7687', username: 'neo4j', password: 'secret', database: 'neo4j' };

async function backendWith(conn: FakeConnection, schemaFile = emptySchema): Promise<Neo4jBackend> {
  const b = new Neo4jBackend(config, { connect: async () => conn, schemaFile: pathToFileURL(schemaFile) });
  await b.init();
  return b;
}

describe('toPlain', () => {
  it('turns Neo4j Integers into numbers, deep inside lists and maps', () => {
    expect(toPlain(int(42))).toBe(42);
    expect(toPlain(int(-7))).toBe(-7);
    expect(toPlain({ n: int(3), list: [int(1), 'x', { deep: int(2) }], f: 1.5, s: 'a', b: true })).toEqual({
      n: 3,
      list: [1, 'x', { deep: 2 }],
      f: 1.5,
      s: 'a',
      b: true,
    });
  });

  it('maps null and undefined to null and refuses integers beyond 2^53', () => {
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(int(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toPlain(int('9007199254740993'))).toThrow(RangeError);
  });
});

describe('openNeo4j', () => {
  it('names the URI when the server cannot be reached or the URI is not a Neo4j URI', async () => {
    // Port 1 on the loopback interface: nothing listens there, the connection is refused at once.
    const unreachable = { ...config, uri: 'bolt://127.0.0.1:1' };
    await expect(openNeo4j(unreachable)).rejects.toThrow(/^Cannot connect to Neo4j at bolt:\/\/127\.0\.0\.1:1 \(database "neo4j", user "neo4j"\)/);
    await expect(openNeo4j({ ...config, uri: 'http://127.0.0.1:1' })).rejects.toThrow(/^Invalid Neo4j URI "http:\/\/127\.0\.0\.1:1"/);
  });
});

describe('splitCypherStatements', () => {
  it('splits at ; at line ends and drops // comment lines', () => {
    const text = [
      '// Constraints',
      'CREATE CONSTRAINT actor_id IF NOT EXISTS',
      '  FOR (n:Actor) REQUIRE n.id IS UNIQUE;',
      '',
      '   // indented comment',
      "CREATE TEXT INDEX actor_search IF NOT EXISTS FOR (n:Actor) ON (n.searchKey);  ",
      "RETURN 'a;b' AS x",
    ].join('\r\n');
    expect(splitCypherStatements(text)).toEqual([
      'CREATE CONSTRAINT actor_id IF NOT EXISTS\n  FOR (n:Actor) REQUIRE n.id IS UNIQUE',
      'CREATE TEXT INDEX actor_search IF NOT EXISTS FOR (n:Actor) ON (n.searchKey)',
      "RETURN 'a;b' AS x",
    ]);
  });

  it('splits the real cypher/schema.cypher into one schema command per `;`-terminated line', () => {
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    const statements = splitCypherStatements(text);
    expect(statements.length).toBe(text.split(/\r?\n/).filter((l) => !l.trimStart().startsWith('//') && l.trimEnd().endsWith(';')).length);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s).toMatch(/^CREATE (CONSTRAINT|(RANGE |TEXT |POINT |FULLTEXT )?INDEX) \w+ IF NOT EXISTS /);
      expect(s).not.toMatch(/;\s*$|^\s*\/\//m);
    }
  });

  it('gives nothing for a file of comments and blank lines', () => {
    expect(splitCypherStatements('// a\n\n  // b\n;\n')).toEqual([]);
  });
});

describe('searchTokens', () => {
  it('takes the distinct words of both foldings, at most 16', () => {
    expect(searchTokens('goerlitz  land', 'gorlitz land')).toEqual(['goerlitz', 'land', 'gorlitz']);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(searchTokens(many, many)).toHaveLength(16);
  });
});

/** The `.key` entries of the map projection `n {…}` / `r {…}` in a LOAD statement. */
function projectedKeys(cypher: string): string[] {
  const m = /\b\w \{([^}]*)\} AS row/.exec(cypher);
  if (!m?.[1]) throw new Error(`no projection in ${nameOf(cypher)}`);
  return m[1].split(',').map((s) => s.trim().replace(/^\./, '').split(':')[0]?.trim() ?? '');
}

/** The keys of a map literal's text (`a: x, b: coalesce(y, 1) + 1` → a, b). */
const mapKeys = (text: string): string[] => [...text.matchAll(/(?:^|,)\s*(\w+)\s*:/g)].map((m) => m[1] ?? '');

/** The keys of the `SET x = {…}` map of a WRITE statement. */
function writtenKeys(cypher: string): string[] {
  const m = /SET \w+ = \{([^}]*)\}/.exec(cypher);
  if (!m?.[1]) throw new Error(`no SET map in ${nameOf(cypher)}`);
  return mapKeys(m[1]);
}

/** What Neo4j keeps of a property map (null values are not stored), read back through a projection. */
function storeAndProject(props: Params, keys: readonly string[], extra: Params = {}): Record<string, unknown> {
  const stored = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
  return { ...Object.fromEntries(keys.map((k) => [k, stored[k] ?? null])), ...extra };
}

describe('row ↔ properties', () => {
  it('writes every property of a row, search keys and fingerprint, and no null lists', () => {
    const meissen = batch.regions.find((r) => r.id === 'r-mei');
    expect(meissen).toBeDefined();
    if (!meissen) return;
    const props = nodeProperties.regions(meissen);
    expect(props).toMatchObject({ id: 'r-mei', searchKey: 'landkreis meissen', searchKeyAlt: 'landkreis meissen', tags: null, sourceIds: ['s-geo'] });
    expect(props.fingerprint).toBe(fingerprint(meissen));
    expect(nodeProperties.regions(batch.regions.find((r) => r.id === 'r-gr') ?? meissen)).toMatchObject({
      searchKey: 'landkreis goerlitz',
      searchKeyAlt: 'landkreis gorlitz',
    });
    expect(props).not.toHaveProperty('parentId');
  });

  it('the WRITE statements set exactly the keys the property builders produce', () => {
    const nodes = { sources: Q.WRITE_SOURCES, regions: Q.WRITE_REGIONS, actors: Q.WRITE_ACTORS, projects: Q.WRITE_PROJECTS, events: Q.WRITE_EVENTS, stories: Q.WRITE_STORIES };
    for (const [kind, cypher] of Object.entries(nodes)) {
      const row = kind === 'stories' ? story : batch[kind as keyof typeof nodes][0];
      const props = (nodeProperties[kind as keyof typeof nodes] as (r: unknown) => Params)(row);
      expect(writtenKeys(cypher).sort(), kind).toEqual([...Object.keys(props), 'version'].sort());
    }
    const rels = {
      participations: Q.WRITE_PARTICIPATIONS,
      eventParticipations: Q.WRITE_EVENT_PARTICIPATIONS,
      cooperations: Q.WRITE_COOPERATIONS,
      targets: Q.WRITE_PROJECT_TARGETS,
    };
    const endpoints = ['actorId', 'projectId', 'eventId', 'partnerId', 'subjectId', 'regionId'];
    for (const [kind, cypher] of Object.entries(rels)) {
      const row = batch[kind as keyof typeof rels][0];
      const props = (relationshipProperties[kind as keyof typeof rels] as (r: unknown) => Params)(row);
      const expected = [...Object.keys(props).filter((k) => !endpoints.includes(k)), 'version'];
      expect(writtenKeys(cypher).sort(), kind).toEqual(expected.sort());
    }
    expect(writtenKeys(Q.WRITE_EVENT_TARGETS)).toEqual(writtenKeys(Q.WRITE_PROJECT_TARGETS));
  });

  it('every WRITE statement makes a new row version 1 and moves a stored one (version missing: 1) on by one', () => {
    const writes = Object.entries(Q).filter(([name]) => /^WRITE_/.test(name));
    expect(writes).toHaveLength(11);
    for (const [name, cypher] of writes) {
      const v = /MERGE \((\w+):|MERGE \(\w+\)-\[(\w+):/.exec(cypher);
      const x = v?.[1] ?? v?.[2] ?? '?';
      expect(cypher, name).toContain(`ON CREATE SET ${x}.version = 0\nSET ${x} = {`);
      expect(cypher, name).toMatch(new RegExp(`version: coalesce\\(${x}\\.version, 1\\) \\+ 1\\}$`));
    }
  });

  it('the audit, token and version statements use the keys the adapter writes and reads', () => {
    const record: AuditRecord = { who: 'Ed', role: 'editor', action: 'update', entityType: 'actors', entityId: 'a1', refs: ['a1', 'a1'], before: { n: 1 }, after: null, summary: null };
    const created = /CREATE \(:AuditEntry \{([^}]*)\}\)/.exec(Q.APPEND_AUDIT)?.[1] ?? '';
    expect(mapKeys(created).sort()).toEqual([...Object.keys(auditProperties(record, 'now')), 'seq'].sort());
    expect(auditProperties(record, 'now')).toMatchObject({ refs: ['a1'], before: '{"n":1}', after: null, at: 'now' });
    expect(auditProperties({ ...record, refs: [] }, 'now').refs).toBeNull();
    expect(projectedKeys(Q.AUDIT_ENTRIES).sort()).toEqual(Object.keys(fromRow.auditEntry({ seq: 1, at: 'x', who: 'w', action: 'a', entityType: 't', entityId: 'i' })).sort());
    const token: TokenRecord = { id: 't', name: 'n', role: 'viewer', hash: 'h', createdAt: 'c', createdBy: null, lastUsedAt: null, revokedAt: null };
    const inserted = /CREATE \(:AccessToken \{([^}]*)\}\)/.exec(Q.INSERT_TOKEN)?.[1] ?? '';
    expect(mapKeys(inserted).sort()).toEqual(Object.keys(token).sort());
    for (const cypher of [Q.TOKENS, Q.TOKEN_BY_HASH, Q.UPDATE_TOKEN]) expect(projectedKeys(cypher).sort()).toEqual(Object.keys(token).sort());
    expect(keyParams('cooperations', 'a1|a9|cooperation')).toEqual({ actorId: 'a1', partnerId: 'a9', kind: 'cooperation' });
    expect(keyParams('targets', 'p1|r-dz')).toEqual({ subjectId: 'p1', regionId: 'r-dz' });
    expect(() => keyParams('participations', 'a1')).toThrow(/participations: malformed key "a1"/);
    // clear() deletes network nodes only: the audit log, its counter and the tokens stay.
    // Stories are network data: they go too.
    expect(Q.CLEAR_CHUNK).toMatch(/^MATCH \(n:Region\|Actor\|Project\|Event\|Source\|Story\)\n/);
  });

  it('every entity row survives store → LOAD projection → row unchanged (nulls and [] included)', () => {
    for (const r of batch.sources) expect(fromRow.source(storeAndProject(nodeProperties.sources(r), projectedKeys(Q.LOAD_SOURCES)))).toEqual(r);
    for (const r of batch.regions) {
      const row = storeAndProject(nodeProperties.regions(r), projectedKeys(Q.LOAD_REGIONS), { parentId: r.parentId });
      expect(fromRow.region(row)).toEqual(r);
    }
    for (const cypher of [Q.LOAD_ACTORS, Q.LOAD_ACTORS_BY_IDS, Q.LOAD_ACTORS_BY_REGIONS]) {
      for (const r of batch.actors) {
        const row = storeAndProject(nodeProperties.actors(r), projectedKeys(cypher), { regionId: r.regionId });
        expect(fromRow.actor(row)).toEqual(r);
      }
    }
    for (const cypher of [Q.LOAD_PROJECTS, Q.LOAD_PROJECTS_BY_IDS, Q.LOAD_PROJECTS_BY_PREDECESSORS]) {
      for (const r of batch.projects) {
        const row = storeAndProject(nodeProperties.projects(r), projectedKeys(cypher), { predecessorId: r.predecessorId });
        expect(fromRow.project(row)).toEqual(r);
      }
    }
    for (const cypher of [Q.LOAD_EVENTS, Q.LOAD_EVENTS_BY_IDS, Q.LOAD_EVENTS_BY_PROJECTS, Q.LOAD_EVENTS_BY_PLACES]) {
      for (const r of batch.events) {
        const row = storeAndProject(nodeProperties.events(r), projectedKeys(cypher), { placeId: r.placeId, projectId: r.projectId });
        expect(fromRow.event(row)).toEqual(r);
      }
    }
  });

  it('a story survives store → LOAD_STORIES projection → row unchanged: the whole story is its JSON', () => {
    const props = nodeProperties.stories(story);
    expect(props).toEqual({ id: 'st-chemie', title: 'Netzwerk Chemie vorgestellt', json: JSON.stringify(story), fingerprint: fingerprint(story) });
    expect(fromRow.story(storeAndProject(props, projectedKeys(Q.LOAD_STORIES)))).toEqual(story);
    expect(() => fromRow.story({ id: 'x', title: 'X', json: '{"id":' })).toThrow(/story x holds no valid JSON/);
    expect(() => fromRow.story({ id: 'x', title: 'X', json: '{"id":"y"}' })).toThrow(/story x holds JSON that is not that story/);
    expect(() => fromRow.story({ id: 'x', title: 'X' })).toThrow(/story x has no json/);
  });

  it('every relationship row survives store → LOAD projection → row unchanged', () => {
    const p = batch.participations[0];
    const ep = batch.eventParticipations[0];
    const c = batch.cooperations[1]; // a6 → a7, undated: since/until null
    const t = batch.targets[2];
    if (!p || !ep || !c || !t) throw new Error('fixture changed');
    expect(c.since).toBeNull();
    const back = (props: Params, cypher: string) => storeAndProject(props, projectedKeys(cypher), props);
    for (const cypher of [Q.LOAD_PARTICIPATIONS, Q.LOAD_PARTICIPATIONS_BY_ACTORS, Q.LOAD_PARTICIPATIONS_BY_PROJECTS])
      expect(fromRow.participation(back(relationshipProperties.participations(p), cypher))).toEqual(p);
    for (const cypher of [Q.LOAD_EVENT_PARTICIPATIONS, Q.LOAD_EVENT_PARTICIPATIONS_BY_ACTORS, Q.LOAD_EVENT_PARTICIPATIONS_BY_EVENTS])
      expect(fromRow.eventParticipation(back(relationshipProperties.eventParticipations(ep), cypher))).toEqual(ep);
    for (const cypher of [Q.LOAD_COOPERATIONS, Q.LOAD_COOPERATIONS_BY_ACTORS])
      expect(fromRow.cooperation(back(relationshipProperties.cooperations(c), cypher))).toEqual(c);
    for (const cypher of [Q.LOAD_TARGETS, Q.LOAD_TARGETS_BY_SUBJECTS, Q.LOAD_TARGETS_BY_REGIONS])
      expect(fromRow.target(back(relationshipProperties.targets(t), cypher))).toEqual(t);
  });

  it('reads missing optional values as null and missing lists as [], and rejects a node without a required value', () => {
    expect(fromRow.actor({ id: 'a', name: 'A', kind: 'company' })).toEqual({
      id: 'a',
      name: 'A',
      description: null,
      tags: [],
      sourceIds: [],
      kind: 'company',
      sectors: [],
      regionId: null,
      website: null,
    });
    expect(() => fromRow.region({ id: 'r', name: 'R', kind: 'city', lat: 1 })).toThrow(/region r has no numeric lon/);
    expect(() => fromRow.source({ id: 's' })).toThrow(/source s has no title/);
  });
});

describe('Neo4jBackend over a fake connection', () => {
  it('init() applies each schema statement on its own, and closes the connection when one fails', async () => {
    const file = join(dir, 'schema.cypher');
    writeFileSync(file, '// ids\nCREATE CONSTRAINT a IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;\nCREATE INDEX b IF NOT EXISTS FOR (n:Actor) ON (n.kind);\n');
    const conn = new FakeConnection();
    await backendWith(conn, file);
    expect(conn.calls.map((c) => [c.cypher, c.inTx])).toEqual([
      ['CREATE CONSTRAINT a IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE', false],
      ['CREATE INDEX b IF NOT EXISTS FOR (n:Actor) ON (n.kind)', false],
    ]);

    const failing = new FakeConnection();
    failing.write = async () => {
      throw new Error('boom');
    };
    await expect(backendWith(failing, file)).rejects.toThrow('boom');
    expect(failing.closed).toBe(true);

    let opened = 0;
    const shared = new FakeConnection();
    const twice = new Neo4jBackend(config, {
      connect: async () => {
        opened++;
        return shared;
      },
      schemaFile: pathToFileURL(emptySchema),
    });
    await Promise.all([twice.init(), twice.init()]);
    await twice.init();
    expect(opened).toBe(1);
    await twice.close();
    expect(shared.closed).toBe(true);

    const missing = new FakeConnection();
    await expect(backendWith(missing, join(dir, 'nope.cypher'))).rejects.toThrow(/Cannot read the Neo4j schema file .*nope\.cypher/);
    expect(missing.closed).toBe(true);
  });

  it('an empty selector reads nothing; undefined selects all; ids are de-duplicated', async () => {
    const conn = new FakeConnection();
    const b = await backendWith(conn);
    expect(await b.loadActors({ ids: [] })).toEqual([]);
    expect(await b.loadActors({ regionIds: ['r-1'], kinds: [] })).toEqual([]);
    expect(await b.loadSources([])).toEqual([]);
    expect(await b.loadCooperations({ actorIds: [] })).toEqual([]);
    expect(await b.loadTargets({ subjectIds: [], regionIds: ['r'] })).toEqual([]);
    expect(await b.nodeTypes([])).toEqual(new Map());
    expect(conn.calls).toEqual([]);

    await b.loadActors({});
    await b.loadActors({ ids: ['a1', 'a1', 'a2'], kinds: ['company'] });
    await b.loadActors({ regionIds: ['r-1'] });
    await b.loadEvents({ projectIds: ['p1'], placeIds: ['r-dz'] });
    await b.loadEvents({ placeIds: ['r-dz'] });
    await b.loadProjects({ predecessorIds: ['p3'] });
    await b.loadParticipations({ projectIds: ['p1'] });
    await b.loadCooperations({});
    await b.loadCooperations({ actorIds: ['a1'] });
    await b.loadTargets({ regionIds: ['r-ns'] });
    expect(conn.calls.map((c) => [c.name, c.params])).toEqual([
      ['LOAD_ACTORS', { ids: null, regionIds: null, kinds: null }],
      ['LOAD_ACTORS_BY_IDS', { ids: ['a1', 'a2'], regionIds: null, kinds: ['company'] }],
      ['LOAD_ACTORS_BY_REGIONS', { ids: null, regionIds: ['r-1'], kinds: null }],
      ['LOAD_EVENTS_BY_PROJECTS', { ids: null, projectIds: ['p1'], placeIds: ['r-dz'] }],
      ['LOAD_EVENTS_BY_PLACES', { ids: null, projectIds: null, placeIds: ['r-dz'] }],
      ['LOAD_PROJECTS_BY_PREDECESSORS', { ids: null, predecessorIds: ['p3'] }],
      ['LOAD_PARTICIPATIONS_BY_PROJECTS', { actorIds: null, projectIds: ['p1'] }],
      ['LOAD_COOPERATIONS', {}],
      ['LOAD_COOPERATIONS_BY_ACTORS', { actorIds: ['a1'] }],
      ['LOAD_TARGETS_BY_REGIONS', { subjectIds: null, regionIds: ['r-ns'] }],
    ]);
  });

  it('maps result rows, sorts targets of mixed subjects, and passes LIMIT as an Integer', async () => {
    const conn = new FakeConnection((name) => {
      if (name === 'LOAD_TARGETS_BY_SUBJECTS')
        return [
          { row: { subjectId: 'p2', regionId: 'r-mh', role: 'target', description: null, sourceIds: null } },
          { row: { subjectId: 'e1', regionId: 'r-dz', role: 'partner', description: 'x', sourceIds: ['s'] } },
        ];
      if (name === 'SEARCH_CANDIDATES')
        return [
          { id: 'a1', type: 'ACTOR', kind: 'company', label: 'A', searchKey: 'a', searchKeyAlt: 'a' },
          { id: 'p1', type: 'PROJECT', kind: null, label: 'P', searchKey: 'p', searchKeyAlt: 'p' },
        ];
      if (name === 'NODE_TYPES') return [{ id: 'e1', type: 'EVENT' }];
      if (name === 'COUNTS') return [{ sources: 2, regions: 12, actors: 9, projects: 4, events: 2, participations: 11, eventParticipations: 4, cooperations: 2, targets: 3 }];
      return [];
    });
    const b = await backendWith(conn);
    expect((await b.loadTargets({ subjectIds: ['p2', 'e1'] })).map((t) => t.subjectId)).toEqual(['e1', 'p2']);
    expect((await b.loadTargets({ subjectIds: ['p2'] }))[1]).toEqual({ subjectId: 'p2', regionId: 'r-mh', role: 'target', description: null, sourceIds: [] });
    const hits = await b.searchCandidates('a b', 'a c', 1);
    expect(hits).toEqual([{ id: 'a1', type: 'ACTOR', kind: 'company', label: 'A', searchKey: 'a', searchKeyAlt: 'a' }]);
    const search = conn.calls.find((c) => c.name === 'SEARCH_CANDIDATES');
    expect(search?.params).toMatchObject({ key: 'a b', alt: 'a c', tokens: ['a', 'b', 'c'] });
    expect(toPlain(search?.params.max)).toBe(1);
    expect(typeof search?.params.max).toBe('object');
    expect(await b.nodeTypes(['e1', 'zz'])).toEqual(new Map([['e1', 'EVENT']]));
    expect((await b.counts()).participations).toBe(11);
  });

  it('clear() deletes chunk by chunk until a chunk is not full', async () => {
    let left = 25_000;
    const conn = new FakeConnection((name) => {
      if (name !== 'CLEAR_CHUNK') return [];
      const deleted = Math.min(left, 10_000);
      left -= deleted;
      return [{ deleted }];
    });
    const b = await backendWith(conn);
    await b.clear();
    expect(conn.calls.map((c) => c.name)).toEqual(['CLEAR_CHUNK', 'CLEAR_CHUNK', 'CLEAR_CHUNK']);
    expect(left).toBe(0);
  });

  it('writeBatch on an empty store: validates first, writes nodes, then references, then relationships', async () => {
    const conn = new FakeConnection();
    const b = await backendWith(conn);
    let seen: ExistingIds | undefined;
    let callsAtValidate = -1;
    const r = await b.writeBatch(batch, (existing) => {
      seen = existing;
      callsAtValidate = conn.calls.length;
      checkBatch(batch, existing);
    });
    expect(r.created).toEqual({ sources: 2, regions: 12, actors: 9, projects: 4, events: 2, stories: 0, participations: 11, eventParticipations: 4, cooperations: 2, targets: 3 });
    expect(Object.values(r.updated).every((n) => n === 0)).toBe(true);
    expect(Object.values(r.unchanged).every((n) => n === 0)).toBe(true);
    expect(seen?.has('actors', 'a1')).toBe(false);
    expect(seen?.parentOf('r-sn')).toBeUndefined();

    const names = conn.calls.map((c) => c.name);
    expect(conn.calls.every((c) => c.inTx)).toBe(true);
    expect(names.slice(0, callsAtValidate)).toEqual(['EXISTING_IDS', 'REGION_PARENTS']);
    expect(names.slice(callsAtValidate)).toEqual([
      'ENTITY_FINGERPRINTS',
      'PARTICIPATION_FINGERPRINTS',
      'EVENT_PARTICIPATION_FINGERPRINTS',
      'COOPERATION_FINGERPRINTS',
      'TARGET_FINGERPRINTS',
      'WRITE_SOURCES',
      'WRITE_REGIONS',
      'WRITE_ACTORS',
      'WRITE_PROJECTS',
      'WRITE_EVENTS',
      'UNLINK_REGION_PARENTS',
      'LINK_REGION_PARENTS',
      'UNLINK_ACTOR_REGIONS',
      'LINK_ACTOR_REGIONS',
      'UNLINK_PROJECT_PREDECESSORS',
      'LINK_PROJECT_PREDECESSORS',
      'UNLINK_EVENT_PLACES',
      'LINK_EVENT_PLACES',
      'UNLINK_EVENT_PROJECTS',
      'LINK_EVENT_PROJECTS',
      'WRITE_PARTICIPATIONS',
      'WRITE_EVENT_PARTICIPATIONS',
      'WRITE_COOPERATIONS',
      'WRITE_PROJECT_TARGETS',
    ]);
    const params = (name: string) => conn.calls.find((c) => c.name === name)?.params;
    expect(params('EXISTING_IDS')?.ids).toEqual(expect.arrayContaining(['s-doc', 's-geo', 'r-sn', 'a1', 'p3', 'e2']));
    expect(params('ENTITY_FINGERPRINTS')).toMatchObject({ sources: ['s-doc', 's-geo'], projects: ['p1', 'p2', 'p3', 'p4'] });
    expect(params('LINK_REGION_PARENTS')?.rows).toContainEqual({ id: 'r-dz', parentId: 'r-ns' });
    expect(params('LINK_REGION_PARENTS')?.rows).toContainEqual({ id: 'r-sn', parentId: null });
    expect(params('COOPERATION_FINGERPRINTS')?.rows).toContainEqual({ actorId: 'a6', partnerId: 'a7', kind: 'member_of' });
    expect((params('WRITE_PROJECT_TARGETS')?.rows as Params[]).map((t) => t.subjectId)).toEqual(['p1', 'p2', 'p4']);
    expect((params('WRITE_ACTORS')?.rows as Params[]).find((a) => a.id === 'a8')).toMatchObject({ sectors: null, website: null, description: null });
  });

  it('writeBatch counts unchanged / updated by stored fingerprint and writes only what changed', async () => {
    const a1 = batch.actors[0];
    const a2 = batch.actors[1];
    const part = batch.participations[0];
    const target = { subjectId: 'e1', regionId: 'r-dz', role: 'target' as const, description: null, sourceIds: [] };
    if (!a1 || !a2 || !part) throw new Error('fixture changed');
    const small: GraphBatch = { ...emptyBatch(), actors: [a1, a2], participations: [part], targets: [target] };
    const conn = new FakeConnection((name) => {
      switch (name) {
        case 'EXISTING_IDS':
          return [
            { id: 'a1', kind: 'actors' },
            { id: 'a2', kind: 'actors' },
            { id: 'p1', kind: 'projects' },
            { id: 'e1', kind: 'events' },
            { id: 'r-dz', kind: 'regions' },
            { id: 's-doc', kind: 'sources' },
          ];
        case 'ENTITY_FINGERPRINTS':
          return [
            { kind: 'actors', id: 'a1', fingerprint: fingerprint(a1) },
            { kind: 'actors', id: 'a2', fingerprint: 'stale' },
          ];
        case 'PARTICIPATION_FINGERPRINTS':
          return [{ actorId: 'a1', projectId: 'p1', fingerprint: null }];
        default:
          return [];
      }
    });
    const b = await backendWith(conn);
    const r = await b.writeBatch(small, (existing) => checkBatch(small, existing));
    expect(r.unchanged.actors).toBe(1);
    expect(r.updated.actors).toBe(1);
    expect(r.updated.participations).toBe(1); // stored without a fingerprint: rewritten
    expect(r.created.targets).toBe(1);
    expect(BATCH_KEYS.reduce((n, k) => n + r.created[k] + r.updated[k] + r.unchanged[k], 0)).toBe(4);
    const names = conn.calls.map((c) => c.name);
    expect(names).not.toContain('REGION_PARENTS');
    expect(names).not.toContain('WRITE_PROJECT_TARGETS');
    expect(conn.calls.find((c) => c.name === 'WRITE_ACTORS')?.params.rows).toEqual([nodeProperties.actors(a2)]);
    expect(conn.calls.find((c) => c.name === 'WRITE_EVENT_TARGETS')?.params.rows).toEqual([relationshipProperties.targets(target)]);
  });

  it('writeBatch with a story: fingerprints and versions by id like any entity, one WRITE_STORIES, nothing to look up for references', async () => {
    const changed = { ...story, title: 'Neu' };
    const conn = new FakeConnection((name) => (name === 'ENTITY_FINGERPRINTS' ? [{ kind: 'stories', id: 'st-chemie', fingerprint: fingerprint(story) }] : []));
    const b = await backendWith(conn);
    const same = await b.writeBatch({ ...emptyBatch(), stories: [story] }, (existing) => checkBatch({ ...emptyBatch(), stories: [story] }, existing));
    expect([same.unchanged.stories, same.created.stories, same.updated.stories]).toEqual([1, 0, 0]);
    expect(conn.calls.map((c) => c.name)).toEqual(['ENTITY_FINGERPRINTS']); // stories refer to nothing: no EXISTING_IDS
    expect(conn.calls[0]?.params).toEqual({ sources: [], regions: [], actors: [], projects: [], events: [], stories: ['st-chemie'] });

    conn.calls = [];
    const r = await b.writeBatch({ ...emptyBatch(), stories: [changed, { ...story, id: 'st-2' }] }, () => undefined);
    expect([r.updated.stories, r.created.stories]).toEqual([1, 1]);
    expect(conn.calls.map((c) => c.name)).toEqual(['ENTITY_FINGERPRINTS', 'WRITE_STORIES']);
    expect(conn.calls[1]?.params).toEqual({ rows: [nodeProperties.stories(changed), nodeProperties.stories({ ...story, id: 'st-2' })] });
  });

  it('writeChanges on a story: locks its version, deletes or writes it, checks the version after; loadStories and counts', async () => {
    const conn = new FakeConnection((name) => {
      if (name === 'LOCK_STORY_VERSIONS') return [{ id: 'st-chemie', version: 2 }];
      if (name === 'ENTITY_VERSIONS') return [{ kind: 'stories', id: 'st-chemie', version: 3 }];
      if (name === 'LOAD_STORIES') return [{ row: nodeProperties.stories(story) }];
      if (name === 'COUNTS') return [{ stories: 1 }];
      return [];
    });
    const b = await backendWith(conn);
    await b.writeChanges({ put: { ...emptyBatch(), stories: [story] }, del: {}, expect: [{ key: 'stories', id: 'st-chemie', version: 2 }], audit: [] }, () => undefined);
    expect(conn.calls.map((c) => [c.name, c.params])).toEqual([
      ['LOCK_STORY_VERSIONS', { ids: ['st-chemie'] }],
      ['WRITE_STORIES', { rows: [nodeProperties.stories(story)] }],
      ['ENTITY_VERSIONS', { sources: [], regions: [], actors: [], projects: [], events: [], stories: ['st-chemie'] }],
    ]);
    conn.calls = [];
    await b.writeChanges({ put: emptyBatch(), del: { stories: ['st-chemie'] }, expect: [{ key: 'stories', id: 'st-chemie', version: 2 }], audit: [] }, () => undefined);
    expect(conn.calls.map((c) => [c.name, c.params])).toEqual([
      ['LOCK_STORY_VERSIONS', { ids: ['st-chemie'] }],
      ['DELETE_STORIES', { ids: ['st-chemie'] }],
    ]);
    const stale = await b
      .writeChanges({ put: emptyBatch(), del: { stories: ['st-chemie'] }, expect: [{ key: 'stories', id: 'st-chemie', version: 1 }], audit: [] }, () => undefined)
      .catch((e: unknown) => e);
    expect((stale as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', type: 'stories', id: 'st-chemie', expectedVersion: 1, currentVersion: 2 });

    conn.calls = [];
    expect(await b.loadStories([])).toEqual([]);
    expect(await b.loadStories(['st-chemie', 'st-chemie'])).toEqual([story]);
    expect(await b.loadStories()).toEqual([story]);
    expect(conn.calls.map((c) => [c.name, c.params])).toEqual([
      ['LOAD_STORIES', { ids: ['st-chemie'] }],
      ['LOAD_STORIES', { ids: null }],
    ]);
    expect((await b.counts()).stories).toBe(1);
  });

  it('a dry run does the same work in the transaction, then rolls it back and returns the counts', async () => {
    const conn = new FakeConnection();
    const b = await backendWith(conn);
    const r = await b.writeBatch(batch, (existing) => checkBatch(batch, existing), { dryRun: true });
    expect(r.created.actors).toBe(batch.actors.length);
    expect(conn.rolledBack).toBe(1);
    const wet = new FakeConnection();
    const real = await (await backendWith(wet)).writeBatch(batch, (existing) => checkBatch(batch, existing));
    expect(r).toEqual(real);
    expect(wet.rolledBack).toBe(0);
    expect(conn.calls.map((c) => c.name)).toEqual(wet.calls.map((c) => c.name));
  });

  it('writeBatch writes nothing when validation fails', async () => {
    const conn = new FakeConnection((name) => (name === 'REGION_PARENTS' ? [{ id: 'r-sn', parentId: null }, { id: 'r-dz', parentId: 'r-ns' }] : []));
    const b = await backendWith(conn);
    let parent: string | null | undefined;
    await expect(
      b.writeBatch(batch, (existing) => {
        parent = existing.parentOf('r-dz');
        throw new Error('invalid');
      }),
    ).rejects.toThrow('invalid');
    expect(parent).toBe('r-ns');
    expect(conn.calls.map((c) => c.name)).toEqual(['EXISTING_IDS', 'REGION_PARENTS']);
  });
});


/** The kind of a fixture id, for a fake EXISTING_IDS that finds every id it is asked about. */
const fixtureKind = (id: string) =>
  id.startsWith('s-') ? 'sources' : id.startsWith('r-') ? 'regions' : id.startsWith('a') ? 'actors' : id.startsWith('p') ? 'projects' : 'events';
const allExist = (params: Params) => ((params.ids as string[] | undefined) ?? []).map((id) => ({ id, kind: fixtureKind(id) }));

describe('writeBatch: progress and the audit entry', () => {
  const sources = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, title: `Source ${i}`, url: null, date: null, publisher: null }));

  it('reports progress every 5000 rows as they are written, and once at the end', async () => {
    const conn = new FakeConnection();
    const b = await backendWith(conn);
    const big: GraphBatch = { ...emptyBatch(), sources: sources(12_001) };
    const reports: [number, number, number][] = [];
    const writesSoFar = () => conn.calls.filter((c) => c.name === 'WRITE_SOURCES').length;
    await b.writeBatch(big, () => undefined, { onProgress: (done, total) => reports.push([done, total, writesSoFar()]) });
    // 2000 rows per statement: 5000 done after the 3rd, 10 000 after the 5th, all after the 7th.
    expect(reports).toEqual([
      [5000, 12_001, 3],
      [10_000, 12_001, 5],
      [12_001, 12_001, 7],
    ]);

    const one = new FakeConnection();
    const small: [number, number][] = [];
    await (await backendWith(one)).writeBatch({ ...emptyBatch(), sources: sources(1) }, () => undefined, { onProgress: (d, t) => small.push([d, t]) });
    expect(small).toEqual([[1, 1]]);
  });

  it('counts unchanged rows as done', async () => {
    const rows = sources(6000);
    const conn = new FakeConnection((name) =>
      name === 'ENTITY_FINGERPRINTS' ? rows.slice(0, 5000).map((r) => ({ kind: 'sources', id: r.id, fingerprint: fingerprint(r) })) : [],
    );
    const reports: [number, number][] = [];
    const r = await (await backendWith(conn)).writeBatch({ ...emptyBatch(), sources: rows }, () => undefined, { onProgress: (d, t) => reports.push([d, t]) });
    expect([r.unchanged.sources, r.created.sources]).toEqual([5000, 1000]);
    expect(reports).toEqual([
      [5000, 6000],
      [6000, 6000],
    ]);
  });

  it('appends one audit entry for a batch that changed something, in its transaction, last', async () => {
    const conn = new FakeConnection();
    const b = await backendWith(conn);
    const audit = { who: { name: 'CLI', role: null }, summary: 'actors.csv' };
    await b.writeBatch(batch, (existing) => checkBatch(batch, existing), { audit });
    const last = conn.calls.at(-1);
    expect(last?.name).toBe('APPEND_AUDIT');
    expect(last?.inTx).toBe(true);
    const rows = last?.params.rows as Params[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ who: 'CLI', role: null, action: 'import', entityType: 'batch', entityId: 'actors.csv', refs: null, before: null, summary: 'actors.csv' });
    expect(JSON.parse(rows[0]?.after as string)).toMatchObject({ created: { actors: 9, sources: 2 }, updated: {} });
    expect(Date.parse(rows[0]?.at as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('no audit entry for a dry run, a batch that changes nothing, or without `audit`', async () => {
    const audit = { who: { name: 'CLI', role: null }, summary: 'x' };
    const dry = new FakeConnection();
    await (await backendWith(dry)).writeBatch(batch, () => undefined, { dryRun: true, audit });
    const a1 = batch.actors[0];
    if (!a1) throw new Error('fixture changed');
    const same = new FakeConnection((name) => (name === 'ENTITY_FINGERPRINTS' ? [{ kind: 'actors', id: 'a1', fingerprint: fingerprint(a1) }] : name === 'EXISTING_IDS' ? allExist({ ids: ['a1', 'r-dz', 's-doc'] }) : []));
    await (await backendWith(same)).writeBatch({ ...emptyBatch(), actors: [a1] }, () => undefined, { audit });
    const plain = new FakeConnection();
    await (await backendWith(plain)).writeBatch(batch, () => undefined);
    for (const conn of [dry, same, plain]) expect(conn.calls.map((c) => c.name)).not.toContain('APPEND_AUDIT');
  });
});

describe('writeChanges', () => {
  const a1 = batch.actors[0];
  if (!a1) throw new Error('fixture changed');
  const tie = { actorId: 'a1', partnerId: 'a9', kind: 'cooperation' as const, since: null, until: null, description: null, sourceIds: [] };
  const record: AuditRecord = {
    who: 'Ed',
    role: 'editor',
    action: 'update',
    entityType: 'actors',
    entityId: 'a1',
    refs: ['a1', 'a1'],
    before: { name: 'ZAROF GmbH' },
    after: { name: 'ZAROF' },
    summary: null,
  };
  const changes: ChangeSet = {
    put: { ...emptyBatch(), actors: [{ ...a1, name: 'ZAROF' }], cooperations: [tie] },
    del: { actors: ['a4'], participations: ['a4|p3', 'a4|p4'], cooperations: ['a4|a5|cooperation'] },
    expect: [
      { key: 'actors', id: 'a1', version: 3 },
      { key: 'cooperations', id: 'a1|a9|cooperation', version: 0 },
      { key: 'actors', id: 'a4', version: 1 },
    ],
    audit: [record],
  };
  /** A store where a1 is at version 3, a4 at 1, the tie a1 → a9 does not exist yet; after the write, `after` answers. */
  const storeAt = (after: { a1: number; tie: number }) => (name: string, params: Params): PlainRecord[] => {
    switch (name) {
      case 'LOCK_ACTOR_VERSIONS':
        return [
          { id: 'a1', version: 3 },
          { id: 'a4', version: 1 },
        ];
      case 'EXISTING_IDS':
        return allExist(params);
      case 'ENTITY_VERSIONS':
        return [{ kind: 'actors', id: 'a1', version: after.a1 }];
      case 'COOPERATION_VERSIONS':
        return [{ actorId: 'a1', partnerId: 'a9', kind: 'cooperation', version: after.tie }];
      default:
        return [];
    }
  };

  it('locks and checks versions, deletes (relationships first), validates, writes, re-checks, then audits; one transaction', async () => {
    const conn = new FakeConnection(storeAt({ a1: 4, tie: 1 }));
    const b = await backendWith(conn);
    let callsAtValidate = -1;
    let seen: ExistingIds | undefined;
    await b.writeChanges(changes, (existing) => {
      callsAtValidate = conn.calls.length;
      seen = existing;
      checkBatch(changes.put, existing);
    });
    expect(conn.calls.every((c) => c.inTx)).toBe(true);
    expect(conn.rolledBack).toBe(0);
    const names = conn.calls.map((c) => c.name);
    expect(names.slice(0, callsAtValidate)).toEqual([
      'LOCK_ACTOR_VERSIONS',
      'LOCK_COOPERATION_VERSIONS',
      'DELETE_COOPERATIONS',
      'DELETE_PARTICIPATIONS',
      'DELETE_ACTORS',
      'EXISTING_IDS',
    ]);
    expect(names.slice(callsAtValidate)).toEqual([
      'WRITE_ACTORS',
      'UNLINK_ACTOR_REGIONS',
      'LINK_ACTOR_REGIONS',
      'WRITE_COOPERATIONS',
      'ENTITY_VERSIONS',
      'COOPERATION_VERSIONS',
      'APPEND_AUDIT',
    ]);
    const params = (name: string) => conn.calls.find((c) => c.name === name)?.params;
    expect(params('LOCK_ACTOR_VERSIONS')).toEqual({ ids: ['a1', 'a4'] });
    expect(params('LOCK_COOPERATION_VERSIONS')).toEqual({ rows: [{ actorId: 'a1', partnerId: 'a9', kind: 'cooperation' }] });
    expect(params('DELETE_PARTICIPATIONS')).toEqual({
      rows: [
        { actorId: 'a4', projectId: 'p3' },
        { actorId: 'a4', projectId: 'p4' },
      ],
    });
    expect(params('DELETE_COOPERATIONS')).toEqual({ rows: [{ actorId: 'a4', partnerId: 'a5', kind: 'cooperation' }] });
    expect(params('DELETE_ACTORS')).toEqual({ ids: ['a4'] });
    expect(params('EXISTING_IDS')?.ids).toEqual(expect.arrayContaining(['a1', 'a9', 'r-dz']));
    expect(seen?.has('actors', 'a9')).toBe(true);
    expect(params('WRITE_ACTORS')).toEqual({ rows: [nodeProperties.actors({ ...a1, name: 'ZAROF' })] });
    expect(params('WRITE_COOPERATIONS')).toEqual({ rows: [relationshipProperties.cooperations(tie)] });
    expect(params('ENTITY_VERSIONS')).toEqual({ sources: [], regions: [], actors: ['a1'], projects: [], events: [], stories: [] });
    const audit = params('APPEND_AUDIT')?.rows as Params[];
    expect(audit).toEqual([
      {
        at: expect.any(String),
        who: 'Ed',
        role: 'editor',
        action: 'update',
        entityType: 'actors',
        entityId: 'a1',
        refs: ['a1'],
        before: '{"name":"ZAROF GmbH"}',
        after: '{"name":"ZAROF"}',
        summary: null,
      },
    ]);
  });

  it('a stale or missing version throws ConflictError and runs nothing after the check', async () => {
    const stale = new FakeConnection((name) => (name === 'LOCK_ACTOR_VERSIONS' ? [{ id: 'a1', version: 4 }, { id: 'a4', version: 1 }] : []));
    let validated = false;
    const err = await (await backendWith(stale))
      .writeChanges(changes, () => {
        validated = true;
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', type: 'actors', id: 'a1', expectedVersion: 3, currentVersion: 4 });
    expect(validated).toBe(false);
    expect(stale.calls.map((c) => c.name)).toEqual(['LOCK_ACTOR_VERSIONS', 'LOCK_COOPERATION_VERSIONS']);
    expect(stale.rolledBack).toBe(1);

    const gone = new FakeConnection((name) => (name === 'LOCK_ACTOR_VERSIONS' ? [{ id: 'a1', version: 3 }] : []));
    const err2 = await (await backendWith(gone)).writeChanges(changes, () => undefined).catch((e: unknown) => e);
    expect((err2 as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', id: 'a4', expectedVersion: 1, currentVersion: 0 });
    expect(gone.calls.map((c) => c.name)).toEqual(['LOCK_ACTOR_VERSIONS', 'LOCK_COOPERATION_VERSIONS']);

    const exists = new FakeConnection((name) =>
      name === 'LOCK_ACTOR_VERSIONS' ? [{ id: 'a1', version: 3 }, { id: 'a4', version: 1 }] : name === 'LOCK_COOPERATION_VERSIONS' ? [{ actorId: 'a1', partnerId: 'a9', kind: 'cooperation', version: 2 }] : [],
    );
    const err3 = await (await backendWith(exists)).writeChanges(changes, () => undefined).catch((e: unknown) => e);
    expect((err3 as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', id: 'a1|a9|cooperation', expectedVersion: 0, currentVersion: 2 });
  });

  it('a row created meanwhile by someone else (expected absent, written version not 1) is a conflict; nothing is audited', async () => {
    const conn = new FakeConnection(storeAt({ a1: 4, tie: 2 }));
    const err = await (await backendWith(conn)).writeChanges(changes, () => undefined).catch((e: unknown) => e);
    expect((err as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', id: 'a1|a9|cooperation', expectedVersion: 0, currentVersion: 1 });
    expect(conn.calls.map((c) => c.name)).not.toContain('APPEND_AUDIT');
    expect(conn.rolledBack).toBe(1);
  });

  it('a validation error rolls back after the deletes, before any write', async () => {
    const conn = new FakeConnection(storeAt({ a1: 4, tie: 1 }));
    await expect(
      (await backendWith(conn)).writeChanges(changes, () => {
        throw new Error('invalid');
      }),
    ).rejects.toThrow('invalid');
    expect(conn.calls.map((c) => c.name).at(-1)).toBe('EXISTING_IDS');
    expect(conn.rolledBack).toBe(1);
  });

  it('an empty change set only validates; targets go to the statement of their subject kind', async () => {
    const empty = new FakeConnection();
    let validated = 0;
    await (await backendWith(empty)).writeChanges({ put: emptyBatch(), del: {}, expect: [], audit: [] }, () => validated++);
    expect([validated, empty.calls]).toEqual([1, []]);

    const targets = new FakeConnection((name, params) => (name === 'EXISTING_IDS' ? allExist(params) : []));
    const t = (subjectId: string) => ({ subjectId, regionId: 'r-dz', role: 'target' as const, description: null, sourceIds: [] });
    await (await backendWith(targets)).writeChanges(
      { put: { ...emptyBatch(), targets: [t('p1'), t('e1')] }, del: { targets: ['p2|r-mh'] }, expect: [], audit: [] },
      () => undefined,
    );
    const params = (name: string) => targets.calls.find((c) => c.name === name)?.params;
    expect(params('DELETE_TARGETS')).toEqual({ rows: [{ subjectId: 'p2', regionId: 'r-mh' }] });
    expect((params('WRITE_PROJECT_TARGETS')?.rows as Params[]).map((r) => r.subjectId)).toEqual(['p1']);
    expect((params('WRITE_EVENT_TARGETS')?.rows as Params[]).map((r) => r.subjectId)).toEqual(['e1']);
  });
});

describe('versions, audit log and tokens', () => {
  it('versions(): natural key → version of the rows that exist, read outside a write transaction', async () => {
    const conn = new FakeConnection((name) => {
      if (name === 'ENTITY_VERSIONS') return [{ kind: 'actors', id: 'a1', version: 3 }];
      if (name === 'COOPERATION_VERSIONS') return [{ actorId: 'a1', partnerId: 'a9', kind: 'cooperation', version: 1 }];
      return [];
    });
    const b = await backendWith(conn);
    expect(await b.versions('actors', ['a1', 'a2', 'a1'])).toEqual(new Map([['a1', 3]]));
    expect(await b.versions('cooperations', ['a1|a9|cooperation', 'a2|a3|service', 'a1|a9|cooperation'])).toEqual(new Map([['a1|a9|cooperation', 1]]));
    expect(await b.versions('targets', [])).toEqual(new Map());
    await expect(b.versions('participations', ['a1'])).rejects.toThrow(/malformed key/);
    expect(conn.calls.map((c) => [c.name, c.params, c.inTx])).toEqual([
      ['ENTITY_VERSIONS', { sources: [], regions: [], actors: ['a1', 'a2'], projects: [], events: [], stories: [] }, false],
      [
        'COOPERATION_VERSIONS',
        {
          rows: [
            { actorId: 'a1', partnerId: 'a9', kind: 'cooperation' },
            { actorId: 'a2', partnerId: 'a3', kind: 'service' },
          ],
        },
        false,
      ],
    ]);
  });

  it('auditLog(): total and a page, newest first, JSON parsed back; entityId null when not given', async () => {
    const conn = new FakeConnection((name) => {
      if (name === 'AUDIT_COUNT') return [{ total: 7 }];
      if (name === 'AUDIT_ENTRIES')
        return [
          {
            row: { seq: 7, at: '2026-01-02T00:00:00.000Z', who: 'Ed', role: 'editor', action: 'update', entityType: 'actors', entityId: 'a1', refs: ['a1'], before: '{"name":"A"}', after: '{"name":"B"}', summary: null },
          },
          { row: { seq: 6, at: '2026-01-01T00:00:00.000Z', who: 'CLI', role: null, action: 'import', entityType: 'batch', entityId: 'x.csv', refs: null, before: null, after: '{"created":{"actors":1},"updated":{}}', summary: 'x.csv' } },
        ];
      return [];
    });
    const b = await backendWith(conn);
    const log = await b.auditLog({ entityId: 'a1', limit: 2, offset: 4 });
    expect(log).toEqual({
      total: 7,
      entries: [
        { seq: 7, at: '2026-01-02T00:00:00.000Z', who: 'Ed', role: 'editor', action: 'update', entityType: 'actors', entityId: 'a1', refs: ['a1'], before: { name: 'A' }, after: { name: 'B' }, summary: null },
        { seq: 6, at: '2026-01-01T00:00:00.000Z', who: 'CLI', role: null, action: 'import', entityType: 'batch', entityId: 'x.csv', refs: [], before: null, after: { created: { actors: 1 }, updated: {} }, summary: 'x.csv' },
      ],
    });
    await b.auditLog({ limit: 10, offset: 0 });
    expect(conn.calls.map((c) => [c.name, toPlain(c.params)])).toEqual([
      ['AUDIT_COUNT', { entityId: 'a1' }],
      ['AUDIT_ENTRIES', { entityId: 'a1', offset: 4, limit: 2 }],
      ['AUDIT_COUNT', { entityId: null }],
      ['AUDIT_ENTRIES', { entityId: null, offset: 0, limit: 10 }],
    ]);
    expect(typeof conn.calls[1]?.params.limit).toBe('object'); // an Integer, as SKIP / LIMIT need
  });

  it('tokens: insert, list, look up by hash, update (unknown id: null)', async () => {
    const t: TokenRecord = { id: 't1', name: 'Workshop', role: 'editor', hash: 'abc', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'admin', lastUsedAt: null, revokedAt: null };
    const stored = { id: 't1', name: 'Workshop', role: 'editor', hash: 'abc', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'admin' }; // nulls are not stored
    const conn = new FakeConnection((name, params) => {
      if (name === 'TOKENS') return [{ row: stored }];
      if (name === 'TOKEN_BY_HASH') return params.hash === 'abc' ? [{ row: stored }] : [];
      if (name === 'UPDATE_TOKEN') return params.id === 't1' ? [{ row: { ...stored, revokedAt: '2026-02-01T00:00:00.000Z' } }] : [];
      return [];
    });
    const b = await backendWith(conn);
    await b.tokens.insert(t);
    expect(await b.tokens.list()).toEqual([t]);
    expect(await b.tokens.byHash('abc')).toEqual(t);
    expect(await b.tokens.byHash('nope')).toBeNull();
    expect(await b.tokens.update('t1', { revokedAt: '2026-02-01T00:00:00.000Z' })).toEqual({ ...t, revokedAt: '2026-02-01T00:00:00.000Z' });
    expect(await b.tokens.update('t9', { lastUsedAt: '2026-02-01T00:00:00.000Z' })).toBeNull();
    expect(conn.calls.map((c) => [c.name, c.params])).toEqual([
      ['INSERT_TOKEN', { ...t }],
      ['TOKENS', {}],
      ['TOKEN_BY_HASH', { hash: 'abc' }],
      ['TOKEN_BY_HASH', { hash: 'nope' }],
      ['UPDATE_TOKEN', { id: 't1', lastUsedAt: null, revokedAt: '2026-02-01T00:00:00.000Z' }],
      ['UPDATE_TOKEN', { id: 't9', lastUsedAt: '2026-02-01T00:00:00.000Z', revokedAt: null }],
    ]);
    expect(() => fromRow.token({ ...stored, role: 'root' })).toThrow(/unknown role "root"/);
  });
});
