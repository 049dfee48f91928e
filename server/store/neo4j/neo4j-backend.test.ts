/**
 * The Neo4j adapter without a server: value conversion, the schema.cypher splitter, the mapping
 * rows → properties → rows (checked against the property lists in the Cypher statements), the
 * choice of statements and parameters, and writeBatch's counting and ordering over a fake
 * connection. The contract suite (test/contract/neo4j.test.ts) covers the real server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/contract/fixture.ts';
import { BATCH_KEYS, emptyBatch, type GraphBatch } from '../../domain/model.ts';
import { checkBatch, fingerprint, parseBatch } from '../batch.ts';
import type { ExistingIds } from '../graph-store.ts';
import { int, openNeo4j, toPlain, type GraphConnection, type Params, type PlainRecord, type Tx } from './driver.ts';
import {
  fromRow,
  Neo4jBackend,
  nodeProperties,
  relationshipProperties,
  SCHEMA_FILE,
  searchTokens,
  splitCypherStatements,
} from './neo4j-backend.ts';
import * as Q from './queries.ts';

const batch: GraphBatch = parseBatch(fixture).batch;

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
  const m = /\b[nr] \{([^}]*)\} AS row/.exec(cypher);
  if (!m?.[1]) throw new Error(`no projection in ${nameOf(cypher)}`);
  return m[1].split(',').map((s) => s.trim().replace(/^\./, '').split(':')[0]?.trim() ?? '');
}

/** The keys of the `SET x = {…}` map of a WRITE statement. */
function writtenKeys(cypher: string): string[] {
  const m = /SET \w+ = \{([^}]*)\}/.exec(cypher);
  if (!m?.[1]) throw new Error(`no SET map in ${nameOf(cypher)}`);
  return m[1].split(',').map((s) => s.split(':')[0]?.trim() ?? '');
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
    const nodes = { sources: Q.WRITE_SOURCES, regions: Q.WRITE_REGIONS, actors: Q.WRITE_ACTORS, projects: Q.WRITE_PROJECTS, events: Q.WRITE_EVENTS };
    for (const [kind, cypher] of Object.entries(nodes)) {
      const row = batch[kind as keyof typeof nodes][0];
      const props = (nodeProperties[kind as keyof typeof nodes] as (r: unknown) => Params)(row);
      expect(writtenKeys(cypher).sort(), kind).toEqual(Object.keys(props).sort());
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
      const expected = Object.keys(props).filter((k) => !endpoints.includes(k));
      expect(writtenKeys(cypher).sort(), kind).toEqual(expected.sort());
    }
    expect(writtenKeys(Q.WRITE_EVENT_TARGETS)).toEqual(writtenKeys(Q.WRITE_PROJECT_TARGETS));
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
    expect(r.created).toEqual({ sources: 2, regions: 12, actors: 9, projects: 4, events: 2, participations: 11, eventParticipations: 4, cooperations: 2, targets: 3 });
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

