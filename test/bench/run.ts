/**
 * `npm run bench`: generates a synthetic regional cooperation network (test/bench/generate.ts),
 * loads it into the embedded store (SQLite file in a temporary directory) and into Neo4j (the
 * project's test server, started and stopped by the bench, or `--neo4j-uri`) and times the same
 * seeded queries against both, side by side, checking that both answer alike (test/bench/store-compare.ts);
 * then opens the explorer in headless Chromium on synthetic networks
 * of 1,000 and 5,000 drawn nodes and times the first drawing and each layout (test/bench/browser.ts);
 * then times the metric suite on generated actor graphs, against networkx where it is installed
 * (test/bench/metrics-bench.ts). A report: the exit code is 0 even when something is SLOW.
 *
 *   npm run bench -- --regions 400 --actors 20000 --projects 5000 --relationships 100000 \
 *                    --runs 7 --seed 1 [--import-runs 1] [--json bench.json]
 *                    [--stores embedded,neo4j] [--neo4j-uri bolt://… [--neo4j-user neo4j --neo4j-password …] [--neo4j-clear]]
 *                    [--no-browser | --browser-only] [--browser-runs 3] [--browser-sizes 1000,5000]
 *                    [--browser-budget 160] [--browser-step-timeout 30] [--screenshots DIR]
 *                    [--no-metrics | --metrics-only] [--metrics-runs 5] [--metrics-sizes 3000:16000,20000:100000]
 *                    [--no-networkx | --networkx-large]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { GraphBatch } from '../../server/domain/model.ts';
import type { StoreStats } from '../../server/store/graph-store.ts';
import { LAYOUT_SEQUENCE, VIEWPORT, runBrowserBench, type BrowserBenchReport, type LayoutMeasure } from './browser.ts';
import { CORDIS_BENCH_DEFAULTS, cordisBench } from './cordis-bench.ts';
import { LOAD_DEFAULTS, loadReportText, loadRun } from './load.ts';
import { DEFAULT_GENERATE_OPTIONS, generateNetwork, relationshipCount, type GenerateOptions } from './generate.ts';
import { LATENCY_TARGET_MS, apiLatencyBench } from './api-latency.ts';
import { IMPORT_TARGET_ROWS_PER_S, importBench } from './import-bench.ts';
import { DEFAULT_METRICS_SIZES, metricsBench, type MetricsBenchReport, type MetricsBenchSize } from './metrics-bench.ts';
import { STORE_NAMES, compareReportText, compareStores, type CompareReport, type StoreName } from './store-compare.ts';

interface BenchOptions extends GenerateOptions {
  runs: number;
  importRuns: number;
  json: string | null;
  /** The stores the store part compares (`--stores`, default both). */
  stores: StoreName[];
  /** An existing Neo4j server; null: the bench starts the test server itself. */
  neo4jUri: string | null;
  neo4jUser: string;
  neo4jPassword: string;
  /** Empty a non-empty database at --neo4j-uri first (otherwise the bench refuses to import into it). */
  neo4jClear: boolean;
  /** Run the browser part (`--no-browser`: no). */
  browser: boolean;
  /** Only the browser part (`--browser-only`). */
  browserOnly: boolean;
  browserRuns: number;
  browserSizes: number[];
  /** Seconds the browser part may take (layout steps beyond it are skipped). */
  browserBudgetS: number;
  /** Seconds to wait for the view to settle after loading or one layout click. */
  browserStepTimeoutS: number;
  screenshots: string | null;
  /** Run the metric suite part (`--no-metrics`: no). */
  metrics: boolean;
  /** Only the metric suite part (`--metrics-only`). */
  metricsOnly: boolean;
  metricsRuns: number;
  metricsSizes: MetricsBenchSize[];
  /** Compare with networkx (`--no-networkx`: no); on the large size too with `--networkx-large`. */
  networkx: boolean;
  networkxLarge: boolean;
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
                       [--stores embedded,neo4j] [--neo4j-uri bolt://HOST:PORT] [--neo4j-user U]
                       [--neo4j-password P] [--neo4j-clear]
                       [--no-browser | --browser-only] [--browser-runs N] [--browser-sizes N,N]
                       [--browser-budget SECONDS] [--browser-step-timeout SECONDS] [--screenshots DIR]
                       [--no-metrics | --metrics-only] [--metrics-runs N] [--metrics-sizes A:T,A:T]
                       [--no-networkx | --networkx-large]
Defaults: ${DEFAULT_GENERATE_OPTIONS.regions} regions, ${DEFAULT_GENERATE_OPTIONS.actors} actors, ${DEFAULT_GENERATE_OPTIONS.projects} projects, ${DEFAULT_GENERATE_OPTIONS.relationships} relationships, 7 runs, 1 import run, seed ${DEFAULT_GENERATE_OPTIONS.seed}.
Store part: the generated network in the embedded store and in Neo4j, the same seeded queries against both, one
table (median and p95 per store, ratio, targets, verdicts, same answer). Neo4j: the project's test server
(test/neo4j-server, needs java 17 + mvn; started on a free port and stopped at the end), or --neo4j-uri of a
running server (user neo4j, no password unless --neo4j-password). The bench imports into an EMPTY database: it
refuses a non-empty one unless --neo4j-clear (which DELETES what it holds), and removes its network at the end.
Without java/mvn the part measures the embedded store only. --stores embedded: only that one.
Browser part (headless /usr/bin/chromium): networks of 1,000 and 5,000 drawn nodes, 3 fresh pages each
(the last one also clicks through the layouts), at most about 160 s, 30 s per layout step; --no-browser skips
it, --browser-only runs only it, --screenshots DIR saves a picture after each layout.
Metric suite part: computeMetrics on generated actor graphs of 3,000 actors / 16,000 ties (a warm-up and
--metrics-runs runs, 5; target 3 s) and 20,000 / 100,000 (sizes above 20,000 ties run once); where python3
has networkx, the same in networkx on the small graph (--networkx-large: on every size, about an hour at
20,000 / 100,000; --no-networkx: never), with the ratio networkx / ours (target ≥ 20×) and a check that
both agree; --no-metrics skips the part, --metrics-only runs only it.`;

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
      stores: { type: 'string' },
      'neo4j-uri': { type: 'string' },
      'neo4j-user': { type: 'string' },
      'neo4j-password': { type: 'string' },
      'neo4j-clear': { type: 'boolean' },
      'no-browser': { type: 'boolean' },
      'browser-only': { type: 'boolean' },
      'browser-runs': { type: 'string' },
      'browser-sizes': { type: 'string' },
      'browser-budget': { type: 'string' },
      'browser-step-timeout': { type: 'string' },
      screenshots: { type: 'string' },
      'no-metrics': { type: 'boolean' },
      'metrics-only': { type: 'boolean' },
      'metrics-runs': { type: 'string' },
      'metrics-sizes': { type: 'string' },
      'no-networkx': { type: 'boolean' },
      'networkx-large': { type: 'boolean' },
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
  if (values['no-browser'] && values['browser-only']) {
    console.error(`--no-browser and --browser-only exclude each other\n${USAGE}`);
    process.exit(2);
  }
  if (values['browser-only'] && values['metrics-only']) {
    console.error(`--browser-only and --metrics-only exclude each other\n${USAGE}`);
    process.exit(2);
  }
  if (values['no-metrics'] && values['metrics-only']) {
    console.error(`--no-metrics and --metrics-only exclude each other\n${USAGE}`);
    process.exit(2);
  }
  if (values['no-networkx'] && values['networkx-large']) {
    console.error(`--no-networkx and --networkx-large exclude each other\n${USAGE}`);
    process.exit(2);
  }
  const metricsSizes =
    values['metrics-sizes'] === undefined
      ? [...DEFAULT_METRICS_SIZES]
      : values['metrics-sizes'].split(',').map((x, i) => {
          const [actors, ties, ...rest] = x.split(':');
          if (actors === undefined || ties === undefined || rest.length > 0) {
            console.error(`--metrics-sizes item ${i + 1} must be ACTORS:TIES (got "${x}")\n${USAGE}`);
            process.exit(2);
          }
          const a = int(`metrics-sizes (item ${i + 1}, actors)`, actors.trim(), 0, 2);
          const t = int(`metrics-sizes (item ${i + 1}, ties)`, ties.trim(), 0, 0);
          if (t > (a * (a - 1)) / 2) {
            console.error(`--metrics-sizes item ${i + 1}: ${t} ties do not fit between ${a} actors\n${USAGE}`);
            process.exit(2);
          }
          return { actors: a, ties: t };
        });
  const sizes = (values['browser-sizes'] ?? '1000,5000').split(',').map((x, i) => int(`browser-sizes (item ${i + 1})`, x.trim(), 0, 10));
  const stores = (values.stores ?? STORE_NAMES.join(','))
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  const unknown = stores.filter((x) => !(STORE_NAMES as readonly string[]).includes(x));
  if (unknown.length > 0 || stores.length === 0) {
    console.error(`--stores takes ${STORE_NAMES.join(', ')} (comma-separated; got "${values.stores ?? ''}")\n${USAGE}`);
    process.exit(2);
  }
  const neo4jUri = values['neo4j-uri']?.trim() || null;
  if (neo4jUri !== null && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(neo4jUri)) {
    console.error(`--neo4j-uri must be a bolt:// or neo4j:// URI (got "${neo4jUri}")\n${USAGE}`);
    process.exit(2);
  }
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
    stores: STORE_NAMES.filter((x) => stores.includes(x)),
    neo4jUri,
    neo4jUser: values['neo4j-user'] ?? 'neo4j',
    neo4jPassword: values['neo4j-password'] ?? '',
    neo4jClear: values['neo4j-clear'] === true,
    browser: !values['no-browser'],
    browserOnly: values['browser-only'] === true,
    browserRuns: int('browser-runs', values['browser-runs'], 3, 1),
    browserSizes: sizes,
    browserBudgetS: int('browser-budget', values['browser-budget'], 160, 10),
    browserStepTimeoutS: int('browser-step-timeout', values['browser-step-timeout'], 30, 1),
    screenshots: values.screenshots ?? null,
    metrics: !values['no-metrics'],
    metricsOnly: values['metrics-only'] === true,
    metricsRuns: int('metrics-runs', values['metrics-runs'], 5, 1),
    metricsSizes,
    networkx: !values['no-networkx'],
    networkxLarge: values['networkx-large'] === true,
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

