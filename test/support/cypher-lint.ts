/**
 * Lints the Cypher the server sends to Neo4j with Neo4j's own linter (`lintCypherQuery` from
 * `@neo4j-cypher/language-support`), against our closed graph model (server/store/neo4j/schema.ts).
 *
 * What the library checks by itself (with the DbSchema built below):
 *   - syntax errors and Neo4j's semantic errors (undefined variables, type errors, …)  → Error
 *   - unknown functions / procedures (only because we pass a function/procedure list)  → Error
 *   - undeclared parameters (we declare every `$param` a statement uses, see below)      → Error
 *   - deprecations (`id()`, `CALL { … }` without a scope clause, …) and performance
 *     notifications (cartesian products, unbounded shortestPath)                          → Warning
 *   - unknown labels / relationship types / property keys, BUT only in read positions
 *     (MATCH / WITH / RETURN), and read properties only when that key is not also written
 *     somewhere in the same statement                                                    → Warning
 *   - pattern direction/endpoint violations against `graphSchema` (read patterns only)   → Warning
 *
 * Gaps we close here ("closed world" check, below): the library deliberately ignores labels and
 * properties in CREATE / MERGE / SET / REMOVE and in schema commands (CREATE CONSTRAINT/INDEX),
 * because in a real database those may create new ones. Our model is closed, so every label,
 * relationship type and property key anywhere in a statement must come from schema.ts. That check
 * walks the library's public parse tree (`getDebugTree`) and uses the symbol table returned by
 * `lintCypherQuery` to know which variables are nodes/relationships (so `row.from` on an UNWIND map
 * is not mistaken for a property key).
 *
 * We also drop one library false positive: inside a node/relationship pattern of a read clause,
 * `MATCH (a:Actor {id: row.from})` makes the library attribute `row.from` to `a` and warn that
 * `from` is not a property key. Such a warning is dropped only when the parse tree shows the key is
 * accessed on a variable that is not a node or relationship.
 */
import { splitCypherStatements } from '../../server/store/neo4j/neo4j-backend.ts';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  getDebugTree,
  lintCypherQuery,
  parseParameters,
  parseStatementsStrs,
  testData,
  type DbSchema,
  type Neo4jFunction,
  type Neo4jProcedure,
  type SimpleTree,
  type SymbolTable,
  type SyntaxDiagnostic,
} from '@neo4j-cypher/language-support';
import { LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from '../../server/store/neo4j/schema.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA_TS = path.join(REPO_ROOT, 'server', 'store', 'neo4j', 'schema.ts');

/** Neo4j 5 (the `neo4j:5-community` image) only speaks Cypher 5. */
const CYPHER_VERSION = 'CYPHER 5';
/** vscode-languageserver DiagnosticSeverity.Error; everything else (Warning, Information, Hint) is a warning. */
const SEVERITY_ERROR = 1;

// ---------------------------------------------------------------------------------------------
// DbSchema
// ---------------------------------------------------------------------------------------------

/**
 * Built-in functions and procedures. The package bundles no default list for production use; the
 * only list it ships is `testData.mockSchema` (dumped from a real Neo4j, with `isDeprecated` /
 * `deprecatedBy` flags). We take the Cypher 5 built-ins from it and drop plugin namespaces (APOC,
 * GDS, …), which the community image does not have. Without a function list the library does NOT
 * report unknown functions at all, and does not report deprecated functions itself (only Neo4j's
 * semantic analysis does, for a few).
 */
function builtInFunctions(): Record<string, Neo4jFunction> {
  const all = testData.mockSchema.functions?.[CYPHER_VERSION] ?? {};
  return Object.fromEntries(Object.entries(all).filter(([, fn]) => fn.isBuiltIn));
}

function builtInProcedures(): Record<string, Neo4jProcedure> {
  const all = testData.mockSchema.procedures?.[CYPHER_VERSION] ?? {};
  return Object.fromEntries(Object.entries(all).filter(([name]) => /^(db|dbms|tx)\./.test(name)));
}

export interface GraphEdge {
  from: string;
  relType: string;
  to: string;
}

/**
 * The allowed (from)-[type]->(to) combinations. schema.ts documents them in its header comment
 * (`(:Project|Event)-[:TARGETS {role}]->(:Region)`); that comment is the single source, so we read it.
 */
export function graphEdges(schemaSource: string = readFileSync(SCHEMA_TS, 'utf8')): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const edge = /\(:([\w|]+)\)-\[:(\w+)[^\]]*\]->\(:([\w|]+)\)/g;
  for (const m of schemaSource.matchAll(edge)) {
    const [, fromLabels = '', relType = '', toLabels = ''] = m;
    for (const from of fromLabels.split('|')) {
      for (const to of toLabels.split('|')) edges.push({ from, relType, to });
    }
  }
  return edges;
}

