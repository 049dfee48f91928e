/**
 * Browser part of `npm run bench`: the explorer in headless Chromium (test/support/browser.ts) on
 * synthetic networks whose default view has a given number of nodes (browser-network.ts).
 *
 * Per size: one server (fresh temporary data directory, the generated network, the client built
 * with the real Vite config) and `runs` fresh pages at 1280×720, each in a new browser context (so
 * nothing is cached). Every run measures the first complete drawing: the page's own probe
 * (`window.__atlas.firstDraw.at`, ms since navigation start) or, when the page never reports it
 * (Cytoscape's WebGL renderer emits no "render" event), the end of the first task that drew with
 * WebGL. The last run then also waits for the view to settle after loading (the initial force
 * layout) and clicks through the layouts (regions, geo, concentric, force again), recording each
 * layout's own time (`__atlas.layouts[].ms`) and the wall time from the click until it settled.
 *
 * Waits are bounded: the first drawing by `firstDrawTimeoutMs`, every other step by `stepTimeoutMs`
 * and by the time budget of the whole browser part (`budgetMs`, shared out between the sizes); what
 * does not fit is reported as timed out or skipped, never waited for. After a force-directed layout
 * (fcose in the page's worker) timed out, the later ones are skipped: they would time out as well.
 * Console errors and warnings, uncaught page errors and long main-thread tasks are recorded per run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../server/config.ts';
import { startServer, type Running } from '../../server/main.ts';
import { CHROMIUM, launchChromium } from '../support/browser.ts';
import { buildClient } from '../support/client-build.ts';
import { fitNetwork } from './browser-network.ts';
import type { GenerateOptions } from './generate.ts';

/** The layouts clicked after loading (the page starts with "force"), in this order. */
export const LAYOUT_SEQUENCE = ['regions', 'geo', 'concentric', 'force'] as const;
export type BenchLayout = (typeof LAYOUT_SEQUENCE)[number];
/** Computed by fcose in the page's web worker. */
const WORKER_LAYOUTS: ReadonlySet<BenchLayout> = new Set(['force', 'regions']);

export const VIEWPORT = { width: 1280, height: 720 } as const;
/** How long the page's first-draw report may come after the first WebGL frame. */
const PROBE_GRACE_MS = 3_000;
/** The first drawing gets at least this long, whatever is left of the time budget. */
const MIN_FIRST_DRAW_WAIT_MS = 10_000;

export interface BrowserBenchOptions {
  /** Nodes of the default view, one network per size. */
  sizes: readonly number[];
  /** Fresh pages per size (each measures the first drawing; the last one also the layouts). */
  runs: number;
  seed: number;
  /** Longest wait for the first drawing. Default 60 s. */
  firstDrawTimeoutMs?: number;
  /** Longest wait for the view to settle after loading or after one layout click. Default 30 s. */
  stepTimeoutMs?: number;
  /** Time budget of the whole browser part; layout steps that do not fit are skipped. Default 160 s. */
  budgetMs?: number;
  /** Save a screenshot after each layout step here (for looking at the pictures). */
  screenshotDir?: string | null;
  log?: (line: string) => void;
}

export interface LongTask {
  /** ms since navigation start */
  start: number;
  ms: number;
}

export interface LayoutMeasure {
  layout: BenchLayout;
  trigger: 'load' | 'click';
  outcome: 'done' | 'timeout' | 'skipped';
  /** Why it timed out or was skipped. */
  note: string | null;
  /** `__atlas.layouts[].ms`: computing the positions (force and regions: in the worker). */
  computeMs: number | null;
  /** Where the page says it computed them (null: the page does not say). */
  where: 'worker' | 'page' | null;
  /** Click (navigation start, for the load) until the page reported the layout done. */
  reportedMs: number | null;
  /** Click (navigation start, for the load) until the view settled (see `instrument`). */
  wallMs: number | null;
  /** Whether `data-state` said "ready" once settled. */
  ready: boolean;
  /** Leaf nodes laid out. */
  nodes: number | null;
  /** Longest main-thread task between the click (navigation start) and settling (or giving up). */
  longestTaskMs: number;
}

