/**
 * Import throughput: a generated participation file of 100,000 rows (with its 20,000 actors and
 * 5,000 projects) written as CSV template files, then `importFiles` into an empty embedded store —
 * read, validated and written in one transaction. Reports rows per second (target ≥ 20,000) and
 * the peak memory growth during the import (RSS and JS heap), sampled every 20 ms and at every
 * progress report — the write is one synchronous transaction, during which only the latter come.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphBatch, Participation } from '../../server/domain/model.ts';
import { writeCsvBundle } from '../../server/export/csv.ts';
import { importFiles } from '../../server/import/import-files.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { generateNetwork, mulberry32 } from './generate.ts';

export const IMPORT_TARGET_ROWS_PER_S = 20_000;

export interface ImportBenchReport {
  participations: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssGrowthMb: number;
  peakHeapGrowthMb: number;
  /** Progress reports heard (read: one per 64 KiB chunk; validate; write: one per 5,000 rows). */
  progressReports: number;
  fileMb: number;
}

/** The generated network's regions, actors and projects, with exactly `participations` distinct participations. */
export function participationBatch(participations: number, seed: number): GraphBatch {
  const base = generateNetwork({ regions: 400, actors: 20_000, projects: 5_000, relationships: 30_000, seed });
  const rnd = mulberry32(seed + 1);
  const seen = new Set<string>();
  const rows: Participation[] = [];
  while (rows.length < participations) {
    const actor = base.actors[Math.floor(rnd() * base.actors.length)];
    const project = base.projects[Math.floor(rnd() * base.projects.length)];
    if (!actor || !project) continue;
    const key = `${actor.id}|${project.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ actorId: actor.id, projectId: project.id, role: rnd() < 0.1 ? 'lead' : 'partner', contribution: rnd() < 0.3 ? Math.round(rnd() * 1e6) / 100 : null, description: null, sourceIds: [] });
  }
  return { ...base, participations: rows, eventParticipations: [], cooperations: [], targets: [] };
}

export async function importBench(seed: number, participations = 100_000): Promise<ImportBenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-import-bench-'));
  try {
    const batch = participationBatch(participations, seed);
    const folder = join(dir, 'csv');
    mkdirSync(folder);
    let bytes = 0;
    for (const [file, content] of writeCsvBundle(batch)) {
      writeFileSync(join(folder, file), content);
      bytes += Buffer.byteLength(content);
    }
    const store = createGraphStore(new SqliteBackend(join(dir, 'bench.sqlite')));
    await store.init();
    globalThis.gc?.();
    const before = process.memoryUsage();
    const peak = { rss: before.rss, heap: before.heapUsed };
    const sample = () => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heap = Math.max(peak.heap, m.heapUsed);
    };
    let progressReports = 0;
    const sampler = setInterval(sample, 20);
    const t0 = performance.now();
    const result = await importFiles(store, folder, {
      onProgress: () => {
        progressReports++;
        sample();
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    sample();
    await store.close();
    const rows = Object.values(result.created).reduce((a, b) => a + b, 0);
    return {
      participations: result.created.participations,
      rows,
      seconds,
      rowsPerSecond: rows / seconds,
      peakRssGrowthMb: (peak.rss - before.rss) / 1e6,
      peakHeapGrowthMb: (peak.heap - before.heapUsed) / 1e6,
      progressReports,
      fileMb: bytes / 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
