/**
 * The short version of `npm run bench -- --load` (test/bench/load.ts): the server as `npm start`
 * runs it, on the demo network; 12 people for 5 s open the overview, search, details,
 * neighbourhoods and slides while an editor uploads 500 actors through the page and asks for an
 * analysis. No request may fail; the upload must land (the full bench holds the latency targets).
 */
import { describe, expect, it } from 'vitest';
import { loadRun } from '../bench/load.ts';

describe('a workshop under load (short)', () => {
  it('answers every request of 12 people while an upload and an analysis run', async () => {
    const r = await loadRun({ data: 'demo', clients: 12, durationS: 5, aloneS: 1, editorAtS: 1, importActors: 500, log: () => undefined });
    expect(r.errorSamples).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.requests).toBeGreaterThan(60);
    expect(r.importedActors).toBe(500);
    expect(r.kinds.find((k) => k.kind === 'analysis')?.count).toBe(1);
    for (const kind of ['search', 'details', 'neighbourhood', 'slide'] as const) expect(r.kinds.find((k) => k.kind === kind)?.count, kind).toBeGreaterThan(0);
    expect(r.maxRssBytes).toBeGreaterThan(0);
  }, 120_000);
});