export interface BrowserRun {
  run: number;
  /** Whether this run went on to the layouts after the first drawing. */
  layoutsMeasured: boolean;
  /** The first complete drawing, ms since navigation start: `firstDrawMs`, else `firstGlFrameMs`. */
  drawMs: number | null;
  drawSource: 'probe' | 'webgl-frame' | null;
  /** `__atlas.firstDraw`: null when the page never reported it. */
  firstDrawMs: number | null;
  firstDrawNodes: number | null;
  firstDrawEdges: number | null;
  /** End of the first task that drew with WebGL (ms since navigation start); null with the canvas renderer. */
  firstGlFrameMs: number | null;
  /** `data-nodes` / `data-edges` at the first drawing. */
  nodes: number | null;
  edges: number | null;
  /** The page showed its "truncated" notice. */
  truncatedNotice: boolean;
  /** The load and every layout click (layout runs only). */
  layouts: LayoutMeasure[];
  /** Long tasks (≥ 50 ms) on the page's main thread during the run. */
  longTasks: LongTask[];
  consoleErrors: string[];
  /** Console warnings, without the GPU driver's performance notes. */
  consoleWarnings: string[];
  /** Set when the run was given up before the first drawing (a timeout, a crash). */
  error: string | null;
  /** Wall time of the whole run. */
  totalMs: number;
}

export interface BrowserSizeResult {
  target: number;
  generate: GenerateOptions;
  /** actors + projects + events of the generated network (what the default view should draw). */
  generatedNodes: number;
  generatedEvents: number;
  runs: BrowserRun[];
  /** Set when the size could not be measured at all (server start, store import). */
  error: string | null;
}

export interface BrowserBenchReport {
  skipped: string | null;
  chromium: string | null;
  /** What draws WebGL in this Chromium (SwiftShader: software, no GPU). */
  webglRenderer: string | null;
  clientBuildMs: number | null;
  budgetMs: number;
  totalMs: number;
  sizes: BrowserSizeResult[];
}

