/**
 * Stories as plain data: an ordered list of slides, each a stored view of the explorer (its URL
 * query, the node positions, zoom and pan, highlighted nodes) with a title, speaker notes and how it
 * reveals itself. Pure functions capture a view, restore it, fit it to another canvas, edit the
 * slide list and build the API input.
 */
import type { SlideInput, StoriesQuery, StoryInput } from '../api/generated/graphql.ts';
import type { ExplorerState, Position } from '../state/explorer.ts';
import { fromSearch, toSearch } from '../state/url.ts';

export const REVEAL_BY = ['none', 'region', 'year'] as const;
export type RevealBy = (typeof REVEAL_BY)[number];

export interface Size {
  w: number;
  h: number;
}

export interface SlideView {
  /** The explorer's URL query ("?layout=geo&focus=…": filters, focus, selection, layout, encoding, analysis tab …), or "". */
  query: string;
  /** Node positions in the network's own coordinates; null: lay out as the query's layout does. */
  positions: Record<string, Position> | null;
  zoom: number | null;
  pan: Position | null;
  /** Highlighted nodes (selection, an insight's actors). */
  highlight: string[];
  /**
   * The canvas the zoom and pan belong to (another canvas shows the same part of the network);
   * absent: REFERENCE_CANVAS, the size captured views are stored for.
   */
  size?: Size | null;
}

/**
 * Zoom and pan are stored as they would be on a 1280×720 canvas (16:9, a projector's shape): the
 * part of the network the slide showed, fitted into it. So a view taken on any canvas shows the
 * same part of the network on any other, full screen included.
 */
export const REFERENCE_CANVAS: Size = { w: 1280, h: 720 };

export interface Reveal {
  by: RevealBy;
}

export interface Slide {
  id: string;
  title: string | null;
  notes: string | null;
  view: SlideView;
  reveal: Reveal;
}

export interface Story {
  id: string;
  title: string;
  description: string | null;
  version: number;
  slides: Slide[];
}

/** A story in the list, as the API sends it (generated from the schema by `npm run codegen`). */
export type StorySummary = StoriesQuery['stories'][number];

/** What the canvas reports about the current picture. */
export interface CanvasSnapshot {
  positions: Record<string, Position>;
  zoom: number;
  pan: Position;
  size: Size;
}

const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isPosition = (p: unknown): p is Position => !!p && typeof p === 'object' && finite((p as Position).x) && finite((p as Position).y);

/** The explorer state a slide stores: language, pseudonyms and the open story belong to the audience, not to the slide. */
export function slideQuery(state: ExplorerState): string {
  return toSearch({ ...state, lang: 'de', pseudo: false, story: null });
}

/** A slide's view of the current picture: the state as a query, the canvas's positions, zoom and pan. */
export function captureView(state: ExplorerState, snapshot: CanvasSnapshot, highlight: readonly string[] = []): SlideView {
  const positions: Record<string, Position> = {};
  for (const [id, p] of Object.entries(snapshot.positions)) if (isPosition(p)) positions[id] = { x: round(p.x), y: round(p.y) };
  const marked = [...highlight, ...(state.selected ? [state.selected] : []), ...(state.also ? [state.also] : [])];
  const vp = viewportFor(snapshot, REFERENCE_CANVAS) ?? { zoom: snapshot.zoom, pan: snapshot.pan };
  return {
    query: slideQuery(state),
    positions,
    zoom: round(vp.zoom, 5),
    pan: { x: round(vp.pan.x), y: round(vp.pan.y) },
    highlight: [...new Set(marked)],
  };
}

/** The explorer state a slide shows, in the current language, pseudonyms and story. */
export function slideState(view: Pick<SlideView, 'query'>, current: Pick<ExplorerState, 'lang' | 'pseudo' | 'story'>): ExplorerState {
  const s = fromSearch(view.query.startsWith('?') ? view.query : `?${view.query}`, current.lang);
  return { ...s, lang: current.lang, pseudo: current.pseudo, story: current.story, pinned: {} };
}

/**
 * Zoom and pan that show on a canvas of `canvas` size the part of the network the slide showed on
 * its own canvas (`size`, else REFERENCE_CANVAS), centred and as large as fits. Null when the slide
 * has no zoom or pan (then the view is fitted to the network).
 */
