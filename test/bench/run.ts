/**
 * `npm run bench`: generates a synthetic regional cooperation network (test/bench/generate.ts),
 * loads it into the embedded store (SQLite file in a temporary directory) and times the main
 * queries against their targets. A report: the exit code is 0 even when something is SLOW.
 *
 *   npm run bench -- --regions 400 --actors 20000 --projects 5000 --relationships 100000 \
 *                    --runs 7 --seed 1 [--import-runs 1] [--json bench.json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { GraphBatch } from '../../server/domain/model.ts';
import { MAX_NETWORK_LIMIT, type Network } from '../../server/network/network.model.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import type { GraphStore, StoreStats } from '../../server/store/graph-store.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { DEFAULT_GENERATE_OPTIONS, Rng, generateNetwork, relationshipCount, type GenerateOptions } from './generate.ts';

interface BenchOptions extends GenerateOptions {
  runs: number;
  importRuns: number;
  json: string | null;
}

interface OpResult {
  operation: string;
  call: string;
  runs: number;
  timesMs: number[];
  medianMs: number;
  p90Ms: number | null;
  targetMs: number | null;
  ratio: number | null;
  verdict: 'PASS' | 'SLOW' | 'info';
  size: string;
  nodes: number | null;
  edges: number | null;
}

const USAGE = `Usage: npm run bench -- [--regions N] [--actors N] [--projects N] [--relationships N]
                       [--runs N] [--import-runs N] [--seed N] [--json FILE]
Defaults: ${DEFAULT_GENERATE_OPTIONS.regions} regions, ${DEFAULT_GENERATE_OPTIONS.actors} actors, ${DEFAULT_GENERATE_OPTIONS.projects} projects, ${DEFAULT_GENERATE_OPTIONS.relationships} relationships, 7 runs, 1 import run, seed ${DEFAULT_GENERATE_OPTIONS.seed}.`;

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      regions: { type: 'string' },
      actors: { type: 'string' },
      projects: { type: 'string' },
      relationships: { type: 'string' },
      runs: { type: 'string' },
      'import-runs': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, v: string | undefined, dflt: number, min: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < min) {
      console.error(`--${name} must be an integer >= ${min} (got "${v}")\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  const d = DEFAULT_GENERATE_OPTIONS;
  return {
    regions: int('regions', values.regions, d.regions, 3),
    actors: int('actors', values.actors, d.actors, 2),
    projects: int('projects', values.projects, d.projects, 0),
    relationships: int('relationships', values.relationships, d.relationships, 0),
    seed: int('seed', values.seed, d.seed, 0),
    runs: int('runs', values.runs, 7, 1),
    importRuns: int('import-runs', values['import-runs'], 1, 1),
    json: values.json ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

const sortNum = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
function median(xs: readonly number[]): number {
  const s = sortNum(xs);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const s = sortNum(xs);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number;
}
const ms = (x: number | null) => (x === null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const n = (x: number) => x.toLocaleString('en-US');

function table(header: string[], rows: string[][], right: ReadonlySet<number>): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (right.has(i) ? c.padStart(width[i] as number) : c.padEnd(width[i] as number))).join('  ').trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const netSize = (net: Network) => `${n(net.nodes.length)} nodes / ${n(net.edges.length)} edges${net.truncated ? ' (truncated)' : ''}`;

// ---------------------------------------------------------------------------------------------
// Picking typical subjects from the generated batch

interface Picks {
  district: { id: string; name: string; actors: number };
  actor: { id: string; degree: number };
  pathCandidates: [string, string][];
  /** No typical actors in two different states: the path endpoints are simply the first two actors. */
  sameState: boolean;
}

