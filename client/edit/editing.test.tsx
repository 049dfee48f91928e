/**
 * Editing in the page, rendered to static HTML: viewers see the details exactly as before (no edit
 * control at all); editors get the actions, a form per node type, and edit/delete on every row.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Me } from '../api/access.ts';
import type { ActorDetails, ProjectDetails } from '../api/types.ts';
import { createI18n } from '../i18n/index.ts';
import { ImportWizard } from '../import/ImportWizard.tsx';
import { DetailsPanel } from '../panels/DetailsPanel.tsx';
import { SelectionPair } from '../panels/SelectionPair.tsx';
import { SessionMenu } from '../session/SessionMenu.tsx';
import type { Session } from '../session/useSession.ts';
import { initialState, type Lang } from '../state/explorer.ts';
import { EntityEditor } from './EntityEditor.tsx';

const render = (node: React.ReactNode, lang: Lang = 'de') => renderToStaticMarkup(<I18nextProvider i18n={createI18n(lang)}>{node}</I18nextProvider>);
const ref = (id: string, type: 'ACTOR' | 'PROJECT' | 'REGION' | 'EVENT', label = id) => ({ id, type, kind: null, label });
const count = (html: string, s: string) => html.split(s).length - 1;

function actor(versions: boolean): ActorDetails {
  const v = <T extends object>(x: T, n: number): T => (versions ? { ...x, version: n } : x);
  return v(
    {
      __typename: 'Actor',
      id: 'a-kammer',
      name: 'Kammer Beispiel',
      kind: 'chamber',
      sectors: ['handwerk'],
      tags: [],
      website: null,
      description: 'Eine Kammer.',
      region: ref('r-x', 'REGION', 'Landkreis X'),
      participations: [v({ project: ref('p-x', 'PROJECT', 'Projekt X'), role: 'lead', start: '2020', end: null, description: null }, 2)],
      events: [v({ event: ref('e-x', 'EVENT', 'Auftakt'), role: 'organiser', date: '2021-03-01' }, 1)],
      cooperations: [v({ partner: ref('a-verband', 'ACTOR', 'Verband Y'), kind: 'member_of', outgoing: true, since: '2019', until: null, description: null }, 4)],
      sources: [],
    },
    7,
  );
}

const selected = { ...initialState(), selected: 'a-kammer' };
const noop = () => {};

describe('DetailsPanel for viewers and editors', () => {
  it('shows viewers no edit control, exactly as before editing existed', () => {
    const viewer = render(<DetailsPanel state={selected} details={actor(true)} loading={false} error={null} dispatch={noop} onNavigate={noop} canEdit={false} />);
    const legacy = render(<DetailsPanel state={selected} details={actor(false)} loading={false} error={null} dispatch={noop} onNavigate={noop} />);
    expect(viewer).toBe(legacy);
    expect(viewer).not.toContain('data-testid="edit-actions"');
    expect(viewer).not.toContain('relation-edit');
    // Without versions (details not loaded for editing) there is nothing to edit either.
    expect(render(<DetailsPanel state={selected} details={actor(false)} loading={false} error={null} dispatch={noop} onNavigate={noop} canEdit />)).toBe(legacy);
  });

  it('gives editors the actions and edit/delete on every relationship row', () => {
    const html = render(<DetailsPanel state={selected} details={actor(true)} loading={false} error={null} dispatch={noop} onNavigate={noop} canEdit />);
    expect(html).toContain('data-testid="edit-actions"');
    for (const id of ['edit', 'delete', 'add-cooperation', 'merge-open']) expect(html).toContain(`data-testid="${id}"`);
    expect(count(html, 'data-testid="relation-edit"')).toBe(3);
    expect(count(html, 'data-testid="relation-delete"')).toBe(3);
    expect(html).toContain('Beziehung zu Verband Y bearbeiten');
  });

  it('offers no merge or tie for projects', () => {
    const project: ProjectDetails = {
      __typename: 'Project',
      id: 'p-x',
      name: 'Projekt X',
      status: 'running',
      programme: null,
      start: null,
      end: null,
      description: null,
      goals: [],
      results: [],
      tags: [],
      participants: [{ actor: ref('a-x', 'ACTOR'), role: 'partner', description: null, version: 1 }],
      funders: [],
      events: [],
      targets: [{ region: ref('r-x', 'REGION'), role: 'target', description: null, version: 1 }],
      predecessor: null,
      successors: [],
      sources: [],
      version: 2,
    };
    const html = render(<DetailsPanel state={{ ...initialState(), selected: 'p-x' }} details={project} loading={false} error={null} dispatch={noop} onNavigate={noop} canEdit />);
    expect(html).toContain('data-testid="edit"');
    expect(html).not.toContain('merge-open');
    expect(count(html, 'data-testid="relation-edit"')).toBe(2);
  });

  it('offers editors to create a node when nothing is selected; viewers get the hint only', () => {
    const editor = render(<DetailsPanel state={initialState()} details={null} loading={false} error={null} dispatch={noop} onNavigate={noop} canEdit />);
    expect(editor).toContain('data-testid="create-buttons"');
    for (const label of ['Neuer Akteur', 'Neues Projekt', 'Neue Region', 'Neue Veranstaltung']) expect(editor).toContain(label);
    const viewer = render(<DetailsPanel state={initialState()} details={null} loading={false} error={null} dispatch={noop} onNavigate={noop} />);
    expect(viewer).not.toContain('create-buttons');
  });
});

describe('EntityEditor', () => {
  it('an empty region form with selects for the kind and required coordinates', () => {
    const html = render(<EntityEditor type="REGION" onSaved={noop} onCancel={noop} />);
    expect(html).toContain('Neue Region');
    expect(html).toContain('data-field="kind"');
    expect(html).toContain('<option value="district">Landkreis</option>');
    expect(count(html, 'required=""')).toBe(4); // name, kind, lat, lon
    expect(html).toContain('Anlegen');
  });

  it('an actor filled from its details, in English', () => {
    const html = render(<EntityEditor type="ACTOR" details={actor(true)} onSaved={noop} onCancel={noop} />, 'en');
    expect(html).toContain('value="Kammer Beispiel"');
    expect(html).toMatch(/<option value="chamber" selected="">Chamber<\/option>/);
    expect(html).toContain('Landkreis X'); // the region as a chosen reference
    expect(html).toContain('Save');
  });
});

describe('SessionMenu', () => {
  const session = (me: Me, token: string | null): Session => ({ me, loaded: true, token, notice: null, dismissNotice: noop, signOut: noop });

  it('anonymous: a read-only badge, no menu', () => {
    const html = render(<SessionMenu session={session(ANONYMOUS, null)} onOpenAccess={noop} />);
    expect(html).toContain('Nur lesen');
    expect(html).not.toContain('sign-out');
  });

  it('an editor: role badge, token name and sign-out; admins also manage access', () => {
    const editor: Me = { role: 'EDITOR', name: 'Workshop Delitzsch', canEdit: true, canAdmin: false, readAccess: 'open', pseudonymous: false };
    const html = render(<SessionMenu session={session(editor, 'nwa_x')} onOpenAccess={noop} />);
    expect(html).toContain('Bearbeiten');
    expect(html).toContain('Workshop Delitzsch');
    expect(html).toContain('data-testid="sign-out"');
    expect(html).not.toContain('open-access');
    const admin = render(<SessionMenu session={session({ ...editor, role: 'ADMIN', canAdmin: true }, 'nwa_x')} onOpenAccess={noop} />, 'en');
    expect(admin).toContain('Admin');
    expect(admin).toContain('data-testid="open-access"');
  });
});

describe('SelectionPair', () => {
  it('offers the path for two actors, and the tie to editors only', () => {
    const a = ref('a-one', 'ACTOR', 'Eins');
    const b = ref('a-two', 'ACTOR', 'Zwei');
    const editor = render(<SelectionPair first={a} second={b} canEdit dispatch={noop} onNavigate={noop} />);
    expect(editor).toContain('pair-path');
    expect(editor).toContain('pair-cooperation');
    expect(render(<SelectionPair first={a} second={b} canEdit={false} dispatch={noop} onNavigate={noop} />)).not.toContain('pair-cooperation');
    const mixed = render(<SelectionPair first={a} second={ref('p-x', 'PROJECT')} canEdit dispatch={noop} onNavigate={noop} />);
    expect(mixed).not.toContain('pair-cooperation');
    expect(mixed).toContain('zwei Akteure');
  });
});

describe('ImportWizard', () => {
  it('starts with the file choice and a disabled check', () => {
    const html = render(<ImportWizard lang="de" onClose={noop} />);
    expect(html).toContain('Daten importieren');
    expect(html).toContain('data-testid="import-dropzone"');
    expect(html).toContain('accept=".csv,.xlsx,.json,.gexf,.graphml"');
    expect(html).toMatch(/<button type="button" class="primary" disabled="" data-testid="import-check">/);
  });
});
