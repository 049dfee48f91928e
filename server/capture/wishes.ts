/**
 * The approved wished ties of every capture session, with each pair's regions at a level and whether
 * it is tied already (a cooperation, or a shared project or event), for the gap analysis and the
 * insight cards (server/analysis/wishes.ts). Reads a few rows per wished actor: wishes come from
 * workshops, dozens to hundreds, not from the network's size.
 */
import { NON_COOPERATING_ROLES, REGION_KINDS } from '../domain/model.ts';
import { BadUserInputError } from '../errors.ts';
import { wishedRegionPairs, wishInsights, type WishedPair, type WishedRegionPair, type WishInsight } from '../analysis/wishes.ts';
import type { ActorDetails, GraphStore } from '../store/graph-store.ts';

export interface WishedTies {
  level: string;
  pairs: WishedPair[];
  regionPairs: WishedRegionPair[];
  insights: WishInsight[];
}

/** The wished ties of every session, or of one (`sessionId`). */
export async function wishedTies(store: GraphStore, level: string | null, sessionId: string | null = null): Promise<WishedTies> {
  const lvl = level ?? 'district';
  if (!(REGION_KINDS as readonly string[]).includes(lvl)) throw new BadUserInputError('level', `must be one of ${REGION_KINDS.join(', ')}`);
  const approved = (await store.capture.approved()).filter((s) => sessionId === null || s.sessionId === sessionId);
  const actorOfSubmission = new Map(approved.map((s) => [s.id, s.actorId]));
  const sessionNames = new Map<string, string>();
  const wishes = new Map<string, { a: string; b: string; sessions: Set<string> }>();
  for (const s of approved) {
    if (!s.actorId) continue;
    for (const t of s.ties) {
      if (t.relation !== 'wish') continue;
      const partner = t.partnerId ?? (t.partnerSubmissionId ? (actorOfSubmission.get(t.partnerSubmissionId) ?? null) : null);
      if (!partner || partner === s.actorId) continue;
      const [a, b] = [s.actorId, partner].sort() as [string, string];
      let w = wishes.get(`${a}|${b}`);
      if (!w) wishes.set(`${a}|${b}`, (w = { a, b, sessions: new Set() }));
      if (!sessionNames.has(s.sessionId)) sessionNames.set(s.sessionId, (await store.capture.session(s.sessionId))?.name ?? s.sessionId);
      w.sessions.add(sessionNames.get(s.sessionId) as string);
    }
  }
  if (wishes.size === 0) return { level: lvl, pairs: [], regionPairs: [], insights: [] };

  const regions = new Map((await store.regions()).map((r) => [r.id, r]));
  const regionAt = (id: string | null): string | null => {
    for (let r = id ? regions.get(id) : undefined, hops = 0; r && hops < 20; r = r.parentId ? regions.get(r.parentId) : undefined, hops++) if (r.kind === lvl) return r.id;
    return null;
  };
  const details = new Map<string, Promise<ActorDetails | null>>();
  const detailsOf = (id: string) => {
    let d = details.get(id);
    if (!d) details.set(id, (d = store.actorDetails(id)));
    return d;
  };
  const pairs: WishedPair[] = [];
  for (const w of wishes.values()) {
    const [da, db] = await Promise.all([detailsOf(w.a), detailsOf(w.b)]);
    if (!da || !db) continue; // an actor deleted since
    const projects = new Set(da.participations.filter((p) => !NON_COOPERATING_ROLES.has(p.role)).map((p) => p.projectId));
    const events = new Set(da.eventParticipations.map((p) => p.eventId));
    const tied =
      da.cooperations.some((c) => c.partner.id === w.b) ||
      db.participations.some((p) => !NON_COOPERATING_ROLES.has(p.role) && projects.has(p.projectId)) ||
      db.eventParticipations.some((p) => events.has(p.eventId));
    pairs.push({ a: w.a, b: w.b, aName: da.actor.name, bName: db.actor.name, aRegion: regionAt(da.actor.regionId), bRegion: regionAt(db.actor.regionId), tied, sessions: [...w.sessions].sort() });
  }
  const regionPairs = wishedRegionPairs(pairs, (id) => regions.get(id)?.name ?? id);
  return { level: lvl, pairs, regionPairs, insights: wishInsights(pairs, regionPairs) };
}
