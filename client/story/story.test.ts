/**
 * Slides store views: a captured view restores the same explorer state (in the audience's language,
 * pseudonyms and story), its zoom and pan show the same part of the network on another canvas, and
 * the slide list edits and API input are what the server expects.
 */
import { describe, expect, it } from 'vitest';
import { initialState, reduce, type ExplorerState } from '../state/explorer.ts';
import {
  REFERENCE_CANVAS,
  captureView,
  insertSlide,
  moveSlide,
  newSlideId,
  parseReveal,
  parseView,
  patchSlide,
  removeSlide,
  slideInput,
  slideQuery,
  slideState,
  storyInput,
  viewportFor,
  type Slide,
} from './story.ts';

const explorer = (...actions: Parameters<typeof reduce>[1][]): ExplorerState => actions.reduce(reduce, initialState('de'));
const snapshot = { positions: { 'a-1': { x: 10.04, y: -5.26 }, 'a-2': { x: 100, y: 50 } }, zoom: 1.234567, pan: { x: 20.55, y: 30 }, size: { w: 800, h: 600 } };

describe('capturing and restoring a view', () => {
  it('stores the state as a query (without language, pseudonyms or story), the positions, highlight, and zoom and pan for the reference canvas', () => {
    const s = { ...explorer({ type: 'setLayout', layout: 'geo' }, { type: 'setFilterValues', key: 'regionIds', values: ['r-nordsachsen'] }, { type: 'select', id: 'a-1' }), lang: 'en' as const, pseudo: true, story: 'story-1' };
    const v = captureView(s, snapshot, ['a-2', 'a-1']);
    expect(v.query).toBe('?layout=geo&regions=r-nordsachsen&selected=a-1');
    expect(v.positions).toEqual({ 'a-1': { x: 10, y: -5.3 }, 'a-2': { x: 100, y: 50 } });
    expect(v.highlight).toEqual(['a-2', 'a-1']);
    expect(v.size).toBeUndefined();
    // The 800 × 600 canvas showed the model rectangle around (307.5, 218.7) of 648 × 486 units; on the
    // reference canvas the same rectangle fits by its height: zoom 720 / 486.
    const z = 1.234567;
    expect(v.zoom).toBeCloseTo(720 / (600 / z), 4);
    const centre = { x: (400 - 20.55) / z, y: (300 - 30) / z };
    expect((640 - (v.pan?.x ?? 0)) / (v.zoom ?? 1)).toBeCloseTo(centre.x, 0);
    expect((360 - (v.pan?.y ?? 0)) / (v.zoom ?? 1)).toBeCloseTo(centre.y, 0);
    // Back on a canvas like the one it was taken on: the same part of the network, whole.
    const back = viewportFor(v, { w: 800, h: 600 });
    expect(((800 / 2 - (back?.pan.x ?? 0)) / (back?.zoom ?? 1))).toBeCloseTo(centre.x, 0);
    expect(600 / (back?.zoom ?? 1)).toBeGreaterThanOrEqual(600 / z - 0.5);
  });

  it('restores the same explorer state, in the current language, pseudonyms and story, without pins', () => {
    const original = explorer(
      { type: 'setLayout', layout: 'concentric' },
      { type: 'focus', id: 'a-1', depth: 2 },
      { type: 'setYear', year: 2020 },
      { type: 'setEncoding', color: 'community', size: 'betweenness' },
      { type: 'setAnalysisTab', tab: 'heatmap' },
      { type: 'pin', id: 'a-1', position: { x: 1, y: 1 } },
    );
    const view = captureView(original, snapshot);
    const restored = slideState(view, { lang: 'en', pseudo: true, story: 'story-1' });
    expect(restored).toEqual({ ...original, lang: 'en', pseudo: true, story: 'story-1', pinned: {} });
    expect(slideState({ query: view.query.slice(1) }, { lang: 'de', pseudo: false, story: null })).toEqual({ ...original, pinned: {} });
  });

  it('a slide query ignores the language a demo story may name', () => {
    expect(slideState({ query: 'lang=en&layout=regions' }, { lang: 'de', pseudo: false, story: null })).toMatchObject({ lang: 'de', layout: 'regions' });
    expect(slideQuery({ ...initialState('en'), pseudo: true, story: 'x' })).toBe('');
  });
});

describe('viewportFor', () => {
  const view = { zoom: 2, pan: { x: -100, y: 50 }, size: { w: 800, h: 600 } };
  const centreOf = (v: { zoom: number; pan: { x: number; y: number } }, c: { w: number; h: number }) => ({ x: (c.w / 2 - v.pan.x) / v.zoom, y: (c.h / 2 - v.pan.y) / v.zoom });

  it('gives the same zoom and pan on a canvas of the same size', () => {
    expect(viewportFor(view, { w: 800, h: 600 })).toEqual({ zoom: 2, pan: { x: -100, y: 50 } });
  });

  it('shows the same part of the network on a larger canvas: same centre, scaled to fit', () => {
    const v = viewportFor(view, { w: 1600, h: 900 });
    expect(v?.zoom).toBeCloseTo(3); // 900 / (600 / 2)
    expect(centreOf(v as NonNullable<typeof v>, { w: 1600, h: 900 })).toEqual(centreOf(view, view.size));
    // The slide's whole model rectangle fits: 400 × 300 model units in 1600 × 900 at zoom 3.
    expect((400 * (v?.zoom ?? 0)) <= 1600 && (300 * (v?.zoom ?? 0)) <= 900).toBe(true);
  });

  it('keeps margins clear: the part of the network fits into the canvas less the margins', () => {
    const v = viewportFor(view, { w: 1000, h: 800 }, { top: 100, right: 100, bottom: 100, left: 100 });
    // The inner 800 × 600 is the slide's own canvas: its zoom and pan, moved by the margins.
    expect(v).toEqual({ zoom: 2, pan: { x: -100 + 100, y: 50 + 100 } });
  });

  it('takes a view without canvas size as one of the reference canvas, and gives nothing without zoom or pan', () => {
    expect(viewportFor({ zoom: 2, pan: { x: 1, y: 2 }, size: null }, REFERENCE_CANVAS)).toEqual({ zoom: 2, pan: { x: 1, y: 2 } });
    expect(viewportFor({ zoom: 2, pan: { x: 1, y: 2 } }, { w: 2560, h: 1440 })).toEqual({ zoom: 4, pan: { x: 2, y: 4 } });
    expect(viewportFor({ zoom: null, pan: { x: 1, y: 2 } }, { w: 100, h: 100 })).toBeNull();
    expect(viewportFor({ zoom: 1, pan: null }, { w: 100, h: 100 })).toBeNull();
  });
});

