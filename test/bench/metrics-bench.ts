/**
 * The metric suite's part of `npm run bench`: computeMetrics (server/analysis/metrics.ts, with
 * brokerage roles by region) on generated actor graphs (test/bench/actor-graph.ts) of 3,000 actors /
 * 16,000 ties (target: 3 s; median of a few runs) and 20,000 / 100,000 (one run), with the time of
 * each step; then, where `python3 -c 'import networkx'` works, the same computations in networkx
 * (test/bench/networkx_suite.py) on the small graph (all graphs with `--networkx-large`), the ratio
 * networkx / ours (target ≥ 20×) and whether the two agree on the figures.
 *
 * run.ts hands in its table and row helpers, so the rows look and count like the other parts'.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { edgeListGraph } from '../../server/analysis/graph.ts';
import { computeMetrics, type MetricsResult } from '../../server/analysis/metrics.ts';
import { actorGraphCsv, actorRegionsCsv, generateActorGraph, type GeneratedActorGraph } from './actor-graph.ts';

export interface MetricsBenchSize {
  actors: number;
  ties: number;
}

export interface MetricsBenchOptions {
  sizes: MetricsBenchSize[];
  seed: number;
  /** Timed runs (after a warm-up) for sizes up to SMALL_TIES ties; larger sizes run once. */
  runs: number;
  /** Compare with networkx at all (`--no-networkx`: no). */
  networkx: boolean;
  /** Also run networkx on sizes above SMALL_TIES ties (hours at 20,000 / 100,000). */
  networkxLarge: boolean;
}

export const DEFAULT_METRICS_SIZES: readonly MetricsBenchSize[] = [
  { actors: 3_000, ties: 16_000 },
  { actors: 20_000, ties: 100_000 },
];

/** Sizes up to this many ties count as small: several runs, networkx by default. */
export const SMALL_TIES = 20_000;
/** The suite on 3,000 actors / 16,000 ties within 3 s. */
export const SUITE_TARGET_MS = 3_000;
export const SUITE_TARGET_SIZE: MetricsBenchSize = { actors: 3_000, ties: 16_000 };
/** networkx should take at least this many times as long as the suite. */
export const NETWORKX_RATIO_TARGET = 20;
/**
 * Louvain implementations (and seeds) differ: the suite's modularity agrees when it lies within
 * this of the range networkx finds over LOUVAIN_SEEDS seeds.
 */
const MODULARITY_TOLERANCE = 0.02;
const LOUVAIN_SEEDS = 10;

/** What run.ts lends: its row constructor, result table and full GC. */
export interface BenchKit<R> {
  result(operation: string, call: string, times: number[], targetMs: number | null, d: { size: string; nodes?: number; edges?: number }): R;
  resultTable(rows: readonly R[]): string;
  collectGarbage(): void;
}

/** One figure compared between the suite and networkx. */
export interface Agreement {
  what: string;
  ours: string;
  networkx: string;
  ok: boolean;
}

export interface NetworkxRun {
  version: string;
  python: string;
  loadMs: number;
  totalMs: number;
  timings: Record<string, number>;
  agreement: Agreement[];
}

export interface MetricsSizeReport {
  actors: number;
  ties: number;
  regions: number;
  seed: number;
  generateMs: number;
  graphMs: number;
  runs: number;
  timesMs: number[];
  medianMs: number;
  /** Median per computeMetrics step. */
  stepsMs: Record<string, number>;
  stats: MetricsResult['stats'];
  networkx: NetworkxRun | null;
  /** Why networkx did not run on this size (null when it did). */
  networkxNote: string | null;
}

export interface MetricsBenchReport<R> {
  sizes: MetricsSizeReport[];
  rows: R[];
  problems: string[];
  networkxNote: string | null;
}

