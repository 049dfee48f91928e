/**
 * The store part of `npm run bench`: the same generated network imported into the embedded store
 * (SQLite file in a temporary folder) and into Neo4j (a server started from test/neo4j-server, or
 * `--neo4j-uri`), then the same seeded sequence of queries against both. One table: per operation
 * the median and p95 of each store, the ratio Neo4j / embedded, the targets, a verdict per store and
 * whether both stores gave the same answer (a cheap consistency check at scale).
 *
 * Each operation: a warm-up call, then `runs` timed calls, each on its own input (a different
 * typical actor, actor pair, search text, …) drawn from a seeded PRNG: the same inputs, in the same
 * order, for both stores. Stores take turns per operation (embedded, then Neo4j).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import type { GraphBatch } from '../../server/domain/model.ts';
import { DEFAULT_NETWORK_LIMIT, type Network, type Path, type RegionPair } from '../../server/network/network.model.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import type { ActorTie, GraphBackend, GraphStore, ReachedNode, SearchHit, StoreStats } from '../../server/store/graph-store.ts';
import { openNeo4j, type Neo4jConfig } from '../../server/store/neo4j/driver.ts';
import { Neo4jBackend } from '../../server/store/neo4j/neo4j-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { INSTALL_HINT, JVM_FLAGS, missingTools, startNeo4j, type RunningNeo4j } from '../neo4j-server/server.mjs';
import { Rng } from './generate.ts';

export const STORE_NAMES = ['embedded', 'neo4j'] as const;
export type StoreName = (typeof STORE_NAMES)[number];
const LABEL: Record<StoreName, string> = { embedded: 'embedded', neo4j: 'Neo4j' };

export interface CompareOptions {
  stores: StoreName[];
  /** An existing Neo4j server (bolt://…); null: start one from test/neo4j-server. */
  neo4jUri: string | null;
  neo4jUser: string;
  /** '' for a server with authentication off. */
  neo4jPassword: string;
  /** Empty a non-empty database at --neo4j-uri before importing (otherwise the bench refuses). */
  neo4jClear: boolean;
  runs: number;
  importRuns: number;
  seed: number;
}