describe('parsing views and reveals from the API', () => {
  it('keeps what is well-formed and drops the rest', () => {
    expect(parseView({ query: '?layout=geo', positions: { a: { x: 1, y: 2 }, b: { x: 'x', y: 1 }, c: null }, zoom: 1.5, pan: { x: 0, y: 0 }, highlight: ['a', 3], size: { w: 10, h: 0 } })).toEqual({
      query: '?layout=geo',
      positions: { a: { x: 1, y: 2 } },
      zoom: 1.5,
      pan: { x: 0, y: 0 },
      highlight: ['a'],
    });
    expect(parseView(null)).toEqual({ query: '', positions: null, zoom: null, pan: null, highlight: [] });
    expect(parseView({ query: 'x=1', positions: null, zoom: -1, size: { w: 800, h: 600 } })).toMatchObject({ positions: null, zoom: null, size: { w: 800, h: 600 } });
    expect(parseReveal({ by: 'region' })).toEqual({ by: 'region' });
    expect(parseReveal({ by: 'decade' })).toEqual({ by: 'none' });
    expect(parseReveal(null)).toEqual({ by: 'none' });
  });
});

const slide = (id: string, title: string | null = id): Slide => ({
  id,
  title,
  notes: null,
  view: { query: '', positions: null, zoom: null, pan: null, highlight: [] },
  reveal: { by: 'none' },
});

describe('editing the slide list', () => {
  const list = [slide('a'), slide('b'), slide('c')];
  const ids = (xs: readonly Slide[]) => xs.map((s) => s.id).join('');

  it('moves, inserts, patches and removes slides without touching the original list', () => {
    expect(ids(moveSlide(list, 0, 2))).toBe('bca');
    expect(ids(moveSlide(list, 2, 0))).toBe('cab');
    expect(ids(moveSlide(list, 1, 1))).toBe('abc');
    expect(ids(moveSlide(list, 0, 99))).toBe('bca');
    expect(ids(moveSlide(list, 5, 0))).toBe('abc');
    expect(ids(insertSlide(list, slide('x'), 1))).toBe('axbc');
    expect(ids(insertSlide(list, slide('x')))).toBe('abcx');
    expect(patchSlide(list, 'b', { title: 'Neu', notes: 'Sagen: hallo' })[1]).toMatchObject({ id: 'b', title: 'Neu', notes: 'Sagen: hallo' });
    expect(ids(removeSlide(list, 'b'))).toBe('ac');
    expect(ids(list)).toBe('abc');
  });

  it('hands out slide ids not yet in the story', () => {
    const numbers = [0.5, 0.5, 0.25];
    const id = newSlideId([{ id: 'slide-7fffffff' }], () => numbers.shift() as number);
    expect(id).toBe('slide-3fffffff');
    expect(newSlideId([])).toMatch(/^slide-[0-9a-f]{8}$/);
  });

  it('builds the API input: the whole ordered slide list, empty texts as null, queries with "?", the canvas size with zoom and pan', () => {
    const s = { ...slide('a', '  '), notes: ' Notiz ', reveal: { by: 'year' as const }, view: { query: 'layout=geo', positions: { x: { x: 1, y: 2 } }, zoom: 1, pan: { x: 0, y: 0 }, highlight: ['x'] } };
    expect(slideInput(s)).toEqual({ id: 'a', title: null, notes: 'Notiz', view: { query: '?layout=geo', positions: { x: { x: 1, y: 2 } }, zoom: 1, pan: { x: 0, y: 0 }, size: null, highlight: ['x'] }, reveal: { by: 'year' } });
    // A view keeps the canvas its zoom and pan belong to: shown again on that canvas, it is the same picture.
    const sized = parseView(slideInput({ ...s, view: { ...s.view, size: { w: 690, h: 466 }, zoom: 0.4, pan: { x: 10, y: 20 } } }).view);
    expect(sized).toMatchObject({ size: { w: 690, h: 466 }, zoom: 0.4, pan: { x: 10, y: 20 } });
    const again = viewportFor(sized, { w: 690, h: 466 });
    expect(again?.zoom).toBeCloseTo(0.4, 12);
    expect(again?.pan.x).toBeCloseTo(10, 9);
    expect(again?.pan.y).toBeCloseTo(20, 9);
    expect(slideInput({ ...s, view: { ...s.view, query: '' } }).view).toMatchObject({ query: '' });
    expect(storyInput({ title: ' Workshop ', description: '', slides: [slide('b'), s] })).toMatchObject({ title: 'Workshop', description: null, slides: [{ id: 'b' }, { id: 'a' }] });
  });
});
