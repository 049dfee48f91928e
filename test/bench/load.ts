/**
 * `npm run bench -- --load`: a workshop on the real-scale network (issue 15). The server runs as
 * `npm start` does (a child process, its own data folder with the CORDIS-like network imported
 * through the CLI); `clients` people (default 50) use it at once for `durationS` seconds (default
 * 60), each with the explorer's own queries: the overview and a state's districts, search, an
 * actor's details, an actor's neighbourhood (a third of them one of the 20 biggest hubs: people
 * click the big nodes) and the slides of a workshop story, with 250–750 ms between two steps.
 * Meanwhile an editor uploads a file through the page's import (POST /import, 2,000 new actors with
 * their ties, written in one transaction) and asks for an analysis nobody has asked for before
 * (the metrics of one state); the import moves the data on, so every cache starts again and the
 * background analysis of the whole network runs once more.
 *
 * Reported per kind of request: count, errors, p50/p95/p99/max, and against the reference in the
 * same run: the median of the same steps by one person alone, just before the crowd; the server's memory (resident set,
 * sampled every 250 ms); how long the import and the analysis took. Targets: 0 errors; p99 ≤ 500 ms
 * for search, details, neighbourhood and slides; memory below 2 GB. `loadRun` with small figures is
 * the short version in `npm test` (test/api/load.test.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ActorDetailsDocument,
  CreateStoryDocument,
  MetricsDocument,
  NeighborhoodDocument,
  NetworkDocument,
  OverviewDocument,
  SearchDocument,
  StoryDocument,
} from '../../client/api/generated/graphql.ts';
import { seededRandom } from '../../server/analysis/random.ts';
import { generateCordisLike, writeCordisLike } from './cordis-like.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const LOAD_TARGETS = { p99Ms: 500, memoryBytes: 2 * 1024 ** 3 } as const;
/** The kinds of request whose p99 has a target. */
export const TARGETED = ['search', 'details', 'neighbourhood', 'slide'] as const;
export type RequestKind = (typeof TARGETED)[number] | 'overview' | 'story' | 'import' | 'analysis';

export interface LoadOptions {
  clients: number;
  durationS: number;
  /** The data: the CORDIS-like network of real size, or the demo network (the short version). */
  data: 'cordis-like' | 'demo';
  /** Seconds one person uses the server alone first (the reference). */
  aloneS: number;
  /** Seconds after the start when the editor uploads and asks for the analysis. */
  editorAtS: number;
  /** Actors in the uploaded file. */
  importActors: number;
  seed: number;
  log: (line: string) => void;
}

export const LOAD_DEFAULTS: LoadOptions = { clients: 50, durationS: 60, data: 'cordis-like', aloneS: 10, editorAtS: 10, importActors: 2_000, seed: 1, log: (l) => console.log(l) };

