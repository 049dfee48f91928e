/** The legend of exactly what is drawn (legendOf over the same elements the canvas gets). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDGE_LOOKS } from '../graph/palette.ts';
import { COMMUNITY_COLORS, OTHER_COMMUNITY_COLOR, communityColor, scaleColor, type LegendEntries } from '../graph/toElements.ts';
import { Swatch } from './TypeIcon.tsx';

/** What the metric encoding means: community colours with sizes, or the colour scale's range; the size metric. */
export interface EncodingLegendInfo {
  color: string;
  size: string;
  /** Community sizes among the drawn actors (colour by community). */
  communities?: { community: number; count: number }[];
  /** Colour metric range among the drawn actors. */
  range?: { min: number; max: number };
  format: (v: number) => string;
}

/** Every community with its own colour gets a row; the rest share grey. */
const SHOWN_COMMUNITIES = COMMUNITY_COLORS.length;

/** `simplified`: large networks draw every tie as a solid line (cheaper), and the legend says so. */
export function Legend({
  entries,
  simplified = false,
  encoding,
  defaultOpen = true,
  edgeColors = {},
}: {
  entries: LegendEntries;
  simplified?: boolean;
  encoding?: EncodingLegendInfo | null;
  /** Closed while the analysis drawer takes the canvas's room (a click opens it). */
  defaultOpen?: boolean;
  /** Tie colours of a presentation theme, where it differs from the explorer's. */
  edgeColors?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(defaultOpen);
  if (entries.nodes.length === 0) return null;
  // Coloured by community or a metric: actor kind colours would mislead, so they leave the legend.
  const nodeKeys = encoding && encoding.color !== 'kind' ? entries.nodes.filter((k) => !k.startsWith('ACTOR:')) : entries.nodes;
  return (
    <section className={open ? 'legend' : 'legend closed'} aria-label={t('legend.title')} data-testid="legend">
      <h2>
        <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('legend.title')}
        </button>
      </h2>
      {open && (
        <>
      <ul aria-label={t('legend.nodes')}>
        {nodeKeys.map((k) => (
          <li key={k} data-legend={k}>
            <Swatch legendKey={k} />
            {t(legendLabelKey(k))}
          </li>
        ))}
      </ul>
      {encoding && encoding.color === 'community' && encoding.communities && (
        <ul aria-label={t('encoding.community')} data-testid="legend-communities">
          {encoding.communities.slice(0, SHOWN_COMMUNITIES).map((c) => (
            <li key={c.community}>
              <span className="swatch" style={{ backgroundColor: communityColor(c.community) }} aria-hidden="true" />
              {t('encoding.communityN', { n: c.community + 1, count: c.count })}
            </li>
          ))}
          {encoding.communities.length > SHOWN_COMMUNITIES && (
            <li>
              <span className="swatch" style={{ backgroundColor: OTHER_COMMUNITY_COLOR }} aria-hidden="true" />
              {t('encoding.otherCommunities')}
            </li>
          )}
        </ul>
      )}
      {encoding && encoding.range && encoding.color !== 'community' && encoding.color !== 'kind' && (
        <div className="legend-scale" data-testid="legend-scale">
          <span>{t(`metric.${encoding.color}`)}</span>
          <span className="scale-bar" aria-hidden="true" style={{ background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(scaleColor).join(', ')})` }} />
          <span className="scale-ends">
            {t('encoding.low')} {encoding.format(encoding.range.min)} – {t('encoding.high')} {encoding.format(encoding.range.max)}
          </span>
        </div>
      )}
      {encoding && encoding.size !== 'degree' && (
        <p className="hint" data-testid="legend-size">
          {t('encoding.size')}: {t(`metric.${encoding.size}`)}
        </p>
      )}
      {entries.edges.length > 0 && (
        <ul aria-label={t('legend.edges')}>
          {entries.edges.map((k) => (
            <li key={k} data-legend={`edge:${k}`}>
              <span className={`edge-swatch ${simplified ? 'solid' : EDGE_LOOKS[k].style}`} style={{ borderTopColor: edgeColors[k] ?? EDGE_LOOKS[k].color }} aria-hidden="true" />
              {t(EDGE_LOOKS[k].label)}
            </li>
          ))}
        </ul>
      )}
        </>
      )}
    </section>
  );
}

function legendLabelKey(k: string): string {
  const [type, kind] = k.split(':');
  if (type === 'ACTOR') return `actorKind.${kind}`;
  if (type === 'PROJECT') return `legend.project.${kind}`;
  if (type === 'GROUP') return 'legend.regionGroup';
  return `nodeType.${type}`;
}
