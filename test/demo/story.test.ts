/**
 * The demo story (server/demo/stories.json) against the demo network and the explorer: every
 * slide's query is one the explorer's own URL parser (client/state/url.ts) reads completely, and
 * every id a slide names exists in the demo network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestsOf } from '../../client/state/network.ts';
import { fromSearch, toSearch } from '../../client/state/url.ts';
import { DEMO_DIR, loadDemo, loadDemoStoryIfMissing } from '../../server/demo/load-demo.ts';
import { STORY_LIMITS, type Story } from '../../server/domain/model.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { createGraphStore } from '../../server/store/store.ts';

const DEMO = 'regionale-netzwerke-im-strukturwandel';
let store: GraphStore;
let story: Story;

beforeAll(async () => {
  store = createGraphStore(new SqliteBackend(':memory:'));
  await store.init();
  await loadDemo(store);
  const s = await store.story(DEMO);
  if (!s) throw new Error('the demo story is not loaded with the demo network');
  story = s.row;
});

/** The query's parameters, sorted (for comparing what a query says with what the parser kept). */
const params = (q: string) => [...new URLSearchParams(q)].sort(([a], [b]) => a.localeCompare(b));

describe('the demo story "Regionale Netzwerke im Strukturwandel"', () => {
  it('is loaded with the demo network: the whole network, the five networks one per slide, then what connects them and the gaps', () => {
    expect(story.title).toBe('Regionale Netzwerke im Strukturwandel');
    expect(story.slides.map((s) => s.title)).toEqual([
      'Regionale Netzwerke im Strukturwandel',
      'Netzwerk Chemie in Nordsachsen',
      'TeamMit – Transformationsnetzwerk Mittelhessen',
      'Handwerk als Innovationsmotor in der Elberegion Meißen',
      'Regionalmanagement Nordthüringen',
      'IMPULS REGIO im Landkreis Görlitz',
      'Was sie verbindet',
      'Die Lücken dazwischen',
    ]);
    expect(story.slides[0]?.reveal.by).toBe('region');
    expect(story.slides.filter((s) => s.reveal.by === 'year')).toHaveLength(1);
    // The two closing slides open the analysis drawer: the region matrix, then the white spots.
    expect(story.slides.slice(-2).map((s) => fromSearch(s.view.query).analysis.tab)).toEqual(['heatmap', 'whitespots']);
  });

  it('every slide query is read completely by the explorer’s URL parser (no parameter dropped or changed)', () => {
    for (const slide of story.slides) {
      const q = slide.view.query;
      expect(q, slide.id).toMatch(/^\?/);
      const state = fromSearch(q);
      expect(params(toSearch(state)), `${slide.id}: ${q}`).toEqual(params(q));
    }
  });

  it('every id a slide names (filters, selection, focus, highlight) exists in the demo network', async () => {
    for (const slide of story.slides) {
      const s = fromSearch(slide.view.query);
      const ids = [
        ...s.filters.regionIds,
        ...s.filters.projectIds,
        ...(s.selected ? [s.selected] : []),
        ...(s.also ? [s.also] : []),
        ...(s.focus ? [s.focus.id] : []),
        ...Object.keys(s.expanded),
        ...[s.path.from, s.path.to].filter((x): x is string => x !== null),
        ...s.collapsed,
        ...s.analysis.remove,
        ...slide.view.highlight,
        ...Object.keys(slide.view.positions ?? {}),
      ];
      for (const id of ids) expect(await store.nodeType(id), `${slide.id}: ${id}`).not.toBeNull();
      for (const id of s.filters.regionIds) expect(await store.nodeType(id), `${slide.id}: ${id}`).toBe('REGION');
      for (const id of s.filters.projectIds) expect(await store.nodeType(id), `${slide.id}: ${id}`).toBe('PROJECT');
    }
  });

  it('what a slide selects and highlights is in the network the explorer loads for it', async () => {
    for (const slide of story.slides) {
      const state = fromSearch(slide.view.query);
      const shown = new Set<string>();
      for (const r of requestsOf(state, 2000)) {
        const net = r.kind === 'network' ? await store.network(r.filter) : await store.neighborhood(r.id, r.depth, r.limit);
        for (const node of net.nodes) shown.add(node.id);
      }
      for (const id of [...(state.selected ? [state.selected] : []), ...slide.view.highlight]) expect(shown.has(id), `${slide.id}: ${id}`).toBe(true);
    }
  });

  it('the five network slides each show one of the five source documents', () => {
    const shown = story.slides.slice(1, 6).map((slide) => {
      const s = fromSearch(slide.view.query);
      return [...s.filters.projectIds, ...s.filters.regionIds, s.focus?.id ?? ''].join(' ');
    });
    expect(shown).toEqual([
      expect.stringContaining('p-netzwerk-chemie'),
      expect.stringContaining('p-teammit'),
      expect.stringContaining('a-khs-meissen'),
      expect.stringContaining('a-rm-nordthueringen'),
      expect.stringContaining('de-14626'),
    ]);
  });

  it('speaker notes are short German text without personal data', () => {
    const text = readFileSync(join(DEMO_DIR, 'stories.json'), 'utf8');
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toMatch(/\b(Tel|Telefon|Fax)\b|\+49|\b0\d{3,4}[/ -]\d{4,}/);
    for (const person of ['Jacob', 'Günther', 'Rabenau', 'Franzi', 'Niklas']) expect(text).not.toContain(person);
    for (const slide of story.slides) {
      expect(slide.notes?.length ?? 0, slide.id).toBeGreaterThan(40);
      expect(slide.notes?.length ?? 0, slide.id).toBeLessThanOrEqual(600);
      expect(slide.notes, slide.id).toMatch(/\b(der|die|das|und|mit)\b/);
    }
    expect(text.length).toBeLessThan(STORY_LIMITS.bytes);
  });

  it('stories.json is what the store holds (readable JSON, no defaults left to fill in)', () => {
    const file = JSON.parse(readFileSync(join(DEMO_DIR, 'stories.json'), 'utf8')) as unknown[];
    expect(file).toEqual([story]);
  });
});

describe('a data folder from before stories', () => {
  it('gets the demo story when it holds the demo network and no story; not twice, not into other data', async () => {
    const old = createGraphStore(new SqliteBackend(':memory:'));
    await old.init();
    await loadDemo(old);
    await old.edit.remove('stories', DEMO, 1, { name: 'test', role: null });
    expect((await old.stats()).stories).toBe(0);
    expect(await loadDemoStoryIfMissing(old)).toBe(true);
    expect((await old.story(DEMO))?.row.slides).toHaveLength(story.slides.length);
    expect(await loadDemoStoryIfMissing(old)).toBe(false);
    await old.close();

    const other = createGraphStore(new SqliteBackend(':memory:'));
    await other.init();
    await other.applyBatch({ actors: [{ id: 'a-zarof', name: 'Nur ein Akteur', kind: 'company' }] });
    expect(await loadDemoStoryIfMissing(other)).toBe(false);
    await other.close();
  });
});