export interface CompareHooks {
  /** A full GC before each store's timed runs (run.ts: the runtime's gc()). */
  collectGarbage: () => void;
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

const sortNum = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
export function median(xs: readonly number[]): number {
  const s = sortNum(xs);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
/** Nearest-rank percentile (p95 of 7 runs is the slowest run). */
export function percentile(xs: readonly number[], p: number): number {
  const s = sortNum(xs);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number;
}
const n = (x: number) => x.toLocaleString('en-US');
/** Milliseconds in at most ~6 characters: 0.84, 12.3, 456, 12,345. */
export const fmtMs = (x: number | null) => (x === null ? '—' : x >= 100 ? n(Math.round(x)) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
/** A rate: 41.2k. */
export const fmtRate = (x: number | null) => (x === null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(1)}k` : x.toFixed(0));
const fmtRatio = (x: number | null) => (x === null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

// ---------------------------------------------------------------------------------------------
// Answers: each store's answer as a sorted list of canonical strings, and a hash of them

/** JSON with object keys sorted (the stores may build rows with their fields in another order). */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

export interface Answer {
  /** Canonical items; `ordered`: the order is part of the answer (search ranking, sorted API results). */
  items: string[];
  ordered: boolean;
  /** What it was, for the notes: "312 nodes / 1,020 edges". */
  size: string;
}

export function fingerprint(a: Answer): string {
  const items = a.ordered ? a.items : [...a.items].sort();
  const h = createHash('sha1');
  for (const s of items) h.update(s).update('\n');
  return h.digest('hex').slice(0, 16);
}

/** What differs between two answers, in a few words (for the loud mismatch line). */
export function describeDifference(e: Answer, o: Answer): string {
  const es = new Set(e.items);
  const os = new Set(o.items);
  const onlyE = e.items.filter((x) => !os.has(x));
  const onlyO = o.items.filter((x) => !es.has(x));
  if (onlyE.length === 0 && onlyO.length === 0) {
    if (e.items.length !== o.items.length) return `same items, other multiplicities (${n(e.items.length)} vs ${n(o.items.length)})`;
    const i = e.items.findIndex((x, k) => x !== o.items[k]);
    return `same ${n(e.items.length)} items in another order (first difference at position ${i + 1})`;
  }
  const cut = (s: string | undefined) => (s === undefined ? '' : s.length > 160 ? `${s.slice(0, 160)}…` : s);
  return (
    `${n(e.items.length)} vs ${n(o.items.length)} items; ${n(onlyE.length)} only in embedded${onlyE.length ? ` (e.g. ${cut(onlyE[0])})` : ''}, ` +
    `${n(onlyO.length)} only in Neo4j${onlyO.length ? ` (e.g. ${cut(onlyO[0])})` : ''}`
  );
}

const sortedBy = <T>(xs: readonly T[], key: (x: T) => string) => [...xs].map(key).sort();

export function networkAnswer(net: Network): Answer {
  return {
    items: [
      `truncated:${net.truncated}`,
      ...sortedBy(net.nodes, (x) => `N${canonical(x)}`),
      ...sortedBy(net.edges, (e) => `E${canonical({ ...e, via: [...e.via].sort() })}`),
    ],
    ordered: false,
    size: `${n(net.nodes.length)} nodes / ${n(net.edges.length)} edges${net.truncated ? ' (truncated)' : ''}`,
  };
}

export function reachedAnswer(r: { nodes: readonly ReachedNode[]; truncated: boolean }): Answer {
  return {
    items: [`truncated:${r.truncated}`, ...r.nodes.map((x) => `${x.id}|${x.type}|${x.depth}`)],
    ordered: true,
    size: `${n(r.nodes.length)} nodes reached${r.truncated ? ' (truncated)' : ''}`,
  };
}

export function pathsAnswer(paths: readonly Path[]): Answer {
  return {
    items: paths.map((p) => `${p.length}:${p.nodes.map((x) => x.id).join('>')}`),
    ordered: false,
    size: paths.length === 0 ? 'no path' : `${n(paths.length)} path${paths.length === 1 ? '' : 's'} of length ${paths[0]?.length}`,
  };
}

export function matrixAnswer(pairs: readonly RegionPair[]): Answer {
  const regions = new Set(pairs.flatMap((p) => [p.a, p.b])).size;
  return {
    items: pairs.map((p) => `${p.a}|${p.b}|${p.directTies}|${p.derivedTies}|${p.derivedWeight}`),
    ordered: true,
    size: `${n(regions)} regions, ${n(pairs.length)} cells (${n(pairs.filter((p) => p.directTies + p.derivedTies > 0).length)} non-empty)`,
  };
}

export function searchAnswer(hits: readonly SearchHit[]): Answer {
  return { items: hits.map((h) => `${h.id}|${h.type}|${h.label}`), ordered: true, size: `${hits.length} hits` };
}

export function tiesAnswer(ties: readonly ActorTie[]): Answer {
  // Newman weights are sums of fractions: the two stores may add them in another order.
  return {
    items: ties.map((t) => `${t.a}|${t.b}|${t.direct}|${t.shared}|${t.newman.toFixed(6)}`),
    ordered: true,
    size: `${n(ties.length)} actor pairs (${n(ties.filter((t) => t.direct > 0).length)} direct, ${n(ties.filter((t) => t.shared > 0).length)} shared)`,
  };
}

export function batchAnswer(b: GraphBatch): Answer {
  const items: string[] = [];
  let rows = 0;
  for (const [key, list] of Object.entries(b) as [string, unknown[]][]) {
    rows += list.length;
    for (const row of list) items.push(`${key}:${canonical(row)}`);
  }
  return { items, ordered: false, size: `${n(rows)} rows` };
}

// ---------------------------------------------------------------------------------------------
// Inputs: typical actors, the largest hub, actor pairs, a district, search texts

export interface Inputs {
  district: { id: string; name: string; actors: number };
  /** Actors with a degree between the 40th and 60th percentile (relationship rows touching them). */
  typical: { lo: number; hi: number; count: number };
  hub: { id: string; name: string; degree: number };
  /** runs + 1 typical actors (the first for the warm-up). */
  actors: string[];
  /** runs + 1 pairs of typical actors in different states. */
  pairs: [string, string][];
  /** runs + 1 search texts (cycling through SEARCH_TEXTS). */
  texts: string[];
}

/**
 * Search texts a user would type, from the generator's vocabulary: a surname with an umlaut, a word,
 * a prefix of a word, a substring inside a place name, a full place name with ß/ü-free spelling, a project topic.
 */
export const SEARCH_TEXTS = ['Müller', 'Hochschule', 'Wirtsch', 'haselberg', 'Wasserstoffregion', 'Lindenberg', 'Förderung'] as const;

export function pickInputs(batch: GraphBatch, seed: number, runs: number): Inputs {
  const regionById = new Map(batch.regions.map((r) => [r.id, r]));
  const ancestorOf = (id: string | null, kind: string): string | null => {
    for (let cur = id, guard = 0; cur !== null && guard < 20; guard++) {
      const r = regionById.get(cur);
      if (!r) return null;
      if (r.kind === kind) return r.id;
      cur = r.parentId;
    }
    return null;
  };

  // A typical district: the median actor count (its sub-tree: the district and its cities).
  const perDistrict = new Map<string, number>(batch.regions.filter((r) => r.kind === 'district').map((r) => [r.id, 0]));
  for (const a of batch.actors) {
    const d = ancestorOf(a.regionId, 'district');
    if (d !== null) perDistrict.set(d, (perDistrict.get(d) ?? 0) + 1);
  }
  const districts = [...perDistrict].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const [did, dcount] = districts[(districts.length - 1) >> 1] ?? [batch.regions[0]?.id ?? 'r-000001', 0];

  // Degree: relationship rows touching the actor.
  const degree = new Map<string, number>();
  const inc = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
  batch.participations.forEach((p) => inc(p.actorId));
  batch.eventParticipations.forEach((p) => inc(p.actorId));
  batch.cooperations.forEach((c) => {
    inc(c.actorId);
    inc(c.partnerId);
  });
  const byDegree = [...degree].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const first = batch.actors[0]?.id ?? 'a-000001';
  const [hubId, hubDegree] = byDegree[byDegree.length - 1] ?? [first, 0];
  const lo = byDegree[Math.floor(byDegree.length * 0.4)]?.[1] ?? 0;
  const hi = byDegree[Math.floor(byDegree.length * 0.6)]?.[1] ?? 0;
  const typical = byDegree.filter(([, d]) => d >= lo && d <= hi).map(([id]) => id);
  if (typical.length === 0) typical.push(first);

  const rng = new Rng(seed ^ 0x5eed);
  const actors = Array.from({ length: runs + 1 }, () => rng.pick(typical));
  const stateOf = new Map(batch.actors.map((a) => [a.id, ancestorOf(a.regionId, 'state')]));
  const pairs: [string, string][] = [];
  for (let k = 0; pairs.length < runs + 1 && k < (runs + 1) * 200; k++) {
    const a = rng.pick(typical);
    const b = rng.pick(typical);
    if (a !== b && (stateOf.get(a) !== stateOf.get(b) || k > (runs + 1) * 100)) pairs.push([a, b]);
  }
  while (pairs.length < runs + 1) pairs.push([first, batch.actors[1]?.id ?? first]);
  const texts = Array.from({ length: runs + 1 }, (_, i) => SEARCH_TEXTS[i % SEARCH_TEXTS.length] as string);

  return {
    district: { id: did, name: regionById.get(did)?.name ?? did, actors: dcount },
    typical: { lo, hi, count: typical.length },
    hub: { id: hubId, name: batch.actors.find((a) => a.id === hubId)?.name ?? hubId, degree: hubDegree },
    actors,
    pairs,
    texts,
  };
}

// ---------------------------------------------------------------------------------------------
// Results

export type Verdict = 'PASS' | 'SLOW' | 'info' | 'FAIL';

export interface StoreFigures {
  store: StoreName;
  /** Timed runs (ms). */
  timesMs: number[];
  medianMs: number | null;
  p95Ms: number | null;
  /** Import only: rows per second (median over the runs). */
  rowsPerS: number | null;
  /** ms, or rows/s for the import. */
  target: number | null;
  verdict: Verdict;
  /** Median / target (import: target rate / rate): above 1 misses the target. */
  targetRatio: number | null;
  error: string | null;
  /** The answer of the first timed run. */
  size: string;
}

export interface CompareRow {
  key: string;
  operation: string;
  /** The call, with its inputs. */
  call: string;
  unit: 'ms' | 'rows/s';
  figures: Partial<Record<StoreName, StoreFigures>>;
  /** Neo4j time / embedded time (medians): above 1, Neo4j is slower. */
  ratio: number | null;
  /** Both stores answered every run alike; null when only one store answered. */
  same: boolean | null;
  mismatch: string | null;
}

export interface CompareReport {
  machine: MachineInfo;
  stores: StoreName[];
  /** Why a store was left out (e.g. no java), or null. */
  skipped: Partial<Record<StoreName, string>>;
  inputs: Inputs;
  stats: Partial<Record<StoreName, StoreStats>>;
  batchRows: number;
  rows: CompareRow[];
  notes: string[];
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  neo4j: string | null;
  /** How the Neo4j server ran (JVM heap, page cache) when the bench started it. */
  neo4jSetup: string | null;
  /** 1-minute load average when the store part started (other processes on the machine). */
  loadAtStart: number;
}

export function machineLine(m: MachineInfo): string {
  return (
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGb.toFixed(0)} GB RAM, ${m.os}; Node ${m.node}` +
    (m.neo4j ? `; Neo4j ${m.neo4j}${m.neo4jSetup ? ` (${m.neo4jSetup})` : ''}` : '') +
    `; load average ${m.loadAtStart.toFixed(2)} at start${m.loadAtStart > m.cores * 0.75 ? ' (BUSY: other processes, figures inflated)' : ''}`
  );
}

function figures(store: StoreName, times: number[], target: number | null, size: string, rows?: number): StoreFigures {
  const med = median(times);
  const rate = rows === undefined ? null : rows / (med / 1000);
  const targetRatio = target === null ? null : rate !== null ? target / rate : med / target;
  return {
    store,
    timesMs: times.map((t) => Math.round(t * 100) / 100),
    medianMs: med,
    p95Ms: times.length > 1 ? percentile(times, 95) : null,
    rowsPerS: rate,
    target,
    verdict: targetRatio === null ? 'info' : targetRatio <= 1 ? 'PASS' : 'SLOW',
    targetRatio,
    error: null,
    size,
  };
}

function failed(store: StoreName, target: number | null, e: unknown): StoreFigures {
  const msg = e instanceof Error ? e.message : String(e);
  return {
    store,
    timesMs: [],
    medianMs: null,
    p95Ms: null,
    rowsPerS: null,
    target,
    verdict: 'FAIL',
    targetRatio: null,
    error: msg.split('\n')[0]?.slice(0, 300) ?? msg,
    size: 'error',
  };
}

/** Rows in the table's order. */
interface OpSpec {
  key: string;
  operation: string;
  call: string;
  target: Record<StoreName, number | null>;
  /** Run i (0: the warm-up). */
  run: (s: GraphStore, i: number, backend: GraphBackend) => Promise<Answer>;
}

// ---------------------------------------------------------------------------------------------
// Stores

interface OpenStore {
  name: StoreName;
  store: GraphStore;
  /** The adapter under the store (for timing a primitive's statement alone). */
  backend: GraphBackend;
  close: () => Promise<void>;
}

export const IMPORT_TARGETS: Record<StoreName, number> = { embedded: 20_000, neo4j: 10_000 };

/** Starts (or finds) Neo4j; null with a reason when it cannot run. */
async function neo4jServer(opts: CompareOptions, log: (s: string) => void): Promise<{ config: Neo4jConfig; version: string; setup: string | null; server: RunningNeo4j | null } | { skip: string }> {
  if (opts.neo4jUri !== null) {
    const config: Neo4jConfig = { uri: opts.neo4jUri, username: opts.neo4jUser, password: opts.neo4jPassword, database: 'neo4j' };
    const conn = await openNeo4j(config);
    try {
      const [row] = await conn.read("CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition");
      return { config, version: `${String(row?.version ?? '?')} ${String(row?.edition ?? '')}`.trim(), setup: `at ${opts.neo4jUri}`, server: null };
    } finally {
      await conn.close();
    }
  }
  const missing = missingTools();
  if (missing !== null) return { skip: `${missing}. ${INSTALL_HINT} Or pass --neo4j-uri bolt://… of a running server.` };
  log('Starting the Neo4j test server (test/neo4j-server) …');
  const t0 = performance.now();
  const lines: string[] = [];
  const server = await startNeo4j({
    port: 0,
    onLog: (line) => {
      if (line.startsWith('Building the Neo4j') || line.startsWith('Neo4j test server built')) log(`  ${line}`);
      else lines.push(line);
    },
  });
  const heap = JVM_FLAGS.filter((f) => f.startsWith('-Xm')).join(' ');
  log(`  ${server.readyLine} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return {
    config: { uri: server.uri, username: 'neo4j', password: '', database: 'neo4j' },
    version: `${server.version} community`,
    setup: `embedded server from test/neo4j-server, JVM ${heap}, page cache 512m, same machine`,
    server,
  };
}

export async function compareStores(batch: GraphBatch, opts: CompareOptions, hooks: CompareHooks): Promise<CompareReport> {
  const log = (s: string) => console.log(s);
  const cpu = cpus();
  const machine: MachineInfo = {
    cpuModel: cpu[0]?.model.trim() ?? 'CPU',
    cores: cpu.length,
    ramGb: totalmem() / 1024 ** 3,
    os: `${osType()} ${release()} ${process.arch}`,
    node: process.version,
    neo4j: null,
    neo4jSetup: null,
    loadAtStart: loadavg()[0] ?? 0,
  };
  const skipped: Partial<Record<StoreName, string>> = {};
  const notes: string[] = [];
  const inputs = pickInputs(batch, opts.seed, opts.runs);
  const batchRows = Object.values(batch).reduce((a: number, list: unknown[]) => a + list.length, 0);

  const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-bench-'));
  let server: RunningNeo4j | null = null;
  const open: OpenStore[] = [];
  const rows: CompareRow[] = [];
  const stats: Partial<Record<StoreName, StoreStats>> = {};
  try {
    // ---- Neo4j: started (or found) first, so that a missing java is known before anything is timed.
    let neo4jConfig: Neo4jConfig | null = null;
    if (opts.stores.includes('neo4j')) {
      try {
        const found = await neo4jServer(opts, log);
        if ('skip' in found) skipped.neo4j = found.skip;
        else {
          neo4jConfig = found.config;
          server = found.server;
          machine.neo4j = found.version;
          machine.neo4jSetup = found.setup;
        }
      } catch (e) {
        skipped.neo4j = `could not start or reach Neo4j: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      }
      if (skipped.neo4j) console.log(`\n⚠⚠⚠ NEO4J LEFT OUT: ${skipped.neo4j} — measuring the embedded store only.\n`);
    }
    const stores = opts.stores.filter((s) => !skipped[s]);

