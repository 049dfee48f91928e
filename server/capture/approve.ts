/**
 * Approving submissions: the one way captured ties reach the network. The submissions are marked
 * approved first (compare-and-set, so a participant's correction meanwhile wins and the moderator
 * sees it), then everything goes to the network in one applyBatch with one audit entry: the session's
 * Source record, new organisations (with their district), cooperations (since: the workshop's day)
 * and shared projects with both partners' participations, each citing the session's source. Ties
 * that exist already keep their row and gain the source. Wished ties are not network ties: they stay
 * with their approved submission (the gap analysis reads them). If the write fails, the submissions
 * go back to pending.
 */
import { emptyBatch, type Actor, type Cooperation, type GraphBatch, type Participation, type Project } from '../domain/model.ts';
import { BKG_SOURCE, germany } from '../geo/germany.ts';
import { foldGerman } from '../search/fold.ts';
import { slugId } from '../store/mutations.ts';
import type { GraphStore, Who } from '../store/graph-store.ts';
import type { CaptureSessionRecord, CaptureSubmissionRecord } from './capture.model.ts';

export interface ApproveResult {
  approved: CaptureSubmissionRecord[];
  /** Submissions left as they were (not pending any more, or changed meanwhile). */
  skipped: string[];
}

/** The name of a shared project a participant did not name. */
export const sharedProjectName = (a: string, b: string): string => `Gemeinsames Projekt ${[a, b].sort((p, q) => p.localeCompare(q, 'de')).join(' – ')}`;

const withSource = (list: readonly string[], id: string): string[] => (list.includes(id) ? [...list] : [...list, id]);

