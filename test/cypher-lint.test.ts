/**
 * Every Cypher statement the server sends is checked by Neo4j's own linter against our graph model
 * (see test/support/cypher-lint.ts). Any error or warning fails the statement's test.
 */
import { describe, expect, it } from 'vitest';
import {
  collectStatements,
  graphEdges,
  lintStatement,
  ourDbSchema,
  shapeOf,
  splitCypherFile,
  type LintResult,
} from './support/cypher-lint.ts';
import { LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from '../server/store/neo4j/schema.ts';

const statements = await collectStatements();

function report(result: LintResult): string[] {
  return [...result.errors.map((e) => `error   ${e}`), ...result.warnings.map((w) => `warning ${w}`)];
}

describe('Cypher statements pass the Neo4j linter', () => {
  it('collects statements from queries.ts and cypher/schema.cypher', () => {
    const names = statements.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('server/store/neo4j/queries.ts#')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('cypher/schema.cypher#')).length).toBeGreaterThan(0);
  });

  for (const { name, cypher } of statements) {
    it(name, () => {
      const diagnostics = report(lintStatement(cypher));
      expect(diagnostics, `${name}\n${cypher}\n\n${diagnostics.join('\n')}`).toEqual([]);
    });
  }
});

describe('the linter catches broken statements', () => {
  const lint = (cypher: string): string[] => report(lintStatement(cypher));

  it('accepts a correct statement', () => {
    expect(lint('MATCH (a:Actor {id: $id})-[:LOCATED_IN]->(r:Region) RETURN a.name AS name, r.code AS code')).toEqual([]);
  });

  it('reports a syntax error', () => {
    const { errors } = lintStatement('MATCH (a:Actor RETURN a');
    expect(errors.join('\n')).toMatch(/^1:16 Invalid input 'RETURN'/);
  });

  it('reports an unknown label', () => {
    expect(lint('MATCH (a:Actr) RETURN a')).toEqual([
      expect.stringMatching(/^warning 1:10 Label Actr is not present in the database/),
    ]);
  });

  it('reports an unknown relationship type', () => {
    expect(lint('MATCH (a:Actor)-[:KNOWS]->(b:Actor) RETURN b')).toContainEqual(
      expect.stringMatching(/^warning 1:19 Relationship type KNOWS is not present in the database/),
    );
  });

  it('reports an unknown property key', () => {
    expect(lint('MATCH (a:Actor) WHERE a.nmae = $name RETURN a')).toEqual([
      expect.stringMatching(/^warning 1:25 nmae is not present in the database/),
    ]);
  });

  it('reports deprecated constructs', () => {
    expect(lint('MATCH (a:Actor) RETURN id(a) AS id')).toContainEqual(
      expect.stringMatching(/^warning 1:24 Function id is deprecated/),
    );
    expect(lint('MATCH (a:Actor) CALL { WITH a MATCH (a)-[:LOCATED_IN]->(r:Region) RETURN r } RETURN a, r')).toEqual([
      expect.stringMatching(/^warning 1:17 CALL subquery without a variable scope clause is deprecated/),
    ]);
  });

  it('reports unknown functions and procedures (APOC is not installed)', () => {
    expect(lint('RETURN apoc.text.join(["a"], ",") AS s')).toEqual([
      expect.stringMatching(/^error {3}1:8 Function apoc.text.join is not present in the database/),
    ]);
    expect(lint('CALL db.nothing()')).toEqual([expect.stringMatching(/^error {3}1:6 Procedure db.nothing is not present/)]);
  });

  it('accepts ordinary built-in functions and declares every parameter', () => {
    expect(
      lint(
        'UNWIND $rows AS row MATCH (a:Actor) WHERE a.searchKey CONTAINS toLower(row.q) ' +
          'RETURN coalesce(a.name, "") AS name, size(a.tags) AS tags, count(*) AS n, collect(a.id) AS ids, ' +
          'toString(datetime()) AS now, date(a.date) AS d ORDER BY name SKIP $skip LIMIT $limit',
      ),
    ).toEqual([]);
  });

  it('reports pattern directions the graph model does not have', () => {
    expect(lint('MATCH (r:Region)-[:LOCATED_IN]->(a:Actor) RETURN a')).toEqual([
      'warning 1:7 [:LOCATED_IN] has no incoming (:Region)',
      'warning 1:17 (:Actor) has no incoming [:LOCATED_IN]',
    ]);
  });

  it('reports unknown names in write clauses and schema commands (closed world)', () => {
    expect(lint('MERGE (a:Actr {id: $id}) SET a.nmae = $name, a:Foo')).toEqual([
      expect.stringMatching(/^warning 1:10 Label Actr is not part of the graph model/),
      expect.stringMatching(/^warning 1:32 Property key nmae is not part of the graph model/),
      expect.stringMatching(/^warning 1:48 Label Foo is not part of the graph model/),
    ]);
    expect(lint('MATCH (a:Actor {id: $a}) MATCH (b:Actor {id: $b}) CREATE (a)-[:KNOWS]->(b)')).toEqual([
      expect.stringMatching(/^warning 1:64 Relationship type KNOWS is not part of the graph model/),
    ]);
    expect(lint('MERGE (a:Actor {id: $id}) SET a += {name: $name, nmae: $name}')).toEqual([
      expect.stringMatching(/^warning 1:50 Property key nmae is not part of the graph model/),
    ]);
    expect(lint('CREATE CONSTRAINT x IF NOT EXISTS FOR (n:Actr) REQUIRE n.idd IS UNIQUE')).toEqual([
      expect.stringMatching(/^warning 1:42 Label Actr is not part of the graph model/),
      expect.stringMatching(/^warning 1:58 Property key idd is not part of the graph model/),
    ]);
    expect(lint('MATCH (a:Actor) RETURN a {.id, .nmae}')).toEqual([
      expect.stringMatching(/^warning 1:33 Property key nmae is not part of the graph model/),
    ]);
  });

  it('does not mistake keys of parameter maps for property keys', () => {
    expect(
      lint(
        'UNWIND $rows AS row MATCH (a:Actor {id: row.from}) MATCH (b:Actor {id: row.to}) ' +
          'MERGE (a)-[c:COOPERATES_WITH]->(b) SET c += row.props RETURN row.whatever AS w, {x: 1} AS m',
      ),
    ).toEqual([]);
  });

  it('rejects several statements in one string and CYPHER 25', () => {
    expect(lint('MATCH (a:Actor) RETURN a; MATCH (b:Actor) RETURN b')).toEqual([
      expect.stringMatching(/^error {3}1:1 2 statements in one string/),
    ]);
    expect(lint('CYPHER 25 MATCH (a:Actor) RETURN a')).toEqual([
      expect.stringMatching(/^error {3}1:1 CYPHER 25 is not available on Neo4j 5/),
    ]);
  });

  it('reports a problem in a statement whose shape was linted clean before', () => {
    expect(lint("MATCH (a:Actor {id: 'x'}) RETURN a.name")).toEqual([]);
    expect(lint("MATCH (a:Actor {id: 'y'}) RETURN a.nmae")).toHaveLength(1);
    expect(lint("MATCH (a:Actor {id: 'y'}) RETURN a.name")).toEqual([]);
  });
});