    // ---- Import: the whole batch in one applyBatch into an empty store, per store.
    const importRow: CompareRow = {
      key: 'import',
      operation: 'import rows/s',
      call: `applyBatch(the whole generated batch, ${n(batchRows)} rows) into an empty store, ${opts.importRuns} run${opts.importRuns === 1 ? '' : 's'} per store (--import-runs)`,
      unit: 'rows/s',
      figures: {},
      ratio: null,
      same: null,
      mismatch: null,
    };
    rows.push(importRow);
    const importAnswers: Partial<Record<StoreName, Answer>> = {};
    for (const name of stores) {
      log(`Importing into the ${LABEL[name]} store (${opts.importRuns} run${opts.importRuns === 1 ? '' : 's'}) …`);
      const times: number[] = [];
      let written = 0;
      let current: OpenStore | null = null;
      try {
        for (let r = 0; r < opts.importRuns; r++) {
          if (name === 'embedded') {
            await current?.close();
            const backend = new SqliteBackend(join(dir, `bench-${r}.sqlite`));
            const store = createGraphStore(backend);
            await store.init();
            current = { name, store, backend, close: () => store.close() };
          } else {
            if (!current) {
              const backend = new Neo4jBackend(neo4jConfig as Neo4jConfig);
              const store = createGraphStore(backend);
              await store.init();
              current = { name, store, backend, close: () => store.close() };
              const before = await store.stats();
              const held = Object.values(before).reduce((a, b) => a + b, 0);
              if (held > 0 && !opts.neo4jClear)
                throw new Error(
                  `the Neo4j database at ${opts.neo4jUri ?? '?'} is not empty (${n(held)} rows); the bench imports into an empty one: pass --neo4j-clear to empty it first`,
                );
              if (held > 0) await store.clear();
            } else await current.store.clear();
          }
          hooks.collectGarbage();
          const t0 = performance.now();
          const res = await current.store.applyBatch(batch);
          times.push(performance.now() - t0);
          written = Object.values(res.created).reduce((a, b) => a + b, 0);
        }
        const s = await (current as OpenStore).store.stats();
        stats[name] = s;
        importAnswers[name] = { items: Object.entries(s).map(([k, v]) => `${k}:${v}`), ordered: false, size: `${n(written)} rows written` };
        importRow.figures[name] = figures(name, times, IMPORT_TARGETS[name], `${n(written)} rows written`, written);
        open.push(current as OpenStore);
      } catch (e) {
        importRow.figures[name] = failed(name, IMPORT_TARGETS[name], e);
        await current?.close().catch(() => undefined);
      }
    }
    const ready = open.map((o) => o.name);
    compareAnswers(importRow, [importAnswers]);
    if (importRow.figures.embedded?.medianMs != null && importRow.figures.neo4j?.medianMs != null)
      importRow.ratio = importRow.figures.neo4j.medianMs / importRow.figures.embedded.medianMs;