/** Why the browser part cannot run here, or null. */
export function browserSkipReason(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (install Debian's chromium package)`;
}

// ---------------------------------------------------------------------------------------------
// In the page
//
// A page whose main thread is blocked (a long layout on the page) answers no evaluate() until it
// is free again, possibly for minutes. So the page reports by itself: an instrument script checks
// the state on every animation frame and sends what happened through a binding (`__benchEmit`),
// which needs no answer from the page; the bench only waits, with time limits, for those reports.

interface Probe {
  firstDraw: { at: number; nodes: number; edges: number } | null;
  /** `where`: since the client reports it (older pages: absent). */
  layouts: { layout: string; ms: number; nodes: number; where?: 'worker' | 'page' }[];
}

/** The first drawing: the page's probe or the first WebGL frame, with the counts shown then. */
interface DrawReport {
  firstDraw: Probe['firstDraw'];
  firstGlFrame: number | null;
  nodes: number;
  edges: number;
  truncated: boolean;
}

/** The view settled with `layouts.length` layouts reported (see `settledNow` in `instrument`). */
interface SettledReport {
  at: number;
  ready: boolean;
  layouts: Probe['layouts'];
  firstDraw: Probe['firstDraw'];
  clickAt: number | null;
}

/** More layouts were reported (the view may still be busy). */
interface LayoutReport {
  at: number;
  layouts: Probe['layouts'];
  clickAt: number | null;
}

type Report =
  | { kind: 'draw'; data: DrawReport }
  | { kind: 'layout'; data: LayoutReport }
  | { kind: 'settled'; data: SettledReport }
  | { kind: 'tasks'; data: LongTask[] };

/**
 * Runs in the page before any of its scripts. Reports (through `__benchEmit`): the first drawing;
 * every new entry in `__atlas.layouts`; every time the view has settled with more layouts reported than before: at least one layout
 * reported, nothing loading, no layout running, and `data-state="ready"`, or without it when the
 * page never reported its first drawing (it cannot become ready then); and the long tasks, after
 * each of those and once a second.
 */
function instrument(): void {
  type Emit = (kind: string, data: unknown) => void;
  const w = window as unknown as { __atlas?: Probe; __benchEmit?: Emit };
  const emit = (kind: string, data: unknown) => {
    try {
      w.__benchEmit?.(kind, data);
    } catch {
      // the bench went away
    }
  };
  const longTasks: LongTask[] = [];
  let clickAt: number | null = null;
  let firstGlFrame: number | null = null;
  /** What the last 'draw' report had: none, the WebGL frame only, or the page's probe. */
  let drawSent: 'none' | 'gl' | 'probe' = 'none';
  let settledLayouts = 0;
  let reportedLayouts = 0;
  let tasksSent = 0;

  const counts = () => {
    const el = document.querySelector('[data-testid="visible-counts"]');
    return {
      nodes: Number(el?.getAttribute('data-nodes') ?? 0),
      edges: Number(el?.getAttribute('data-edges') ?? 0),
      ready: el?.getAttribute('data-state') === 'ready',
      truncated: document.querySelector('.status-line .warn') !== null,
    };
  };
  const sendTasks = () => {
    if (longTasks.length === tasksSent) return;
    tasksSent = longTasks.length;
    emit('tasks', longTasks);
  };
  const check = () => {
    const probe = w.__atlas;
    if (!probe) return;
    const drawNow = probe.firstDraw !== null ? 'probe' : (firstGlFrame ?? -1) > 0 ? 'gl' : 'none';
    if (drawNow !== drawSent && drawSent !== 'probe') {
      drawSent = drawNow;
      const c = counts();
      emit('draw', { firstDraw: probe.firstDraw, firstGlFrame: (firstGlFrame ?? -1) > 0 ? firstGlFrame : null, nodes: c.nodes, edges: c.edges, truncated: c.truncated });
    }
    const n = probe.layouts.length;
    if (n > reportedLayouts) {
      reportedLayouts = n;
      emit('layout', { at: performance.now(), layouts: probe.layouts, clickAt });
    }
    if (n > settledLayouts && !document.querySelector('[data-testid="layout-progress"]')) {
      const c = counts();
      if (c.ready || probe.firstDraw === null) {
        settledLayouts = n;
        emit('settled', { at: performance.now(), ready: c.ready, layouts: probe.layouts, firstDraw: probe.firstDraw, clickAt });
        sendTasks();
      }
    }
  };
  const frame = () => {
    check();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  setInterval(sendTasks, 1000);

  // Cytoscape's WebGL renderer (from 3,000 elements on) does not emit "render", which the page's
  // first-draw probe listens for: the end of the first task that issues WebGL draw calls stands in.
  const proto = window.WebGL2RenderingContext?.prototype as unknown as Record<string, unknown> | undefined;
  for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
    const orig = proto?.[name];
    if (!proto || typeof orig !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      if (firstGlFrame === null) {
        firstGlFrame = -1;
        queueMicrotask(() => {
          firstGlFrame = performance.now();
          check();
        });
      }
      return (orig as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  document.addEventListener(
    'click',
    (ev) => {
      const t = ev.target as Element | null;
      if (t && typeof t.closest === 'function' && t.closest('[data-layout]')) clickAt = performance.now();
    },
    true,
  );
}

/** Collects the page's reports; `next` waits for one that passes a test, within a time limit. */
class Reports {
  draw: DrawReport | null = null;
  settled: SettledReport[] = [];
  layouts: LayoutReport[] = [];
  longTasks: LongTask[] = [];
  private waiters: (() => void)[] = [];

  add(r: Report): void {
    if (r.kind === 'draw') this.draw = { ...r.data, nodes: this.draw?.nodes ?? r.data.nodes, edges: this.draw?.edges ?? r.data.edges, truncated: this.draw?.truncated ?? r.data.truncated };
    else if (r.kind === 'settled') this.settled.push(r.data);
    else if (r.kind === 'layout') this.layouts.push(r.data);
    else this.longTasks = r.data;
    for (const w of this.waiters) w();
  }

  /** The first value `test` returns (checked now and after every report), or null after `ms`. */
  async next<T>(test: () => T | null, ms: number): Promise<T | null> {
    const now = test();
    if (now !== null) return now;
    return new Promise((resolve) => {
      const done = (v: T | null) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(v);
      };
      const check = () => {
        const v = test();
        if (v !== null) done(v);
      };
      const timer = setTimeout(() => done(null), ms);
      this.waiters.push(check);
    });
  }
}

const longestIn = (tasks: readonly LongTask[], from: number, to: number) =>
  tasks.filter((t) => t.start + t.ms >= from && t.start <= to).reduce((m, t) => Math.max(m, t.ms), 0);

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/** Rejects after `ms` (the page may never answer). */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// One run

interface RunLimits {
  firstDrawTimeoutMs: number;
  stepTimeoutMs: number;
  /** performance.now() (Node) after which no layout step starts or waits. */
  deadline: number;
}

async function measureRun(browser: Browser, url: string, run: number, withLayouts: boolean, limits: RunLimits, shotPrefix: string | null): Promise<BrowserRun> {
  const out: BrowserRun = {
    run,
    layoutsMeasured: withLayouts,
    drawMs: null,
    drawSource: null,
    firstDrawMs: null,
    firstDrawNodes: null,
    firstDrawEdges: null,
    firstGlFrameMs: null,
    nodes: null,
    edges: null,
    truncatedNotice: false,
    layouts: [],
    longTasks: [],
    consoleErrors: [],
    consoleWarnings: [],
    error: null,
    totalMs: 0,
  };
  const reports = new Reports();
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(10_000);
  await context.exposeBinding('__benchEmit', (_source, kind: string, data: unknown) => reports.add({ kind, data } as Report));
  // tsx (esbuild, keepNames) wraps named functions in `__name(fn, "name")`, a helper that exists in
  // this process but not in the page, where `instrument` runs from its source text.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') out.consoleErrors.push(m.text());
    else if (m.type() === 'warning' && !m.text().includes('GL Driver Message')) out.consoleWarnings.push(m.text());
  });
  page.on('pageerror', (e) => out.consoleErrors.push(`uncaught: ${e.message}`));
  page.on('crash', () => out.consoleErrors.push('the page crashed'));
  // Screenshots need the page's main thread: a blocked page gets none.
  const shot = async (name: string) => {
    if (shotPrefix) await within(page.screenshot({ path: `${shotPrefix}-${name}.png`, timeout: 5_000 }), 6_000).catch(() => undefined);
  };
  const t0 = performance.now();
  /** How long the next layout step may wait, or 0 when the budget is spent. */
  const stepLimit = () => Math.max(0, Math.min(limits.stepTimeoutMs, limits.deadline - performance.now()));
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: limits.firstDrawTimeoutMs });
    let draw = await reports.next(() => reports.draw, limits.firstDrawTimeoutMs - (performance.now() - t0));
    // The first WebGL frame may come before the page's own report of it: give the page a moment.
    if (draw !== null && draw.firstDraw === null)
      draw = (await reports.next(() => (reports.draw?.firstDraw ? reports.draw : null), Math.min(PROBE_GRACE_MS, limits.firstDrawTimeoutMs - (performance.now() - t0)))) ?? draw;
    if (draw === null) {
      out.error = `no first drawing within ${(limits.firstDrawTimeoutMs / 1000).toFixed(0)} s`;
      await shot('no-first-drawing');
      return out;
    }
    Object.assign(out, {
      nodes: draw.nodes,
      edges: draw.edges,
      truncatedNotice: draw.truncated,
      firstDrawMs: draw.firstDraw?.at ?? null,
      firstDrawNodes: draw.firstDraw?.nodes ?? null,
      firstDrawEdges: draw.firstDraw?.edges ?? null,
      firstGlFrameMs: draw.firstGlFrame,
    });
    out.drawMs = out.firstDrawMs ?? out.firstGlFrameMs;
    out.drawSource = out.firstDrawMs !== null ? 'probe' : 'webgl-frame';
    if (!withLayouts) return out;

    /** Where each step's longest task is looked for: [step, from, to] in page time. */
    const spans: [LayoutMeasure, number, number][] = [];
    /** A force-directed layout that did not finish within its step (maybe still computing in the worker). */
    let workerBusy: string | null = null;
    let pageStuck: string | null = null;
    const measure = (layout: BenchLayout, trigger: 'load' | 'click'): LayoutMeasure => {
      const m: LayoutMeasure = { layout, trigger, outcome: 'done', note: null, computeMs: null, where: null, reportedMs: null, wallMs: null, ready: false, nodes: null, longestTaskMs: 0 };
      out.layouts.push(m);
      return m;
    };
    /** The first report of `layout` done after `known` entries. */
    const reportOf = (layout: BenchLayout, known: number) =>
      reports.layouts.find((x) => x.layouts.length > known && x.layouts.slice(known).some((l) => l.layout === layout)) ?? null;
    /** Fills in the layout's entry from its report, and when that came (`from`: the click, in page time). */
    const fill = (m: LayoutMeasure, known: number, from: number) => {
      const r = reportOf(m.layout, known);
      const entry = r?.layouts.slice(known).find((l) => l.layout === m.layout);
      if (!r || !entry) return;
      Object.assign(m, { computeMs: entry.ms, where: entry.where ?? null, nodes: entry.nodes, reportedMs: r.at - from });
    };
    /** Gives up waiting for a step to settle (`waited`: ms since the navigation or the click). */
    const gaveUp = (m: LayoutMeasure, waited: number, from: number) => {
      const since = m.trigger === 'load' ? 'the navigation' : 'the click';
      m.outcome = 'timeout';
      m.note =
        m.reportedMs === null
          ? `not done ${(waited / 1000).toFixed(0)} s after ${since}`
          : `reported done after ${(m.reportedMs / 1000).toFixed(1)} s, but the view was still busy ${(waited / 1000).toFixed(0)} s after ${since}`;
      spans.push([m, from, performance.now() - t0]);
    };

    // The load: the initial force layout.
    const load = measure('force', 'load');
    let limit = stepLimit();
    const loaded = limit > 0 ? await reports.next(() => reports.settled[0] ?? null, limit) : null;
    fill(load, 0, 0);
    if (loaded) {
      Object.assign(load, { wallMs: loaded.at, ready: loaded.ready });
      spans.push([load, 0, loaded.at]);
      await shot('load-force');
    } else if (limit <= 0) {
      load.outcome = 'skipped';
      load.note = 'time budget spent';
    } else {
      gaveUp(load, performance.now() - t0, 0);
      if (load.reportedMs === null) workerBusy = 'the initial force layout';
      await shot('load-force-timeout');
    }

    for (const layout of LAYOUT_SEQUENCE) {
      const m = measure(layout, 'click');
      const inWorker = WORKER_LAYOUTS.has(layout);
      const why = pageStuck ?? (inWorker && workerBusy !== null ? `${workerBusy} already took longer than the step limit` : null);
      limit = stepLimit();
      if (why !== null || limit <= 0) {
        m.outcome = 'skipped';
        m.note = why ?? 'time budget spent';
        continue;
      }
      const before = reports.settled.length;
      const known = reports.layouts.at(-1)?.layouts.length ?? 0;
      const t = performance.now();
      try {
        await page.locator(`button[data-layout="${layout}"]`).click({ timeout: limit });
      } catch (e) {
        m.outcome = 'timeout';
        m.note = `the click did not go through within ${(limit / 1000).toFixed(0)} s (${firstLine(e)})`;
        pageStuck = 'the page did not take a click';
        continue;
      }
      const left = () => Math.max(1, limit - (performance.now() - t));
      const reported = await reports.next(() => reportOf(layout, known), left());
      const clickAt = reported?.clickAt ?? t - t0;
      fill(m, known, clickAt);
      if (!reported) {
        gaveUp(m, performance.now() - t, clickAt);
        if (inWorker) workerBusy = `the ${layout} layout`;
        else pageStuck = `the page did not finish the ${layout} layout`;
        await shot(`${layout}-timeout`);
        continue;
      }
      // Done; now until the view is still. While an earlier force-directed layout may still be
      // computing, the view may count as busy until it is done: then only a short look.
      const settled = await reports.next(
        () => reports.settled.slice(before).find((x) => x.layouts.length > known && x.layouts.slice(known).some((l) => l.layout === layout)) ?? null,
        workerBusy === null ? left() : Math.min(5_000, left()),
      );
      if (!settled) {
        gaveUp(m, performance.now() - t, clickAt);
        if (workerBusy !== null) m.note += ` (${workerBusy} may still be computing)`;
        await shot(`${layout}-not-settled`);
        continue;
      }
      Object.assign(m, { outcome: 'done', note: null, wallMs: settled.at - clickAt, ready: settled.ready });
      spans.push([m, clickAt, settled.at]);
      await shot(layout);
    }
    // Long tasks reach the bench once a second (when the page is not blocked): wait for the last ones.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    for (const [m, from, to] of spans) m.longestTaskMs = longestIn(reports.longTasks, from, to);
  } catch (e) {
    out.error = firstLine(e);
    await shot('failed');
  } finally {
    out.longTasks = reports.longTasks;
    out.totalMs = performance.now() - t0;
    await within(context.close(), 15_000).catch(() => undefined);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(0));