/** networkx's output (test/bench/networkx_suite.py). */
interface NetworkxOutput {
  networkx: string;
  python: string;
  loadMs: number;
  timings: Record<string, number>;
  totalMs: number;
  stats: {
    nodes: number;
    edges: number;
    density: number;
    components: number;
    largestComponent: number;
    averagePathLength: number | null;
    diameter: number;
    communities: number;
    modularity: number;
    /** Louvain over seeds 0..seeds-1 (untimed). */
    modularitySweep: { seeds: number; min: number; max: number; mean: number } | null;
    articulationPoints: number;
    bridges: number;
  };
  brokerage: Record<string, number>;
  nodes: Record<'degree' | 'weightedDegree' | 'betweenness' | 'closeness' | 'eigenvector' | 'pagerank' | 'constraint' | 'effectiveSize', Record<string, number | null>>;
}

/** Which networkx steps do the work of each of the suite's steps. */
const NETWORKX_STEPS: Readonly<Record<string, readonly string[]>> = {
  csr: ['degree'],
  paths: ['betweenness', 'closeness', 'path lengths'],
  eigenvector: ['eigenvector'],
  pagerank: ['pagerank'],
  louvain: ['louvain'],
  components: ['components'],
  cutPoints: ['cut points'],
  burt: ['burt'],
  brokerage: ['brokerage'],
};

const STEP_LABEL: Readonly<Record<string, string>> = {
  csr: 'csr (adjacency arrays, degrees)',
  paths: 'paths (betweenness, closeness, path lengths)',
  eigenvector: 'eigenvector',
  pagerank: 'pagerank',
  louvain: 'louvain (+ modularity)',
  components: 'components',
  cutPoints: 'cut points (articulation, bridges)',
  burt: 'burt (constraint, effective size)',
  brokerage: 'brokerage (Gould–Fernandez by region)',
};

const SUITE_SCRIPT = fileURLToPath(new URL('./networkx_suite.py', import.meta.url));

