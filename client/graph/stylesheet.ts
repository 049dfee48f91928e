/**
 * The Cytoscape stylesheet. Colours and shapes come from the element data (set by toElements from
 * the palette), so the legend and the drawing cannot drift apart.
 */
import { EDGE_LOOKS } from './palette.ts';

export interface StyleRule {
  selector: string;
  style: Record<string, unknown>;
}

/** The explorer's look, and the presentation themes: projector (high contrast, large labels, thick ties) and print (white). */
export const CANVAS_THEMES = ['default', 'projector', 'print'] as const;
export type CanvasTheme = (typeof CANVAS_THEMES)[number];

export interface ThemeColors {
  background: string;
  text: string;
  muted: string;
  outline: string;
  legendBackground: string;
  legendBorder: string;
}

export const THEME_COLORS: Record<CanvasTheme, ThemeColors> = {
  default: { background: '#fbfcfc', text: '#1c2b33', muted: '#5f6f78', outline: '#ffffff', legendBackground: '#ffffff', legendBorder: '#d5dde2' },
  projector: { background: '#0c151c', text: '#ffffff', muted: '#b0bec5', outline: '#0c151c', legendBackground: '#16232d', legendBorder: '#3d5566' },
  print: { background: '#ffffff', text: '#000000', muted: '#444444', outline: '#ffffff', legendBackground: '#ffffff', legendBorder: '#9e9e9e' },
};

/** Label size of a theme relative to the explorer's. */
export const THEME_LABEL_SCALE: Record<CanvasTheme, number> = { default: 1, projector: 1.6, print: 1.15 };

/** Tie colours on the projector's dark background (the explorer's dark greys would vanish). */
const PROJECTOR_EDGES: Record<string, string> = {
  direct: '#eef3f6',
  derived: '#a9bcc7',
  participation: '#7f97a4',
  event: '#e6c36a',
  spatial: '#a1887f',
  continues: '#cfd8dc',
  aggregate: '#d7ccc8',
  path: '#ff5c9d',
};
const PRINT_EDGES: Record<string, string> = { direct: '#000000', derived: '#555555', participation: '#9e9e9e', continues: '#37474f', aggregate: '#3e2723' };

/** Tie colours a theme draws differently (the legend shows them so). */
export const THEME_EDGE_COLORS: Record<CanvasTheme, Readonly<Record<string, string>>> = { default: {}, projector: PROJECTOR_EDGES, print: PRINT_EDGES };

function themeRules(theme: CanvasTheme): StyleRule[] {
  if (theme === 'default') return [];
  const c = THEME_COLORS[theme];
  const projector = theme === 'projector';
  const rules: StyleRule[] = [
    { selector: 'node', style: { color: c.text, 'text-outline-color': c.outline, 'text-outline-opacity': 1, 'border-color': projector ? '#0c151c' : '#ffffff', 'border-width': projector ? 2 : 1.5 } },
    { selector: 'node.project', style: { 'font-weight': 'bold' } },
    { selector: 'node.group', style: { 'background-color': projector ? '#1b2a35' : '#f3f3f3', 'background-opacity': projector ? 0.7 : 0.6, 'border-color': projector ? '#607d8b' : '#9e9e9e', color: projector ? '#cfd8dc' : '#333333' } },
    { selector: 'node.landmark', style: { color: projector ? '#1f3140' : '#e0e0e0' } },
    { selector: 'edge', style: { width: projector ? 'mapData(width, 1.5, 8, 3.5, 14)' : 'mapData(width, 1.5, 8, 2, 9)', opacity: projector ? 0.95 : 0.9 } },
  ];
  for (const [key, color] of Object.entries(projector ? PROJECTOR_EDGES : PRINT_EDGES)) rules.push({ selector: `edge.${key}`, style: { 'line-color': color, 'target-arrow-color': color } });
  return rules;
}