export function viewportFor(
  view: Pick<SlideView, 'zoom' | 'pan' | 'size'>,
  canvas: Size,
  /** Margins to keep clear (a title overlay): the part of the network goes into the rest. */
  insets: { top: number; right: number; bottom: number; left: number } | null = null,
): { zoom: number; pan: Position } | null {
  if (insets) {
    const inner = viewportFor(view, { w: canvas.w - insets.left - insets.right, h: canvas.h - insets.top - insets.bottom });
    return inner && { zoom: inner.zoom, pan: { x: inner.pan.x + insets.left, y: inner.pan.y + insets.top } };
  }
  const { zoom, pan } = view;
  const size = view.size ?? REFERENCE_CANVAS;
  if (!finite(zoom) || zoom <= 0 || !isPosition(pan)) return null;
  if (!(size.w > 0) || !(size.h > 0) || !(canvas.w > 0) || !(canvas.h > 0)) return { zoom, pan: { ...pan } };
  // The model rectangle the slide showed, then that rectangle fitted into the new canvas.
  const w = size.w / zoom;
  const h = size.h / zoom;
  const cx = (size.w / 2 - pan.x) / zoom;
  const cy = (size.h / 2 - pan.y) / zoom;
  const z = Math.min(canvas.w / w, canvas.h / h);
  return { zoom: z, pan: { x: canvas.w / 2 - z * cx, y: canvas.h / 2 - z * cy } };
}

/** A view from the API (JSON): anything malformed falls back to "no positions", "fit", no highlight. */
export function parseView(json: unknown): SlideView {
  const v = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  let positions: Record<string, Position> | null = null;
  if (v.positions && typeof v.positions === 'object') {
    positions = {};
    for (const [id, p] of Object.entries(v.positions as Record<string, unknown>)) if (isPosition(p)) positions[id] = { x: p.x, y: p.y };
  }
  const size = v.size as Size | null | undefined;
  return {
    query: typeof v.query === 'string' ? v.query : '',
    positions,
    zoom: finite(v.zoom) && v.zoom > 0 ? v.zoom : null,
    pan: isPosition(v.pan) ? { x: v.pan.x, y: v.pan.y } : null,
    highlight: Array.isArray(v.highlight) ? v.highlight.filter((x): x is string => typeof x === 'string') : [],
    ...(size && finite(size.w) && finite(size.h) && size.w > 0 && size.h > 0 ? { size: { w: size.w, h: size.h } } : {}),
  };
}

export function parseReveal(json: unknown): Reveal {
  const by = json && typeof json === 'object' ? (json as { by?: unknown }).by : undefined;
  return { by: (REVEAL_BY as readonly unknown[]).includes(by) ? (by as RevealBy) : 'none' };
}

/** A fresh slide id (unique within a story). */
export function newSlideId(existing: readonly { id: string }[], random: () => number = Math.random): string {
  const taken = new Set(existing.map((s) => s.id));
  for (;;) {
    const id = `slide-${Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`;
    if (!taken.has(id)) return id;
  }
}

/** The slide list with one slide moved from `from` to `to` (indexes clamped; the same list when nothing moves). */
export function moveSlide<T>(slides: readonly T[], from: number, to: number): T[] {
  const t = Math.max(0, Math.min(slides.length - 1, to));
  if (from < 0 || from >= slides.length || from === t) return [...slides];
  const out = [...slides];
  const [item] = out.splice(from, 1);
  out.splice(t, 0, item as T);
  return out;
}

export function insertSlide(slides: readonly Slide[], slide: Slide, at: number = slides.length): Slide[] {
  const out = [...slides];
  out.splice(Math.max(0, Math.min(slides.length, at)), 0, slide);
  return out;
}

export function patchSlide(slides: readonly Slide[], id: string, patch: Partial<Omit<Slide, 'id'>>): Slide[] {
  return slides.map((s) => (s.id === id ? { ...s, ...patch } : s));
}

export function removeSlide(slides: readonly Slide[], id: string): Slide[] {
  return slides.filter((s) => s.id !== id);
}

/** Empty text is no text. */
const text = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** A slide as the API takes it. */
export function slideInput(s: Slide): SlideInput {
  const { size, ...view } = s.view;
  const query = view.query === '' || view.query.startsWith('?') ? view.query : `?${view.query}`;
  return {
    id: s.id,
    title: text(s.title),
    notes: text(s.notes),
    // Zoom and pan with the canvas they belong to, so a slide shows the same part of the network anywhere.
    view: { ...view, query, size: size ?? null },
    reveal: { by: s.reveal.by },
  };
}

/** The whole story as the API takes it (the ordered slide list replaces the stored one). */
export function storyInput(s: Pick<Story, 'title' | 'description' | 'slides'>): StoryInput {
  return { title: s.title.trim(), description: text(s.description), slides: s.slides.map(slideInput) };
}
