/**
 * PNG pictures in the page: the canvas's own picture of the current view (Cytoscape renders it at
 * the needed scale), with title and legend painted around it on a picture of the chosen size. All
 * offline; the file is saved from a blob.
 */
import { fitInto, shapePoints, type Frame, type LegendItem, type PictureColors, type Size } from './frame.ts';
import { legendRows } from './svg.ts';

export interface PictureText {
  title: string | null;
  legendTitle: string;
  legend: readonly LegendItem[];
  colors: PictureColors;
}

const FONT = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';

/** How much larger than the canvas the network picture must be rendered to fill its box sharply. */
export function renderScale(canvas: Size, frame: Frame): number {
  if (!(canvas.w > 0 && canvas.h > 0)) return 1;
  return Math.max(0.1, Math.min(frame.network.w / canvas.w, frame.network.h / canvas.h));
}

function ellipsis(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

function shape(ctx: CanvasRenderingContext2D, kind: string, cx: number, cy: number, w: number, h: number) {
  ctx.beginPath();
  if (kind === 'ellipse') ctx.ellipse(cx, cy, w / 2, h / 2, 0, 0, Math.PI * 2);
  else if (kind.startsWith('round-rectangle')) ctx.roundRect(cx - w / 2, cy - h / 2, w, h, Math.min(w, h) / 4);
  else {
    shapePoints(kind, cx, cy, w, h).forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  }
}

/** The picture: background, title, the network picture fitted into its box, the legend. */
export async function composePng(network: Blob, frame: Frame, text: PictureText): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = frame.width;
  canvas.height = frame.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  const { colors } = text;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, frame.width, frame.height);
  if (frame.title && text.title) {
    ctx.fillStyle = colors.text;
    ctx.font = `bold ${frame.title.size}px ${FONT}`;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(ellipsis(ctx, text.title, frame.title.maxWidth), frame.title.x, frame.title.y);
  }
  const image = await createImageBitmap(network);
  const box = fitInto({ w: image.width, h: image.height }, frame.network);
  ctx.drawImage(image, box.x, box.y, box.w, box.h);
  image.close();
  const l = frame.legend;
  if (l && text.legend.length) {
    ctx.fillStyle = colors.legendBackground;
    ctx.strokeStyle = colors.legendBorder;
    ctx.lineWidth = Math.max(1, l.pad / 12);
    ctx.beginPath();
    ctx.roundRect(l.box.x, l.box.y, l.box.w, l.box.h, l.pad / 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = colors.text;
    ctx.font = `bold ${l.heading}px ${FONT}`;
    ctx.fillText(text.legendTitle, l.box.x + l.pad, l.box.y + l.pad + l.heading);
    ctx.font = `${l.fontSize}px ${FONT}`;
    const maxText = l.box.w - l.pad * 2 - l.swatch * 2.4;
    for (const { item, swatch: s, text: at } of legendRows(frame, text.legend)) {
      if (item.type === 'node') {
        ctx.fillStyle = item.color;
        ctx.strokeStyle = colors.legendBorder;
        ctx.lineWidth = 1;
        shape(ctx, item.shape, s.x + s.size / 2, s.y + s.size / 2, s.size, s.size);
        ctx.fill();
        ctx.stroke();
      } else if (item.type === 'edge') {
        ctx.strokeStyle = item.color;
        ctx.lineWidth = Math.max(1, s.size / 4);
        ctx.setLineDash(item.style === 'dashed' ? [s.size / 2, s.size / 3] : item.style === 'dotted' ? [s.size / 5, s.size / 4] : []);
        ctx.beginPath();
        ctx.moveTo(s.x - s.size * 0.3, s.y + s.size / 2);
        ctx.lineTo(s.x + s.size * 1.8, s.y + s.size / 2);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = item.type === 'note' ? colors.muted : colors.text;
      ctx.fillText(ellipsis(ctx, item.label, item.type === 'note' ? l.box.w - l.pad * 2 : maxText), item.type === 'note' ? s.x : at.x, at.y);
    }
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Saves a blob as a download with this file name. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
