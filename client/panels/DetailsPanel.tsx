/**
 * Everything about the selection: attributes, relationships (each a link that navigates to the
 * related node), provenance with links, and what to do next (focus, expand, path ends). For editors
 * also: edit, delete, merge a duplicate, add a tie; edit or delete each relationship row; and, with
 * nothing selected, create a node.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorDetails, Details, EventDetails, EventSummary, NodeRef, NodeType, ProjectDetails, RegionDetails, Source } from '../api/types.ts';
import { EditContext, useEditing } from '../edit/EditContext.ts';
import { EntityActions, CreateButtons, type EditMode } from '../edit/EntityActions.tsx';
import { EntityEditor } from '../edit/EntityEditor.tsx';
import { RelationRow } from '../edit/RelationRow.tsx';
import { relationOf, type RelationRef } from '../edit/relations.ts';
import { formatDate, formatNumber, formatPeriod } from '../i18n/index.ts';
import type { Depth, ExplorerState } from '../state/explorer.ts';
import { dataChanged } from '../state/revision.ts';
import type { Dispatch } from '../state/useExplorer.ts';
import { TypeIcon } from './TypeIcon.tsx';

export interface DetailsPanelProps {
  state: ExplorerState;
  details: Details | null;
  loading: boolean;
  error: string | null;
  dispatch: Dispatch;
  /** Navigate to a related node (select it, and bring it into view when it is not drawn). */
  onNavigate(ref: NodeRef): void;
  /** An editor or admin is signed in: edit controls (editing a node also needs its loaded version). */
  canEdit?: boolean;
  /** Load the details again (after a conflict). */
  onReload?(): void;
}

export function DetailsPanel(props: DetailsPanelProps) {
  const { state, details, loading, error, dispatch, canEdit = false, onReload } = props;
  const { t } = useTranslation();
  const [creating, setCreating] = useState<NodeType | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // The note about the last deletion and a half-filled create form belong to "nothing selected".
  useEffect(() => {
    if (!state.selected) return;
    setNote(null);
    setCreating(null);
  }, [state.selected]);
  const editing = useMemo(() => ({ canEdit: canEdit && details?.version !== undefined, reload: onReload ?? dataChanged }), [canEdit, details?.version, onReload]);
  if (!state.selected) {
    if (creating && canEdit)
      return (
        <EntityEditor
          type={creating}
          onSaved={(id) => {
            setCreating(null);
            setNote(null);
            dataChanged();
            dispatch({ type: 'navigate', id, visible: true });
          }}
          onCancel={() => setCreating(null)}
        />
      );
    return (
      <>
        <p className="hint">{t('details.none')}</p>
        {note && (
          <p className="note" role="status" data-testid="details-note">
            {note}
          </p>
        )}
        {canEdit && <CreateButtons onCreate={setCreating} />}
      </>
    );
  }
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!details || details.id !== state.selected) return <p className="hint">{loading ? t('status.loading') : ''}</p>;
  return (
    <EditContext.Provider value={editing}>
      <DetailsView key={details.id} {...props} details={details} onDeleted={setNote} />
    </EditContext.Provider>
  );
}