    // ---- Queries: the same seeded inputs for every store; the stores take turns per operation.
    const actorList = (xs: string[]) => (xs.length > 3 ? `${xs.slice(1, 3).join(', ')}, …` : xs.join(', '));
    const specs: OpSpec[] = [
      ...([1, 2] as const).flatMap((depth): OpSpec[] => {
        const target = depth === 2 ? { embedded: 20, neo4j: 50 } : { embedded: null, neo4j: null };
        const typical = (i: number) => inputs.actors[i] as string;
        // Depth 2 also without building the network: the store's one statement (SQL / Cypher) alone.
        const statement = (what: string, id: (i: number) => string): OpSpec => ({
          key: `neighbourhood-${depth}-${what}-statement`,
          operation: `d${depth} ${what === 'typical' ? 'typ.' : what} stmt`,
          call: `the row above without building the network: GraphBackend.neighbourhood(id, ${depth}, ${n(DEFAULT_NETWORK_LIMIT)}), the store's one statement`,
          target: { embedded: null, neo4j: null },
          run: async (_s, i, b) => reachedAnswer(await b.neighbourhood(id(i), depth, DEFAULT_NETWORK_LIMIT)),
        });
        return [
          {
            key: `neighbourhood-${depth}-typical`,
            operation: `nbhd d${depth} typical`,
            call: `neighborhood(id, ${depth}), limit ${n(DEFAULT_NETWORK_LIMIT)} (API default); a different typical actor each run (${actorList(inputs.actors)})`,
            target,
            run: async (s, i) => networkAnswer(await s.neighborhood(typical(i), depth)),
          },
          ...(depth === 2 ? [statement('typical', typical)] : []),
          {
            key: `neighbourhood-${depth}-hub`,
            operation: `nbhd d${depth} hub`,
            call: `neighborhood('${inputs.hub.id}', ${depth}), limit ${n(DEFAULT_NETWORK_LIMIT)}; the largest hub (${inputs.hub.name}, ${inputs.hub.degree} relationship rows)`,
            target,
            run: async (s) => networkAnswer(await s.neighborhood(inputs.hub.id, depth)),
          },
          ...(depth === 2 ? [statement('hub', () => inputs.hub.id)] : []),
        ];
      }),
      {
        key: 'shortest-paths',
        operation: 'shortest paths',
        call: `shortestPaths(from, to, 6, 50) (API defaults); a different pair of typical actors (different states) each run (${inputs.pairs
          .slice(1, 3)
          .map(([a, b]) => `${a}→${b}`)
          .join(', ')}, …)`,
        target: { embedded: 50, neo4j: 50 },
        run: async (s, i) => {
          const [from, to] = inputs.pairs[i] as [string, string];
          return pathsAnswer(await s.shortestPaths(from, to, 6, 50));
        },
      },
      ...(['district', 'state'] as const).map(
        (level): OpSpec => ({
          key: `region-matrix-${level}`,
          operation: `matrix ${level}`,
          call: `regionMatrix('${level}'), unfiltered`,
          target: { embedded: 500, neo4j: 500 },
          run: async (s) => matrixAnswer(await s.regionMatrix(level)),
        }),
      ),
      {
        key: 'search',
        operation: 'search',
        call: `search(text, 20) (API default limit); one text per run, in turn: ${SEARCH_TEXTS.map((t) => `"${t}"`).join(', ')}`,
        target: { embedded: 20, neo4j: 20 },
        run: async (s, i) => searchAnswer(await s.search(inputs.texts[i] as string, 20)),
      },
      {
        key: 'network-whole',
        operation: 'network whole',
        call: `network() (default limit ${n(DEFAULT_NETWORK_LIMIT)} nodes)`,
        target: { embedded: 1_000, neo4j: 1_000 },
        run: async (s) => networkAnswer(await s.network()),
      },
      {
        key: 'network-district',
        operation: 'network district',
        call: `network({ regionIds: ['${inputs.district.id}'] }): a median district (${inputs.district.name}, ${inputs.district.actors} actors)`,
        target: { embedded: 50, neo4j: 50 },
        run: async (s) => networkAnswer(await s.network({ regionIds: [inputs.district.id] })),
      },
      {
        key: 'ties',
        operation: 'ties()',
        call: 'ties(), unfiltered: the whole actor–actor projection',
        target: { embedded: null, neo4j: null },
        run: async (s) => tiesAnswer(await s.ties()),
      },
      {
        key: 'export',
        operation: 'exportBatch()',
        call: 'exportBatch(): everything, as one batch',
        target: { embedded: null, neo4j: null },
        run: async (s) => batchAnswer(await s.exportBatch()),
      },
    ];