function pick(batch: GraphBatch, seed: number): Picks {
  const regionById = new Map(batch.regions.map((r) => [r.id, r]));
  const districtOf = (id: string | null): string | null => {
    for (let cur = id, guard = 0; cur !== null && guard < 20; guard++) {
      const r = regionById.get(cur);
      if (!r) return null;
      if (r.kind === 'district') return r.id;
      cur = r.parentId;
    }
    return null;
  };
  const stateOf = (id: string | null): string | null => {
    for (let cur = id, guard = 0; cur !== null && guard < 20; guard++) {
      const r = regionById.get(cur);
      if (!r) return null;
      if (r.kind === 'state') return r.id;
      cur = r.parentId;
    }
    return null;
  };

  // A typical district: the median actor count (its sub-tree: the district and its cities).
  const perDistrict = new Map<string, number>(batch.regions.filter((r) => r.kind === 'district').map((r) => [r.id, 0]));
  for (const a of batch.actors) {
    const d = districtOf(a.regionId);
    if (d !== null) perDistrict.set(d, (perDistrict.get(d) ?? 0) + 1);
  }
  const districts = [...perDistrict].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const [did, dcount] = districts[(districts.length - 1) >> 1] ?? [batch.regions[0]?.id ?? 'r-000001', 0];

  // A typical actor: the median degree (relationship rows touching it) among actors with any.
  const degree = new Map<string, number>();
  const inc = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
  batch.participations.forEach((p) => inc(p.actorId));
  batch.eventParticipations.forEach((p) => inc(p.actorId));
  batch.cooperations.forEach((c) => {
    inc(c.actorId);
    inc(c.partnerId);
  });
  const byDegree = [...degree].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const [aid, adeg] = byDegree[(byDegree.length - 1) >> 1] ?? [batch.actors[0]?.id ?? 'a-000001', 0];

  // Path endpoints: typical actors (degree between the 40th and 60th percentile) in different states.
  const lo = byDegree[Math.floor(byDegree.length * 0.4)]?.[1] ?? 0;
  const hi = byDegree[Math.floor(byDegree.length * 0.6)]?.[1] ?? Infinity;
  const actorState = new Map(batch.actors.map((a) => [a.id, stateOf(a.regionId)]));
  const typical = byDegree.filter(([id, d]) => d >= lo && d <= hi && actorState.get(id) !== null).map(([id]) => id);
  const rng = new Rng(seed ^ 0x5eed);
  const pathCandidates: [string, string][] = [];
  for (let k = 0; k < 200 && pathCandidates.length < 10 && typical.length > 1; k++) {
    const a = rng.pick(typical);
    const b = rng.pick(typical);
    if (actorState.get(a) !== actorState.get(b)) pathCandidates.push([a, b]);
  }
  const sameState = pathCandidates.length === 0;
  if (sameState && batch.actors.length >= 2) pathCandidates.push([(batch.actors[0] as { id: string }).id, (batch.actors[1] as { id: string }).id]);

  return {
    district: { id: did, name: regionById.get(did)?.name ?? did, actors: dcount },
    actor: { id: aid, degree: adeg },
    pathCandidates,
    sameState,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * A full garbage collection before each operation is timed, so that one operation's garbage (the
 * whole network leaves hundreds of MB) is not collected on the next one's clock. Uses the runtime's
 * gc() when exposed, otherwise turns it on through V8 flags.
 */
const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // not available: time without it
  }
  return () => {};
})();

async function timeOp<T>(
  operation: string,
  call: string,
  runs: number,
  targetMs: number | null,
  fn: () => Promise<T>,
  describe: (r: T) => { size: string; nodes?: number; edges?: number },
  warm?: T,
): Promise<OpResult> {
  const size = describe(warm ?? (await fn())); // warm-up (or the caller already did it)
  collectGarbage();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return result(operation, call, times, targetMs, size);
}

