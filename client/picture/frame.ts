/**
 * Pictures to hand out (PNG, SVG, PDF pages) as pure data: the sizes on offer, where title, network
 * and legend go on a picture of a given size, the legend's rows, shape outlines and file names. The
 * PNG painter (png.ts) and the SVG writer (svg.ts) both draw from this, so they look alike.
 */
import { EDGE_LOOKS, nodeLook } from '../graph/palette.ts';
import type { LegendEntries } from '../graph/toElements.ts';

export interface Size {
  w: number;
  h: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sizes on offer (16:9), up to 4K. */
export const PICTURE_SIZES: readonly Size[] = [
  { w: 1280, h: 720 },
  { w: 1920, h: 1080 },
  { w: 2560, h: 1440 },
  { w: 3840, h: 2160 },
];
export const MAX_SIZE: Size = { w: 3840, h: 2160 };
export const MIN_SIZE: Size = { w: 320, h: 180 };

/** A requested size as whole pixels within MIN_SIZE … MAX_SIZE (each side on its own). */
export function clampSize(w: number, h: number): Size {
  const side = (v: number, min: number, max: number) => Math.round(Math.max(min, Math.min(max, Number.isFinite(v) ? v : min)));
  return { w: side(w, MIN_SIZE.w, MAX_SIZE.w), h: side(h, MIN_SIZE.h, MAX_SIZE.h) };
}

/** "1920x1080" → size (clamped); anything else null. */
export function parseSize(text: string): Size | null {
  const m = /^\s*(\d{2,5})\s*[x×]\s*(\d{2,5})\s*$/i.exec(text);
  return m ? clampSize(Number(m[1]), Number(m[2])) : null;
}

export type LegendItem =
  | { type: 'node'; label: string; color: string; shape: string }
  | { type: 'edge'; label: string; color: string; style: 'solid' | 'dashed' | 'dotted' }
  | { type: 'note'; label: string };

/**
 * The legend's rows for what is drawn (legendOf), translated. Coloured by something other than the
 * kind of actor, the actor kinds leave the legend and a note names the colour.
 */
export function legendItems(entries: LegendEntries, t: (key: string) => string, colorNote: string | null = null, edgeColors: Readonly<Record<string, string>> = {}): LegendItem[] {
  const nodes = colorNote ? entries.nodes.filter((k) => !k.startsWith('ACTOR:')) : entries.nodes;
  return [
    ...nodes.map((k): LegendItem => {
      const look = nodeLook(k);
      return { type: 'node', label: t(look.label), color: look.color, shape: look.shape };
    }),
    ...(colorNote ? [{ type: 'note' as const, label: colorNote }] : []),
    ...entries.edges.map((k): LegendItem => ({ type: 'edge', label: t(EDGE_LOOKS[k].label), color: edgeColors[k] ?? EDGE_LOOKS[k].color, style: EDGE_LOOKS[k].style })),
  ];
}

export interface Frame {
  width: number;
  height: number;
  /** Title baseline and size; null without a title. */
  title: { x: number; y: number; size: number; maxWidth: number } | null;
  /** Where the network goes (the picture of the canvas is fitted into it). */
  network: Box;
  /** Legend column: box, heading and row metrics; null without legend. */
  legend: { box: Box; heading: number; fontSize: number; rowHeight: number; swatch: number; pad: number } | null;
}

/**
 * Title across the top, legend in a column on the right, the network in the rest. Sizes scale
 * with the picture (a 4K picture looks like the 720p one, only sharper); a long legend gets
 * smaller rows until it fits.
 */
export function frameLayout(width: number, height: number, opts: { title: boolean; legendRows: number }): Frame {
  const u = Math.min(width / 1280, height / 720);
  const pad = Math.round(18 * u);
  const titleSize = Math.round(28 * u);
  const top = opts.title ? pad + titleSize * 1.5 : pad;
  const title = opts.title ? { x: pad, y: pad + titleSize, size: titleSize, maxWidth: width - 2 * pad } : null;
  let legend: Frame['legend'] = null;
  let networkRight = width - pad;
  if (opts.legendRows > 0) {
    const w = Math.round(Math.min(width * 0.26, 300 * u));
    const lpad = Math.round(12 * u);
    const heading = Math.round(16 * u);
    const available = height - top - pad - 2 * lpad - heading * 1.6;
    let fontSize = 14 * u;
    let rowHeight = fontSize * 1.55;
    if (opts.legendRows * rowHeight > available) {
      rowHeight = Math.max(4, available / opts.legendRows);
      fontSize = rowHeight / 1.55;
    }
    const h = Math.round(2 * lpad + heading * 1.6 + opts.legendRows * rowHeight);
    legend = {
      box: { x: width - pad - w, y: height - pad - h, w, h },
      heading,
      fontSize: Math.round(fontSize * 10) / 10,
      rowHeight: Math.round(rowHeight * 10) / 10,
      swatch: Math.round(fontSize * 0.95 * 10) / 10,
      pad: lpad,
    };
    networkRight = width - pad - w - pad;
  }
  return { width, height, title, network: { x: pad, y: top, w: Math.max(1, networkRight - pad), h: Math.max(1, height - top - pad) }, legend };
}

/** `src` scaled to fit into `box` (keeping its proportions), centred. */
export function fitInto(src: Size, box: Box): Box & { scale: number } {
  const scale = src.w > 0 && src.h > 0 ? Math.min(box.w / src.w, box.h / src.h) : 1;
  const w = src.w * scale;
  const h = src.h * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h, scale };
}

/** Outline of a node shape as polygon points (ellipses and rounded rectangles are drawn natively). */
export function shapePoints(shape: string, cx: number, cy: number, w: number, h: number): [number, number][] {
  const hw = w / 2;
  const hh = h / 2;
  switch (shape) {
    case 'diamond':
      return [
        [cx, cy - hh],
        [cx + hw, cy],
        [cx, cy + hh],
        [cx - hw, cy],
      ];
    case 'hexagon':
      return [
        [cx - hw / 2, cy - hh],
        [cx + hw / 2, cy - hh],
        [cx + hw, cy],
        [cx + hw / 2, cy + hh],
        [cx - hw / 2, cy + hh],
        [cx - hw, cy],
      ];
    case 'round-tag':
    case 'tag':
      return [
        [cx - hw, cy - hh],
        [cx + hw / 3, cy - hh],
        [cx + hw, cy],
        [cx + hw / 3, cy + hh],
        [cx - hw, cy + hh],
      ];
    case 'triangle':
      return [
        [cx, cy - hh],
        [cx + hw, cy + hh],
        [cx - hw, cy + hh],
      ];
    default:
      return [
        [cx - hw, cy - hh],
        [cx + hw, cy - hh],
        [cx + hw, cy + hh],
        [cx - hw, cy + hh],
      ];
  }
}

/** A file name from a title: lower case, umlauts spelt out, dashes between words. */
export function fileSlug(title: string, fallback = 'netzwerkatlas'): string {
  const s = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || fallback;
}

/** Colours of a picture: background, text, legend box. */
export interface PictureColors {
  background: string;
  text: string;
  muted: string;
  legendBackground: string;
  legendBorder: string;
}
