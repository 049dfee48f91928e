/**
 * How each kind of node and tie looks. The stylesheet and the legend both read from here, so the
 * legend always matches the drawing.
 */
import type { NodeType } from '../api/types.ts';

export type Shape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'round-tag';

export interface NodeLook {
  color: string;
  shape: Shape;
  /** i18n key of the legend label. */
  label: string;
}

export const ACTOR_COLORS: Record<string, string> = {
  company: '#1f77b4',
  startup: '#5aa9e6',
  university: '#2ca02c',
  school: '#7cc46a',
  research_institute: '#138d90',
  education_provider: '#6b8e23',
  chamber: '#9467bd',
  association: '#b36ab8',
  municipality: '#d62728',
  district_administration: '#e8743b',
  economic_development_agency: '#ff9f1c',
  funder: '#8c564b',
  civil_society: '#e377c2',
  media: '#a6a61d',
  other: '#7f7f7f',
};

const PROJECT_COLORS: Record<string, string> = {
  running: '#37474f',
  planned: '#78909c',
  completed: '#90a4ae',
  unknown: '#b0bec5',
};

export const EVENT_COLOR = '#f2b01e';
export const REGION_COLOR = '#a1887f';

/** The legend key of a node: type plus the kind that sets its colour. */
export function nodeLegendKey(type: NodeType, kind: string | null): string {
  switch (type) {
    case 'ACTOR':
      return `ACTOR:${kind && Object.hasOwn(ACTOR_COLORS, kind) ? kind : 'other'}`;
    case 'PROJECT':
      return `PROJECT:${kind && Object.hasOwn(PROJECT_COLORS, kind) ? kind : 'unknown'}`;
    case 'EVENT':
      return 'EVENT';
    case 'REGION':
      return 'REGION';
  }
}

export function nodeLook(key: string): NodeLook {
  const [type, kind = ''] = key.split(':');
  switch (type) {
    case 'ACTOR':
      return { color: ACTOR_COLORS[kind] ?? '#7f7f7f', shape: 'ellipse', label: `actorKind.${kind}` };
    case 'PROJECT':
      return { color: PROJECT_COLORS[kind] ?? '#b0bec5', shape: 'round-rectangle', label: `legend.project.${kind}` };
    case 'EVENT':
      return { color: EVENT_COLOR, shape: 'diamond', label: 'nodeType.EVENT' };
    case 'GROUP':
      return { color: '#eceff1', shape: 'round-rectangle', label: 'legend.regionGroup' };
    default:
      return { color: REGION_COLOR, shape: 'hexagon', label: 'nodeType.REGION' };
  }
}

export type EdgeLegendKey = 'direct' | 'derived' | 'participation' | 'event' | 'spatial' | 'continues' | 'aggregate' | 'path';

export interface EdgeLook {
  color: string;
  style: 'solid' | 'dashed' | 'dotted';
  /** i18n key of the legend label. */
  label: string;
}

export const EDGE_LOOKS: Record<EdgeLegendKey, EdgeLook> = {
  direct: { color: '#263238', style: 'solid', label: 'legend.edge.direct' },
  derived: { color: '#7b8d96', style: 'dashed', label: 'legend.edge.derived' },
  participation: { color: '#b0bec5', style: 'solid', label: 'legend.edge.participation' },
  event: { color: '#e6c36a', style: 'solid', label: 'legend.edge.event' },
  spatial: { color: '#bcaaa4', style: 'dotted', label: 'legend.edge.spatial' },
  continues: { color: '#546e7a', style: 'dashed', label: 'legend.edge.continues' },
  aggregate: { color: '#5d4037', style: 'solid', label: 'legend.edge.aggregate' },
  path: { color: '#d81b60', style: 'solid', label: 'legend.edge.path' },
};

export function edgeLegendKey(kind: string, derived: boolean): EdgeLegendKey {
  switch (kind) {
    case 'cooperation':
      return derived ? 'derived' : 'direct';
    case 'participation':
      return 'participation';
    case 'event_participation':
    case 'belongs_to':
      return 'event';
    case 'continues':
      return 'continues';
    case 'path':
      return 'path';
    case 'aggregate':
      return 'aggregate';
    default:
      return 'spatial';
  }
}

/** Legend order: actors by kind order above, then projects, events, regions; ties as listed above. */
export const NODE_LEGEND_ORDER: string[] = [
  ...Object.keys(ACTOR_COLORS).map((k) => `ACTOR:${k}`),
  ...Object.keys(PROJECT_COLORS).map((k) => `PROJECT:${k}`),
  'EVENT',
  'REGION',
  'GROUP',
];
export const EDGE_LEGEND_ORDER = Object.keys(EDGE_LOOKS) as EdgeLegendKey[];
