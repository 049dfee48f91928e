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
import { changedText, StoryPanel, type StoryPanelProps } from './StoryPanel.tsx';
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
const EDITOR: Me = { role: 'EDITOR', name: 'Netzwerkmanagement', canEdit: true, canAdmin: false, readAccess: 'open', pseudonymous: false };
const props = (me: Me): StoryPanelProps => ({
  me,
  open: { story, loading: false, error: null, replace: noop, reload: noop },
  storyId: story.id,
  onOpenStory: noop,
  pseudo: false,
  shownText: (x: string) => x,
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
    // Nothing else is disabled (a save in progress must not swallow the click after a field's blur).
    expect(count(html, 'disabled=""')).toBe(2);
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

describe('StoryPanel with pseudonyms', () => {
  const zarof: Story = { ...story, title: 'Zarof im Kreis', description: 'Wie Zarof wächst', slides: [{ ...story.slides[0]!, title: 'Zarof und THM', notes: 'Zarof anrufen' }] };
  const hide = (x: string) => x.replace(/Zarof/g, 'Unternehmen 3').replace(/THM/g, 'Hochschule 1');
  it('shows no actor name in the story, its slide titles or notes, and no editing field holding them', () => {
    const html = render(<StoryPanel {...props(EDITOR)} open={{ ...props(EDITOR).open, story: zarof }} pseudo shownText={hide} />);
    expect(html).not.toContain('Zarof');
    expect(html).not.toContain('THM');
    expect(html).toContain('Unternehmen 3 und Hochschule 1');
    expect(html).toContain('Unternehmen 3 im Kreis');
    expect(html).not.toContain('data-testid="slide-title"');
    expect(html).not.toContain('data-testid="slide-notes"');
  });

  it('offers no switch of its own for a pseudonymised share link: the server already sends pseudonyms', () => {
    const html = render(<StoryPanel {...props({ ...ANONYMOUS, role: 'VIEWER', pseudonymous: true })} />);
    expect(html).not.toContain('data-testid="pseudo-toggle"');
    expect(html).toContain('data-testid="pseudo-server-note"');
    expect(html).toContain('Pseudonyme (Freigabelink)');
    expect(render(<StoryPanel {...props(EDITOR)} />)).toContain('data-testid="pseudo-toggle"');
  });
});

describe('changedText', () => {
  it('saves a field on leaving only when its text differs from the stored one', () => {
    expect(changedText('Alt', 'Alt')).toBe(false);
    expect(changedText(' Alt ', 'Alt')).toBe(false);
    expect(changedText('', null)).toBe(false);
    expect(changedText('Neu', 'Alt')).toBe(true);
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
    const html = render(<Presentation stage={stage(false)} story={story} nodes={12} edges={9} settled regionName={() => 'Landkreis Nordsachsen'} pseudo={false} shownText={(x) => x} onPseudo={noop} />);
    expect(html).toContain('<h2>Das ganze Netzwerk</h2>');
    expect(html).toContain('Landkreis Nordsachsen');
    expect(html).toContain('1 / 2 · Schritt 2 / 4');
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('data-nodes="12"');
    expect(html).not.toContain('Begrüßung');
    const hidden = render(<Presentation stage={stage(true)} story={story} nodes={1} edges={0} settled regionName={() => ''} pseudo shownText={(x) => x.replace('Begrüßung', 'X').replace('ganze', 'Y')} onPseudo={noop} />);
    expect(hidden).toContain('<h2>Das Y Netzwerk</h2>');
    expect(hidden).not.toContain('Begrüßung');
    expect(render(<Presentation stage={stage(true)} story={story} nodes={12} edges={9} settled={false} regionName={() => ''} pseudo={false} shownText={(x) => x} onPseudo={noop} />)).toContain('Begrüßung');
    // Its pseudonym switch, unless the server already sends pseudonyms.
    expect(html).toContain('data-testid="present-pseudo"');
    expect(html).toContain('P: Pseudonyme');
    const fixed = render(<Presentation stage={stage(false)} story={story} nodes={12} edges={9} settled regionName={() => ''} pseudo shownText={(x) => x} onPseudo={null} />);
    expect(fixed).not.toContain('data-testid="present-pseudo"');
    expect(fixed).not.toContain('P: Pseudonyme');
  });
});