function describeRun(r: BrowserRun): string {
  const parts = [
    `first drawing ${fmt(r.drawMs)} ms` + (r.drawSource === 'webgl-frame' ? ' (first WebGL frame; the page reported none)' : ''),
    `${r.nodes ?? '?'} nodes / ${r.edges ?? '?'} edges`,
  ];
  if (r.layoutsMeasured) {
    const lay = r.layouts.map((l) => {
      const name = `${l.layout}${l.trigger === 'load' ? ' (load)' : ''}`;
      if (l.computeMs === null) return `${name} ${l.outcome.toUpperCase()}`;
      return `${name} ${fmt(l.computeMs)}/${l.wallMs !== null ? fmt(l.wallMs) : `${fmt(l.reportedMs)} (not settled)`}${l.where === 'page' && l.layout !== 'geo' && l.layout !== 'concentric' ? ' ON PAGE' : ''}`;
    });
    parts.push(`layouts compute/click→settled ms: ${lay.join(', ')}`);
  }
  if (r.layoutsMeasured) parts.push(`longest task ${fmt(r.longTasks.reduce((m, t) => Math.max(m, t.ms), 0))} ms`);
  if (r.consoleErrors.length) parts.push(`${r.consoleErrors.length} console error(s)`);
  if (r.error) parts.push(`GAVE UP: ${r.error}`);
  return parts.join('; ');
}