export interface KindReport {
  kind: RequestKind;
  count: number;
  errors: number;
  /** The median for one person alone, measured just before the crowd (the reference). */
  aloneP50Ms: number | null;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadReport {
  clients: number;
  durationS: number;
  editorAtS: number;
  actors: number;
  requests: number;
  errors: number;
  /** The first errors (kind, status, code or message). */
  errorSamples: string[];
  /** The slowest requests of the crowd (above 250 ms, at most 40): kind, time, start (s into the crowd), the variables and how it was answered. */
  slowest: { kind: RequestKind; ms: number; atS: number; what: string }[];
  kinds: KindReport[];
  maxRssBytes: number;
  /** Per 10 s of the crowd: search, details, neighbourhood and slide requests, their p99, the memory. */
  /**
   * Per 10 s: the targeted requests and their p99, the neighbourhoods' p99, the memory, and the CPU
   * used by the server's main thread and by the whole process (all threads), in cores.
   */
  windows: { fromS: number; requests: number; p99Ms: number | null; neighbourhoodP99Ms: number | null; maxRssBytes: number; mainCores: number; processCores: number }[];
  importMs: number | null;
  importedActors: number | null;
  analysisMs: number | null;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `node --import tsx server/start.ts` on the folder; resolves with its address and admin secret. */
async function startChild(dataDir: string, log: (l: string) => void): Promise<{ child: ChildProcess; url: string; admin: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/start.ts')], {
    cwd: ROOT,
    // eslint-disable-next-line no-restricted-properties -- test harness: the child gets this process's environment with its own data folder
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: '', NODE_ENV: 'production', READ_ACCESS: 'open' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => log(`  server: ${d.toString().trim()}`));
  const started = performance.now();
  while (!/is running at/.test(out)) {
    if (child.exitCode !== null) throw new Error(`the server ended (${child.exitCode}): ${out}`);
    if (performance.now() - started > 120_000) throw new Error(`the server did not start within 120 s: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const admin = /#token=([^\s]+)/.exec(out)?.[1];
  if (!admin) throw new Error('the server printed no admin sign-in link (the data folder was not fresh)');
  return { child, url: `http://127.0.0.1:${port}/`, admin: decodeURIComponent(admin) };
}

/** CPU seconds used so far (user + system) by a process (`/proc/<pid>/stat`) or one of its threads (`/proc/<pid>/task/<tid>/stat`); 0 where /proc is missing. */
function cpuSecondsOf(path: string): number {
  try {
    // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(path, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A CSV template upload: `n` new actors in Sachsen's districts, each cooperating with the one before. */
function uploadFiles(n: number): { name: string; content: string }[] {
  const actors = ['id,name,kind,region_id'];
  const coop = ['actor_id,partner_id,kind'];
  const districts = ['de-14612', 'de-14627', 'de-14713', 'de-14625', 'de-14522'];
  for (let i = 0; i < n; i++) {
    actors.push(`load-${i},Workshop-Teilnehmer ${i} GmbH,company,${districts[i % districts.length]}`);
    if (i > 0) coop.push(`load-${i},load-${i - 1},cooperation`);
  }
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [
    { name: 'actors.csv', content: b64(actors.join('\n')) },
    { name: 'cooperations.csv', content: b64(coop.join('\n')) },
  ];
}

export async function loadRun(partial: Partial<LoadOptions> = {}): Promise<LoadReport> {
  const o: LoadOptions = { ...LOAD_DEFAULTS, ...partial };
  const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-load-'));
  const dataDir = join(dir, 'data');
  let child: ChildProcess | null = null;
  try {
    if (o.data === 'cordis-like') {
      o.log('Generating the CORDIS-like export and importing it through the CLI …');
      writeCordisLike(generateCordisLike({ seed: o.seed }), join(dir, 'cordis'));
      const imported = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli/import.ts'), join(dir, 'cordis')], {
        cwd: ROOT,
        // eslint-disable-next-line no-restricted-properties -- test harness
        env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr.slice(0, 2000)}`);
    }
    const server = await startChild(dataDir, o.log);
    child = server.child;
    const pid = child.pid as number;
    const gql = async (doc: unknown, variables: Record<string, unknown>, token?: string, whole = false) => {
      const res = await fetch(`${server.url}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: String(doc), variables }),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      const cache = res.headers.get('x-cache');
      // Large answers (a hub's neighbourhood: 3 MB) are only checked, not decoded: the people are on other machines, the bench is not.
      if (!whole && bytes.length > 200_000 && bytes.subarray(0, 8).toString() === '{"data":') return { status: res.status, cache, body: { data: {} } };
      const text = bytes.toString('utf8');
      let body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
      }
      return { status: res.status, cache, body };
    };

    // The workshop's material: a sample of actors, the hubs, a story of four slides.
    const sample = await gql('{ network(filter: { nodeTypes: [ACTOR], includeDerived: false, includeDirect: false, limit: 100000 }) { nodes { id label } } stats { actors } }', {}, undefined, true);
    const actors = ((sample.body.data?.network as { nodes: { id: string; label: string }[] } | undefined)?.nodes ?? []).filter((n) => n.label.length >= 4);
    if (actors.length === 0) throw new Error(`no actors: ${JSON.stringify(sample.body).slice(0, 500)}`);
    const actorCount = (sample.body.data?.stats as { actors: number }).actors;
    const slideFilters = [{ regionIds: ['de-14'] }, { regionIds: ['de-14612'] }, { regionIds: ['de-14713'] }, { regionIds: ['de-14'], includeDerived: false }];
    const story = await gql(
      CreateStoryDocument,
      { input: { id: 'workshop-load', title: 'Workshop', slides: slideFilters.map((f, i) => ({ id: `s${i + 1}`, title: `Folie ${i + 1}`, view: { query: `?regions=${f.regionIds.join(',')}` } })) } },
      server.admin,
    );
    if (story.body.errors) throw new Error(`story: ${JSON.stringify(story.body.errors)}`);
    // The workshop starts on a server that has settled: the story is written and the background analysis
    // of the data as it is now has finished (as after any data change). The upload then disturbs it.
    for (let waited = 0; ; waited += 500) {
      const status = await gql('{ analysisStatus { state revision currentRevision } }', {}, undefined, true);
      const st = status.body.data?.analysisStatus as { state: string; revision: number; currentRevision: number } | undefined;
      if (st && st.state !== 'running' && st.revision === st.currentRevision) break;
      if (waited > 300_000) throw new Error(`the background analysis did not finish: ${JSON.stringify(status.body)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const metrics = await gql('{ metrics { nodes { id degree } } }', {}, server.admin, true);
    const degrees = ((metrics.body.data?.metrics as { nodes: { id: string; degree: number }[] } | undefined)?.nodes ?? []).sort((a, b) => b.degree - a.degree);
    const hubs = degrees.slice(0, 20).map((d) => d.id);
    o.log(`Server ready: ${actorCount} actors; ${o.clients} clients for ${o.durationS} s …`);

    const crowd = new Map<RequestKind, number[]>();
    const alone = new Map<RequestKind, number[]>();
    let times = alone;
    const errors = new Map<RequestKind, number>();
    const errorSamples: string[] = [];
    /** Per 10-second window of the crowd: the targeted requests' times and the memory. */
    interface Window {
      ms: number[];
      neighbourhoodMs: number[];
      rss: number;
      /** CPU seconds of the main thread and of the process when the window began. */
      cpuAtStart: { main: number; process: number } | null;
    }
    const windows: Window[] = [];
    let crowdStart = 0;
    const cpuNow = () => ({ main: cpuSecondsOf(`/proc/${pid}/task/${pid}/stat`), process: cpuSecondsOf(`/proc/${pid}/stat`) });
    const windowAt = (t: number) => {
      const i = Math.floor((t - crowdStart) / 10_000);
      while (windows.length <= i) windows.push({ ms: [], neighbourhoodMs: [], rss: 0, cpuAtStart: null });
      return windows[i] as Window;
    };
    /** The slowest requests of the crowd (for the JSON report): what was asked, when, and how it was answered. */
    const slowest: { kind: RequestKind; ms: number; atS: number; what: string }[] = [];
    const record = (kind: RequestKind, ms: number, error: string | null, what = '') => {
      (times.get(kind) ?? times.set(kind, []).get(kind))?.push(ms);
      if (times === crowd && ms > 250) {
        slowest.push({ kind, ms: Math.round(ms), atS: Math.round((performance.now() - ms - crowdStart) / 100) / 10, what });
        slowest.sort((a, b) => b.ms - a.ms).splice(40);
      }
      if (times === crowd && (TARGETED as readonly string[]).includes(kind)) {
        const w = windowAt(performance.now());
        w.ms.push(ms);
        if (kind === 'neighbourhood') w.neighbourhoodMs.push(ms);
      }
      if (error !== null) {
        errors.set(kind, (errors.get(kind) ?? 0) + 1);
        if (errorSamples.length < 10) errorSamples.push(`${kind}: ${error}`);
      }
    };
    const timed = async (kind: RequestKind, doc: unknown, variables: Record<string, unknown>, token?: string) => {
      const t = performance.now();
      try {
        const r = await gql(doc, variables, token);
        const e = r.body.errors?.[0];
        const what = `${JSON.stringify(variables).slice(0, 80)}${hubs.includes(String(variables.id)) ? ' (hub)' : ''} ${r.cache ?? 'computed'}`;
        record(kind, performance.now() - t, r.status !== 200 || e ? `HTTP ${r.status} ${e?.extensions?.code ?? ''} ${e?.message ?? ''}`.trim() : null, what);
        return r.body.data;
      } catch (err) {
        const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
        record(kind, performance.now() - t, `${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
        return undefined;
      }
    };

    let maxRss = rssOf(pid);
    const sampler = setInterval(() => {
      const rss = rssOf(pid);
      maxRss = Math.max(maxRss, rss);
      if (times === crowd) {
        const w = windowAt(performance.now());
        w.rss = Math.max(w.rss, rss);
        w.cpuAtStart ??= cpuNow();
      }
    }, 250);
    let until = 0;
    const all = { nodeTypes: ['ACTOR', 'PROJECT', 'REGION', 'EVENT'], includeDirect: true, includeDerived: true, limit: 5000 };

    const client = async (c: number) => {
      const rnd = seededRandom(o.seed * 1000 + c);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      let slide = Math.floor(rnd() * slideFilters.length);
      let current = pick(actors);
      while (performance.now() < until) {
        const r = rnd();
        if (r < 0.1) {
          if (rnd() < 0.5) await timed('overview', OverviewDocument, { level: 'state', parentId: null, filter: null });
          else await timed('overview', OverviewDocument, { level: 'district', parentId: 'de-14', filter: null });
        } else if (r < 0.35) {
          const name = pick(actors).label;
          const start = Math.floor(rnd() * Math.max(1, name.length - 6));
          const hits = (await timed('search', SearchDocument, { text: name.slice(start, start + 3 + Math.floor(rnd() * 4)), types: null })) as { search?: { id: string; type: string }[] } | undefined;
          const actor = hits?.search?.find((h) => h.type === 'ACTOR');
          if (actor) current = { id: actor.id, label: '' };
        } else if (r < 0.6) {
          await timed('details', ActorDetailsDocument, { id: current.id, editable: false });
        } else if (r < 0.85) {
          const id = rnd() < 1 / 3 && hubs.length > 0 ? pick(hubs) : pick(actors).id;
          await timed('neighbourhood', NeighborhoodDocument, { id, depth: 1, limit: 5000 });
          current = { id, label: '' };
        } else {
          if (rnd() < 0.2) await timed('story', StoryDocument, { id: 'workshop-load' });
          slide = (slide + 1) % slideFilters.length;
          await timed('slide', NetworkDocument, { filter: { ...all, ...slideFilters[slide] } });
        }
        await new Promise((res) => setTimeout(res, 250 + rnd() * 500));
      }
    };

    const editor = async () => {
      await new Promise((res) => setTimeout(res, o.editorAtS * 1000));
      const analysis = (async () => {
        const t = performance.now();
        await timed('analysis', MetricsDocument, { filter: { regionIds: ['de-14'] }, weighted: false, weighting: 'COUNT' }, server.admin);
        return performance.now() - t;
      })();
      const t = performance.now();
      let importedActors: number | null = null;
      try {
        const res = await fetch(`${server.url}import?dryRun=false`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.admin}` },
          body: JSON.stringify({ files: uploadFiles(o.importActors) }),
        });
        const body = (await res.json()) as { result?: { created?: { actors?: number } }; errors?: unknown };
        importedActors = body.result?.created?.actors ?? null;
        record('import', performance.now() - t, res.status === 200 ? null : `HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      } catch (err) {
        record('import', performance.now() - t, (err as Error).message);
      }
      return { importMs: performance.now() - t, importedActors, analysisMs: await analysis };
    };

    // The reference in the same run: one person alone for `aloneS` seconds, the same steps.
    until = performance.now() + o.aloneS * 1000;
    await client(o.clients);
    times = crowd;
    crowdStart = performance.now();
    windowAt(crowdStart).cpuAtStart = cpuNow();
    until = crowdStart + o.durationS * 1000;
    const [, editorResult] = await Promise.all([Promise.all(Array.from({ length: o.clients }, (_, c) => client(c))), editor()]);
    const crowdEnd = performance.now();
    const cpuAtEnd = cpuNow();
    clearInterval(sampler);
    maxRss = Math.max(maxRss, rssOf(pid));

    const order: RequestKind[] = ['overview', 'search', 'details', 'neighbourhood', 'story', 'slide', 'import', 'analysis'];
    const kinds = order
      .filter((k) => crowd.has(k))
      .map((kind): KindReport => {
        const xs = [...(crowd.get(kind) ?? [])].sort((a, b) => a - b);
        const one = [...(alone.get(kind) ?? [])].sort((a, b) => a - b);
        return {
          kind,
          count: xs.length,
          errors: errors.get(kind) ?? 0,
          aloneP50Ms: one.length > 0 ? percentile(one, 0.5) : null,
          p50Ms: percentile(xs, 0.5),
          p95Ms: percentile(xs, 0.95),
          p99Ms: percentile(xs, 0.99),
          maxMs: xs[xs.length - 1] ?? NaN,
        };
      });
    return {
      clients: o.clients,
      durationS: o.durationS,
      editorAtS: o.editorAtS,
      actors: actorCount,
      requests: kinds.reduce((n, k) => n + k.count, 0),
      errors: kinds.reduce((n, k) => n + k.errors, 0),
      errorSamples,
      slowest,
      kinds,
      maxRssBytes: maxRss,
      windows: windows.map((w, i) => {
        const xs = [...w.ms].sort((a, b) => a - b);
        const hood = [...w.neighbourhoodMs].sort((a, b) => a - b);
        // CPU over the window: to the next window's start (or now), per second of wall time.
        const end = windows[i + 1]?.cpuAtStart ?? cpuAtEnd;
        const from = w.cpuAtStart ?? end;
        const seconds = Math.min(10, Math.max(0.25, (crowdEnd - crowdStart) / 1000 - i * 10));
        return {
          fromS: i * 10,
          requests: xs.length,
          p99Ms: xs.length > 0 ? percentile(xs, 0.99) : null,
          neighbourhoodP99Ms: hood.length > 0 ? percentile(hood, 0.99) : null,
          maxRssBytes: w.rss,
          mainCores: (end.main - from.main) / seconds,
          processCores: (end.process - from.process) / seconds,
        };
      }),
      ...editorResult,
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadReportText(r: LoadReport): string {
  const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');
  const lines = [
    `Workshop load: ${r.clients} clients for ${r.durationS} s on ${r.actors.toLocaleString('en')} actors — ${r.requests} requests, ${r.errors} errors`,
    '',
    '| request | count | errors | alone p50 | p50 | p95 | p99 | max | p99 / alone p50 | target p99 | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.kinds.map((k) => {
      const targeted = (TARGETED as readonly string[]).includes(k.kind);
      const pass = k.errors === 0 && (!targeted || k.p99Ms <= LOAD_TARGETS.p99Ms);
      const ratio = k.aloneP50Ms ? `${(k.p99Ms / k.aloneP50Ms).toFixed(1)}×` : '—';
      return `| ${k.kind} | ${k.count} | ${k.errors} | ${k.aloneP50Ms === null ? '—' : ms(k.aloneP50Ms)} | ${ms(k.p50Ms)} | ${ms(k.p95Ms)} | ${ms(k.p99Ms)} | ${ms(k.maxMs)} | ${ratio} | ${targeted ? `≤ ${LOAD_TARGETS.p99Ms} ms` : '—'} | ${pass ? 'PASS' : 'MISS'} |`;
    }),
    '',
    `Server memory (resident, max): ${(r.maxRssBytes / 1024 ** 2).toFixed(0)} MB (target < ${LOAD_TARGETS.memoryBytes / 1024 ** 3} GB) ${r.maxRssBytes < LOAD_TARGETS.memoryBytes ? 'PASS' : 'MISS'}`,
    `Upload through the page: ${r.importMs === null ? '—' : ms(r.importMs)} (${r.importedActors ?? '?'} actors created); analysis of one state, cold: ${r.analysisMs === null ? '—' : ms(r.analysisMs)}`,
    '',
    `Per 10 s (the editor starts at ${r.editorAtS} s):`,
    '',
    '| from | targeted requests | p99 | neighbourhood p99 | memory | main thread CPU | process CPU |',
    '|---|---|---|---|---|---|---|',
    ...r.windows.map(
      (w) =>
        `| ${w.fromS} s | ${w.requests} | ${w.p99Ms === null ? '—' : ms(w.p99Ms)} | ${w.neighbourhoodP99Ms === null ? '—' : ms(w.neighbourhoodP99Ms)} | ${(w.maxRssBytes / 1024 ** 2).toFixed(0)} MB | ${(w.mainCores * 100).toFixed(0)} % | ${w.processCores.toFixed(2)} cores |`,
    ),
  ];
  if (r.errorSamples.length > 0) lines.push('', 'First errors:', ...r.errorSamples.map((e) => `  ${e}`));
  return lines.join('\n');
}