describe('lint support', () => {
  it('builds the DbSchema from schema.ts', () => {
    const schema = ourDbSchema();
    expect(schema.labels).toEqual([...LABELS]);
    expect(schema.relationshipTypes).toEqual([...RELATIONSHIP_TYPES]);
    expect(schema.propertyKeys).toEqual([...PROPERTY_KEYS]);
    expect(schema.defaultLanguage).toBe('CYPHER 5');
    const functions = Object.keys(schema.functions?.['CYPHER 5'] ?? {});
    expect(functions).toEqual(expect.arrayContaining(['toLower', 'coalesce', 'collect', 'count', 'size', 'datetime', 'id']));
    expect(functions.filter((f) => f.startsWith('apoc.'))).toEqual([]);
  });

  it('reads the graph edges from the schema.ts header', () => {
    const edges = graphEdges();
    expect(edges).toContainEqual({ from: 'Actor', relType: 'LOCATED_IN', to: 'Region' });
    expect(edges).toContainEqual({ from: 'Event', relType: 'TARGETS', to: 'Region' });
    const labels = new Set<string>(LABELS);
    const types = new Set<string>(RELATIONSHIP_TYPES);
    for (const e of edges) {
      expect(labels.has(e.from) && labels.has(e.to) && types.has(e.relType), JSON.stringify(e)).toBe(true);
    }
    // every relationship type of the model has at least one documented edge
    expect(new Set(edges.map((e) => e.relType))).toEqual(types);
  });

  it('splits .cypher files on `;` at line end and drops comment lines', () => {
    const text = '// header\nMATCH (a:Actor)\n// inner\nRETURN a;\n\n;\nRETURN "a;b" AS x;\nRETURN 1';
    expect(splitCypherFile(text)).toEqual(['MATCH (a:Actor)\nRETURN a', 'RETURN "a;b" AS x', 'RETURN 1']);
  });

  it('blanks only literal values in the shape key', () => {
    expect(shapeOf("MERGE (a:Actor {id: 'a-1'}) SET a.lat = 52.5, a.n = 3")).toBe(
      shapeOf('MERGE (a:Actor {id: "b\\"2"}) SET a.lat = 48.25, a.n = 7'),
    );
    expect(shapeOf('MATCH (a:Actor) RETURN a.name1')).not.toBe(shapeOf('MATCH (a:Actor) RETURN a.name2'));
    expect(shapeOf('RETURN $p1')).not.toBe(shapeOf('RETURN $p2'));
  });
});