export interface StyleOptions {
  /** Large networks: cheaper edges and labels only when zoomed in. */
  large: boolean;
  /** Presentation themes (default: the explorer's look). */
  theme?: CanvasTheme;
  /**
   * Smaller networks: labels keep their size on screen whatever the zoom (NetworkView sets
   * `labelStyle` on every node), so zooming in makes room for more labels (see graph/labels.ts).
   */
  scaledLabels: boolean;
}

const r = (x: number) => Math.round(x * 10) / 10;

/** Label font size in screen pixels at zoom 1: 12 px for the smallest node, 19 px for the busiest. */
export function fontSizeFor(size: number): number {
  const t = Math.min(1, Math.max(0, (size - 18) / 40));
  return 12 + 7 * t;
}

/**
 * Label metrics for a label scale k (1/zoom) as a style bypass. (Cytoscape caches label sizes and
 * does not re-measure them when a class or mapped value changes the font; a bypass it does.)
 */
export function labelStyle(size: number, group: boolean, k: number): Record<string, number | string> {
  return {
    'font-size': r((group ? 15 : fontSizeFor(size)) * k),
    'text-max-width': `${r(120 * k)}px`,
    'text-outline-width': r(2 * k),
    'text-margin-y': r((group ? -4 : 3) * k),
  };
}

/** Label scale steps (1/zoom, rounded), so zooming restyles the labels only now and then. */
export const LABEL_STEPS = [0.4, 0.5, 0.6, 0.7, 0.85, 1, 1.2, 1.45, 1.75, 2.1, 2.5, 3, 3.6, 4.3] as const;

/** The step nearest to the scale k (on a log scale). */
export function labelStepFor(k: number): number {
  let best = 0;
  LABEL_STEPS.forEach((v, i) => {
    if (Math.abs(Math.log(v / k)) < Math.abs(Math.log((LABEL_STEPS[best] as number) / k))) best = i;
  });
  return LABEL_STEPS[best] as number;
}

