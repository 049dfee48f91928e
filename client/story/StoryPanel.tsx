/**
 * The story panel (right column): the stories, one story's slides, and presenting. Editors create
 * stories, add a slide from the current view, reorder, retitle, annotate, set the reveal, delete;
 * every change saves the whole ordered slide list with the version the edit started from (a change
 * made elsewhere meanwhile is a conflict, not an overwrite). Viewers open, show and present.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/access.ts';
import { createToken } from '../api/access.ts';
import { createStory, deleteStory, updateStory } from '../api/stories.ts';
import { Icon } from '../components/Icon.tsx';
import { Confirm } from '../edit/Confirm.tsx';
import { useWrite } from '../edit/useWrite.ts';
import { WriteError } from '../edit/WriteError.tsx';
import { CopyField } from '../session/AccessDialog.tsx';
import type { OpenStory } from './useStories.ts';
import { useStoryList } from './useStories.ts';
import { REVEAL_BY, insertSlide, moveSlide, newSlideId, patchSlide, removeSlide, type RevealBy, type Slide, type SlideView, type Story } from './story.ts';

export interface StoryPanelProps {
  me: Me;
  open: OpenStory;
  storyId: string | null;
  onOpenStory(id: string | null): void;
  /** Pseudonymised mode (actors as kind and number), for open audiences. */
  pseudo: boolean;
  /** Free text as the audience may see it: actor names replaced while pseudonyms are on. */
  shownText(s: string): string;
  onPseudo(on: boolean): void;
  /** The current view as a slide's view (null while the canvas has none). */
  capture(): SlideView | null;
  /** The slide the explorer shows now (chosen here), if any. */
  shownIndex: number | null;
  onShow(index: number): void;
  onPresent(index: number): void;
  onPdf(): void;
  pdfBusy: boolean;
  /** What became of the last PDF, when not all of it. */
  pdfNote?: string | null;
  onClose(): void;
}

type Draft = Pick<Story, 'title' | 'description' | 'slides'>;

/**
 * A text field's draft that follows the stored value: when the stored text changes (a save, or a
 * reload after a conflict), the draft becomes it, so a later blur cannot save old text back.
 */
function useDraft(stored: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(stored);
  const [base, setBase] = useState(stored);
  if (base !== stored) {
    setBase(stored);
    setDraft(stored);
  }
  return [draft, setDraft];
}

/** Whether leaving a field saves: only when its text differs from what is stored. */
export const changedText = (draft: string, stored: string | null): boolean => draft.trim() !== (stored ?? '').trim();

export function StoryPanel(props: StoryPanelProps) {
  const { t } = useTranslation();
  const { me, open, storyId, onOpenStory, onClose, pseudo, onPseudo, shownText } = props;
  return (
    <section className="story-panel" data-testid="story-panel" aria-labelledby="story-panel-title">
      <header className="panel-head">
        <h2 id="story-panel-title">{t('story.panel')}</h2>
        <button type="button" className="close" aria-label={t('story.close')} title={t('story.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {me.pseudonymous ? (
        // The server already names actors by kind and number for this link: nothing to switch.
        <p className="pseudo-toggle" title={t('pseudo.serverHint')} data-testid="pseudo-server-note">
          {t('pseudo.server')}
        </p>
      ) : (
        <label className="pseudo-toggle" title={`${t('pseudo.hint')} ${t('pseudo.hintText')}`}>
          <input type="checkbox" checked={pseudo} onChange={(e) => onPseudo(e.target.checked)} data-testid="pseudo-toggle" /> {t('pseudo.on')}
        </label>
      )}
      {storyId ? (
        <>
          <button type="button" className="link" onClick={() => onOpenStory(null)} data-testid="story-back">
            ← {t('story.back')}
          </button>
          {open.error && (
            <p role="alert" className="error">
              {t(`errors.${open.error.code}`, { field: open.error.field ?? '' })}
            </p>
          )}
          {!open.story && !open.error && <p className="hint">{t('status.loading')}</p>}
          {open.story && <StoryView {...props} story={open.story} />}
        </>
      ) : (
        <StoryList me={me} onOpenStory={onOpenStory} shownText={shownText} />
      )}
    </section>
  );
}