interface StoreReport {
  /** One row per store and operation (for the summary and --json). */
  results: BrowserRow[];
  comparison: CompareReport;
  stats: StoreStats | null;
  generateMs: number;
  peakRssAfterGenerateBytes: number;
  peakRssAfterImportBytes: number;
}

const STORE_LABEL: Record<StoreName, string> = { embedded: 'embedded', neo4j: 'Neo4j' };

/** The store part: the generated network in every store of --stores, the same queries against each (store-compare.ts). */
async function storeBench(opts: BenchOptions): Promise<StoreReport> {
  console.log(
    `Generating: ${n(opts.regions)} regions, ${n(opts.actors)} actors, ${n(opts.projects)} projects, ${n(opts.relationships)} relationships, seed ${opts.seed} …`,
  );
  const tg = performance.now();
  const batch: GraphBatch = generateNetwork(opts);
  const generateMs = performance.now() - tg;
  const peakAfterGenerate = process.resourceUsage().maxRSS * 1024;
  console.log(
    `  generated in ${ms(generateMs)} ms: ${n(batch.events.length)} events, ${n(relationshipCount(batch))} relationships ` +
      `(${n(batch.participations.length)} participations, ${n(batch.eventParticipations.length)} event participations, ` +
      `${n(batch.cooperations.length)} cooperations, ${n(batch.targets.length)} targets)`,
  );
  const comparison = await compareStores(
    batch,
    {
      stores: opts.stores,
      neo4jUri: opts.neo4jUri,
      neo4jUser: opts.neo4jUser,
      neo4jPassword: opts.neo4jPassword,
      neo4jClear: opts.neo4jClear,
      runs: opts.runs,
      importRuns: opts.importRuns,
      seed: opts.seed,
    },
    { collectGarbage },
  );
  const peakAfterImport = process.resourceUsage().maxRSS * 1024;
  console.log('');
  console.log(compareReportText(comparison, new Date().toISOString().slice(0, 10)));
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`Peak RSS of the bench process: ${mb(peakRss)} (after generating: ${mb(peakAfterGenerate)}); generation took ${ms(generateMs)} ms`);

  const results: BrowserRow[] = comparison.rows.flatMap((row) =>
    STORE_NAMES.flatMap((s): BrowserRow[] => {
      const f = row.figures[s];
      if (!f) return [];
      return [
        {
          operation: `${STORE_LABEL[s]}: ${row.operation}`,
          call: row.call,
          runs: f.timesMs.length,
          timesMs: f.timesMs,
          medianMs: f.medianMs,
          p90Ms: null,
          targetMs: row.unit === 'ms' ? f.target : null,
          ratio: f.targetRatio,
          verdict: f.verdict,
          size:
            (row.unit === 'rows/s' && f.rowsPerS !== null ? `${n(Math.round(f.rowsPerS))} rows/s (target ≥ ${n(f.target ?? 0)}); ` : '') +
            (f.error ? `error: ${f.error}` : f.size) +
            (row.same === false ? `; ANSWERS DIFFER: ${row.mismatch ?? ''}` : ''),
          nodes: null,
          edges: null,
        },
      ];
    }),
  );
  return {
    results,
    comparison,
    stats: comparison.stats.embedded ?? comparison.stats.neo4j ?? null,
    generateMs,
    peakRssAfterGenerateBytes: peakAfterGenerate,
    peakRssAfterImportBytes: peakAfterImport,
  };
}