export async function approve(store: GraphStore, session: CaptureSessionRecord, submissionIds: readonly string[], who: Who): Promise<ApproveResult> {
  const all = await store.capture.submissions(session.id);
  const byId = new Map(all.map((s) => [s.id, s]));
  const wanted = [...new Set(submissionIds)].map((id) => byId.get(id)).filter((s): s is CaptureSubmissionRecord => s !== undefined && s.state === 'pending');
  const skipped = [...new Set(submissionIds)].filter((id) => !wanted.some((s) => s.id === id));

  const batch: GraphBatch = emptyBatch();
  const actorIds = new Map<string, string>(); // submission id → actor id
  const newActors = new Map<string, Actor>();
  const at = new Date().toISOString();

  /** The actor a submission's organisation is (or becomes): the chosen one, the merge target, or a new one. */
  const actorOf = async (s: CaptureSubmissionRecord): Promise<string> => {
    const known = actorIds.get(s.id);
    if (known) return known;
    let id = s.org.actorId ?? s.mergeInto ?? s.actorId;
    if (!id) {
      const base = slugId(s.org.name) || 'organisation';
      const existing = (await store.actorDetails(base))?.actor ?? null;
      // The same name (folded) is the same organisation: no duplicate; another one with this slug gets a suffix.
      id = existing === null || foldGerman(existing.name) === foldGerman(s.org.name) ? base : `${base}-${s.id.slice(-4)}`;
      if (existing === null || id !== base) {
        const prior = newActors.get(id);
        newActors.set(id, {
          id,
          name: s.org.name,
          kind: s.org.kind as Actor['kind'],
          regionId: s.org.regionId ?? prior?.regionId ?? null,
          description: null,
          tags: [],
          sectors: [],
          website: null,
          sourceIds: [session.sourceId],
        });
      }
    }
    actorIds.set(s.id, id);
    return id;
  };

  // Mark first: whatever a participant corrects from now on is refused as moderated.
  const marked: CaptureSubmissionRecord[] = [];
  for (const s of wanted) {
    const next: CaptureSubmissionRecord = { ...s, state: 'approved', moderatedBy: who.name, moderatedAt: at, version: s.version + 1 };
    if (await store.capture.putSubmission(next)) marked.push(next);
    else skipped.push(s.id);
  }
  if (marked.length === 0) return { approved: [], skipped };

  try {
    const coops = new Map<string, Cooperation>();
    const projects = new Map<string, Project>();
    const parts = new Map<string, Participation>();
    const existingCoops = new Map<string, Cooperation[]>();
    const coopsOf = async (actorId: string): Promise<Cooperation[]> => {
      let list = existingCoops.get(actorId);
      if (!list) {
        const d = await store.actorDetails(actorId);
        list = (d?.cooperations ?? []).map(({ actorId: a, partnerId, kind, since, until, description, sourceIds }) => ({ actorId: a, partnerId, kind, since, until, description, sourceIds }));
        existingCoops.set(actorId, list);
      }
      return list;
    };
    const addParticipation = async (actorId: string, projectId: string, projectExists: boolean) => {
      const key = `${actorId}|${projectId}`;
      if (parts.has(key)) return;
      const old = projectExists ? (await store.projectDetails(projectId))?.participations.find((p) => p.actorId === actorId) : undefined;
      parts.set(
        key,
        old
          ? { actorId, projectId, role: old.role, contribution: old.contribution, description: old.description, sourceIds: withSource(old.sourceIds, session.sourceId) }
          : { actorId, projectId, role: 'partner', contribution: null, description: null, sourceIds: [session.sourceId] },
      );
    };

    for (const s of marked) {
      const me = await actorOf(s);
      for (const t of s.ties) {
        if (t.relation === 'wish') continue;
        let partner: string | null = t.partnerId;
        if (partner === null && t.partnerSubmissionId) {
          const other = byId.get(t.partnerSubmissionId);
          partner = other ? await actorOf(other) : null;
        }
        if (partner === null || partner === me) continue;
        if (t.relation === 'cooperation') {
          const pair = [me, partner].sort().join('|');
          if (coops.has(pair)) continue;
          const old = (await coopsOf(me)).find((c) => c.kind === 'cooperation' && ((c.actorId === me && c.partnerId === partner) || (c.actorId === partner && c.partnerId === me)));
          coops.set(
            pair,
            old
              ? { ...old, sourceIds: withSource(old.sourceIds, session.sourceId) }
              : { actorId: me, partnerId: partner, kind: 'cooperation', since: session.date, until: null, description: null, sourceIds: [session.sourceId] },
          );
        } else {
          const name = t.projectName ?? sharedProjectName(s.org.name, t.partnerName);
          const pid = slugId(name) || 'projekt';
          let exists = false;
          if (!projects.has(pid)) {
            exists = (await store.nodeType(pid)) === 'PROJECT';
            if (!exists)
              projects.set(pid, {
                id: pid,
                name,
                description: `Genannt bei: ${session.name}`,
                tags: [],
                sourceIds: [session.sourceId],
                programme: null,
                start: null,
                end: null,
                status: 'running',
                goals: [],
                results: [],
                predecessorId: null,
              });
          }
          await addParticipation(me, pid, exists);
          await addParticipation(partner, pid, exists);
        }
      }
    }

    // The districts of new organisations (built in, added when the store lacks them) and the session's source.
    const regionIds = [...new Set([...newActors.values()].map((a) => a.regionId).filter((r): r is string => r !== null))];
    if (regionIds.length > 0) {
      const have = await store.regions();
      const haveIds = new Set(have.map((r) => r.id));
      const builtin = new Map(germany().regions().map((r) => [r.id, r]));
      const missing = new Set<string>();
      for (const id of regionIds) {
        let r = builtin.get(id);
        while (r && !haveIds.has(r.id) && !missing.has(r.id)) {
          missing.add(r.id);
          r = r.parentId ? builtin.get(r.parentId) : undefined;
        }
      }
      if (missing.size > 0) {
        batch.regions.push(...[...missing].map((id) => builtin.get(id)!));
        if (!(await store.source(BKG_SOURCE.id))) batch.sources.push(BKG_SOURCE);
      }
    }
    if (!(await store.source(session.sourceId)))
      batch.sources.push({ id: session.sourceId, title: `Live-Erfassung: ${session.name}`, url: null, date: session.date, publisher: null });
    batch.actors.push(...newActors.values());
    batch.projects.push(...projects.values());
    batch.cooperations.push(...coops.values());
    batch.participations.push(...parts.values());
    await store.applyBatch(batch, { audit: { who, summary: `Live-Erfassung „${session.name}“: ${marked.length} Einträge freigegeben` } });
  } catch (e) {
    for (const s of marked) await store.capture.putSubmission({ ...s, state: 'pending', moderatedBy: null, moderatedAt: null, version: s.version + 1 }).catch(() => undefined);
    throw e;
  }

  // Record the actor each submission became.
  const approved: CaptureSubmissionRecord[] = [];
  for (const s of marked) {
    const next = { ...s, actorId: actorIds.get(s.id) ?? null, version: s.version + 1 };
    approved.push((await store.capture.putSubmission(next)) ? next : s);
  }
  return { approved, skipped };
}
