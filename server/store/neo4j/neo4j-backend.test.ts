/**
 * The Neo4j adapter's pure parts, without a server: value conversion, the schema.cypher splitter,
 * the mapping rows → properties → rows (checked against the property lists in the Cypher
 * statements). Everything that talks to a server runs against a real Neo4j 5.26 in the contract
 * suite (test/contract/neo4j.test.ts), which replaced the fake connection these tests once used.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, storyFixture } from '../../../test/contract/fixture.ts';
import { storySchema, type GraphBatch } from '../../domain/model.ts';
import { fingerprint, parseBatch } from '../batch.ts';
import type { AuditRecord, TokenRecord } from '../graph-store.ts';
import { dateParam, int, openNeo4j, toPlain, type Params } from './driver.ts';
import {
  auditProperties,
  fromRow,
  keyParams,
  nodeProperties,
  relationshipProperties,
  SCHEMA_FILE,
  splitCypherStatements,
} from './neo4j-backend.ts';
import * as Q from './queries.ts';

const batch: GraphBatch = parseBatch(fixture).batch;
const story = storySchema.parse(storyFixture);

const config = { uri: 'bolt://localhost:7687', username: 'neo4j', password: 'secret', database: 'neo4j' };

describe('dateParam', () => {
  it('makes a DATE of a full date the calendar has, and keeps partial dates and impossible days as text', () => {
    expect(toPlain(dateParam('2024-02-29'))).toBe('2024-02-29');
    expect(typeof dateParam('2024-02-29')).toBe('object');
    for (const text of ['2023-02-29', '2024-04-31', '2024', '2024-03']) expect(dateParam(text)).toBe(text);
    expect(dateParam(null)).toBeNull();
  });
});

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
    await expect(openNeo4j(unreachable)).rejects.toThrow(/^Cannot connect to Neo4j at bolt:\/\/127\.0\.0\.1:1 \(NEO4J_URI; database "neo4j" from NEO4J_DATABASE, user "neo4j"\)[\s\S]*npm run neo4j/);
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

/** The name of a statement constant (readable assertions). */
const NAMES = new Map(Object.entries(Q).map(([name, cypher]) => [cypher, name]));
const nameOf = (cypher: string) => NAMES.get(cypher) ?? `<not in queries.ts: ${cypher.slice(0, 40)}>`;

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
  // What the server keeps (no nulls) and the driver hands back through toPlain (DATE → 'YYYY-MM-DD').
  const stored = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null).map(([k, v]) => [k, toPlain(v)]));
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
    const created = /CREATE \(e:AuditEntry \{([^}]*)\}\)/.exec(Q.APPEND_AUDIT)?.[1] ?? '';
    expect(mapKeys(created).sort()).toEqual([...Object.keys(auditProperties(record, 'now')), 'seq'].sort());
    expect(auditProperties(record, 'now')).toMatchObject({ refs: ['a1'], before: '{"n":1}', after: null, at: 'now' });
    expect(auditProperties({ ...record, refs: [] }, 'now').refs).toBeNull();
    expect(projectedKeys(Q.AUDIT_ENTRIES).sort()).toEqual(Object.keys(fromRow.auditEntry({ seq: 1, at: 'x', who: 'w', action: 'a', entityType: 't', entityId: 'i' })).sort());
    const token: TokenRecord = { id: 't', name: 'n', role: 'viewer', hash: 'h', createdAt: 'c', createdBy: null, lastUsedAt: null, revokedAt: null, pseudonymous: false };
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