// ---------------------------------------------------------------------------------------------
// Browser: the explorer in headless Chromium (test/bench/browser.ts)

/** First complete drawing targets by drawn nodes (the issue: 1,000 → 1.5 s, 5,000 → 4 s). */
const FIRST_DRAW_TARGET_MS: Readonly<Record<number, number>> = { 1000: 1_500, 5000: 4_000 };

/** A table row that may have no figure (nothing measured within its time limit). */
type BrowserRow = Omit<OpResult, 'medianMs' | 'verdict'> & { medianMs: number | null; verdict: OpResult['verdict'] | 'FAIL' };

function browserRows(report: BrowserBenchReport): BrowserRow[] {
  const rows: BrowserRow[] = [];
  const row = (operation: string, call: string, times: number[], targetMs: number | null, size: string, nodes?: number, edges?: number): void => {
    if (times.length > 0) rows.push(result(operation, call, times, targetMs, { size, ...(nodes === undefined ? {} : { nodes }), ...(edges === undefined ? {} : { edges }) }));
    else
      rows.push({ operation, call, runs: 0, timesMs: [], medianMs: null, p90Ms: null, targetMs, ratio: null, verdict: targetMs === null ? 'info' : 'FAIL', size, nodes: nodes ?? null, edges: edges ?? null });
  };
  for (const s of report.sizes) {
    const label = `browser ${n(s.target)}`;
    if (s.error !== null) {
      row(`${label}: first drawing`, 'not measured', [], FIRST_DRAW_TARGET_MS[s.target] ?? null, `failed: ${s.error}`);
      continue;
    }
    const drawn = s.runs.filter((r) => r.drawMs !== null);
    const nodes = drawn[0]?.nodes ?? undefined;
    const edges = drawn[0]?.edges ?? undefined;
    const viaGl = drawn.some((r) => r.drawSource === 'webgl-frame');
    const glFrames = drawn.map((r) => r.firstGlFrameMs).filter((x): x is number => x !== null);
    const failed = s.runs.filter((r) => r.drawMs === null);
    const sizeText =
      (nodes === undefined ? 'no drawing' : `${n(nodes)} nodes / ${n(edges ?? 0)} edges`) +
      (drawn.some((r) => r.truncatedNotice) ? ' (truncated)' : '') +
      (viaGl ? '; first WebGL frame (the page never reported firstDraw)' : '') +
      (!viaGl && glFrames.length ? `; first WebGL frame ${n(Math.round(median(glFrames)))} ms` : '') +
      (failed.length ? `; ${failed.length} run(s) without a drawing: ${failed[0]?.error ?? '?'}` : '');
    row(
      `${label}: first drawing`,
      `fresh page at ${VIEWPORT.width}×${VIEWPORT.height}, navigation start → ${viaGl ? 'end of the first WebGL frame' : '__atlas.firstDraw.at'}`,
      drawn.map((r) => r.drawMs as number),
      FIRST_DRAW_TARGET_MS[s.target] ?? null,
      sizeText,
      nodes,
      edges,
    );
    const layoutRuns = s.runs.filter((r) => r.layoutsMeasured && r.error === null);
    const steps = layoutRuns.flatMap((r) => r.layouts);
    const stepsOf = (layout: string, trigger: 'load' | 'click') => steps.filter((l) => l.layout === layout && l.trigger === trigger);
    const notDone = (ls: LayoutMeasure[]) => {
      const bad = ls.filter((l) => l.outcome !== 'done');
      return bad.length ? `${bad[0]?.outcome === 'timeout' ? 'TIMEOUT' : 'skipped'}: ${bad[0]?.note ?? ''}` : '';
    };
    const longest = (ls: LayoutMeasure[]) => Math.max(0, ...ls.map((l) => l.longestTaskMs));
    const load = stepsOf('force', 'load');
    const loadDone = load.filter((l) => l.outcome === 'done' && l.wallMs !== null);
    const neverReady = loadDone.some((l) => !l.ready);
    row(
      `${label}: load → settled`,
      'navigation start → drawn, nothing loading, initial force layout done (data-state="ready" where the page gets there)',
      loadDone.map((l) => l.wallMs as number),
      null,
      [
        notDone(load),
        loadDone.length ? `longest task ${n(Math.round(longest(loadDone)))} ms` : '',
        neverReady ? 'data-state never "ready"' : '',
      ]
        .filter(Boolean)
        .join('; ') || '—',
    );
    const layoutRow = (name: string, ls: LayoutMeasure[], how: string) => {
      const measured = ls.filter((l) => l.computeMs !== null);
      const walls = measured.map((l) => l.wallMs).filter((x): x is number => x !== null);
      const reported = measured.map((l) => l.reportedMs).filter((x): x is number => x !== null);
      const where = [...new Set(measured.map((l) => l.where).filter((x) => x !== null))].sort();
      const click = ls[0]?.trigger === 'click';
      row(
        name,
        how,
        measured.map((l) => l.computeMs as number),
        null,
        [
          where.map((w) => (w === 'worker' ? 'in the worker' : 'on the page')).join(' and '),
          click && walls.length ? `click → settled ${n(Math.round(median(walls)))} ms` : '',
          click && !walls.length && reported.length ? `click → reported done ${n(Math.round(median(reported)))} ms` : '',
          notDone(ls) || ls.find((l) => l.note)?.note || '',
          measured.length ? `longest task ${n(Math.round(longest(measured)))} ms` : '',
        ]
          .filter(Boolean)
          .join('; ') || '—',
        measured[0]?.nodes ?? undefined,
      );
    };
    layoutRow(`${label}: layout force (load)`, load, '__atlas.layouts[].ms of the initial force layout (fcose in the worker)');
    for (const layout of LAYOUT_SEQUENCE) {
      const where = layout === 'force' || layout === 'regions' ? 'fcose in the worker' : 'on the page';
      layoutRow(`${label}: layout ${layout}`, stepsOf(layout, 'click'), `click the "${layout}" button: __atlas.layouts[].ms (${where}); wall time click → settled`);
    }
  }
  return rows;
}

