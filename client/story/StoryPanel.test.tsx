/**
 * The story panel and the presentation overlay rendered to static HTML: editors get the editing
 * controls, viewers only open, show and present; the overlay shows the title, the progress with the
 * reveal step, and notes only when asked for.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Me } from '../api/access.ts';
import { createI18n } from '../i18n/index.ts';
import { Presentation } from './Presentation.tsx';
import { startPresentation } from './presentation.ts';
import { StoryPanel, type StoryPanelProps } from './StoryPanel.tsx';
import type { Story } from './story.ts';
import type { Stage } from './useStage.ts';

const render = (node: React.ReactNode) => renderToStaticMarkup(<I18nextProvider i18n={createI18n('de')}>{node}</I18nextProvider>);
const noop = () => {};
const story: Story = {
  id: 'story-1',
  title: 'Workshop Nordsachsen',
  description: 'Für den Kreistag',
  version: 3,
  slides: [
    { id: 's1', title: 'Das ganze Netzwerk', notes: 'Begrüßung', view: { query: '', positions: null, zoom: null, pan: null, highlight: [] }, reveal: { by: 'region' } },
    { id: 's2', title: 'Nordsachsen', notes: null, view: { query: '?regions=r-nordsachsen', positions: null, zoom: null, pan: null, highlight: [] }, reveal: { by: 'none' } },
  ],
};
const EDITOR: Me = { role: 'EDITOR', name: 'Netzwerkmanagement', canEdit: true, canAdmin: false, readAccess: 'open' };
const props = (me: Me): StoryPanelProps => ({
  me,
  open: { story, loading: false, error: null, replace: noop, reload: noop },
  storyId: story.id,
  onOpenStory: noop,
  pseudo: false,
  onPseudo: noop,
  capture: () => null,
  shownIndex: 1,
  onShow: noop,
  onPresent: noop,
  onPdf: noop,
  pdfBusy: false,
  onClose: noop,
});
const count = (html: string, s: string) => html.split(s).length - 1;

describe('StoryPanel', () => {
  it('gives editors the slide list with titles, notes, reveal, reorder, delete, and a slide from the current view', () => {
    const html = render(<StoryPanel {...props(EDITOR)} />);
    expect(count(html, 'data-testid="slide"')).toBe(2);
    expect(count(html, 'data-testid="slide-title"')).toBe(2);
    expect(count(html, 'data-testid="slide-notes"')).toBe(2);
    expect(html).toContain('Begrüßung');
    expect(count(html, 'data-testid="slide-delete"')).toBe(2);
    expect(html).toContain('data-testid="slide-add"');
    expect(html).toContain('Folie aus aktueller Ansicht');
    expect(html).toContain('data-testid="story-link"');
    expect(html).toContain('data-testid="story-delete"');
    // The first slide cannot move up, the last not down.
    expect(html).toMatch(/disabled="" data-testid="slide-up"/);
    expect(html).toMatch(/disabled="" data-testid="slide-down"/);
    // The slide the explorer shows is marked.
    expect(html).toMatch(/class="slide shown" data-testid="slide" data-id="s2"/);
  });

  it('shows viewers the story to open and present, without any editing control or the speaker notes', () => {
    const html = render(<StoryPanel {...props({ ...ANONYMOUS, role: 'VIEWER' })} />);
    expect(count(html, 'data-testid="slide"')).toBe(2);
    expect(html).toContain('data-testid="story-present"');
    expect(html).toContain('Das ganze Netzwerk');
    for (const id of ['slide-add', 'slide-title', 'slide-notes', 'slide-delete', 'slide-up', 'story-link', 'story-delete', 'story-title']) expect(html, id).not.toContain(`data-testid="${id}"`);
    expect(html).not.toContain('Begrüßung');
  });
});

describe('Presentation overlay', () => {
  const stage = (notes: boolean): Stage =>
    ({
      presentation: { ...startPresentation(0), notes },
      step: 1,
      steps: 4,
      stepInfo: { kind: 'region', regionId: 'r-nordsachsen' },
      busy: null,
      act: noop,
      set: noop,
      leave: noop,
    }) as unknown as Stage;

  it('shows the slide title, the step’s region and the progress; the notes only on demand', () => {
    const html = render(<Presentation stage={stage(false)} story={story} nodes={12} edges={9} settled regionName={() => 'Landkreis Nordsachsen'} pseudo={false} onPseudo={noop} />);
    expect(html).toContain('<h2>Das ganze Netzwerk</h2>');
    expect(html).toContain('Landkreis Nordsachsen');
    expect(html).toContain('1 / 2 · Schritt 2 / 4');
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('data-nodes="12"');
    expect(html).not.toContain('Begrüßung');
    expect(render(<Presentation stage={stage(true)} story={story} nodes={12} edges={9} settled={false} regionName={() => ''} pseudo={false} onPseudo={noop} />)).toContain('Begrüßung');
  });
});
