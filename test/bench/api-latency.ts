/**
 * Does the API keep answering while the analysis computes? Starts the real server on a store with
 * the generated network, sends a cold `metrics` query (whole suite on the actor network, run in the
 * analysis worker) and, while it runs, a light query every 25 ms; reports their latencies against
 * the 100 ms target, and the time until the metrics answer arrived.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphBatch } from '../../server/domain/model.ts';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';

export const LATENCY_TARGET_MS = 100;
const PROBE_EVERY_MS = 25;
const PROBE = '{ search(text: "Netz", limit: 10) { id } }';
const METRICS = '{ metrics { nodes { id degree betweenness closeness eigenvector pagerank community } stats { nodes edges components } } }';

export interface LatencyReport {
  actors: number;
  ties: number | null;
  metricsMs: number;
  idleMs: number;
  probes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Probes slower than the target (with when they were sent, ms after the metrics request). */
  slow: { atMs: number; ms: number }[];
}

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

export async function apiLatencyBench(batch: GraphBatch): Promise<LatencyReport> {
  const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-latency-'));
  const running = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir, NODE_ENV: 'test' }), { demo: false, log: () => undefined, clientDir: '/nonexistent' });
  const post = async (query: string) => {
    const res = await fetch(`${running.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data?: { metrics?: { stats: { edges: number } } }; errors?: unknown[] };
  };
  try {
    await running.store.applyBatch(batch);
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await post(PROBE);
      idle.push(performance.now() - t);
    }
    const t0 = performance.now();
    let done = false;
    const metrics = post(METRICS).finally(() => (done = true));
    const probes: { atMs: number; ms: number }[] = [];
    while (!done) {
      const sent = performance.now();
      await post(PROBE);
      probes.push({ atMs: Math.round(sent - t0), ms: performance.now() - sent });
      const wait = PROBE_EVERY_MS - (performance.now() - sent);
      if (wait > 0 && !done) await new Promise((r) => setTimeout(r, wait));
    }
    const result = await metrics;
    const metricsMs = performance.now() - t0;
    if (result.errors) throw new Error(`metrics failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
    const ms = probes.map((p) => p.ms);
    return {
      actors: batch.actors.length,
      ties: result.data?.metrics?.stats.edges ?? null,
      metricsMs,
      idleMs: percentile(idle, 0.5),
      probes: probes.length,
      p50Ms: percentile(ms, 0.5),
      p95Ms: percentile(ms, 0.95),
      maxMs: Math.max(...ms),
      slow: probes.filter((p) => p.ms > LATENCY_TARGET_MS),
    };
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