/** What looked wrong in the page: console errors, missing probes, freezes, timeouts. */
function browserProblems(report: BrowserBenchReport): string[] {
  const out: string[] = [];
  for (const s of report.sizes) {
    const label = `browser ${n(s.target)}`;
    const errors = new Map<string, number>();
    for (const r of s.runs) for (const e of r.consoleErrors) errors.set(e, (errors.get(e) ?? 0) + 1);
    for (const [e, count] of errors) out.push(`${label}: console error (${count}×): ${e.slice(0, 300)}`);
    const warnings = new Map<string, number>();
    for (const r of s.runs) for (const e of r.consoleWarnings) warnings.set(e, (warnings.get(e) ?? 0) + 1);
    for (const [e, count] of warnings) out.push(`${label}: console warning (${count}×): ${e.slice(0, 300)}`);
    const onPage = s.runs.flatMap((r) => r.layouts).filter((l) => (l.layout === 'force' || l.layout === 'regions') && l.where === 'page');
    if (onPage.length) out.push(`${label}: ${onPage.length} force-directed layout(s) computed on the page, not in the worker (the page freezes meanwhile)`);
    if (s.runs.some((r) => r.drawSource === 'webgl-frame'))
      out.push(`${label}: window.__atlas.firstDraw stayed null (Cytoscape's WebGL renderer emits no "render" event); first drawing taken from the first WebGL frame`);
    const notReady = s.runs.flatMap((r) => r.layouts).filter((l) => l.wallMs !== null && !l.ready);
    if (notReady.length) out.push(`${label}: data-state never became "ready" (${notReady.length} settled step(s) without it)`);
    const longest = Math.max(0, ...s.runs.flatMap((r) => r.longTasks.map((t) => t.ms)));
    if (longest >= 1000) out.push(`${label}: main thread frozen for up to ${n(Math.round(longest))} ms in one task`);
    for (const r of s.runs) {
      if (r.error) out.push(`${label} run ${r.run}: ${r.error}`);
      for (const l of r.layouts.filter((x) => x.outcome !== 'done' || x.note !== null))
        out.push(`${label} run ${r.run}: layout ${l.layout} (${l.trigger}) ${l.outcome === 'done' ? '' : `${l.outcome}: `}${l.note ?? ''}`);
      if (r.drawMs !== null && r.nodes !== null && r.firstDrawNodes !== null && r.firstDrawNodes !== r.nodes)
        out.push(`${label} run ${r.run}: first drawing had ${r.firstDrawNodes} nodes, the view ${r.nodes}`);
    }
  }
  return out;
}

