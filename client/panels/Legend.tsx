/** The legend of exactly what is drawn (legendOf over the same elements the canvas gets). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDGE_LOOKS } from '../graph/palette.ts';
import type { LegendEntries } from '../graph/toElements.ts';
import { Swatch } from './TypeIcon.tsx';

/** `simplified`: large networks draw every tie as a solid line (cheaper), and the legend says so. */
export function Legend({ entries, simplified = false }: { entries: LegendEntries; simplified?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (entries.nodes.length === 0) return null;
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
        {entries.nodes.map((k) => (
          <li key={k} data-legend={k}>
            <Swatch legendKey={k} />
            {t(legendLabelKey(k))}
          </li>
        ))}
      </ul>
      {entries.edges.length > 0 && (
        <ul aria-label={t('legend.edges')}>
          {entries.edges.map((k) => (
            <li key={k} data-legend={`edge:${k}`}>
              <span className={`edge-swatch ${simplified ? 'solid' : EDGE_LOOKS[k].style}`} style={{ borderTopColor: EDGE_LOOKS[k].color }} aria-hidden="true" />
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