let cachedSchema: DbSchema | undefined;

/** The DbSchema for our closed graph model (without `parameters`: lintStatement adds those per statement). */
export function ourDbSchema(): DbSchema {
  cachedSchema ??= {
    labels: [...LABELS],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: [...PROPERTY_KEYS],
    functions: { [CYPHER_VERSION]: builtInFunctions() },
    procedures: { [CYPHER_VERSION]: builtInProcedures() },
    defaultLanguage: CYPHER_VERSION,
    graphSchema: graphEdges(),
  };
  return cachedSchema;
}

// ---------------------------------------------------------------------------------------------
// Closed-world check over the parse tree
// ---------------------------------------------------------------------------------------------

interface Node {
  name: string;
  leaf: boolean;
  parent: Node | undefined;
  children: Node[];
  /** offset of a leaf's token in the statement, -1 if unknown */
  offset: number;
}

interface Finding {
  offset: number;
  name: string;
  message: string;
}

function toNodes(tree: SimpleTree, parent: Node | undefined): Node {
  const kids = tree.children ?? [];
  const node: Node = { name: tree.name, leaf: kids.length === 0, parent, children: [], offset: -1 };
  node.children = kids.map((k) => toNodes(k, node));
  return node;
}

function leaves(node: Node, out: Node[] = []): Node[] {
  if (node.leaf) out.push(node);
  else for (const c of node.children) leaves(c, out);
  return out;
}

/** Skips whitespace and comments (the lexer's hidden channel). */
function skipHidden(text: string, from: number): number {
  let i = from;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) return i;
    if (/\s/.test(ch)) i++;
    else if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return i;
  }
}

/** getDebugTree has no positions; the leaves are the tokens in source order, so we re-find them. */
function assignOffsets(root: Node, text: string): void {
  let pos = 0;
  for (const leaf of leaves(root)) {
    if (leaf.name === '<EOF>' || leaf.name.startsWith('<missing') || leaf.name === '') continue;
    pos = skipHidden(text, pos);
    const at = text.startsWith(leaf.name, pos) ? pos : text.indexOf(leaf.name, pos);
    if (at < 0) continue;
    leaf.offset = at;
    pos = at + leaf.name.length;
  }
}

function firstOffset(node: Node): number {
  return leaves(node).find((l) => l.offset >= 0)?.offset ?? -1;
}

function nameOf(node: Node): string {
  return leaves(node)
    .map((l) => l.name)
    .join('')
    .replace(/^`|`$/g, '')
    .replace(/``/g, '`');
}

function child(node: Node | undefined, name: string): Node | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Follows single-child chains (expression → expression11 → … → literal → map). */
function unwrapTo(node: Node | undefined, name: string): Node | undefined {
  let cur = node;
  while (cur && cur.name !== name && cur.children.length === 1) cur = cur.children[0];
  return cur?.name === name ? cur : undefined;
}

type NameKind = 'label' | 'relType' | 'either';

/** For a label name inside a label expression: node pattern → label, relationship pattern → type. */
function labelExpressionKind(node: Node): NameKind {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.name === 'nodePattern') return 'label';
    if (cur.name === 'relationshipPattern') return 'relType';
    if (cur.name === 'expression' || cur.name.startsWith('comparisonExpression')) return 'either';
  }
  return 'either';
}