function StoryList({ me, onOpenStory, shownText }: { me: Me; onOpenStory(id: string): void; shownText(s: string): string }) {
  const { t } = useTranslation();
  const { stories, error } = useStoryList(true);
  const [title, setTitle] = useState('');
  const write = useWrite();
  const create = async () => {
    const s = await write.run(() => createStory({ title: title.trim(), description: null, slides: [] }));
    if (s) onOpenStory(s.id);
  };
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error.code}`, { field: error.field ?? '' })}
        </p>
      )}
      {stories && stories.length === 0 && <p className="hint">{t('story.none')}</p>}
      <ul className="story-list" data-testid="story-list">
        {(stories ?? []).map((s) => (
          <li key={s.id} data-id={s.id} data-testid="story-item">
            <button type="button" className="story-open" onClick={() => onOpenStory(s.id)}>
              <strong>{shownText(s.title)}</strong> <span className="count">{t('story.slides', { count: s.slideCount })}</span>
            </button>
            {s.description && <p className="hint">{shownText(s.description)}</p>}
          </li>
        ))}
      </ul>
      {me.canEdit && (
        <form
          className="story-create"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim() && !write.busy) void create();
          }}
        >
          <label className="form-label" htmlFor="story-new-title">
            {t('story.newTitle')}
          </label>
          <div className="copy-row">
            <input id="story-new-title" type="text" value={title} placeholder={t('story.newPlaceholder')} onChange={(e) => setTitle(e.target.value)} data-testid="story-new-title" />
            <button type="submit" disabled={!title.trim() || write.busy} data-testid="story-create">
              <Icon name="plus" /> {t('story.create')}
            </button>
          </div>
          <WriteError error={write.error} />
        </form>
      )}
    </>
  );
}

function StoryView({ me, open, story, capture, shownIndex, onShow, onPresent, onPdf, pdfBusy, pdfNote, onOpenStory, pseudo, shownText }: StoryPanelProps & { story: Story }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [link, setLink] = useState<{ url: string | null; note: string } | null>(null);
  // With pseudonyms on the panel may be on the projector: no names in fields, no notes; edit with them off.
  const canEdit = me.canEdit && !pseudo;
  const [title, setTitle] = useDraft(story.title);
  const [description, setDescription] = useDraft(story.description ?? '');

  // Changes are saved one after the other, each on the story the previous one left (its version).
  const latest = useRef(story);
  if (latest.current.id !== story.id || latest.current.version < story.version) latest.current = story;
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const change = (edit: (s: Story) => Draft | null) => {
    queue.current = queue.current.then(async () => {
      const cur = latest.current;
      const next = edit(cur);
      if (!next) return;
      const saved = await write.run(() => updateStory(cur.id, cur.version, next));
      if (saved) {
        latest.current = saved;
        open.replace(saved);
      }
    });
  };
  const draftOf = (s: Story): Draft => ({ title: s.title, description: s.description, slides: s.slides });
  const changeSlides = (edit: (slides: Slide[]) => Slide[]) => change((s) => ({ ...draftOf(s), slides: edit(s.slides) }));

  const addSlide = () => {
    const view = capture();
    if (!view) return;
    changeSlides((slides) => insertSlide(slides, { id: newSlideId(slides), title: t('story.slide', { n: slides.length + 1 }), notes: null, view, reveal: { by: 'none' } }));
  };

  const participantLink = async () => {
    const base = `${window.location.origin}${window.location.pathname}`;
    if (me.canAdmin) {
      // With pseudonyms on, the link is a pseudonymised share link: the server, not only the page, hides the names.
      const created = await write.run(() => createToken(t('story.tokenName', { title: story.title }).slice(0, 100), 'VIEWER', pseudo));
      if (!created) return;
      const url = new URL(created.signInUrl, base);
      url.searchParams.set('story', story.id);
      if (pseudo) url.searchParams.set('pseudo', '1');
      setLink({ url: url.toString(), note: t('story.linkHint') });
    } else if (me.readAccess === 'open') setLink({ url: `${base}?story=${encodeURIComponent(story.id)}${pseudo ? '&pseudo=1' : ''}`, note: t('story.linkOpen') });
    else setLink({ url: null, note: t('story.linkNeedsAdmin', { id: story.id }) });
  };

  return (
    <div className="story-view" data-testid="story-view" data-id={story.id} data-version={story.version}>
      {canEdit ? (
        <div className="story-fields">
          <label className="form-label" htmlFor="story-title">
            {t('story.title')}
          </label>
          <input
            id="story-title"
            type="text"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="story-title"
            onBlur={() => {
              const v = title.trim();
              if (v && changedText(v, story.title)) change((cur) => ({ ...draftOf(cur), title: v }));
            }}
          />
          <label className="form-label" htmlFor="story-description">
            {t('story.description')}
          </label>
          <textarea
            id="story-description"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="story-description"
            onBlur={() => {
              if (changedText(description, story.description)) change((cur) => ({ ...draftOf(cur), description: description.trim() || null }));
            }}
          />
        </div>
      ) : (
        <>
          <h3 className="story-heading" data-testid="story-heading">
            {shownText(story.title)}
          </h3>
          {story.description && <p className="hint">{shownText(story.description)}</p>}
          <p className="hint">{me.canEdit ? t('story.pseudoReadOnly') : t('story.readOnly')}</p>
        </>
      )}

      <div className="story-actions">
        <button type="button" className="primary" disabled={story.slides.length === 0} onClick={() => onPresent(0)} data-testid="story-present">
          ▶ {t('story.present')}
        </button>
        <button type="button" disabled={story.slides.length === 0 || pdfBusy} onClick={onPdf} data-testid="story-pdf">
          {pdfBusy ? t('story.pdfBusy') : t('story.pdf')}
        </button>
        {me.canEdit && (
          <button type="button" onClick={() => void participantLink()} disabled={write.busy} data-testid="story-link">
            {t('story.link')}
          </button>
        )}
      </div>
      {pdfNote && !pdfBusy && (
        <p className="write-error" role="alert" data-testid="story-pdf-note">
          {pdfNote}
        </p>
      )}
      {link && (
        <div className="participant-link" data-testid="participant-link-box">
          {link.url && <CopyField label={t('story.link')} value={link.url} testId="participant-link" />}
          <p className="hint">{link.note}</p>
        </div>
      )}
      <WriteError error={write.error} onReload={open.reload} />
      {write.busy && (
        <p className="hint" role="status" data-testid="story-saving">
          {t('story.saving')}
        </p>
      )}

      {story.slides.length === 0 && <p className="hint">{t('story.noSlides')}</p>}
      <ol className="slide-list" data-testid="slide-list">
        {story.slides.map((s, i) => (
          <SlideRow
            key={s.id}
            slide={s}
            index={i}
            count={story.slides.length}
            canEdit={canEdit}
            shownText={shownText}
            shown={shownIndex === i}
            onShow={() => onShow(i)}
            onPresent={() => onPresent(i)}
            onMove={(to) => changeSlides((slides) => moveSlide(slides, slides.findIndex((x) => x.id === s.id), to))}
            onPatch={(patch) => changeSlides((slides) => patchSlide(slides, s.id, patch))}
            onRetake={() => {
              const view = capture();
              if (view) changeSlides((slides) => patchSlide(slides, s.id, { view }));
            }}
            onDelete={() => changeSlides((slides) => removeSlide(slides, s.id))}
          />
        ))}
      </ol>
      {canEdit && (
        <>
          <button type="button" className="add-slide" onClick={addSlide} data-testid="slide-add" title={t('story.addSlideHint')}>
            <Icon name="plus" /> {t('story.addSlide')}
          </button>
          <p className="hint">{t('story.addSlideHint')}</p>
          {confirmDelete ? (
            <Confirm
              question={t('story.deleteQuestion', { title: story.title })}
              confirmLabel={t('story.deleteStory')}
              busy={write.busy}
              testId="story-delete-confirm"
              onCancel={() => setConfirmDelete(false)}
              onConfirm={async () => {
                const ok = await write.run(async () => {
                  await deleteStory(story.id, story.version);
                  return true;
                });
                if (ok) onOpenStory(null);
              }}
            />
          ) : (
            <button type="button" className="link danger-link" onClick={() => setConfirmDelete(true)} data-testid="story-delete">
              <Icon name="trash" /> {t('story.deleteStory')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

interface SlideRowProps {
  slide: Slide;
  index: number;
  count: number;
  canEdit: boolean;
  shownText(s: string): string;
  shown: boolean;
  onShow(): void;
  onPresent(): void;
  onMove(to: number): void;
  onPatch(patch: Partial<Omit<Slide, 'id'>>): void;
  onRetake(): void;
  onDelete(): void;
}

// Buttons stay enabled while a change saves: the queue orders the writes, and disabling them between
// mouse-down and mouse-up (a field's blur starts a save) would swallow the click.
function SlideRow({ slide, index, count, canEdit, shownText, shown, onShow, onPresent, onMove, onPatch, onRetake, onDelete }: SlideRowProps) {
  const { t } = useTranslation();
  const title = shownText(slide.title?.trim() || t('story.untitled'));
  const [titleDraft, setTitleDraft] = useDraft(slide.title ?? '');
  const [notesDraft, setNotesDraft] = useDraft(slide.notes ?? '');
  return (
    <li className={shown ? 'slide shown' : 'slide'} data-testid="slide" data-id={slide.id} data-index={index}>
      <div className="slide-head">
        <span className="slide-number">{index + 1}</span>
        {canEdit ? (
          <input
            type="text"
            className="slide-title"
            aria-label={t('story.slideTitle')}
            value={titleDraft}
            onChange={(e) => setTitleDraft(e.target.value)}
            data-testid="slide-title"
            onBlur={() => {
              if (changedText(titleDraft, slide.title)) onPatch({ title: titleDraft });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
          />
        ) : (
          <span className="slide-title">{title}</span>
        )}
      </div>
      <div className="slide-buttons">
        <button type="button" onClick={onShow} aria-pressed={shown} data-testid="slide-show" title={t('story.show')}>
          {shown ? t('story.shown') : t('story.show')}
        </button>
        <button type="button" onClick={onPresent} data-testid="slide-present" title={t('story.presentFrom')} aria-label={t('story.presentFrom')}>
          ▶
        </button>
        {canEdit && (
          <>
            <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)} data-testid="slide-up" title={t('story.up')} aria-label={t('story.up')}>
              ↑
            </button>
            <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)} data-testid="slide-down" title={t('story.down')} aria-label={t('story.down')}>
              ↓
            </button>
            <button type="button" onClick={onRetake} data-testid="slide-retake" title={t('story.retakeHint')}>
              {t('story.retake')}
            </button>
            <button type="button" className="danger-link" onClick={onDelete} data-testid="slide-delete" title={t('story.deleteSlide')} aria-label={t('story.deleteSlide')}>
              <Icon name="trash" />
            </button>
          </>
        )}
      </div>
      {canEdit && (
        <div className="slide-fields">
          <label className="inline">
            {t('story.reveal')}{' '}
            <select value={slide.reveal.by} onChange={(e) => onPatch({ reveal: { by: e.target.value as RevealBy } })} data-testid="slide-reveal">
              {REVEAL_BY.map((b) => (
                <option key={b} value={b}>
                  {t(`story.revealBy.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <textarea
            rows={2}
            aria-label={t('story.notes')}
            placeholder={t('story.notesPlaceholder')}
            value={notesDraft}
            onChange={(e) => setNotesDraft(e.target.value)}
            data-testid="slide-notes"
            onBlur={() => {
              if (changedText(notesDraft, slide.notes)) onPatch({ notes: notesDraft });
            }}
          />
        </div>
      )}
    </li>
  );
}