function DetailsView({ state, details, dispatch, onNavigate, onReload, onDeleted }: DetailsPanelProps & { details: Details; onDeleted(note: string): void }) {
  const { t } = useTranslation();
  const { canEdit } = useEditing();
  const [mode, setMode] = useState<EditMode>('view');
  const type = typeOf(details);
  const lang = state.lang;
  const link = (r: NodeRef) => <NodeLink key={r.id} node={r} onNavigate={onNavigate} />;
  const focused = state.focus?.id === details.id;
  const expandedDepth = state.expanded[details.id];
  const pinned = state.pinned[details.id];

  return (
    <article className="details" data-testid="details" data-id={details.id} aria-labelledby="details-title">
      <header>
        <p className="details-type">
          <TypeIcon type={type} kind={kindOf(details)} /> {t(`nodeType.${type}`)}
          {kindOf(details) && ` · ${kindLabel(t, type, kindOf(details) as string)}`}
        </p>
        <h2 id="details-title">{details.name}</h2>
        <button
          type="button"
          className="close"
          onClick={() => {
            dispatch({ type: 'select', id: null });
            // Keep the keyboard focus on the page: back to the network canvas.
            document.querySelector<HTMLElement>('[data-testid="network-canvas"]')?.focus();
          }}
          aria-label={t('details.close')}
          title={t('details.close')}
        >
          ×
        </button>
      </header>

      <div className="actions">
        {focused ? (
          <button type="button" onClick={() => dispatch({ type: 'unfocus' })} data-testid="unfocus">
            {t('details.unfocus')}
          </button>
        ) : (
          <button type="button" onClick={() => dispatch({ type: 'focus', id: details.id, depth: 1 })} data-testid="focus">
            {t('details.focus')}
          </button>
        )}
        {focused && state.focus && (
          <label className="inline">
            {t('details.depth')}{' '}
            <select value={state.focus.depth} onChange={(e) => dispatch({ type: 'focus', id: details.id, depth: Number(e.target.value) as Depth })} data-testid="focus-depth">
              {[1, 2, 3].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
        {!focused && (expandedDepth ?? 0) < 3 && (
          <button type="button" onClick={() => dispatch({ type: 'expand', id: details.id })} data-testid="expand">
            {expandedDepth ? t('details.expandMore', { depth: expandedDepth + 1 }) : t('details.expand')}
          </button>
        )}
        {type === 'ACTOR' && (
          <>
            <button type="button" onClick={() => dispatch({ type: 'setPathEnd', end: 'from', id: details.id })} data-testid="path-from">
              {t('details.pathFrom')}
            </button>
            <button type="button" onClick={() => dispatch({ type: 'setPathEnd', end: 'to', id: details.id })} data-testid="path-to">
              {t('details.pathTo')}
            </button>
          </>
        )}
        {type === 'REGION' && state.layout === 'regions' && (
          <button type="button" onClick={() => dispatch({ type: 'toggleCollapsed', id: details.id })} data-testid="toggle-region">
            {state.collapsed.includes(details.id) ? t('details.regionExpand') : t('details.regionCollapse')}
          </button>
        )}
        {pinned && (
          <button type="button" onClick={() => dispatch({ type: 'unpin', id: details.id })}>
            {t('details.pinned')}: {t('details.unpin')}
          </button>
        )}
      </div>

      {canEdit && (
        <EntityActions
          details={details}
          type={type}
          mode={mode}
          onMode={setMode}
          onDeleted={(cascaded) => {
            onDeleted(t('edit.deleted', { name: details.name, count: cascaded }));
            dispatch({ type: 'select', id: null });
            dataChanged();
          }}
        />
      )}

      {mode === 'edit' && canEdit ? (
        <EntityEditor
          key={details.version}
          type={type}
          details={details}
          onSaved={() => {
            setMode('view');
            dataChanged();
          }}
          onCancel={() => setMode('view')}
          onReload={onReload}
        />
      ) : (
        <>
          {details.__typename === 'Actor' && <ActorBody d={details} lang={lang} link={link} />}
          {details.__typename === 'Project' && <ProjectBody d={details} lang={lang} link={link} />}
          {details.__typename === 'Region' && <RegionBody d={details} lang={lang} link={link} />}
          {details.__typename === 'Event' && <EventBody d={details} lang={lang} link={link} />}
          <Sources sources={details.sources} lang={lang} />
        </>
      )}
    </article>
  );
}

type Link = (r: NodeRef) => React.ReactNode;
type T = ReturnType<typeof useTranslation>['t'];

function typeOf(d: Details): NodeType {
  return d.__typename === 'Actor' ? 'ACTOR' : d.__typename === 'Project' ? 'PROJECT' : d.__typename === 'Region' ? 'REGION' : 'EVENT';
}
function kindOf(d: Details): string | null {
  return d.__typename === 'Project' ? d.status : d.kind;
}
export function kindLabel(t: T, type: NodeType, kind: string): string {
  const key = type === 'ACTOR' ? 'actorKind' : type === 'PROJECT' ? 'projectStatus' : type === 'EVENT' ? 'eventKind' : 'regionKind';
  return t(`${key}.${kind}`, { defaultValue: kind });
}

export function NodeLink({ node, onNavigate }: { node: NodeRef; onNavigate(r: NodeRef): void }) {
  return (
    <button type="button" className="node-link" onClick={() => onNavigate(node)} data-node={node.id}>
      <TypeIcon type={node.type} kind={node.kind} />
      {node.label}
    </button>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Related({ title, items }: { title: string; items: React.ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <section className="related">
      <h3>
        {title} <span className="count">{items.length}</span>
      </h3>
      <ul>{items.map((x, i) => <li key={i}>{x}</li>)}</ul>
    </section>
  );
}

/** Related nodes each with their role (participants, target regions, …); editable rows carry their relationship. */
function RoleList({ title, items, link }: { title: string; items: { node: NodeRef; role: string; rel?: RelationRef }[]; link: Link }) {
  return (
    <Related
      title={title}
      items={items.map((x) => (
        <Row rel={x.rel} label={x.node.label}>
          {link(x.node)} <Role role={x.role} />
        </Row>
      ))}
    />
  );
}

/** A relationship row: editable for editors, as it always was for everyone else. */
function Row({ rel, label, children }: { rel?: RelationRef; label: string; children: React.ReactNode }) {
  const { canEdit } = useEditing();
  if (!rel || !canEdit) return <>{children}</>;
  return (
    // Keyed by the row itself: list positions shift when a row goes, an open form must not move to the next row.
    <RelationRow key={`${rel.type}:${Object.values(rel.key).join('|')}`} rel={rel} label={label}>
      {children}
    </RelationRow>
  );
}

const Role = ({ role }: { role: string }) => {
  const { t } = useTranslation();
  return <span className="role">{t(`role.${role}`, { defaultValue: role })}</span>;
};

function ActorBody({ d, lang, link }: { d: ActorDetails; lang: ExplorerState['lang']; link: Link }) {
  const { t } = useTranslation();
  return (
    <>
      {d.description && <p>{d.description}</p>}
      <dl>
        <Field label={t('details.region')}>{d.region && link(d.region)}</Field>
        <Field label={t('details.sectors')}>{d.sectors.join(', ')}</Field>
        <Field label={t('details.website')}>
          {d.website && (
            <a href={d.website} target="_blank" rel="noopener noreferrer">
              {d.website.replace(/^https?:\/\//, '')}
            </a>
          )}
        </Field>
        <Field label={t('details.tags')}>{d.tags.join(', ')}</Field>
      </dl>
      <Related
        title={t('details.projects')}
        items={d.participations.map((p) => (
          <Row rel={relationOf.actorParticipation(d.id, p)} label={p.project.label}>
            {link(p.project)} <Role role={p.role} /> {formatPeriod(p.start, p.end, lang) && <small>{formatPeriod(p.start, p.end, lang)}</small>}
          </Row>
        ))}
      />
      <Related
        title={t('details.partners')}
        items={d.cooperations.map((c) => (
          <Row rel={relationOf.cooperation(d.id, c)} label={c.partner.label}>
            <span className="role">{t(`cooperationKind.${c.kind}${c.outgoing || c.kind === 'cooperation' ? '' : '_in'}`)}</span> {link(c.partner)}{' '}
            {c.since && <small>{t('details.since', { year: formatDate(c.since, lang) })}</small>} {c.until && <small>{t('details.until', { year: formatDate(c.until, lang) })}</small>}
          </Row>
        ))}
      />
      <Related
        title={t('details.events')}
        items={d.events.map((e) => (
          <Row rel={relationOf.actorEvent(d.id, e)} label={e.event.label}>
            {link(e.event)} <Role role={e.role} /> {e.date && <small>{formatDate(e.date, lang)}</small>}
          </Row>
        ))}
      />
    </>
  );
}

function EventList({ events, lang, link }: { events: EventSummary[]; lang: ExplorerState['lang']; link: Link }) {
  const { t } = useTranslation();
  return (
    <Related
      title={t('details.events')}
      items={events.map((e) => (
        <>
          {link({ id: e.id, type: 'EVENT', kind: e.kind, label: e.name })} {e.date && <small>{formatDate(e.date, lang)}</small>}
        </>
      ))}
    />
  );
}

function ProjectBody({ d, lang, link }: { d: ProjectDetails; lang: ExplorerState['lang']; link: Link }) {
  const { t } = useTranslation();
  return (
    <>
      {d.description && <p>{d.description}</p>}
      <dl>
        <Field label={t('details.period')}>{formatPeriod(d.start, d.end, lang)}</Field>
        <Field label={t('details.status')}>{t(`projectStatus.${d.status}`)}</Field>
        <Field label={t('details.programme')}>{d.programme}</Field>
        <Field label={t('details.predecessor')}>{d.predecessor && link(d.predecessor)}</Field>
        <Field label={t('details.successors')}>{d.successors.map(link)}</Field>
        <Field label={t('details.funders')}>{d.funders.map(link)}</Field>
      </dl>
      {d.goals.length > 0 && (
        <section className="related">
          <h3>{t('details.goals')}</h3>
          <ul className="plain">{d.goals.map((g) => <li key={g}>{g}</li>)}</ul>
        </section>
      )}
      {d.results.length > 0 && (
        <section className="related">
          <h3>{t('details.results')}</h3>
          <ul className="plain">{d.results.map((g) => <li key={g}>{g}</li>)}</ul>
        </section>
      )}
      <RoleList title={t('details.participants')} items={d.participants.map((p) => ({ node: p.actor, role: p.role, rel: relationOf.projectParticipant(d.id, p) }))} link={link} />
      <RoleList title={t('details.targets')} items={d.targets.map((x) => ({ node: x.region, role: x.role, rel: relationOf.target(d.id, x) }))} link={link} />
      <EventList events={d.events} lang={lang} link={link} />
    </>
  );
}

function RegionBody({ d, lang, link }: { d: RegionDetails; lang: ExplorerState['lang']; link: Link }) {
  const { t } = useTranslation();
  return (
    <>
      {d.description && <p>{d.description}</p>}
      <dl>
        <Field label={t('details.parent')}>{d.parent && link(d.parent)}</Field>
        <Field label={t('details.code')}>{d.code}</Field>
        <Field label={t('details.actorCount')}>{formatNumber(d.actorCount, lang)}</Field>
      </dl>
      <Related title={t('details.actors')} items={d.actors.map(link)} />
      <Related title={t('details.children')} items={d.children.map(link)} />
      <RoleList title={t('details.targetedBy')} items={d.targetedBy.map((x) => ({ node: x.subject, role: x.role, rel: relationOf.targetedBy(d.id, x) }))} link={link} />
      <EventList events={d.events} lang={lang} link={link} />
    </>
  );
}

function EventBody({ d, lang, link }: { d: EventDetails; lang: ExplorerState['lang']; link: Link }) {
  const { t } = useTranslation();
  return (
    <>
      {d.description && <p>{d.description}</p>}
      <dl>
        <Field label={t('details.date')}>{d.endDate ? formatPeriod(d.date, d.endDate, lang) : formatDate(d.date, lang)}</Field>
        <Field label={t('details.place')}>{d.place && link(d.place)}</Field>
        <Field label={t('details.venue')}>{d.venue}</Field>
        <Field label={t('details.project')}>{d.project && link(d.project)}</Field>
      </dl>
      <RoleList title={t('details.participants')} items={d.participants.map((p) => ({ node: p.actor, role: p.role, rel: relationOf.eventParticipant(d.id, p) }))} link={link} />
      <RoleList title={t('details.targets')} items={d.targets.map((x) => ({ node: x.region, role: x.role, rel: relationOf.target(d.id, x) }))} link={link} />
    </>
  );
}

function Sources({ sources, lang }: { sources: Source[]; lang: ExplorerState['lang'] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <section className="related sources">
      <h3>{t('details.sources')}</h3>
      <ul>
        {sources.map((s) => (
          <li key={s.id}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            {(s.publisher || s.date) && <small> ({[s.publisher, formatDate(s.date, lang)].filter(Boolean).join(', ')})</small>}
          </li>
        ))}
      </ul>
    </section>
  );
}