interface EntityLookup {
  isEntity(variableNode: Node): boolean | undefined;
}

function entityLookup(symbolTables: SymbolTable[]): EntityLookup {
  const symbols = symbolTables.flat();
  return {
    isEntity(variableNode) {
      const at = firstOffset(variableNode);
      if (at < 0) return undefined;
      const candidates = symbols.filter((s) => s.definitionPosition === at || s.references.includes(at));
      if (candidates.length === 0) return undefined;
      return candidates.some(
        (s) => s.types.length > 0 && s.types.every((t) => t === 'Node' || t === 'Relationship'),
      );
    },
  };
}

interface ClosedWorldResult {
  findings: Finding[];
  /** offsets of property keys accessed on something that is not a node or relationship (`row.from`) */
  nonEntityPropertyOffsets: Set<number>;
}

function closedWorldCheck(cypher: string, symbolTables: SymbolTable[]): ClosedWorldResult {
  const labels = new Set<string>(LABELS);
  const relTypes = new Set<string>(RELATIONSHIP_TYPES);
  const propertyKeys = new Set<string>(PROPERTY_KEYS);
  const findings: Finding[] = [];
  const nonEntityPropertyOffsets = new Set<number>();
  const entities = entityLookup(symbolTables);

  const root = toNodes(getDebugTree(cypher), undefined);
  assignOffsets(root, cypher);

  const checkName = (nameNode: Node, kind: NameKind): void => {
    const name = nameOf(nameNode);
    const ok =
      kind === 'label' ? labels.has(name) : kind === 'relType' ? relTypes.has(name) : labels.has(name) || relTypes.has(name);
    if (ok) return;
    const what = kind === 'label' ? 'Label' : kind === 'relType' ? 'Relationship type' : 'Label or relationship type';
    const list = kind === 'label' ? 'LABELS' : kind === 'relType' ? 'RELATIONSHIP_TYPES' : 'LABELS / RELATIONSHIP_TYPES';
    findings.push({
      offset: firstOffset(nameNode),
      name,
      message: `${what} ${name} is not part of the graph model (${list} in server/store/neo4j/schema.ts)`,
    });
  };

  const checkKey = (keyNode: Node): void => {
    const key = nameOf(keyNode);
    if (propertyKeys.has(key)) return;
    findings.push({
      offset: firstOffset(keyNode),
      name: key,
      message: `Property key ${key} is not part of the graph model (PROPERTY_KEYS in server/store/neo4j/schema.ts)`,
    });
  };

  const checkMapKeys = (map: Node | undefined): void => {
    for (const c of map?.children ?? []) if (c.name === 'propertyKeyName') checkKey(c);
  };

  const directNames = (node: Node): Node[] => node.children.filter((c) => c.name === 'symbolicNameString');

  const visit = (node: Node): void => {
    switch (node.name) {
      // ----- labels and relationship types
      case 'labelExpression1': {
        const only = node.children.length === 1 ? node.children[0] : undefined;
        if (only?.name === 'symbolicNameString') checkName(only, labelExpressionKind(node));
        break;
      }
      case 'labelType':
      case 'nodeLabelsIs':
      case 'insertNodeLabelExpression':
      case 'multiLabelNodePattern':
        for (const n of directNames(node)) checkName(n, 'label');
        break;
      case 'relType':
      case 'insertRelationshipLabelExpression':
      case 'multiRelTypeRelPattern':
        for (const n of directNames(node)) checkName(n, 'relType');
        break;
      case 'labelOrRelType':
        for (const n of directNames(node)) checkName(n, 'either');
        break;

      // ----- property keys
      case 'properties': // the {…} of a node or relationship pattern
        checkMapKeys(child(node, 'map'));
        break;
      case 'insertNodePattern':
      case 'insertRelationshipPattern':
        checkMapKeys(child(node, 'map'));
        break;
      case 'property': {
        // `.key`: in `x.key` (postFix of expression2), in `x {.key}` (map projection), in DDL property lists
        const key = child(node, 'propertyKeyName');
        const parent = node.parent;
        if (!key || !parent) break;
        if (parent.name === 'propertyList' || parent.name === 'enclosedPropertyList') {
          checkKey(key);
        } else if (parent.name === 'postFix') {
          const base = parent.parent?.name === 'expression2' ? parent.parent.children[0] : undefined;
          const variable = base?.name === 'expression1' ? unwrapTo(base, 'variable') : undefined;
          // only the first postfix applies to the variable itself (`a.b.c`: b is a's key, c is not)
          const isFirstPostfix = parent.parent?.children[1] === parent;
          if (!variable || !isFirstPostfix) break;
          const entity = entities.isEntity(variable);
          if (entity === true) checkKey(key);
          else if (entity === false) nonEntityPropertyOffsets.add(firstOffset(key));
        } else if (parent.name === 'mapProjectionElement') {
          const variable = child(parent.parent, 'variable');
          if (variable && entities.isEntity(variable) === true) checkKey(key);
        }
        break;
      }
      case 'setItem': {
        // SET a = {…} / SET a += {…} with a map literal: the keys become properties of a
        const [target, op, value] = node.children;
        if (target?.name === 'variable' && (op?.name === '=' || op?.name === '+=') && entities.isEntity(target) === true) {
          checkMapKeys(unwrapTo(value, 'map'));
        }
        break;
      }
    }
    for (const c of node.children) visit(c);
  };
  visit(root);
  return { findings, nonEntityPropertyOffsets };
}