async function browserBench(opts: BenchOptions): Promise<{ report: BrowserBenchReport; rows: BrowserRow[]; problems: string[] }> {
  console.log('');
  const report = await runBrowserBench({
    sizes: opts.browserSizes,
    runs: opts.browserRuns,
    seed: opts.seed,
    budgetMs: opts.browserBudgetS * 1000,
    stepTimeoutMs: opts.browserStepTimeoutS * 1000,
    screenshotDir: opts.screenshots,
  });
  if (report.skipped) {
    console.log(`Browser figures SKIPPED: ${report.skipped}. (--no-browser leaves them out without this note.)`);
    return { report, rows: [], problems: [] };
  }
  const rows = browserRows(report);
  const problems = browserProblems(report);
  console.log('');
  console.log(
    `Browser: Chromium ${report.chromium ?? '?'} headless, WebGL: ${report.webglRenderer ?? '?'}` +
      (/swiftshader/i.test(report.webglRenderer ?? '') ? ' (software rendering, no GPU: WebGL drawing is slower than on a desktop)' : ''),
  );
  console.log(
    `  ${opts.browserRuns} fresh page(s) per size; the last one also clicks through the layouts. Client built in ${ms(report.clientBuildMs)} ms; ` +
      `browser part took ${(report.totalMs / 1000).toFixed(0)} s (budget ${opts.browserBudgetS} s).`,
  );
  console.log('');
  console.log(
    resultTable(rows),
  );
  console.log('');
  const seen = new Set<string>();
  for (const r of rows) {
    const what = r.operation.replace(/^browser [\d,]+: /, '');
    if (seen.has(what)) continue;
    seen.add(what);
    console.log(`  ${what}: ${r.call}`);
  }
  for (const s of report.sizes) {
    const g = s.generate;
    console.log(
      `  browser ${n(s.target)}: generateNetwork({ regions: ${g.regions}, actors: ${g.actors}, projects: ${g.projects}, relationships: ${g.relationships}, seed: ${g.seed} }) → ${n(s.generatedNodes)} actors + projects + events`,
    );
  }
  for (const p of problems) console.log(`  problem: ${p}`);
  return { report, rows, problems };
}