const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => (x >= 100 ? n(Math.round(x)) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const sizeLabel = (s: MetricsBenchSize) => `${n(s.actors)}/${n(s.ties)}`;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const isSmall = (s: MetricsBenchSize) => s.ties <= SMALL_TIES;

/** `python3 -c 'import networkx'`: the version, or why not. */
function networkxVersion(): { version: string } | { missing: string } {
  const r = spawnSync('python3', ['-c', 'import networkx, sys; print(networkx.__version__)'], { encoding: 'utf8' });
  if (r.error) return { missing: `python3 not runnable (${r.error.message})` };
  if (r.status !== 0) return { missing: `python3 -c 'import networkx' failed: ${(r.stderr.trim().split('\n').pop() ?? '').slice(0, 200)}` };
  return { version: r.stdout.trim() };
}

function runNetworkx(graph: GeneratedActorGraph, seed: number): NetworkxOutput {
  const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-metrics-bench-'));
  try {
    const edges = join(dir, 'edges.csv');
    const regions = join(dir, 'regions.csv');
    writeFileSync(edges, actorGraphCsv(graph));
    writeFileSync(regions, actorRegionsCsv(graph));
    // Progress lines (one per step) go straight to our stderr.
    const r = spawnSync('python3', [SUITE_SCRIPT, edges, '--regions', regions, '--seed', String(seed), '--louvain-sweep', String(LOUVAIN_SEEDS)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`networkx_suite.py exited with ${r.status ?? r.signal}`);
    return JSON.parse(r.stdout) as NetworkxOutput;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The suite's figures against networkx's: per-node values to a tolerance, counts exactly. */
function compare(ours: MetricsResult, nx: NetworkxOutput): Agreement[] {
  const out: Agreement[] = [];
  const sci = (x: number) => (x === 0 ? '0' : x.toExponential(1));
  const fixed = (x: number | null) => (x === null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(6));
  const perNode = (what: string, key: keyof NetworkxOutput['nodes'], pick: (x: MetricsResult['nodes'][number]) => number | null, tolerance: number) => {
    const theirs = nx.nodes[key];
    let worst = 0;
    let worstId = '';
    let missing = 0;
    let top: { id: string; v: number } | null = null;
    let theirTop: { id: string; v: number } | null = null;
    for (const node of ours.nodes) {
      const b0 = theirs[node.id];
      if (b0 !== undefined && b0 !== null && (theirTop === null || b0 > theirTop.v)) theirTop = { id: node.id, v: b0 };
      const a = pick(node);
      const b = theirs[node.id];
      if (b === undefined || (a === null) !== (b === null)) {
        missing++;
        continue;
      }
      if (a === null || b === null) continue;
      const d = Math.abs(a - b);
      if (d > worst) {
        worst = d;
        worstId = node.id;
      }
      if (top === null || a > top.v) top = { id: node.id, v: a };
    }
    out.push({
      what: `${what} (max |Δ| over ${n(ours.nodes.length)} actors ≤ ${sci(tolerance)})`,
      ours: top ? `max ${fixed(top.v)} at ${top.id}` : '—',
      networkx: (theirTop ? `max ${fixed(theirTop.v)} at ${theirTop.id}` : '—') + `; max |Δ| ${sci(worst)}${worst > 0 ? ` (${worstId})` : ''}${missing ? `; ${missing} missing or null on one side` : ''}`,
      ok: worst <= tolerance && missing === 0,
    });
  };
  perNode('degree', 'degree', (x) => x.degree, 0);
  perNode('betweenness', 'betweenness', (x) => x.betweenness, 1e-9);
  perNode('closeness', 'closeness', (x) => x.closeness, 1e-9);
  perNode('eigenvector', 'eigenvector', (x) => x.eigenvector, 1e-6);
  perNode('pagerank', 'pagerank', (x) => x.pagerank, 1e-5);
  perNode('constraint', 'constraint', (x) => x.constraint, 1e-9);
  perNode('effective size', 'effectiveSize', (x) => x.effectiveSize, 1e-9);

  const s = ours.stats;
  const t = nx.stats;
  const same = (what: string, a: number | null, b: number | null, tolerance = 0) =>
    out.push({ what, ours: String(a), networkx: String(b), ok: a !== null && b !== null ? Math.abs(a - b) <= tolerance : a === b });
  same('nodes', s.nodes, t.nodes);
  same('edges', s.edges, t.edges);
  same('density', s.density, t.density, 1e-12);
  same('components', s.components, t.components);
  same('largest component', s.largestComponent, t.largestComponent);
  same('average path length', s.averagePathLength, t.averagePathLength, 1e-9);
  same('diameter', s.diameter, t.diameter);
  same('articulation points', s.articulationPoints, t.articulationPoints);
  same('bridges', s.bridges, t.bridges);
  const roles = (r: Record<string, number>) =>
    ['coordinator', 'gatekeeper', 'representative', 'itinerant', 'liaison'].map((k) => `${k} ${n(r[k] ?? 0)}`).join(', ');
  const ourRoles: Record<string, number> = {};
  for (const node of ours.nodes) for (const [k, v] of Object.entries(node.brokerage)) ourRoles[k] = (ourRoles[k] ?? 0) + v;
  out.push({ what: 'brokerage roles (totals)', ours: roles(ourRoles), networkx: roles(nx.brokerage), ok: roles(ourRoles) === roles(nx.brokerage) });
  const sweep = t.modularitySweep;
  const lo = Math.min(t.modularity, sweep?.min ?? Infinity);
  const hi = Math.max(t.modularity, sweep?.max ?? -Infinity);
  out.push({
    what: `modularity (Louvain, seed 42; within ${MODULARITY_TOLERANCE} of networkx's range over seeds 0–${(sweep?.seeds ?? 1) - 1} and 42)`,
    ours: `${s.modularity.toFixed(4)} (${s.communities} communities)`,
    networkx: `${t.modularity.toFixed(4)} (${t.communities} communities)${sweep ? `; range ${sweep.min.toFixed(4)}–${sweep.max.toFixed(4)}, mean ${sweep.mean.toFixed(4)}` : ''}`,
    ok: s.modularity >= lo - MODULARITY_TOLERANCE && s.modularity <= hi + MODULARITY_TOLERANCE,
  });
  return out;
}

/** networkx's time on a size it did not run, extrapolated from a smaller run: path steps by actors × ties, the rest by ties. */
function estimateNetworkx(done: readonly MetricsSizeReport[], size: MetricsBenchSize): string {
  const base = done.find((s) => s.networkx !== null);
  if (!base?.networkx) return 'likely an hour or more';
  const t = base.networkx.timings;
  const pathMs = (NETWORKX_STEPS.paths ?? []).reduce((a, k) => a + (t[k] ?? 0), 0);
  const est = pathMs * ((size.actors * size.ties) / (base.actors * base.ties)) + (base.networkx.totalMs - pathMs) * (size.ties / base.ties);
  return `about ${n(Math.round(est / 60_000))} min, extrapolated from ${sizeLabel(base)}`;
}

export function metricsBench<R extends { operation: string; call: string }>(opts: MetricsBenchOptions, kit: BenchKit<R>): MetricsBenchReport<R> {
  console.log('');
  console.log(
    `Metric suite: computeMetrics (server/analysis/metrics.ts; unweighted, brokerage roles by region) on generated actor graphs ` +
      `(test/bench/actor-graph.ts, seed ${opts.seed}) …`,
  );
  let networkxNote: string | null = null;
  let nxVersion: string | null = null;
  if (!opts.networkx) networkxNote = 'left out (--no-networkx)';
  else {
    const v = networkxVersion();
    if ('missing' in v) networkxNote = `SKIPPED: ${v.missing}`;
    else nxVersion = v.version;
  }

  const rows: R[] = [];
  const sizes: MetricsSizeReport[] = [];
  const problems: string[] = [];
  for (const size of opts.sizes) {
    const label = `metrics ${sizeLabel(size)}`;
    const t0 = performance.now();
    const generated = generateActorGraph({ actors: size.actors, ties: size.ties, seed: opts.seed });
    const generateMs = performance.now() - t0;
    const t1 = performance.now();
    const { graph } = edgeListGraph(generated.ties, generated.actors);
    const graphMs = performance.now() - t1;
    const groupOf = (id: string) => generated.regionOf.get(id) ?? null;
    const runs = isSmall(size) ? opts.runs : 1;
    console.log(
      `  ${n(size.actors)} actors / ${n(size.ties)} ties in ${n(generated.regions)} regions: generated in ${ms(generateMs)} ms, graphology graph built in ${ms(graphMs)} ms; ` +
        `${runs === 1 ? 'one run' : `a warm-up and ${runs} runs`} …`,
    );

    if (runs > 1) computeMetrics(graph, { groupOf }); // warm-up
    const times: number[] = [];
    const steps: Record<string, number[]> = {};
    let last: MetricsResult | null = null;
    for (let r = 0; r < runs; r++) {
      last = null; // let the previous result go before the GC
      kit.collectGarbage();
      const t = performance.now();
      const res = computeMetrics(graph, { groupOf });
      times.push(performance.now() - t);
      for (const [k, v] of Object.entries(res.timings)) (steps[k] ??= []).push(v);
      last = res;
    }
    const result = last as MetricsResult;
    const stepsMs = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, median(v)]));
    const st = result.stats;
    console.log(
      `    ${n(st.components)} components (largest ${n(st.largestComponent)}, ${n(st.isolates)} isolates), average path length ${st.averagePathLength?.toFixed(3) ?? '—'}, ` +
        `diameter ${st.diameter}, ${st.communities} communities (modularity ${st.modularity.toFixed(3)}), ${n(st.articulationPoints)} articulation points, ${n(st.bridges)} bridges`,
    );

    // networkx on the same graph.
    let nx: NetworkxRun | null = null;
    let note: string | null = networkxNote;
    if (nxVersion !== null && !isSmall(size) && !opts.networkxLarge) note = `not run on this size (${estimateNetworkx(sizes, size)}; --networkx-large runs it)`;
    else if (nxVersion !== null) {
      console.log(`  networkx ${nxVersion} on ${n(size.actors)} / ${n(size.ties)} (one run; progress per step):`);
      try {
        const out = runNetworkx(generated, 42);
        nx = { version: out.networkx, python: out.python, loadMs: out.loadMs, totalMs: out.totalMs, timings: out.timings, agreement: compare(result, out) };
      } catch (e) {
        note = `FAILED: ${e instanceof Error ? e.message : String(e)}`;
        problems.push(`${label}: networkx ${note}`);
      }
    }

    const target = size.actors === SUITE_TARGET_SIZE.actors && size.ties === SUITE_TARGET_SIZE.ties ? SUITE_TARGET_MS : null;
    const desc = { size: `${n(size.actors)} actors / ${n(size.ties)} ties`, nodes: st.nodes, edges: st.edges };
    const suiteRow = kit.result(`${label}: full suite`, `computeMetrics(graph, { groupOf: region })  [${Object.keys(stepsMs).length} steps]`, times, target, {
      ...desc,
      size: desc.size + (nx ? `; networkx ${n(Math.round(nx.totalMs))} ms = ${(nx.totalMs / median(times)).toFixed(1)}× ours` : ''),
    });
    rows.push(suiteRow);
    for (const [step, stepMedian] of Object.entries(stepsMs)) {
      const nxSteps = NETWORKX_STEPS[step] ?? [];
      const nxMs = nx ? nxSteps.reduce((a, k) => a + (nx?.timings[k] ?? 0), 0) : null;
      const parts = nx && nxSteps.length > 1 ? ` (${nxSteps.map((k) => `${k} ${n(Math.round(nx?.timings[k] ?? 0))}`).join(' + ')})` : '';
      rows.push(
        kit.result(`${label}: · ${STEP_LABEL[step] ?? step}`, `computeMetrics timings.${step}`, steps[step] ?? [stepMedian], null, {
          size: nxMs === null ? '—' : `networkx ${ms(nxMs)} ms${parts} = ${(nxMs / Math.max(stepMedian, 1e-3)).toFixed(1)}×`,
        }),
      );
    }
    if (nx) {
      rows.push(
        kit.result(`${label}: networkx full suite`, `python3 test/bench/networkx_suite.py (networkx ${nx.version}, Python ${nx.python})`, [nx.totalMs], null, {
          size: `graph loading ${n(Math.round(nx.loadMs))} ms not counted`,
        }),
      );
      // ours ≤ networkx / 20  ⇔  networkx ≥ 20 × ours: the ratio column reads 20 / speed-up.
      rows.push(
        kit.result(`${label}: ≥ ${NETWORKX_RATIO_TARGET}× faster than networkx`, `full suite median vs networkx total / ${NETWORKX_RATIO_TARGET}`, times, Math.round(nx.totalMs / NETWORKX_RATIO_TARGET), {
          size: `networkx ${n(Math.round(nx.totalMs))} ms ÷ ours ${n(Math.round(median(times)))} ms = ${(nx.totalMs / median(times)).toFixed(1)}×`,
        }),
      );
      const off = nx.agreement.filter((a) => !a.ok);
      if (off.length) problems.push(`${label}: networkx disagrees on ${off.map((a) => a.what.replace(/ \(.*$/, '')).join(', ')}`);
    }
    sizes.push({
      actors: size.actors,
      ties: size.ties,
      regions: generated.regions,
      seed: opts.seed,
      generateMs,
      graphMs,
      runs,
      timesMs: times.map((t) => Math.round(t * 100) / 100),
      medianMs: median(times),
      stepsMs,
      stats: st,
      networkx: nx,
      networkxNote: nx ? null : note,
    });
  }

  console.log('');
  console.log(kit.resultTable(rows));
  console.log('');
  for (const r of rows.filter((x) => !x.operation.includes(': · '))) console.log(`  ${r.operation}: ${r.call}`);
  console.log(`  ·: median per step of the same runs (computeMetrics' own timings); networkx: the steps that do the same work`);
  for (const s of sizes) {
    if (s.networkx === null) {
      console.log(`  networkx on ${sizeLabel(s)}: ${s.networkxNote ?? 'not run'}`);
      continue;
    }
    const a = s.networkx.agreement;
    console.log(`  agreement with networkx on ${sizeLabel(s)}: ${a.filter((x) => x.ok).length} of ${a.length} figures agree`);
    for (const x of a) console.log(`    ${x.ok ? 'ok  ' : 'DIFF'} ${x.what}: ours ${x.ours}; networkx ${x.networkx}`);
  }
  for (const p of problems) console.log(`  problem: ${p}`);
  return { sizes, rows, problems, networkxNote };
}
