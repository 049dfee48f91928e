/**
 * Filters: node types, tie kinds, the year ("the network as of"), regions (hierarchical: a region
 * includes its sub-regions), actor kinds, sectors and projects. Every change is one state action.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_TYPES, type FacetCount, type RegionSummary } from '../api/types.ts';
import { formatNumber } from '../i18n/index.ts';
import { filtersActive, type ExplorerState, type ListFilter } from '../state/explorer.ts';
import type { Catalog, Dispatch } from '../state/useExplorer.ts';
import { Swatch } from './TypeIcon.tsx';

export interface FilterPanelProps {
  state: ExplorerState;
  catalog: Catalog;
  dispatch: Dispatch;
}

const PLAY_STEP_MS = 1100;
/** Slider changes closer together than this belong to one drag: one history entry for all of them. */
const DRAG_MS = 1500;

export function FilterPanel({ state, catalog, dispatch }: FilterPanelProps) {
  const { t } = useTranslation();
  const f = state.filters;
  const { minYear, maxYear } = catalog.facets;
  const [playing, setPlaying] = useState(false);
  const lastYearChange = useRef(0);
  /** While the pointer holds the slider: null before the drag's first change, then true. */
  const drag = useRef<boolean | null>(null);
  /**
   * The first step of a drag or a play run adds a history entry; the following ones replace it. A
   * pointer drag is one entry however slowly it moves; keyboard steps and play steps closer
   * together than DRAG_MS count as one.
   */
  const setYear = useCallback(
    (year: number | null) => {
      const now = Date.now();
      const replaceHistory = drag.current !== null ? drag.current : now - lastYearChange.current < DRAG_MS;
      if (drag.current === false) drag.current = true;
      lastYearChange.current = now;
      dispatch({ type: 'setYear', year }, { replaceHistory });
    },
    [dispatch],
  );

  useEffect(() => {
    if (!playing || minYear === null || maxYear === null) return;
    const timer = setInterval(() => {
      const next = f.year === null || f.year >= maxYear ? minYear : f.year + 1;
      setYear(next);
      if (next >= maxYear) setPlaying(false);
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, f.year, minYear, maxYear, setYear]);

  const toggle = (key: ListFilter, value: string) => dispatch({ type: 'toggleFilterValue', key, value });

  return (
    <aside className="filters" aria-labelledby="filters-title">
      <div className="panel-head">
        <h2 id="filters-title">{t('filters.title')}</h2>
        {filtersActive(f) && (
          <button type="button" className="link" onClick={() => dispatch({ type: 'resetFilters' })} data-testid="reset-filters">
            {t('filters.reset')}
          </button>
        )}
      </div>
      {state.focus && (
        <p className="hint" data-testid="focus-note">
          {t('filters.focusNote')}
        </p>
      )}

      <fieldset>
        <legend>{t('filters.nodeTypes')}</legend>
        {NODE_TYPES.map((nt) => (
          <label key={nt} className="check">
            <input type="checkbox" checked={f.nodeTypes.includes(nt)} onChange={() => dispatch({ type: 'toggleNodeType', nodeType: nt })} data-testid={`type-${nt}`} />
            {t(`nodeTypes.${nt}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('filters.ties')}</legend>
        <label className="check">
          <input type="checkbox" checked={f.direct} onChange={(e) => dispatch({ type: 'setTies', direct: e.target.checked })} data-testid="ties-direct" />
          {t('filters.direct')}
        </label>
        <label className="check">
          <input type="checkbox" checked={f.derived} onChange={(e) => dispatch({ type: 'setTies', derived: e.target.checked })} data-testid="ties-derived" />
          {t('filters.derived')}
        </label>
      </fieldset>

      {minYear !== null && maxYear !== null && (
        <fieldset>
          <legend>{t('filters.year')}</legend>
          <div className="year-row">
            <input
              type="range"
              min={minYear}
              max={maxYear + 1}
              step={1}
              value={f.year ?? maxYear + 1}
              aria-label={t('filters.year')}
              aria-valuetext={f.year === null ? t('filters.allYears') : t('filters.yearValue', { year: f.year })}
              data-testid="year-slider"
              onPointerDown={() => (drag.current = false)}
              onPointerUp={() => (drag.current = null)}
              onPointerCancel={() => (drag.current = null)}
              onChange={(e) => {
                const y = Number(e.target.value);
                setYear(y > maxYear ? null : y);
              }}
            />
            <output className="year-value">{f.year === null ? t('filters.allYears') : f.year}</output>
            <button type="button" className="icon-button" onClick={() => setPlaying((p) => !p)} title={playing ? t('filters.pause') : t('filters.play')}>
              <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
              <span className="visually-hidden">{playing ? t('filters.pause') : t('filters.play')}</span>
            </button>
          </div>
        </fieldset>
      )}

      <fieldset>
        <legend>
          {t('filters.regions')} <small>({t('filters.regionsHint')})</small>
        </legend>
        <RegionTree regions={catalog.regionList} selected={f.regionIds} onToggle={(id) => toggle('regionIds', id)} />
        <p className="hint credit" data-testid="geo-credit">
          {t('credits.boundaries')}
        </p>
      </fieldset>

      <FacetList
        title={t('filters.actorKinds')}
        items={catalog.facets.actorKinds}
        selected={f.actorKinds}
        label={(v) => t(`actorKind.${v}`)}
        swatch={(v) => `ACTOR:${v}`}
        lang={state.lang}
        onToggle={(v) => toggle('actorKinds', v)}
      />
      <FacetList title={t('filters.sectors')} items={catalog.facets.sectors} selected={f.sectors} label={(v) => v} lang={state.lang} onToggle={(v) => toggle('sectors', v)} />
      <FacetList
        title={t('filters.projects')}
        items={catalog.projects.map((p) => ({ value: p.id, count: 0 }))}
        selected={f.projectIds}
        label={(v) => catalog.projects.find((p) => p.id === v)?.label ?? v}
        lang={state.lang}
        onToggle={(v) => toggle('projectIds', v)}
      />
    </aside>
  );
}

const SHOWN = 8;

function FacetList(props: {
  title: string;
  items: FacetCount[];
  selected: string[];
  label(value: string): string;
  swatch?(value: string): string;
  lang: ExplorerState['lang'];
  onToggle(value: string): void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (props.items.length === 0) return null;
  // Selected values stay visible even when the list is short.
  const shown = all ? props.items : props.items.filter((it, i) => i < SHOWN || props.selected.includes(it.value));
  return (
    <fieldset>
      <legend>{props.title}</legend>
      {shown.map((it) => (
        <label key={it.value} className="check">
          <input type="checkbox" checked={props.selected.includes(it.value)} onChange={() => props.onToggle(it.value)} />
          {props.swatch && <Swatch legendKey={props.swatch(it.value)} />}
          <span className="check-label">{props.label(it.value)}</span>
          {it.count > 0 && <span className="count">{formatNumber(it.count, props.lang)}</span>}
        </label>
      ))}
      {props.items.length > SHOWN && (
        <button type="button" className="link" onClick={() => setAll((a) => !a)} aria-expanded={all}>
          {all ? t('filters.less') : t('filters.more', { count: props.items.length - SHOWN })}
        </button>
      )}
    </fieldset>
  );
}

function RegionTree({ regions, selected, onToggle }: { regions: RegionSummary[]; selected: string[]; onToggle(id: string): void }) {
  const children = useMemo(() => {
    const m = new Map<string | null, RegionSummary[]>();
    const ids = new Set(regions.map((r) => r.id));
    for (const r of regions) {
      const p = r.parentId && ids.has(r.parentId) ? r.parentId : null;
      m.set(p, [...(m.get(p) ?? []), r]);
    }
    for (const list of m.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return m;
  }, [regions]);
  return (
    <ul className="tree">
      {(children.get(null) ?? []).map((r) => (
        <RegionItem key={r.id} region={r} childrenOf={children} selected={selected} onToggle={onToggle} />
      ))}
    </ul>
  );
}

function RegionItem(props: { region: RegionSummary; childrenOf: Map<string | null, RegionSummary[]>; selected: string[]; onToggle(id: string): void }) {
  const { t } = useTranslation();
  const { region, childrenOf, selected } = props;
  const kids = childrenOf.get(region.id) ?? [];
  const containsSelected = (id: string): boolean => (childrenOf.get(id) ?? []).some((c) => selected.includes(c.id) || containsSelected(c.id));
  const [open, setOpen] = useState(() => containsSelected(region.id));
  return (
    <li>
      <div className="tree-row">
        {kids.length > 0 ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={open ? t('filters.collapse', { name: region.name }) : t('filters.expand', { name: region.name })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-spacer" />
        )}
        <label className="check">
          <input type="checkbox" checked={selected.includes(region.id)} onChange={() => props.onToggle(region.id)} data-region={region.id} />
          <span className="check-label">{region.name}</span>
          <span className="count">{t(`regionKind.${region.kind}`)}</span>
        </label>
      </div>
      {open && kids.length > 0 && (
        <ul>
          {kids.map((k) => (
            <RegionItem key={k.id} region={k} childrenOf={childrenOf} selected={selected} onToggle={props.onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