/**
 * The API while the analysis computes: the real server on a generated network of 3,000 actors,
 * a cold `metrics` query, and a light query every 25 ms meanwhile (test/bench/api-latency.ts).
 */
async function latencyBench(opts: BenchOptions): Promise<OpResult[]> {
  console.log('');
  console.log('API latency while the metrics compute (3,000 actors, 800 projects, 16,000 relationships; direct and derived ties):');
  const report = await apiLatencyBench(generateNetwork({ regions: 80, actors: 3_000, projects: 800, relationships: 16_000, seed: opts.seed }));
  const size = `${n(report.actors)} actors / ${report.ties === null ? '?' : n(report.ties)} ties`;
  console.log(
    `  metrics answered after ${n(Math.round(report.metricsMs))} ms; ${report.probes} other requests meanwhile: median ${report.p50Ms.toFixed(1)} ms, p95 ${report.p95Ms.toFixed(1)} ms, max ${report.maxMs.toFixed(1)} ms (idle ${report.idleMs.toFixed(1)} ms)` +
      (report.slow.length ? `; slower than ${LATENCY_TARGET_MS} ms: ${report.slow.map((s) => `${s.ms.toFixed(0)} ms at +${s.atMs} ms`).join(', ')}` : ''),
  );
  const rows = [
    result('API: slowest other request while metrics compute', 'search every 25 ms during a cold metrics query', [report.maxMs], LATENCY_TARGET_MS, { size: `${size}; ${report.probes} requests, p95 ${report.p95Ms.toFixed(1)} ms` }),
    result('API: cold metrics query (worker)', 'metrics { nodes { … } stats }', [report.metricsMs], null, { size }),
  ];
  console.log(resultTable(rows));
  return rows;
}

