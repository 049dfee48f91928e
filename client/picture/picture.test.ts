/**
 * Pictures to hand out: sizes up to 4K, the frame (title, network, legend) at any size, the legend
 * of what is drawn, the SVG with title and legend, and the story PDF with one page per slide.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de.ts';
import { MAX_SIZE, clampSize, fileSlug, fitInto, frameLayout, legendItems, parseSize, shapePoints } from './frame.ts';
import { buildPdf, pdfPlan } from './pdf.ts';
import { fitText, sceneToSvg, wrapLabel, type Scene } from './svg.ts';

const t = (key: string): string => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], de) as string;
const colors = { background: '#ffffff', text: '#111111', muted: '#666666', legendBackground: '#fafafa', legendBorder: '#cccccc' };
const inside = (inner: { x: number; y: number; w: number; h: number }, outer: { x: number; y: number; w: number; h: number }) =>
  inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.w <= outer.x + outer.w + 0.01 && inner.y + inner.h <= outer.y + outer.h + 0.01;

describe('sizes', () => {
  it('clamps to 4K at most and whole pixels', () => {
    expect(clampSize(3840, 2160)).toEqual({ w: 3840, h: 2160 });
    expect(clampSize(8000, 5000)).toEqual(MAX_SIZE);
    expect(clampSize(1919.6, 100)).toEqual({ w: 1920, h: 180 });
    expect(clampSize(Number.NaN, 720)).toEqual({ w: 320, h: 720 });
    expect(parseSize('1920x1080')).toEqual({ w: 1920, h: 1080 });
    expect(parseSize(' 3840 × 2160 ')).toEqual({ w: 3840, h: 2160 });
    expect(parseSize('big')).toBeNull();
  });
});

describe('frameLayout', () => {
  it.each([
    [1280, 720],
    [3840, 2160],
    [800, 800],
  ])('places title, network and legend inside a %i×%i picture without overlap', (w, h) => {
    const f = frameLayout(w, h, { title: true, legendRows: 8 });
    const all = { x: 0, y: 0, w, h };
    expect(inside(f.network, all)).toBe(true);
    expect(f.legend && inside(f.legend.box, all)).toBe(true);
    expect(f.title && f.title.y < f.network.y).toBe(true);
    expect(f.legend && f.network.x + f.network.w <= f.legend.box.x).toBe(true);
  });

  it('scales with the picture: 4K is the 720p frame three times as large', () => {
    const small = frameLayout(1280, 720, { title: true, legendRows: 5 });
    const large = frameLayout(3840, 2160, { title: true, legendRows: 5 });
    expect(large.title?.size).toBe((small.title?.size ?? 0) * 3);
    expect(large.legend?.fontSize).toBeCloseTo((small.legend?.fontSize ?? 0) * 3, 0);
  });

  it('gives a long legend smaller rows until it fits; no title, no legend: the network takes the picture', () => {
    const f = frameLayout(1280, 720, { title: true, legendRows: 60 });
    expect(f.legend && f.legend.box.y >= 0).toBe(true);
    expect(f.legend && f.legend.fontSize < 14).toBe(true);
    const bare = frameLayout(1280, 720, { title: false, legendRows: 0 });
    expect(bare.title).toBeNull();
    expect(bare.legend).toBeNull();
    expect(bare.network.w).toBeGreaterThan(1200);
  });

  it('fits a picture into a box keeping its proportions', () => {
    expect(fitInto({ w: 800, h: 400 }, { x: 0, y: 0, w: 400, h: 400 })).toEqual({ x: 0, y: 100, w: 400, h: 200, scale: 0.5 });
  });
});

describe('legendItems', () => {
  const entries = { nodes: ['ACTOR:university', 'PROJECT:running', 'EVENT'], edges: ['direct' as const, 'participation' as const] };

  it('translates what is drawn, nodes then ties', () => {
    expect(legendItems(entries, t).map((i) => `${i.type}:${i.label}`)).toEqual(['node:Hochschule', 'node:Projekt (laufend)', 'node:Veranstaltung', 'edge:direkte Kooperation', 'edge:Projektbeteiligung']);
  });

  it('leaves the actor kinds out when colour means something else, and says what', () => {
    expect(legendItems(entries, t, 'Farbe: Gemeinschaft').map((i) => i.label)).toEqual(['Projekt (laufend)', 'Veranstaltung', 'Farbe: Gemeinschaft', 'direkte Kooperation', 'Projektbeteiligung']);
  });
});

describe('shapes and file names', () => {
  it('outlines diamonds and hexagons within their box', () => {
    for (const shape of ['diamond', 'hexagon', 'round-tag', 'other'])
      for (const [x, y] of shapePoints(shape, 10, 20, 8, 6)) expect(x >= 6 && x <= 14 && y >= 17 && y <= 23, shape).toBe(true);
    expect(shapePoints('diamond', 0, 0, 2, 2)).toHaveLength(4);
    expect(shapePoints('hexagon', 0, 0, 2, 2)).toHaveLength(6);
  });

  it('spells file names from titles', () => {
    expect(fileSlug('Regionale Netzwerke im Strukturwandel')).toBe('regionale-netzwerke-im-strukturwandel');
    expect(fileSlug('Größe & Maß: Görlitz/Meißen')).toBe('groesse-mass-goerlitz-meissen');
    expect(fileSlug('  ***  ')).toBe('netzwerkatlas');
  });
});

const scene: Scene = {
  width: 800,
  height: 600,
  nodes: [
    { id: 'r-x', x: 300, y: 300, w: 400, h: 300, shape: 'round-rectangle', fill: '#eceff1', fillOpacity: 0.45, stroke: '#90a4ae', strokeWidth: 1, strokeStyle: 'dashed', opacity: 1, compound: true, label: 'Landkreis X', fontSize: 15, fontWeight: 'bold', color: '#455a64', outline: '#fff', outlineWidth: 0, textOpacity: 1, valign: 'top', marginY: -4, maxWidth: 0 },
    { id: 'a-1', x: 200, y: 300, w: 30, h: 30, shape: 'ellipse', fill: '#2ca02c', fillOpacity: 1, stroke: '#ffffff', strokeWidth: 1.5, strokeStyle: 'solid', opacity: 1, compound: false, label: 'Hochschule <1> & Co', fontSize: 14, fontWeight: 'normal', color: '#1c2b33', outline: '#ffffff', outlineWidth: 2, textOpacity: 1, valign: 'bottom', marginY: 3, maxWidth: 120 },
    { id: 'p-1', x: 400, y: 300, w: 40, h: 30, shape: 'diamond', fill: '#f2b01e', fillOpacity: 1, stroke: '#ffffff', strokeWidth: 1.5, strokeStyle: 'solid', opacity: 1, compound: false, label: 'hidden', fontSize: 14, fontWeight: 'normal', color: '#000', outline: '#fff', outlineWidth: 2, textOpacity: 0, valign: 'bottom', marginY: 3, maxWidth: 120 },
  ],
  edges: [
    { id: 'e1', source: { x: 215, y: 300 }, target: { x: 380, y: 300 }, control: [], color: '#263238', width: 2, dash: null, opacity: 0.85, arrow: false },
    { id: 'e2', source: { x: 215, y: 300 }, target: { x: 380, y: 300 }, control: [{ x: 300, y: 250 }], color: '#7b8d96', width: 1.5, dash: [6, 4], opacity: 0.7, arrow: true },
  ],
};

describe('label text', () => {
  it('wraps at spaces to the width the canvas wraps at, and cuts legend texts to their room', () => {
    expect(wrapLabel('Landesverband der Kultur- und Kreativwirtschaft', 120, 12)).toEqual(['Landesverband der', 'Kultur- und', 'Kreativwirtschaft']);
    expect(wrapLabel('ZAROF. GmbH', 0, 12)).toEqual(['ZAROF. GmbH']);
    const cut = fitText('Wirtschaftsförderung, Regionalmanagement', 112, 10);
    expect(cut).toMatch(/^Wirtschaftsförder.*…$/);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(fitText('Hochschule', 112, 10)).toBe('Hochschule');
  });
});

describe('sceneToSvg', () => {
  const frame = frameLayout(1920, 1080, { title: true, legendRows: 2 });
  const svg = sceneToSvg(scene, {
    frame,
    title: 'Netzwerk „Chemie“ <Nordsachsen>',
    legendTitle: 'Legende',
    legend: legendItems({ nodes: ['ACTOR:university'], edges: ['direct'] }, t),
    colors,
  });

  it('is an SVG document of the picture size with title, legend and escaped text', () => {
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('width="1920" height="1080" viewBox="0 0 1920 1080"');
    expect(svg).toContain('Netzwerk „Chemie“ &lt;Nordsachsen&gt;');
    expect(svg).toContain('>Legende</text>');
    expect(svg).toContain('>Hochschule</text>');
    expect(svg).toContain('>direkte Kooperation</text>');
    // Escaped, and wrapped into lines like on the canvas.
    expect(svg).toContain('<tspan x="200" dy="0">Hochschule &lt;1&gt;</tspan><tspan x="200" dy="15.4">&amp; Co</tspan>');
  });

  it('draws every node in its shape, ties straight or curved, hides labels that are hidden on the canvas', () => {
    expect(svg).toContain('<ellipse cx="200" cy="300" rx="15" ry="15"');
    expect(svg).toMatch(/<polygon points="400,285 420,300 400,315 380,300"/);
    expect(svg).toContain('d="M215,300 L380,300"');
    expect(svg).toContain('d="M215,300 Q300,250 380,300"');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).not.toContain('>hidden<');
    // Region groups are drawn first (under the ties and nodes).
    expect(svg.indexOf('rx="75"')).toBeLessThan(svg.indexOf('<ellipse'));
  });

  it('fits the canvas into the network box of the frame', () => {
    const m = /translate\(([\d.]+),([\d.]+)\) scale\(([\d.]+)\)/.exec(svg);
    const [x, y, k] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    expect(inside({ x, y, w: 800 * k, h: 600 * k }, frame.network)).toBe(true);
    expect(Math.max((800 * k) / frame.network.w, (600 * k) / frame.network.h)).toBeCloseTo(1, 2);
  });
});

/** A valid 2×1 PNG (RGB), built by hand. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Uint8Array) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 2);
  v.setUint32(4, 1);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const idat = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]));
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', new Uint8Array(idat)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('story PDF', () => {
  const story = { title: 'Regionale Netzwerke im Strukturwandel', slides: [{ id: 's1', title: 'Nordsachsen' }, { id: 's2', title: null }, { id: 's3', title: ' Lücken ' }] };

  it('plans one page per slide with its title (the story’s when it has none) and a numbered footer', () => {
    const plan = pdfPlan(story, { w: 1920, h: 1080 });
    expect(plan.fileName).toBe('regionale-netzwerke-im-strukturwandel.pdf');
    expect(plan.pages.map((p) => p.title)).toEqual(['Nordsachsen', 'Regionale Netzwerke im Strukturwandel', 'Lücken']);
    expect(plan.pages.map((p) => p.footer)).toEqual([1, 2, 3].map((i) => `Regionale Netzwerke im Strukturwandel · ${i} / 3`));
  });

  it('makes a PDF with exactly one page per slide', async () => {
    const plan = pdfPlan(story, { w: 640, h: 360 });
    const png = tinyPng();
    const blob = await buildPdf(plan, [png, png, png], { title: story.title });
    const text = Buffer.from(await blob.arrayBuffer()).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(3);
  });
});

describe('legendItems in a theme', () => {
  it('shows the ties in the colours the theme draws them', () => {
    const items = legendItems({ nodes: [], edges: ['direct', 'participation'] }, t, null, { direct: '#eef3f6' });
    expect(items.map((i) => (i.type === 'edge' ? i.color : ''))).toEqual(['#eef3f6', '#b0bec5']);
  });
});