// ---------------------------------------------------------------------------------------------
// lintStatement
// ---------------------------------------------------------------------------------------------

export interface LintResult {
  errors: string[];
  warnings: string[];
}

function lineCol(text: string, offset: number): string {
  if (offset < 0) return '?:?';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${col}`;
}

const LIBRARY_PROPERTY_WARNING = /^(\S+) is not present in the database\./;

/** `Diagnostic.message` is `string | MarkupContent` in vscode-languageserver-types. */
function messageOf(d: SyntaxDiagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function lintUncached(cypher: string): LintResult {
  const parameters = Object.fromEntries(parseParameters(cypher, false).map((p) => [p, null]));
  const schema: DbSchema = { ...ourDbSchema(), parameters };
  // consoleCommandsEnabled: false → `:param` etc. are errors; the driver only accepts Cypher.
  const { diagnostics, symbolTables } = lintCypherQuery(cypher, schema, { consoleCommandsEnabled: false });

  const errors: string[] = [];
  const warnings: string[] = [];
  const statementCount = parseStatementsStrs(cypher).length;
  if (statementCount > 1) {
    errors.push(`1:1 ${statementCount} statements in one string; the driver runs exactly one statement per call`);
  }
  if (/^\s*CYPHER\s+25\b/i.test(cypher)) {
    errors.push('1:1 CYPHER 25 is not available on Neo4j 5; write Cypher 5');
  }

  const { findings, nonEntityPropertyOffsets } = closedWorldCheck(cypher, symbolTables);

  const kept: SyntaxDiagnostic[] = diagnostics.filter((d) => {
    const prop = LIBRARY_PROPERTY_WARNING.exec(messageOf(d));
    return !(prop && nonEntityPropertyOffsets.has(d.offsets.start));
  });
  for (const d of kept) {
    const msg = `${d.range.start.line + 1}:${d.range.start.character + 1} ${messageOf(d)}`;
    (d.severity === SEVERITY_ERROR ? errors : warnings).push(msg);
  }
  for (const f of findings) {
    // the library already warned about this name (it does so in read positions)
    if (kept.some((d) => d.offsets.start === f.offset && messageOf(d).includes(f.name))) continue;
    warnings.push(`${lineCol(cypher, f.offset)} ${f.message}`);
  }
  return { errors, warnings };
}

/**
 * The statement with every literal value blanked: string literals → '', numbers → 0 / 0.0.
 * Statements that differ only in literal values get the same diagnostics (labels, keys, functions,
 * syntax and Neo4j's semantic analysis do not depend on them), so a clean result is shared. This is
 * what keeps a generated seed file of hundreds of same-shaped statements fast: Neo4j's semantic
 * analysis costs ~30 ms for a short statement and 100–500 ms for a long one (UNIONs, subqueries).
 * Only clean results are shared; a statement with findings is always linted on its own.
 */
export function shapeOf(cypher: string): string {
  let out = '';
  let i = 0;
  const n = cypher.length;
  while (i < n) {
    const ch = cypher[i] ?? '';
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < n && cypher[j] !== ch) j += cypher[j] === '\\' ? 2 : 1;
      out += "''";
      i = j + 1;
    } else if (ch === '`') {
      const j = cypher.indexOf('`', i + 1);
      const end = j < 0 ? n : j + 1;
      out += cypher.slice(i, end);
      i = end;
    } else if (cypher.startsWith('//', i)) {
      const j = cypher.indexOf('\n', i);
      i = j < 0 ? n : j;
    } else if (cypher.startsWith('/*', i)) {
      const j = cypher.indexOf('*/', i + 2);
      i = j < 0 ? n : j + 2;
    } else if (/[0-9]/.test(ch) && !/[\w$]/.test(cypher[i - 1] ?? '')) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(cypher.slice(i)) ?? [ch];
      const lit = m[0];
      // keep huge integers (overflow is an error) and exponent forms verbatim
      out += m[2] || (!m[1] && lit.length > 15) ? lit : m[1] ? '0.0' : '0';
      i += lit.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