/** Import of a generated 100,000-row participation file (CSV template folder) into an empty embedded store. */
async function importThroughput(opts: BenchOptions): Promise<OpResult[]> {
  console.log('');
  console.log('Import throughput (CSV template files: 100,000 participations with 20,000 actors, 5,000 projects, 400 regions):');
  const r = await importBench(opts.seed);
  console.log(
    `  ${n(r.rows)} rows (${r.fileMb.toFixed(1)} MB of CSV) read, validated and written in one transaction in ${r.seconds.toFixed(2)} s: ` +
      `${n(Math.round(r.rowsPerSecond))} rows/s; peak memory growth ${r.peakRssGrowthMb.toFixed(0)} MB RSS, ${r.peakHeapGrowthMb.toFixed(0)} MB heap ` +
      `(sampled at ${r.progressReports} progress reports; the CSV text streams, the validated batch is held for the one transaction)`,
  );
  // The target is a rate: the row's "median" is the time per 1,000 rows against the time the target allows.
  const msPer1000 = (1000 / r.rowsPerSecond) * 1000;
  const rows = [
    result('import: CSV files, 100,000 participations', 'importFiles(store, folder)', [msPer1000], (1000 / IMPORT_TARGET_ROWS_PER_S) * 1000, {
      size: `ms per 1,000 rows; ${n(Math.round(r.rowsPerSecond))} rows/s over ${n(r.rows)} rows; peak memory +${r.peakRssGrowthMb.toFixed(0)} MB RSS, +${r.peakHeapGrowthMb.toFixed(0)} MB heap`,
    }),
  ];
  console.log(resultTable(rows));
  return rows;
}

const CORDIS_USAGE = `Usage: npm run bench -- --cordis-like [--seed N] [--runs N] [--fresh-exact] [--json FILE]

The real-scale workload (test/bench/cordis-bench.ts): a generated CORDIS export of 25,000 organisations,
9,000 projects, 93,000 participations (about 665,000 ties) imported through the CLI, placed, served and
analysed, side by side with networkx and igraph on the same edge list. igraph's exact betweenness (the
yardstick for our estimate, about 5 minutes) is cached per edge list; --fresh-exact recomputes it.`;

async function cordisLike(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { 'cordis-like': { type: 'boolean' }, seed: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' }, 'fresh-exact': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return void console.log(CORDIS_USAGE);
  const int = (name: string, v: string | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v)) {
      console.error(`--${name} must be a whole number (got "${v}")\n${CORDIS_USAGE}`);
      process.exit(2);
    }
    return Number(v);
  };
  await cordisBench({
    ...CORDIS_BENCH_DEFAULTS,
    seed: int('seed', values.seed, CORDIS_BENCH_DEFAULTS.seed),
    runs: Math.max(1, int('runs', values.runs, CORDIS_BENCH_DEFAULTS.runs)),
    freshExact: values['fresh-exact'] === true,
    json: values.json ?? null,
  });
}

const LOAD_USAGE = `Usage: npm run bench -- --load [--clients N] [--seconds N] [--alone N] [--demo] [--seed N] [--json FILE]

A workshop on the real-scale network (test/bench/load.ts): the server as npm start runs it, on the
CORDIS-like network (25,000 organisations; --demo: the demo network); N people (default 50) for
--seconds (default 60) open the overview, search, open details and neighbourhoods and step through a
story's slides, while an editor uploads a file through the page and asks for an analysis. The
reference: the same steps by one person alone for --alone seconds (default 10), just before.`;

