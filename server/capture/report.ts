/**
 * A capture session's report: submissions by state, participating devices, the organisations and
 * ties it added to the network, and its wished ties by region pair; as rows for the export and as a
 * story slide (notes in German with the figures, the view highlighting what was added).
 */
import type { Slide, Story } from '../domain/model.ts';
import type { GraphStore, Who } from '../store/graph-store.ts';
import { slugId } from '../store/mutations.ts';
import { NotFoundError } from '../errors.ts';
import type { CaptureSessionRecord } from './capture.model.ts';
import { feedOf } from './feed.ts';
import { wishedTies, type WishedTies } from './wishes.ts';

export interface CaptureReport {
  session: CaptureSessionRecord;
  counts: { pending: number; approved: number; rejected: number; withdrawn: number };
  participants: number;
  newActors: { id: string; name: string }[];
  newTies: { a: string; b: string }[];
  wished: WishedTies;
}

export async function captureReport(store: GraphStore, session: CaptureSessionRecord): Promise<CaptureReport> {
  const subs = await store.capture.submissions(session.id);
  const count = (state: string) => subs.filter((s) => s.state === state).length;
  const feed = feedOf(session, subs);
  const names = new Map(subs.filter((s) => s.actorId).map((s) => [s.actorId as string, s.org.name]));
  return {
    session,
    counts: { pending: count('pending'), approved: count('approved'), rejected: count('rejected'), withdrawn: count('withdrawn') },
    participants: new Set(subs.filter((s) => s.state !== 'withdrawn').map((s) => s.device)).size,
    newActors: feed.newNodeIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) as string })),
    newTies: feed.newTies,
    wished: await wishedTies(store, 'district', session.id),
  };
}

/** The report as speaker notes (German, the workshop's language). */
export function reportNotes(r: CaptureReport): string {
  const lines = [
    `Live-Erfassung „${r.session.name}“ (${r.session.date}): ${r.participants} Teilnehmende, ${r.counts.approved + r.counts.pending + r.counts.rejected} Einträge – ${r.counts.approved} freigegeben, ${r.counts.rejected} abgelehnt, ${r.counts.pending} offen.`,
    `Neu im Netzwerk: ${r.newActors.length === 1 ? '1 Organisation' : `${r.newActors.length} Organisationen`}${r.newActors.length ? ` (${r.newActors.map((a) => a.name).join(', ')})` : ''}, ${r.newTies.length === 1 ? '1 Verbindung' : `${r.newTies.length} Verbindungen`}.`,
  ];
  if (r.wished.regionPairs.length > 0)
    lines.push(
      `Kooperationswünsche nach Regionen: ${r.wished.regionPairs
        .map((p) => `${p.a === p.b ? p.aName : `${p.aName} – ${p.bName}`}: ${p.wished} (${p.missing} ohne Verbindung)`)
        .join('; ')}.`,
    );
  return lines.join('\n');
}

/**
 * Adds the report as a slide to the session's story (or, for a session on a view, to a new story
 * "<name> – Ergebnis" starting from that view); the slide highlights the added organisations.
 */
export async function addReportSlide(store: GraphStore, session: CaptureSessionRecord, who: Who): Promise<{ storyId: string; slideId: string }> {
  const r = await captureReport(store, session);
  const highlight = [...new Set([...r.newActors.map((a) => a.id), ...r.newTies.flatMap((t) => [t.a, t.b])])].slice(0, 2000);
  const query = session.scope.kind === 'view' ? session.scope.ref : '';
  const slideId = `capture-${session.id}-${Date.now().toString(36)}`;
  const slide: Slide = {
    id: slideId,
    title: `Ergebnis: ${session.name}`,
    notes: reportNotes(r),
    view: { query, positions: null, zoom: null, pan: null, size: null, highlight },
    reveal: { by: 'none' },
  };
  // A session on a story reports into it; one on a view into its own result story (made once).
  const title = `${session.name} – Ergebnis`;
  const storyId = session.scope.kind === 'story' ? session.scope.ref : `${(slugId(title) || 'workshop').slice(0, 80)}-${session.id}`;
  const story = await store.story(storyId);
  if (story) {
    await store.edit.update('stories', story.row.id, story.version, { slides: [...story.row.slides, slide] }, who);
    return { storyId, slideId };
  }
  if (session.scope.kind === 'story') throw new NotFoundError('story', storyId);
  await store.edit.create('stories', { id: storyId, title, description: `Live-Erfassung vom ${session.date}`, slides: [slide] } satisfies Partial<Story>, who);
  return { storyId, slideId };
}