    log(`Querying (${ready.map((s) => LABEL[s]).join(' and ') || 'no store'}; a warm-up and ${opts.runs} timed runs per operation and store) …`);
    for (const spec of specs) {
      const row: CompareRow = { key: spec.key, operation: spec.operation, call: spec.call, unit: 'ms', figures: {}, ratio: null, same: null, mismatch: null };
      const answers: Partial<Record<StoreName, Answer>>[] = Array.from({ length: opts.runs + 1 }, () => ({}));
      for (const o of open) {
        try {
          answers[0] = { ...answers[0], [o.name]: await spec.run(o.store, 0, o.backend) }; // warm-up
          hooks.collectGarbage();
          const times: number[] = [];
          let size = '';
          for (let i = 1; i <= opts.runs; i++) {
            const t0 = performance.now();
            const a = await spec.run(o.store, i, o.backend);
            times.push(performance.now() - t0);
            (answers[i] as Partial<Record<StoreName, Answer>>)[o.name] = a;
            if (i === 1) size = a.size;
          }
          row.figures[o.name] = figures(o.name, times, spec.target[o.name], size);
        } catch (e) {
          row.figures[o.name] = failed(o.name, spec.target[o.name], e);
        }
      }
      compareAnswers(row, answers);
      const e = row.figures.embedded?.medianMs;
      const o = row.figures.neo4j?.medianMs;
      if (e != null && o != null && e > 0) row.ratio = o / e;
      rows.push(row);
      const f = STORE_NAMES.map((s) => row.figures[s])
        .filter((x): x is StoreFigures => x !== undefined)
        .map((x) => `${LABEL[x.store]} ${x.error ? `ERROR ${x.error}` : `${fmtMs(x.medianMs)} ms`}`)
        .join(', ');
      log(`  ${spec.operation}: ${f}${row.same === false ? '  — ANSWERS DIFFER' : ''}`);
    }

  } finally {
    for (const o of open) {
      // A server the bench did not start: take the bench's network out again (it was empty, or emptied with --neo4j-clear).
      if (o.name === 'neo4j' && opts.neo4jUri !== null) {
        await o.store.clear().then(
          () => notes.push(`the bench's network was removed from ${opts.neo4jUri ?? ''} again: that database is empty now`),
          (e: unknown) => notes.push(`could not remove the bench's network from ${opts.neo4jUri ?? ''}: ${e instanceof Error ? e.message : String(e)}`),
        );
      }
      await o.close().catch(() => undefined);
    }
    if (server) {
      const code = await server.stop();
      if (code !== 0) notes.push(`the Neo4j test server exited with ${String(code)}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { machine, stores: opts.stores.filter((s) => !skipped[s]), skipped, inputs, stats, batchRows, rows, notes };
}

/** Sets row.same / row.mismatch from the stores' answers per run (the same input index for both). */
function compareAnswers(row: CompareRow, perRun: Partial<Record<StoreName, Answer>>[]): void {
  let compared = 0;
  for (let i = 0; i < perRun.length; i++) {
    const e = perRun[i]?.embedded;
    const o = perRun[i]?.neo4j;
    if (!e || !o) continue;
    compared++;
    if (fingerprint(e) !== fingerprint(o)) {
      row.same = false;
      row.mismatch = `${i === 0 ? 'warm-up run' : `run ${i}`}: ${describeDifference(e, o)}`;
      return;
    }
  }
  row.same = compared > 0 ? true : null;
}

// ---------------------------------------------------------------------------------------------
// The table

const targetText = (row: CompareRow, store: StoreName): string => {
  const t = row.figures[store]?.target ?? null;
  if (t === null) return '';
  return row.unit === 'rows/s' ? `≥${t >= 1000 ? `${Math.round(t / 1000)}k` : t}` : `≤${n(t)}`;
};

/**
 * The markdown table: one row per operation; median and p95 per store, Neo4j/embedded, targets, verdicts
 * (embedded/Neo4j) and whether both answered alike. Short headers so that it fits in 100 columns.
 */
export function compareTable(rows: readonly CompareRow[], stores: readonly StoreName[]): string {
  const both = stores.length > 1;
  const short: Record<StoreName, string> = { embedded: 'emb', neo4j: 'neo' };
  const header = ['operation'];
  for (const s of stores) header.push(`${short[s]} med`, `${short[s]} p95`);
  if (both) header.push('N/E');
  header.push('target', 'verdict');
  if (both) header.push('same');
  const value = (row: CompareRow, f: StoreFigures | undefined, which: 'median' | 'p95'): string => {
    if (!f) return '—';
    if (f.error) return which === 'median' ? 'ERROR' : '—';
    if (row.unit === 'rows/s') {
      if (which === 'median') return fmtRate(f.rowsPerS);
      // The p95 of a rate: the rate of the p95 time.
      return f.p95Ms === null || f.rowsPerS === null || f.medianMs === null ? '—' : fmtRate((f.rowsPerS * f.medianMs) / f.p95Ms);
    }
    return which === 'median' ? fmtMs(f.medianMs) : fmtMs(f.p95Ms);
  };
  const body = rows.map((row) => {
    const cells = [row.operation];
    for (const s of stores) cells.push(value(row, row.figures[s], 'median'), value(row, row.figures[s], 'p95'));
    if (both) cells.push(fmtRatio(row.ratio));
    const targets = stores.map((s) => targetText(row, s));
    cells.push(targets.every((t) => t === '') ? '—' : targets.every((t) => t === targets[0]) ? (targets[0] as string) : targets.join('/'));
    const verdicts = stores.map((s) => row.figures[s]?.verdict ?? '—');
    cells.push(verdicts.every((v) => v === 'info') ? 'info' : verdicts.join('/'));
    if (both) cells.push(row.same === null ? '—' : row.same ? 'yes' : '**NO**');
    return cells;
  });
  const right = new Set(header.map((_, i) => i).filter((i) => i > 0 && i <= stores.length * 2 + (both ? 1 : 0)));
  const width = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right.has(i) ? c.padStart(width[i] as number) : c.padEnd(width[i] as number))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** Everything printed with the table: machine line, the table, legend, calls, answers, mismatches. */
export function compareReportText(r: CompareReport, date: string): string {
  const out: string[] = [];
  out.push(machineLine(r.machine));
  out.push(
    `Network: ${n(r.batchRows)} rows (${r.stats.embedded ?? r.stats.neo4j ? Object.entries((r.stats.embedded ?? r.stats.neo4j) as StoreStats).map(([k, v]) => `${k} ${n(v)}`).join(', ') : '—'}); ${date}`,
  );
  for (const [s, why] of Object.entries(r.skipped)) out.push(`⚠ ${LABEL[s as StoreName]} LEFT OUT: ${why}`);
  out.push('');
  out.push(compareTable(r.rows, r.stores));
  out.push('');
  const runs = Math.max(0, ...r.rows.filter((x) => x.unit === 'ms').flatMap((x) => Object.values(x.figures).map((f) => f.timesMs.length)));
  const importRuns = Math.max(0, ...r.rows.filter((x) => x.unit === 'rows/s').flatMap((x) => Object.values(x.figures).map((f) => f.timesMs.length)));
  out.push(
    `emb = embedded store (SQLite), neo = Neo4j. med / p95: median and 95th percentile (nearest rank: of ${runs} runs, the slowest) ` +
      `in ms over ${runs} timed runs after a warm-up (import: rows per second, ${importRuns} run${importRuns === 1 ? '' : 's'} per store, no warm-up). ` +
      'N/E: neo med / emb med (above 1: Neo4j slower; import: time ratio). target: emb/neo where they differ; verdict on the median, emb/neo. ' +
      'same: both stores gave the same answer (ids, counts, rows) in every run.',
  );
  for (const row of r.rows) {
    const answers = STORE_NAMES.flatMap((s) => {
      const f = row.figures[s];
      return f ? [{ store: LABEL[s], text: f.error ? `ERROR ${f.error}` : f.size }] : [];
    });
    const same = answers.length > 1 && answers.every((a) => a.text === answers[0]?.text);
    const what = same ? answers[0]?.text : answers.map((a) => `${a.store}: ${a.text}`).join('; ');
    out.push(`  ${row.operation}: ${row.call}${what ? ` → ${row.unit === 'ms' ? 'run 1: ' : ''}${what}` : ''}`);
  }
  out.push(
    `  typical actors: degree ${r.inputs.typical.lo}–${r.inputs.typical.hi} (40th–60th percentile of relationship rows), ${n(r.inputs.typical.count)} of them; ` +
      `largest hub ${r.inputs.hub.id} (${r.inputs.hub.name}), degree ${n(r.inputs.hub.degree)}`,
  );
  for (const note of r.notes) out.push(`  note: ${note}`);
  for (const row of r.rows.filter((x) => x.same === false)) out.push(`⚠⚠⚠ ANSWERS DIFFER: ${row.operation}: ${row.mismatch ?? ''}`);
  return out.join('\n');
}