export function stylesheet(opts: StyleOptions): StyleRule[] {
  const k = opts.scaledLabels;
  const rules: StyleRule[] = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-family': 'system-ui, "Segoe UI", Roboto, sans-serif',
        // Busier nodes get larger labels; with a label scale they keep their size on screen.
        'font-size': 'mapData(size, 18, 58, 12, 19)',
        color: '#1c2b33',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        // Labels disappear when they would be smaller than this on screen: no pile-ups when zoomed out.
        'min-zoomed-font-size': k ? 0 : opts.large ? 10 : 8,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'overlay-opacity': 0,
      },
    },
    { selector: 'node.project', style: { 'font-weight': 'bold', width: 'mapData(size, 18, 58, 26, 70)', height: 'data(size)' } },
    {
      selector: 'node.group',
      style: {
        'background-color': '#eceff1',
        'background-opacity': 0.45,
        'border-color': '#90a4ae',
        'border-width': 1,
        'border-style': 'dashed',
        shape: 'round-rectangle',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 15,
        'font-weight': 'bold',
        color: '#455a64',
        padding: '12px',
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'node.landmark',
      style: {
        events: 'no',
        'background-opacity': 0,
        'border-width': 0,
        'text-valign': 'center',
        'font-size': 44,
        'font-weight': 'bold',
        color: '#cfd8dc',
        'text-outline-width': 0,
        'min-zoomed-font-size': 0,
        'z-index': 0,
        'z-compound-depth': 'bottom',
      },
    },
    // Large views: only the busiest nodes are labelled (NetworkView marks them), the rest on hover or selection.
    ...(opts.large ? [{ selector: 'node', style: { label: '' } }, { selector: 'node.top-label, node.landmark, node.group', style: { label: 'data(label)' } }] : []),
    // Labels that would collide with a more important one (graph/labels.ts); hover and selection show them.
    // (Hidden by opacity, not by an empty label: Cytoscape would keep the empty label's size.)
    // Nodes that keep their label are drawn above those that do not, so small nodes do not cover a label.
    { selector: 'node', style: { 'z-index': 10 } },
    { selector: 'node.label-hidden', style: { 'text-opacity': 0, 'z-index': 5 } },
    { selector: 'node.collapsed', style: { 'border-width': 3, 'border-color': '#6d4c41', 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': EDGE_LOOKS.spatial.color,
        'curve-style': opts.large ? 'haystack' : 'bezier',
        opacity: 0.85,
        'overlay-opacity': 0,
      },
    },
  ];
  for (const [key, look] of Object.entries(EDGE_LOOKS)) {
    rules.push({
      selector: `edge.${key}`,
      style: {
        'line-color': look.color,
        'line-style': opts.large ? 'solid' : look.style,
        ...(look.style === 'dashed' ? { 'line-dash-pattern': [6, 4] } : {}),
      },
    });
  }
  rules.push({ selector: 'edge.derived', style: { opacity: 0.7 } }, ...themeRules(opts.theme ?? 'default'));
  const projector = opts.theme === 'projector';
  rules.push(
    { selector: 'edge.spatial', style: { width: 1, opacity: 0.6 } },
    { selector: 'edge.continues', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': EDGE_LOOKS.continues.color, 'curve-style': 'bezier' } },
    // The overview: regions as circles, ties between them by strength (width and opacity from the data).
    { selector: 'node.overview-region', style: { 'background-opacity': 0.85, 'border-width': 2, 'border-color': projector ? '#0c151c' : '#ffffff', 'font-weight': 'bold' } },
    { selector: 'edge.overview-tie', style: { width: 'data(width)', opacity: 'data(opacity)', 'curve-style': 'straight', 'line-color': projector ? '#d7ccc8' : EDGE_LOOKS.aggregate.color } },
    { selector: 'node.pinned', style: { 'border-color': '#263238', 'border-width': 2.5, 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'border-color': '#0d47a1', 'border-width': 4, 'z-index': 20, 'font-weight': 'bold', label: 'data(fullLabel)', 'text-opacity': 1 } },
    { selector: 'node.hover', style: { label: 'data(fullLabel)', 'z-index': 20, 'min-zoomed-font-size': 0, 'text-opacity': 1 } },
    { selector: 'node.neighbour', style: { 'min-zoomed-font-size': 0 } },
    { selector: '.dimmed', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: 'node.removed', style: { opacity: 0.3, 'border-color': '#b3261e', 'border-width': 3, 'border-style': 'dashed', 'text-opacity': 0.6 } },
    { selector: 'node.cut-off', style: { 'border-color': '#b3261e', 'border-width': 5, 'z-index': 14, 'min-zoomed-font-size': 0, 'text-opacity': 1 } },
    { selector: 'node.path-hl', style: { 'border-color': EDGE_LOOKS.path.color, 'border-width': 4, 'z-index': 15, 'min-zoomed-font-size': 0, 'text-opacity': 1 } },
    { selector: 'edge.path-hl', style: { 'line-color': projector ? '#ff5c9d' : EDGE_LOOKS.path.color, 'line-style': 'solid', width: projector ? 8 : 5, opacity: 1, 'z-index': 15 } },
    // Of two highlighted nodes whose labels collide, the less important one's label gives way too.
    { selector: 'node.path-hl.label-hidden', style: { 'text-opacity': 0 } },
    { selector: 'node.hover, node:selected', style: { 'text-opacity': 1 } },
    // Live capture: what the projected session added (client/capture/mark.ts).
    { selector: 'node.captured', style: { 'border-color': '#ff6f00', 'border-width': 5, 'z-index': 16, 'min-zoomed-font-size': 0, 'text-opacity': 1 } },
    { selector: 'edge.captured', style: { 'line-color': '#ff6f00', 'line-style': 'solid', width: projector ? 7 : 4, opacity: 1, 'z-index': 16 } },
  );
  if (projector)
    rules.push(
      { selector: 'edge.spatial', style: { width: 2, opacity: 0.8 } },
      { selector: 'node:selected', style: { 'border-color': '#ffd54f', 'border-width': 5 } },
      { selector: 'node.path-hl', style: { 'border-color': '#ff5c9d', 'border-width': 6 } },
    );
  return rules;
}
