/**
 * The current view as SVG (vector): the canvas reports what it draws as plain data (a Scene, in
 * screen pixels of the canvas), and this writes it out, fitted into the picture's frame with the
 * title and legend drawn in.
 */
import { fitInto, shapePoints, type Frame, type LegendItem, type PictureColors } from './frame.ts';

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  shape: string;
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  strokeStyle: 'solid' | 'dashed' | 'dotted' | 'double';
  opacity: number;
  /** A region group (compound): drawn under everything else, label on top. */
  compound: boolean;
  label: string;
  fontSize: number;
  fontWeight: string;
  color: string;
  outline: string;
  outlineWidth: number;
  textOpacity: number;
  valign: 'top' | 'center' | 'bottom';
  marginY: number;
  /** Labels wrap at this width (pixels; 0: no wrapping). */
  maxWidth: number;
}

export interface SceneEdge {
  id: string;
  source: { x: number; y: number };
  target: { x: number; y: number };
  /** Quadratic bezier control points (a curved tie); empty: straight. */
  control: { x: number; y: number }[];
  color: string;
  width: number;
  dash: number[] | null;
  opacity: number;
  arrow: boolean;
}

/** What the canvas draws, in its own screen pixels. */
export interface Scene {
  width: number;
  height: number;
  nodes: SceneNode[];
  edges: SceneEdge[];
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function edgePath(e: SceneEdge): string {
  const { source: s, target: t, control } = e;
  if (control.length === 0) return `M${n(s.x)},${n(s.y)} L${n(t.x)},${n(t.y)}`;
  if (control.length === 1) {
    const c = control[0] as { x: number; y: number };
    return `M${n(s.x)},${n(s.y)} Q${n(c.x)},${n(c.y)} ${n(t.x)},${n(t.y)}`;
  }
  // Several control points: a chain of quadratic curves through the midpoints between them.
  let d = `M${n(s.x)},${n(s.y)}`;
  control.forEach((c, i) => {
    const next = control[i + 1] ?? t;
    const end = i === control.length - 1 ? t : { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 };
    d += ` Q${n(c.x)},${n(c.y)} ${n(end.x)},${n(end.y)}`;
  });
  return d;
}

function nodeShape(v: SceneNode, attrs: string): string {
  if (v.shape === 'ellipse') return `<ellipse cx="${n(v.x)}" cy="${n(v.y)}" rx="${n(v.w / 2)}" ry="${n(v.h / 2)}" ${attrs}/>`;
  if (v.shape.startsWith('round-rectangle') || v.shape === 'roundrectangle' || v.shape === 'rectangle') {
    const r = v.shape === 'rectangle' ? 0 : Math.min(v.w, v.h) / 4;
    return `<rect x="${n(v.x - v.w / 2)}" y="${n(v.y - v.h / 2)}" width="${n(v.w)}" height="${n(v.h)}" rx="${n(r)}" ${attrs}/>`;
  }
  return `<polygon points="${shapePoints(v.shape, v.x, v.y, v.w, v.h)
    .map(([x, y]) => `${n(x)},${n(y)}`)
    .join(' ')}" ${attrs}/>`;
}

/** Average glyph width of the sans-serif labels, in em (SVG cannot measure text when it is written). */
const EM = 0.56;

/** Lines of a label wrapped at spaces to at most `maxWidth` pixels, as the canvas wraps them. */
export function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = maxWidth > 0 && fontSize > 0 ? Math.max(4, Math.floor(maxWidth / (fontSize * EM))) : Infinity;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A text cut with "…" to fit `maxWidth` pixels (estimated). */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  const max = Math.floor(maxWidth / (fontSize * EM));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

function label(v: SceneNode): string {
  if (!v.label || v.textOpacity <= 0 || v.fontSize <= 0) return '';
  const lines = v.valign === 'bottom' ? wrapLabel(v.label, v.maxWidth, v.fontSize) : [v.label];
  const lineHeight = v.fontSize * 1.1;
  const y = v.valign === 'top' ? v.y - v.h / 2 + v.marginY : v.valign === 'bottom' ? v.y + v.h / 2 + v.marginY + v.fontSize * 0.85 : v.y + v.fontSize * 0.35 + v.marginY;
  const outline = v.outlineWidth > 0 ? ` stroke="${escapeXml(v.outline)}" stroke-width="${n(v.outlineWidth * 2)}" stroke-linejoin="round" paint-order="stroke"` : '';
  const body = lines.length === 1 ? escapeXml(lines[0] as string) : lines.map((l, i) => `<tspan x="${n(v.x)}" dy="${i === 0 ? 0 : n(lineHeight)}">${escapeXml(l)}</tspan>`).join('');
  return `<text x="${n(v.x)}" y="${n(y)}" font-size="${n(v.fontSize)}" font-weight="${escapeXml(v.fontWeight)}" fill="${escapeXml(v.color)}"${outline}${v.textOpacity < 1 ? ` opacity="${n(v.textOpacity)}"` : ''} text-anchor="middle">${body}</text>`;
}

function dashOf(style: SceneNode['strokeStyle'], w: number): string {
  return style === 'dashed' ? ` stroke-dasharray="${n(w * 4)} ${n(w * 3)}"` : style === 'dotted' ? ` stroke-dasharray="${n(w)} ${n(w * 2)}"` : '';
}

/** Legend rows (shared with the PNG painter): swatch box and text position of each row. */
export function legendRows(frame: Frame, items: readonly LegendItem[]): { item: LegendItem; swatch: { x: number; y: number; size: number }; text: { x: number; y: number } }[] {
  const l = frame.legend;
  if (!l) return [];
  const x = l.box.x + l.pad;
  const top = l.box.y + l.pad + l.heading * 1.6;
  return items.map((item, i) => {
    const cy = top + i * l.rowHeight + l.rowHeight / 2;
    return { item, swatch: { x, y: cy - l.swatch / 2, size: l.swatch }, text: { x: x + l.swatch * 2.4, y: cy + l.fontSize * 0.35 } };
  });
}

export interface SvgOptions {
  frame: Frame;
  title: string | null;
  legendTitle: string;
  legend: readonly LegendItem[];
  colors: PictureColors;
  fontFamily?: string;
}

/** The picture as an SVG document. */
export function sceneToSvg(scene: Scene, o: SvgOptions): string {
  const { frame, colors } = o;
  const fit = fitInto({ w: scene.width, h: scene.height }, frame.network);
  const font = o.fontFamily ?? 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" font-family="${escapeXml(font)}">`,
  );
  if (o.title) out.push(`<title>${escapeXml(o.title)}</title>`);
  out.push(`<rect width="100%" height="100%" fill="${escapeXml(colors.background)}"/>`);
  if (frame.title && o.title)
    out.push(`<text x="${n(frame.title.x)}" y="${n(frame.title.y)}" font-size="${n(frame.title.size)}" font-weight="bold" fill="${escapeXml(colors.text)}">${escapeXml(o.title)}</text>`);
  // The network, clipped to its box.
  out.push(`<defs><clipPath id="network-clip"><rect x="${n(frame.network.x)}" y="${n(frame.network.y)}" width="${n(frame.network.w)}" height="${n(frame.network.h)}"/></clipPath>`);
  out.push(`<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>`);
  out.push(`<g clip-path="url(#network-clip)"><g transform="translate(${n(fit.x)},${n(fit.y)}) scale(${Math.round(fit.scale * 10000) / 10000})">`);
  const compounds = scene.nodes.filter((v) => v.compound);
  const leaves = scene.nodes.filter((v) => !v.compound);
  out.push('<g class="groups">');
  for (const v of compounds) out.push(nodeShape(v, `fill="${escapeXml(v.fill)}" fill-opacity="${n(v.fillOpacity)}" stroke="${escapeXml(v.stroke)}" stroke-width="${n(v.strokeWidth)}"${dashOf(v.strokeStyle, v.strokeWidth)}${v.opacity < 1 ? ` opacity="${n(v.opacity)}"` : ''}`));
  out.push('</g><g class="edges" fill="none">');
  for (const e of scene.edges) {
    if (e.opacity <= 0 || e.width <= 0) continue;
    const dash = e.dash ? ` stroke-dasharray="${e.dash.map(n).join(' ')}"` : '';
    out.push(`<path d="${edgePath(e)}" stroke="${escapeXml(e.color)}" stroke-width="${n(e.width)}"${dash}${e.opacity < 1 ? ` stroke-opacity="${n(e.opacity)}"` : ''}${e.arrow ? ' marker-end="url(#arrow)"' : ''}/>`);
  }
  out.push('</g><g class="nodes">');
  for (const v of leaves) {
    if (v.opacity <= 0) continue;
    out.push(
      nodeShape(
        v,
        `fill="${escapeXml(v.fill)}"${v.fillOpacity < 1 ? ` fill-opacity="${n(v.fillOpacity)}"` : ''}${v.strokeWidth > 0 ? ` stroke="${escapeXml(v.stroke)}" stroke-width="${n(v.strokeWidth)}"${dashOf(v.strokeStyle, v.strokeWidth)}` : ''}${v.opacity < 1 ? ` opacity="${n(v.opacity)}"` : ''}`,
      ),
    );
  }
  out.push('</g><g class="labels">');
  for (const v of [...compounds, ...leaves]) out.push(label(v));
  out.push('</g></g></g>');
  // The legend.
  const l = frame.legend;
  if (l && o.legend.length) {
    out.push(`<g class="legend">`);
    out.push(`<rect x="${n(l.box.x)}" y="${n(l.box.y)}" width="${n(l.box.w)}" height="${n(l.box.h)}" rx="${n(l.pad / 2)}" fill="${escapeXml(colors.legendBackground)}" stroke="${escapeXml(colors.legendBorder)}"/>`);
    out.push(`<text x="${n(l.box.x + l.pad)}" y="${n(l.box.y + l.pad + l.heading)}" font-size="${n(l.heading)}" font-weight="bold" fill="${escapeXml(colors.text)}">${escapeXml(o.legendTitle)}</text>`);
    for (const row of legendRows(frame, o.legend)) {
      const { item, swatch: s, text } = row;
      if (item.type === 'node') out.push(nodeShape({ shape: item.shape, x: s.x + s.size / 2, y: s.y + s.size / 2, w: s.size, h: s.size } as SceneNode, `fill="${escapeXml(item.color)}" stroke="${escapeXml(colors.legendBorder)}"`));
      else if (item.type === 'edge')
        out.push(
          `<line x1="${n(s.x - s.size * 0.3)}" y1="${n(s.y + s.size / 2)}" x2="${n(s.x + s.size * 1.8)}" y2="${n(s.y + s.size / 2)}" stroke="${escapeXml(item.color)}" stroke-width="${n(Math.max(1, s.size / 4))}"${item.style === 'dashed' ? ` stroke-dasharray="${n(s.size / 2)} ${n(s.size / 3)}"` : item.style === 'dotted' ? ` stroke-dasharray="${n(s.size / 5)} ${n(s.size / 4)}"` : ''}/>`,
        );
      const room = l.box.x + l.box.w - l.pad - (item.type === 'note' ? s.x : text.x);
      out.push(`<text x="${n(item.type === 'note' ? s.x : text.x)}" y="${n(text.y)}" font-size="${n(l.fontSize)}" fill="${escapeXml(item.type === 'note' ? colors.muted : colors.text)}">${escapeXml(fitText(item.label, room, l.fontSize))}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
