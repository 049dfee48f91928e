/**
 * Presentation mode's overlay on the full-window canvas: the slide's title, the progress (slide and
 * reveal step), speaker notes on demand (N), controls that stay out of the way, and the keys:
 * arrows, PageUp/PageDown (presenter clickers) and space move, Escape leaves, T switches the theme,
 * L the legend.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { keyAction } from './presentation.ts';
import type { Story } from './story.ts';
import type { Stage } from './useStage.ts';

export interface PresentationProps {
  stage: Stage;
  story: Story;
  nodes: number;
  edges: number;
  /** The slide's picture stands (loaded, placed). */
  settled: boolean;
  regionName(id: string): string;
  pseudo: boolean;
  /** Free text (title, notes) as the audience may see it: with pseudonyms while they are on. */
  shownText(s: string): string;
  /** Switches the page's pseudonyms; null when the server already sends pseudonyms (a pseudonymised share link). */
  onPseudo: ((on: boolean) => void) | null;
}

export function Presentation({ stage, story, nodes, edges, settled, regionName, pseudo, shownText, onPseudo }: PresentationProps) {
  const { t } = useTranslation();
  const p = stage.presentation;

  useEffect(() => {
    if (!p || stage.busy) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const a = keyAction(e.key, e.shiftKey);
      if (!a) return;
      e.preventDefault();
      e.stopPropagation();
      if (a === 'leave') stage.leave();
      else if (a === 'notes') stage.set({ type: 'toggleNotes' });
      else if (a === 'theme') stage.set({ type: 'toggleTheme' });
      else if (a === 'legend') stage.set({ type: 'toggleLegend' });
      else if (a === 'pseudo') onPseudo?.(!pseudo);
      else stage.act(a);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [p, stage, pseudo, onPseudo]);

  if (!p) return null;
  const slide = story.slides[p.index];
  const title = shownText(slide?.title?.trim() || story.title);
  const info = stage.stepInfo;
  const stepText =
    info?.kind === 'region'
      ? info.regionId
        ? regionName(info.regionId)
        : t('present.noRegion')
      : info?.kind === 'year'
        ? info.year === null
          ? t('present.allYears')
          : t('present.year', { year: info.year })
        : null;
  return (
    <div
      className={`presentation theme-${p.theme}`}
      data-testid="presentation"
      data-slide={p.index + 1}
      data-slides={story.slides.length}
      data-step={stage.step + 1}
      data-steps={stage.steps}
      data-state={stage.failure ? 'error' : settled ? 'ready' : 'loading'}
      data-nodes={nodes}
      data-edges={edges}
      data-theme={p.theme}
    >
      <header className="slide-title" data-testid="slide-title-overlay">
        <h2>{title}</h2>
        {stepText && <p className="slide-step">{stepText}</p>}
      </header>
      <div className="slide-progress" data-testid="presentation-progress" aria-live="polite">
        {t('present.progress', { n: p.index + 1, total: story.slides.length })}
        {stage.steps > 1 && ` · ${t('present.step', { n: stage.step + 1, total: stage.steps })}`}
      </div>
      {stage.failure && (
        <div className="slide-error" role="alert" data-testid="slide-error" data-code={stage.failure.code}>
          <p>{t('present.failed', { reason: t(`errors.${stage.failure.code}`, { field: stage.failure.field ?? '' }) })}</p>
          {!stage.busy && <p className="hint">{t('present.failedHint')}</p>}
        </div>
      )}
      {p.notes && (
        <aside className="speaker-notes" data-testid="speaker-notes" aria-label={t('story.notes')}>
          {slide?.notes?.trim() ? shownText(slide.notes) : <em>{t('present.noNotes')}</em>}
        </aside>
      )}
      {stage.busy && (
        <div className="presentation-busy" role="status" data-testid="presentation-busy">
          {stage.busy}
        </div>
      )}
      {!stage.busy && (
        <nav className="presentation-controls" aria-label={t('present.label')}>
          <button type="button" onClick={() => stage.act('prev')} data-testid="present-prev">
            ‹ {t('present.prev')}
          </button>
          <button type="button" onClick={() => stage.act('next')} data-testid="present-next">
            {t('present.next')} ›
          </button>
          <button type="button" onClick={() => stage.set({ type: 'toggleTheme' })} data-testid="present-theme">
            {t('present.theme')}: {t(`present.themes.${p.theme}`)}
          </button>
          <button type="button" aria-pressed={p.notes} onClick={() => stage.set({ type: 'toggleNotes' })} data-testid="present-notes">
            {t('present.notes')}
          </button>
          <button type="button" aria-pressed={p.legend} onClick={() => stage.set({ type: 'toggleLegend' })}>
            {t('present.legend')}
          </button>
          {onPseudo && (
            <button type="button" aria-pressed={pseudo} onClick={() => onPseudo(!pseudo)} data-testid="present-pseudo">
              {t('pseudo.label')}
            </button>
          )}
          <button type="button" onClick={stage.leave} data-testid="present-leave">
            {t('present.leave')}
          </button>
          <span className="hint">
            {t('present.keys')}
            {onPseudo && t('present.keyPseudo')}
          </span>
        </nav>
      )}
    </div>
  );
}