const cleanShapes = new Set<string>();

/** Lints one statement. Every warning counts as a failure for us, like every error. */
export function lintStatement(cypher: string): LintResult {
  const shape = shapeOf(cypher);
  if (cleanShapes.has(shape)) return { errors: [], warnings: [] };
  const result = lintUncached(cypher);
  if (result.errors.length === 0 && result.warnings.length === 0) cleanShapes.add(shape);
  return result;
}

// ---------------------------------------------------------------------------------------------
// collectStatements
// ---------------------------------------------------------------------------------------------

export interface CollectedStatement {
  name: string;
  cypher: string;
}

const EXPORT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

function queryModules(root: string): string[] {
  const serverDir = path.join(root, 'server');
  if (!existsSync(serverDir)) return [];
  const files = readdirSync(serverDir, { recursive: true, encoding: 'utf8' })
    .map((rel) => path.join(serverDir, rel))
    .filter((file) => {
      if (file.split(path.sep).includes('node_modules')) return false;
      if (file.endsWith('.cypher.ts')) return true;
      return path.basename(file) === 'queries.ts' && path.dirname(file) === path.join(serverDir, 'store', 'neo4j');
    });
  return files.sort();
}

/** Splits a .cypher file exactly as the Neo4j adapter does when it applies schema.cypher. */
export const splitCypherFile = splitCypherStatements;

/**
 * Every Cypher statement the code sends: (a) the UPPER_SNAKE_CASE string exports of
 * server/**\/*.cypher.ts and server/store/neo4j/queries.ts, (b) the statements of cypher/*.cypher.
 */
export async function collectStatements(root: string = REPO_ROOT): Promise<CollectedStatement[]> {
  const out: CollectedStatement[] = [];
  for (const file of queryModules(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (EXPORT_NAME.test(name) && typeof value === 'string') out.push({ name: `${rel}#${name}`, cypher: value });
    }
  }
  const cypherDir = path.join(root, 'cypher');
  if (existsSync(cypherDir)) {
    for (const file of readdirSync(cypherDir).filter((f) => f.endsWith('.cypher')).sort()) {
      const statements = splitCypherFile(readFileSync(path.join(cypherDir, file), 'utf8'));
      statements.forEach((cypher, i) => out.push({ name: `cypher/${file}#${i + 1}`, cypher }));
    }
  }
  return out;
}