async function load(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      load: { type: 'boolean' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      alone: { type: 'string' },
      demo: { type: 'boolean' },
      seed: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return void console.log(LOAD_USAGE);
  const int = (name: string, v: string | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v) || Number(v) < 1) {
      console.error(`--${name} must be a whole number from 1 (got "${v}")\n${LOAD_USAGE}`);
      process.exit(2);
    }
    return Number(v);
  };
  const report = await loadRun({
    clients: int('clients', values.clients, LOAD_DEFAULTS.clients),
    durationS: int('seconds', values.seconds, LOAD_DEFAULTS.durationS),
    aloneS: int('alone', values.alone, LOAD_DEFAULTS.aloneS),
    data: values.demo ? 'demo' : 'cordis-like',
    seed: int('seed', values.seed, LOAD_DEFAULTS.seed),
  });
  const cpu = cpus();
  console.log(`\nNode ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(loadReportText(report));
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
}

async function main(): Promise<void> {
  if (process.argv.includes('--cordis-like')) return cordisLike(process.argv.slice(2));
  if (process.argv.includes('--load')) return load(process.argv.slice(2));
  const opts = parseOptions(process.argv.slice(2));
  const cpu = cpus();
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(
    `Netzwerkatlas benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${process.platform}/${process.arch}`,
  );
  const store = opts.browserOnly || opts.metricsOnly ? null : await storeBench(opts);
  const browser = opts.browser && !opts.metricsOnly ? await browserBench(opts) : null;
  const metrics: MetricsBenchReport<OpResult> | null =
    opts.metrics && !opts.browserOnly
      ? metricsBench<OpResult>(
          { sizes: opts.metricsSizes, seed: opts.seed, runs: opts.metricsRuns, networkx: opts.networkx, networkxLarge: opts.networkxLarge },
          { result, resultTable, collectGarbage },
        )
      : null;
  const latency = opts.metrics && !opts.browserOnly ? await latencyBench(opts) : [];
  const imports = opts.browserOnly || opts.metricsOnly ? [] : await importThroughput(opts);

  console.log('');
  const loadAtEnd = loadavg()[0] ?? 0;
  // The benchmark itself keeps about one CPU busy (the browser part more), which the average at the end includes.
  const busy = loadAtStart > cpu.length * 0.75 || loadAtEnd > cpu.length * 0.75 + (browser ? 2 : 1);
  console.log(
    `Machine load (1-min average): ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end, ${cpu.length} CPUs` +
      (busy ? ' — other processes were busy: the figures may be inflated' : ''),
  );
  const all: BrowserRow[] = [...(store?.results ?? []), ...(browser?.rows ?? []), ...(metrics?.rows ?? []), ...latency, ...imports];
  const judged = all.filter((r) => r.verdict !== 'info');
  const missed = judged.filter((r) => r.verdict === 'SLOW' || r.verdict === 'FAIL');
  const summary =
    `SUMMARY: ${judged.length - missed.length} of ${judged.length} targets met` +
    (missed.length > 0
      ? `; ${missed.map((r) => (r.verdict === 'FAIL' ? `FAIL: ${r.operation} not measured` : `SLOW: ${r.operation} ${(r.ratio as number).toFixed(1)}× target`)).join(', ')}`
      : '') +
    (store?.comparison.rows.some((r) => r.same === false)
      ? `; STORES ANSWER DIFFERENTLY: ${store.comparison.rows
          .filter((r) => r.same === false)
          .map((r) => r.operation)
          .join(', ')}`
      : '') +
    (store?.comparison.skipped.neo4j ? '; Neo4j left out' : '') +
    (browser?.report.skipped ? '; browser figures skipped' : '') +
    (metrics?.problems.length ? `; ${metrics.problems.join('; ')}` : '') +
    (metrics?.networkxNote?.startsWith('SKIPPED') ? '; networkx comparison skipped' : '');
  console.log(summary);

  if (opts.json) {
    const out = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? null,
      options: { ...opts, json: undefined, neo4jPassword: undefined },
      generateMs: store?.generateMs ?? null,
      stats: store?.stats ?? null,
      machine: store?.comparison.machine ?? null,
      inputs: store ? store.comparison.inputs : null,
      results: store?.results ?? [],
      storeComparison: store
        ? { stores: store.comparison.stores, skipped: store.comparison.skipped, batchRows: store.comparison.batchRows, stats: store.comparison.stats, rows: store.comparison.rows, notes: store.comparison.notes }
        : null,
      browser: browser ? { ...browser.report, results: browser.rows, problems: browser.problems } : null,
      metrics: metrics ? { sizes: metrics.sizes, results: metrics.rows, problems: metrics.problems, networkxNote: metrics.networkxNote } : null,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      peakRssAfterGenerateBytes: store?.peakRssAfterGenerateBytes ?? null,
      peakRssAfterImportBytes: store?.peakRssAfterImportBytes ?? null,
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

/** The result table both parts print: one row per operation with median, target, ratio and verdict. */
interface TableRow {
  operation: string;
  medianMs: number | null;
  p90Ms: number | null;
  runs: number;
  targetMs: number | null;
  ratio: number | null;
  verdict: string;
  size: string;
}

function resultTable(rows: readonly TableRow[]): string {
  return table(
    ['operation', 'median ms', 'p90 ms', 'runs', 'target ms', 'ratio', 'verdict', 'result'],
    rows.map((r) => [
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
  );
}
