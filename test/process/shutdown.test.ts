/**
 * Processes that stop (real processes, no mocks): `npm start` and `npm run import` spawned as a user
 * would, then SIGTERM / SIGINT to the npm process, or kill -9 of npm. Everything (npm and its node
 * child) is gone within 5 s, the port is closed, a request in flight completes, and an interrupted
 * import leaves nothing in the store. Runs on the embedded store (DATA_DIR in a temp folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { writeCsvBundle } from '../../server/export/csv.ts';
import { openStore } from '../../server/store/open-store.ts';
import { participationBatch } from '../bench/import-bench.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function env(dataDir: string): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- test harness
  const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' };
  delete e.NEO4J_URI; // the embedded store in the temp folder
  return e;
}

interface Spawned {
  npm: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; signal: string | null; at: number }>;
}

function npm(args: string[], dataDir: string): Spawned {
  const child = spawn('npm', args, { cwd: ROOT, env: env(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal, at: performance.now() })),
  );
  return { npm: child, out: () => out, exited };
}

/** Running (a zombie, exited but not yet reaped by whoever adopted it, counts as gone). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** The pids of a process's children (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const waitFor = async (what: () => boolean, ms: number): Promise<boolean> => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (what()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return what();
};

const portOpen = (port: number) =>
  new Promise<boolean>((r) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), r(true)));
    s.once('error', () => r(false));
  });

async function startServer(): Promise<Spawned & { port: number; node: number }> {
  const s = npm(['start'], tempDir('nwa-stop-'));
  expect(await waitFor(() => /running at http:\/\/[^:]+:(\d+)\//.test(s.out()), 90_000)).toBe(true);
  const port = Number(/running at http:\/\/[^:]+:(\d+)\//.exec(s.out())?.[1]);
  const [node] = childrenOf(s.npm.pid as number);
  expect(node).toBeGreaterThan(0);
  expect(childrenOf(node as number)).toEqual([]); // no wrapper: npm → node, nothing below
  return { ...s, port, node: node as number };
}

describe('npm start', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to npm: npm and node gone within 5 s, exit code 0, the port closed`, { timeout: 120_000 }, async () => {
      const s = await startServer();
      const t0 = performance.now();
      s.npm.kill(signal);
      const { code, at } = await s.exited;
      expect(await waitFor(() => !alive(s.node), 5_000)).toBe(true);
      const ms = Math.max(at, performance.now()) - t0;
      console.log(`npm start, ${signal}: all gone after ${Math.round(ms)} ms`);
      expect(ms).toBeLessThan(5_000);
      expect(code).toBe(0);
      expect(s.out()).toMatch(new RegExp(`Stopping \\(${signal}\\)[\\s\\S]*Stopped in \\d+ ms`));
      expect(await portOpen(s.port)).toBe(false);
    });
  }

  it('SIGTERM to the node child itself: the same clean stop', { timeout: 120_000 }, async () => {
    const s = await startServer();
    const t0 = performance.now();
    process.kill(s.node, 'SIGTERM');
    const { code, at } = await s.exited;
    expect(at - t0).toBeLessThan(5_000);
    expect(code).toBe(0);
    expect(alive(s.node)).toBe(false);
  });

  it('a request in flight when SIGTERM arrives completes', { timeout: 120_000 }, async () => {
    const s = await startServer();
    // The body is sent in two halves: the request is in flight (half-read) when the signal arrives.
    const body = JSON.stringify({ query: '{ stats { actors } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ port: s.port, host: '127.0.0.1', path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (b: Buffer) => (text += b.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        s.npm.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 1_000);
      }, 300);
    });
    const t0 = performance.now();
    const res = await answer;
    expect(res.text).not.toMatch(/error/i);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.text) as { data: { stats: { actors: number } } }).data.stats.actors).toBeGreaterThan(0);
    const { code, at } = await s.exited;
    expect(code).toBe(0);
    expect(at - t0).toBeLessThan(5_000);
    expect(alive(s.node)).toBe(false);
  });

  it('kill -9 of npm: the node child notices and stops within a few seconds', { timeout: 120_000 }, async () => {
    const s = await startServer();
    const t0 = performance.now();
    s.npm.kill('SIGKILL');
    expect(await waitFor(() => !alive(s.node), 5_000)).toBe(true);
    console.log(`npm start, kill -9 of npm: node gone after ${Math.round(performance.now() - t0)} ms`);
    expect(await portOpen(s.port)).toBe(false);
  });
});

describe('npm run import interrupted', () => {
  let folder = '';
  beforeAll(() => {
    folder = join(tempDir('nwa-stop-csv-'), 'csv');
    mkdirSync(folder);
    for (const [file, content] of writeCsvBundle(participationBatch(100_000, 7))) writeFileSync(join(folder, file), content);
  });

  async function storeCounts(dataDir: string): Promise<{ actors: number; projects: number }> {
    const store = await openStore(loadConfig({ DATA_DIR: dataDir }));
    try {
      await store.init();
      const s = await store.stats();
      return { actors: s.actors, projects: s.projects };
    } finally {
      await store.close();
    }
  }

  it('SIGTERM to npm mid-way: exits non-zero within 5 s saying nothing was written; the store holds none of it', { timeout: 120_000 }, async () => {
    const dataDir = tempDir('nwa-stop-import-');
    const s = npm(['run', 'import', '--', folder], dataDir);
    // Mid-way: the node child runs and has been reading for a while.
    expect(await waitFor(() => childrenOf(s.npm.pid as number).length > 0, 10_000)).toBe(true);
    const [node] = childrenOf(s.npm.pid as number);
    await new Promise((r) => setTimeout(r, 2_500));
    const t0 = performance.now();
    s.npm.kill('SIGTERM');
    const { code, at } = await s.exited;
    expect(await waitFor(() => !alive(node as number), 5_000)).toBe(true);
    console.log(`npm run import, SIGTERM: gone after ${Math.round(Math.max(at, performance.now()) - t0)} ms, code ${code}`);
    expect(at - t0).toBeLessThan(5_000);
    expect(code).toBe(143);
    expect(s.out()).toMatch(/Import interrupted \(SIGTERM\): nothing written/);
    expect(await storeCounts(dataDir)).toEqual({ actors: 0, projects: 0 });
  });

  it('SIGTERM to npm during the write transaction: rolled back, exits 143 within 5 s; the store holds none of it', { timeout: 120_000 }, async () => {
    const dataDir = tempDir('nwa-stop-write-');
    const s = npm(['run', 'import', '--', folder], dataDir);
    // Writing: the write-ahead log has grown far beyond the built-in regions' 0.5 MB.
    const wal = join(dataDir, 'netzwerkatlas.sqlite-wal');
    expect(await waitFor(() => existsSync(wal) && statSync(wal).size > 20e6, 60_000)).toBe(true);
    const [node] = childrenOf(s.npm.pid as number);
    const t0 = performance.now();
    s.npm.kill('SIGTERM');
    const { code, at } = await s.exited;
    expect(await waitFor(() => !alive(node as number), 5_000)).toBe(true);
    console.log(`npm run import, SIGTERM while writing: gone after ${Math.round(Math.max(at, performance.now()) - t0)} ms, code ${code}`);
    expect(at - t0).toBeLessThan(5_000);
    expect(code).toBe(143);
    expect(s.out()).toMatch(/Import interrupted \(SIGTERM\): nothing written/);
    expect(await storeCounts(dataDir)).toEqual({ actors: 0, projects: 0 });
  });

  it('kill -9 of npm mid-way: the node child stops importing; the store holds none of it', { timeout: 120_000 }, async () => {
    const dataDir = tempDir('nwa-kill-import-');
    const s = npm(['run', 'import', '--', folder], dataDir);
    expect(await waitFor(() => childrenOf(s.npm.pid as number).length > 0, 10_000)).toBe(true);
    const [node] = childrenOf(s.npm.pid as number);
    await new Promise((r) => setTimeout(r, 2_500));
    const t0 = performance.now();
    s.npm.kill('SIGKILL');
    expect(await waitFor(() => !alive(node as number), 5_000)).toBe(true);
    console.log(`npm run import, kill -9 of npm: node gone after ${Math.round(performance.now() - t0)} ms`);
    expect(await storeCounts(dataDir)).toEqual({ actors: 0, projects: 0 });
  });
});