function result(
  operation: string,
  call: string,
  times: number[],
  targetMs: number | null,
  d: { size: string; nodes?: number; edges?: number },
): OpResult {
  const med = median(times);
  return {
    operation,
    call,
    runs: times.length,
    timesMs: times.map((t) => Math.round(t * 100) / 100),
    medianMs: med,
    p90Ms: times.length >= 5 ? percentile(times, 90) : null,
    targetMs,
    ratio: targetMs === null ? null : med / targetMs,
    verdict: targetMs === null ? 'info' : med <= targetMs ? 'PASS' : 'SLOW',
    size: d.size,
    nodes: d.nodes ?? null,
    edges: d.edges ?? null,
  };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const cpu = cpus();
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(
    `Netzwerkatlas benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${process.platform}/${process.arch}`,
  );
  console.log(
    `Generating: ${n(opts.regions)} regions, ${n(opts.actors)} actors, ${n(opts.projects)} projects, ${n(opts.relationships)} relationships, seed ${opts.seed} …`,
  );
  const tg = performance.now();
  let batch: GraphBatch | null = generateNetwork(opts);
  const generateMs = performance.now() - tg;
  const picks = pick(batch, opts.seed);
  const peakAfterGenerate = process.resourceUsage().maxRSS * 1024;
  console.log(
    `  generated in ${ms(generateMs)} ms: ${n(batch.events.length)} events, ${n(relationshipCount(batch))} relationships ` +
      `(${n(batch.participations.length)} participations, ${n(batch.eventParticipations.length)} event participations, ` +
      `${n(batch.cooperations.length)} cooperations, ${n(batch.targets.length)} targets)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-bench-'));
  const results: OpResult[] = [];
  let stats: StoreStats | null = null;
  let store: GraphStore | null = null;
  let pathNote = '';
  let peakAfterImport = 0;
  try {
    // ---- Import: the whole batch in one applyBatch, into a fresh database file each run.
    console.log(`Importing (${opts.importRuns} run${opts.importRuns === 1 ? '' : 's'}) …`);
    const importTimes: number[] = [];
    let written = 0;
    for (let r = 0; r < opts.importRuns; r++) {
      if (store) await store.close();
      store = createGraphStore(new SqliteBackend(join(dir, `bench-${r}.sqlite`)));
      await store.init();
      collectGarbage();
      const t0 = performance.now();
      const res = await store.applyBatch(batch);
      importTimes.push(performance.now() - t0);
      written = Object.values(res.created).reduce((a, b) => a + b, 0);
    }
    batch = null; // a server does not hold the batch: let the queries run on a heap without it
    peakAfterImport = process.resourceUsage().maxRSS * 1024;
    results.push(result('import', 'applyBatch(whole batch)', importTimes, 10_000, { size: `${n(written)} rows written` }));
    const s = store as GraphStore;
    stats = await s.stats();

    // ---- Queries: one warm-up, then `runs` timed calls each.
    console.log(`Querying (${opts.runs} runs each after a warm-up and a full GC) …`);
    const netDesc = (net: Network) => ({ size: netSize(net), nodes: net.nodes.length, edges: net.edges.length });
    results.push(await timeOp('network: whole', 'network()', opts.runs, 1_000, () => s.network(), netDesc));
    results.push(
      await timeOp('network: whole, no limit', `network({ limit: ${MAX_NETWORK_LIMIT} })`, opts.runs, null, () => s.network({ limit: MAX_NETWORK_LIMIT }), netDesc),
    );
    results.push(
      await timeOp(
        'network: one district',
        `network({ regionIds: ['${picks.district.id}'] })  [${picks.district.actors} actors]`,
        opts.runs,
        50,
        () => s.network({ regionIds: [picks.district.id] }),
        netDesc,
      ),
    );
    results.push(
      await timeOp(
        'neighbourhood, depth 2',
        `neighborhood('${picks.actor.id}', 2)  [degree ${picks.actor.degree}]`,
        opts.runs,
        20,
        () => s.neighborhood(picks.actor.id, 2),
        netDesc,
      ),
    );

    // Path endpoints: the first candidate pair (different states) with a path of length ≤ 6.
    let pair = picks.pathCandidates[0] as [string, string];
    let warm = await s.shortestPaths(pair[0], pair[1], 6);
    const tried: string[] = [];
    for (const cand of picks.pathCandidates.slice(1)) {
      if (warm.length > 0) break;
      tried.push(`${pair[0]}→${pair[1]}`);
      pair = cand;
      warm = await s.shortestPaths(pair[0], pair[1], 6);
    }
    if (picks.sameState) pathNote = 'no two typical actors in different states: path between the first two actors';
    if (tried.length > 0) pathNote = `no path within 6 for ${tried.join(', ')}`;
    if (warm.length === 0) pathNote = `no path found within 6 for any of ${picks.pathCandidates.length} candidate pairs (timed the last)`;
    const [from, to] = pair;
    results.push(
      await timeOp(
        'shortest paths',
        `shortestPaths('${from}', '${to}', 6)`,
        opts.runs,
        null,
        () => s.shortestPaths(from, to, 6),
        (paths) => ({
          size: paths.length === 0 ? 'no path' : `${n(paths.length)} path${paths.length === 1 ? '' : 's'} of length ${paths[0]?.length}`,
          nodes: new Set(paths.flatMap((p) => p.nodes.map((x) => x.id))).size,
        }),
        warm,
      ),
    );
    results.push(
      await timeOp(
        'region matrix',
        "regionMatrix('district')",
        opts.runs,
        500,
        () => s.regionMatrix('district'),
        (pairs) => ({
          size: `${n(pairs.length)} pairs (${n(pairs.filter((p) => p.directTies + p.derivedTies > 0).length)} non-empty)`,
          nodes: new Set(pairs.flatMap((p) => [p.a, p.b])).size,
        }),
      ),
    );
  } finally {
    if (store) await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- Report.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log('');
  if (stats) {
    console.log(
      `Network in the store: ${Object.entries(stats)
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(', ')}`,
    );
  }
  console.log('');
  console.log(
    table(
      ['operation', 'median ms', 'p90 ms', 'runs', 'target ms', 'ratio', 'verdict', 'result'],
      results.map((r) => [
        r.operation,
        ms(r.medianMs),
        ms(r.p90Ms),
        String(r.runs),
        r.targetMs === null ? '—' : n(r.targetMs),
        r.ratio === null ? '—' : r.ratio.toFixed(2),
        r.verdict,
        r.size,
      ]),
      new Set([1, 2, 3, 4, 5]),
    ),
  );
  console.log('');
  for (const r of results) console.log(`  ${r.operation}: ${r.call}`);
  if (pathNote) console.log(`  note: ${pathNote}`);
  console.log(
    `Peak RSS: ${mb(peakRss)} (after generating: ${mb(peakAfterGenerate)}, after importing: ${mb(peakAfterImport)}); generation took ${ms(generateMs)} ms`,
  );
  const loadAtEnd = loadavg()[0] ?? 0;
  // The benchmark itself keeps about one CPU busy, which the average at the end includes.
  const busy = loadAtStart > cpu.length * 0.75 || loadAtEnd > cpu.length * 0.75 + 1;
  console.log(
    `Machine load (1-min average): ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end, ${cpu.length} CPUs` +
      (busy ? ' — other processes were busy: the figures may be inflated' : ''),
  );
  const judged = results.filter((r) => r.verdict !== 'info');
  const slow = judged.filter((r) => r.verdict === 'SLOW');
  const summary =
    `SUMMARY: ${judged.length - slow.length} of ${judged.length} targets met` +
    (slow.length > 0 ? `; SLOW: ${slow.map((r) => `${r.operation} ${(r.ratio as number).toFixed(1)}× target`).join(', ')}` : '');
  console.log(summary);

  if (opts.json) {
    const out = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? null,
      options: { ...opts, json: undefined },
      generateMs,
      stats,
      picks: { district: picks.district, actor: picks.actor, pathNote: pathNote || null },
      results,
      peakRssBytes: peakRss,
      peakRssAfterGenerateBytes: peakAfterGenerate,
      peakRssAfterImportBytes: peakAfterImport,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      summary,
    };
    writeFileSync(opts.json, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`Figures written to ${opts.json}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