export async function runBrowserBench(opts: BrowserBenchOptions): Promise<BrowserBenchReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const budgetMs = opts.budgetMs ?? 160_000;
  const firstDrawTimeoutMs = opts.firstDrawTimeoutMs ?? 60_000;
  const stepTimeoutMs = opts.stepTimeoutMs ?? 30_000;
  const started = performance.now();
  const report: BrowserBenchReport = { skipped: browserSkipReason(), chromium: null, webglRenderer: null, clientBuildMs: null, budgetMs, totalMs: 0, sizes: [] };
  if (report.skipped) return report;
  if (opts.screenshotDir) mkdirSync(opts.screenshotDir, { recursive: true });

  log('Building the client (Vite, production) …');
  const clientDir = await buildClient();
  report.clientBuildMs = performance.now() - started;
  const browser = await launchChromium();
  report.chromium = browser.version();
  try {
    report.webglRenderer = await webglRenderer(browser);
    const deadline = started + budgetMs;
    for (const [i, target] of opts.sizes.entries()) {
      const fitted = fitNetwork(target, opts.seed);
      const size: BrowserSizeResult = {
        target,
        generate: fitted.options,
        generatedNodes: fitted.nodes,
        generatedEvents: fitted.batch.events.length,
        runs: [],
        error: null,
      };
      report.sizes.push(size);
      const g = fitted.options;
      log(
        `Browser, ${target.toLocaleString('en-US')} nodes: ${g.actors} actors, ${g.projects} projects, ${size.generatedEvents} events, ` +
          `${g.relationships} relationships, ${g.regions} regions; ${opts.runs} page${opts.runs === 1 ? '' : 's'} …`,
      );
      const dataDir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-bench-browser-'));
      let running: Running | null = null;
      try {
        const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'production' });
        running = await startServer(config, { clientDir, log: () => undefined, demo: false });
        await running.store.applyBatch(fitted.batch);
        // This size's share of what is left of the budget (the later sizes get the rest).
        const sizeDeadline = performance.now() + Math.max(0, deadline - performance.now()) / (opts.sizes.length - i);
        for (let r = 1; r <= opts.runs; r++) {
          const withLayouts = r === opts.runs;
          const prefix = opts.screenshotDir ? join(opts.screenshotDir, `${target}-run${r}`) : null;
          // The first drawing is the figure with a target: it may wait beyond the budget, up to its own limit.
          const drawLimit = Math.min(firstDrawTimeoutMs, Math.max(MIN_FIRST_DRAW_WAIT_MS, sizeDeadline - performance.now()));
          const res = await measureRun(browser, running.url, r, withLayouts, { firstDrawTimeoutMs: drawLimit, stepTimeoutMs, deadline: sizeDeadline }, prefix);
          size.runs.push(res);
          log(`  run ${r}: ${describeRun(res)}`);
          if (res.drawMs === null) {
            if (r < opts.runs) log(`  runs ${r + 1}–${opts.runs} skipped: no first drawing in run ${r}`);
            break;
          }
        }
      } catch (e) {
        size.error = firstLine(e);
        log(`  failed: ${size.error}`);
      } finally {
        await running?.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    // buildClient() built into <tmp>/nwa-client-*/client; the bench is its only user in this process.
    rmSync(dirname(clientDir), { recursive: true, force: true });
  }
  report.totalMs = performance.now() - started;
  return report;
}

/** The WebGL renderer string of a blank page (e.g. SwiftShader: software rendering). */
async function webglRenderer(browser: Browser): Promise<string | null> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL 2';
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    });
  } catch {
    return null;
  } finally {
    await page.close();
  }
}
