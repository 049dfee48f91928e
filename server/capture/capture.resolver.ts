import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { editor } from '../auth/editing.ts';
import { roleAllows } from '../auth/tokens.ts';
import { ref } from '../common/common.type.ts';
import type { Context } from '../context.ts';
import { BadUserInputError } from '../errors.ts';
import { germany } from '../geo/germany.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { approve } from './approve.ts';
import { CAPTURE_LIMITS, isOpen, type CaptureSessionRecord, type CaptureSubmissionRecord } from './capture.model.ts';
import { closeSession, openSession, reject, sessionById, sessionByToken, setMerge, submit, withdraw, deviceOf } from './capture.service.ts';
import { feedOf } from './feed.ts';
import { wishedTies } from './wishes.ts';
import { addReportSlide, captureReport, reportNotes } from './report.ts';
import { CaptureSubmissionInput, OpenCaptureSessionInput } from './capture.input.ts';
import {
  CaptureDecision,
  CaptureFeed,
  CaptureInfo,
  CaptureModeration,
  CaptureQueue,
  type CaptureRelation,
  CaptureRosterEntry,
  type CaptureScope,
  CaptureSession,
  type CaptureState,
  CaptureSubmission,
  WishedTies,
  CaptureReport,
  CaptureReportSlide,
} from './capture.type.ts';
import { roster, searchRoster, SUBMISSION_REF } from './roster.ts';


export const captureLink = (baseUrl: string, code: string): string => `${baseUrl.replace(/\/+$/, '')}/c/${encodeURIComponent(code)}`;

function toSession(s: CaptureSessionRecord, subs: readonly CaptureSubmissionRecord[], baseUrl: string): CaptureSession {
  const count = (state: string) => subs.filter((x) => x.state === state).length;
  return {
    id: s.id,
    name: s.name,
    date: s.date,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    expiresAt: s.expiresAt,
    closedAt: s.closedAt,
    open: isOpen(s),
    scopeKind: s.scope.kind as CaptureScope,
    scopeRef: s.scope.ref,
    code: s.code,
    link: captureLink(baseUrl, s.code),
    sourceId: s.sourceId,
    counts: { pending: count('pending'), approved: count('approved'), rejected: count('rejected'), withdrawn: count('withdrawn') },
  };
}

export function toSubmission(s: CaptureSubmissionRecord, duplicates: CaptureSubmission['duplicates'] = []): CaptureSubmission {
  return {
    id: s.id,
    state: s.state as CaptureState,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    org: { ...s.org },
    ties: s.ties.map((t) => ({
      partnerId: t.partnerId ?? `${SUBMISSION_REF}${t.partnerSubmissionId ?? ''}`,
      partnerName: t.partnerName,
      relation: t.relation as CaptureRelation,
      projectName: t.projectName,
    })),
    mergeInto: s.mergeInto,
    actorId: s.actorId,
    moderatedBy: s.moderatedBy,
    moderatedAt: s.moderatedAt,
    duplicates,
  };
}

let districts: { id: string; name: string }[] | null = null;
const districtList = () => (districts ??= germany().districts.map((d) => ({ id: d.id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'de')));

/** Duplicate candidates per submission version and data revision: the queue is polled every second. */
const duplicateCache = new Map<string, Promise<CaptureSubmission['duplicates']>>();

/** Existing actors like each pending new organisation (the moderator merges duplicates). */
function duplicatesOf(store: GraphStore, s: CaptureSubmissionRecord): Promise<CaptureSubmission['duplicates']> {
  if (s.state !== 'pending' || s.org.actorId !== null) return Promise.resolve([]);
  const key = `${store.kind}|${store.revision()}|${s.id}|${s.version}`;
  let hit = duplicateCache.get(key);
  if (!hit) {
    if (duplicateCache.size > 5000) duplicateCache.clear();
    hit = store.search(s.org.name.slice(0, 200), 3, ['ACTOR']).then((hits) => hits.map((h) => ref('ACTOR', { id: h.id, name: h.label, kind: h.kind })));
    hit.catch(() => duplicateCache.delete(key));
    duplicateCache.set(key, hit);
  }
  return hit;
}

/**
 * Live capture. Participants' operations (captureInfo, captureRoster, captureMine, submitCapture,
 * withdrawCapture) take the capture token of the short link and need no access token; everything
 * else needs the editor role, except the projector's captureFeed (read access, like the network).
 */
@Resolver()
export class CaptureResolver {
  @Query(() => CaptureInfo, { description: 'Participant: the session of a capture token (FORBIDDEN for an unknown one).' })
  async captureInfo(@Arg('token', () => String) token: string, @Ctx() { store }: Context): Promise<CaptureInfo> {
    const s = await sessionByToken(store, token, { open: false });
    const open = isOpen(s);
    return { name: s.name, date: s.date, expiresAt: s.expiresAt, open, reason: open ? null : s.closedAt !== null ? 'CLOSED' : 'EXPIRED', districts: districtList() };
  }

  @Query(() => [CaptureRosterEntry], {
    description: 'Participant: names on the session’s roster; with text, the best matches (umlauts folded, small typos tolerated).',
  })
  async captureRoster(
    @Arg('token', () => String) token: string,
    @Arg('text', () => String, { nullable: true }) text: string | null,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() { store }: Context,
  ): Promise<CaptureRosterEntry[]> {
    if (limit < 1 || limit > CAPTURE_LIMITS.roster) throw new BadUserInputError('limit', `must be between 1 and ${CAPTURE_LIMITS.roster}`);
    if (text !== null && text.length > 200) throw new BadUserInputError('text', 'must be at most 200 characters');
    const s = await sessionByToken(store, token, { open: true });
    const entries = await roster(store, s);
    return text && text.trim() !== '' ? searchRoster(entries, text, limit) : entries.slice(0, limit);
  }

  @Query(() => [CaptureSubmission], { description: 'Participant: what this device submitted to the session, oldest first.' })
  async captureMine(@Arg('token', () => String) token: string, @Arg('participant', () => String) participant: string, @Ctx() { store }: Context): Promise<CaptureSubmission[]> {
    const s = await sessionByToken(store, token, { open: false });
    return (await store.capture.submissions(s.id, deviceOf(participant))).map((x) => toSubmission(x));
  }

  @Mutation(() => CaptureSubmission, {
    description:
      'Participant: submits (or, with input.id, corrects) an organisation and its partners into the moderation queue. FORBIDDEN when the session is closed or expired, RATE_LIMITED after too many per minute.',
  })
  async submitCapture(
    @Arg('token', () => String) token: string,
    @Arg('participant', () => String, { description: 'The phone’s participant key (kept in its localStorage).' }) participant: string,
    @Arg('input', () => CaptureSubmissionInput) input: CaptureSubmissionInput,
    @Ctx() { store }: Context,
  ): Promise<CaptureSubmission> {
    const rec = await submit(store, token, participant, {
      id: input.id ?? null,
      clientKey: input.clientKey ?? null,
      org: { ...input.org },
      ties: input.ties.map((t) => ({ partnerId: t.partnerId, relation: t.relation, projectName: t.projectName ?? null })),
    });
    return toSubmission(rec);
  }

  @Mutation(() => CaptureSubmission, { description: 'Participant: takes back a submission that is still waiting.' })
  async withdrawCapture(
    @Arg('token', () => String) token: string,
    @Arg('participant', () => String) participant: string,
    @Arg('id', () => ID) id: string,
    @Ctx() { store }: Context,
  ): Promise<CaptureSubmission> {
    return toSubmission(await withdraw(store, token, participant, id));
  }

  @Query(() => [CaptureSession], { description: 'Capture sessions, newest first (editor role).' })
  async captureSessions(@Ctx() ctx: Context): Promise<CaptureSession[]> {
    editor(ctx);
    const sessions = await ctx.store.capture.sessions();
    return Promise.all(sessions.map(async (s) => toSession(s, await ctx.store.capture.submissions(s.id), ctx.baseUrl)));
  }

  @Query(() => CaptureQueue, { description: 'The moderation queue of a session (editor role): every submission, oldest first, with duplicate candidates.' })
  async captureQueue(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: Context): Promise<CaptureQueue> {
    editor(ctx);
    const s = await sessionById(ctx.store, sessionId);
    const subs = await ctx.store.capture.submissions(s.id);
    const submissions = await Promise.all(subs.map(async (x) => toSubmission(x, await duplicatesOf(ctx.store, x))));
    return { session: toSession(s, subs, ctx.baseUrl), submissions };
  }

  @Query(() => CaptureFeed, { description: 'For the projector: what a session has added to the network so far (read access, like the network).' })
  async captureFeed(@Arg('sessionId', () => ID) sessionId: string, @Ctx() { store, session, baseUrl }: Context): Promise<CaptureFeed> {
    const s = await sessionById(store, sessionId);
    const canEdit = session.token !== null && roleAllows(session.token.role, 'editor');
    return { ...feedOf(s, await store.capture.submissions(s.id)), link: canEdit ? captureLink(baseUrl, s.code) : null };
  }

  @Query(() => WishedTies, {
    description: 'Wished ties (would like to cooperate) approved in capture sessions, per region pair at a level, beside the existing ties; read access like the analysis.',
  })
  wishedTies(@Arg('level', () => String, { nullable: true, description: 'Region kind: district (default), state, …' }) level: string | null, @Ctx() { store }: Context): Promise<WishedTies> {
    return wishedTies(store, level);
  }

  @Query(() => CaptureReport, { description: 'A session’s report (editor role): submissions, participants, new organisations and ties, wished ties by region pair.' })
  async captureReport(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: Context): Promise<CaptureReport> {
    editor(ctx);
    const s = await sessionById(ctx.store, sessionId);
    const r = await captureReport(ctx.store, s);
    return {
      session: toSession(s, await ctx.store.capture.submissions(s.id), ctx.baseUrl),
      participants: r.participants,
      newActors: r.newActors,
      newTies: r.newTies,
      wished: r.wished.regionPairs,
      summary: reportNotes(r),
    };
  }

  @Mutation(() => CaptureReportSlide, {
    description: 'Adds the session’s report as a slide (editor role): to its story, or for a session on a view to the story "<name> – Ergebnis" (made once).',
  })
  async addCaptureReportSlide(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: Context): Promise<CaptureReportSlide> {
    const who = editor(ctx);
    return addReportSlide(ctx.store, await sessionById(ctx.store, sessionId), who);
  }

  @Mutation(() => CaptureSession, { description: 'Opens a capture session on a view or story (editor role); its link is for the participants.' })
  async openCaptureSession(@Arg('input', () => OpenCaptureSessionInput) input: OpenCaptureSessionInput, @Ctx() ctx: Context): Promise<CaptureSession> {
    const who = editor(ctx);
    const s = await openSession(ctx.store, { ...input, scope: { kind: input.scopeKind, ref: input.scopeRef }, roster: input.roster ?? null }, who);
    return toSession(s, [], ctx.baseUrl);
  }

  @Mutation(() => CaptureSession, { description: 'Closes a session (editor role): phones can no longer submit or correct.' })
  async closeCaptureSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaptureSession> {
    editor(ctx);
    const s = await closeSession(ctx.store, id);
    return toSession(s, await ctx.store.capture.submissions(s.id), ctx.baseUrl);
  }

  @Mutation(() => CaptureSubmission, { description: 'Moderator: this pending new organisation is this existing actor (null: it is new after all).' })
  async mergeCaptureOrg(
    @Arg('submissionId', () => ID) submissionId: string,
    @Arg('actorId', () => ID, { nullable: true }) actorId: string | null,
    @Ctx() ctx: Context,
  ): Promise<CaptureSubmission> {
    editor(ctx);
    return toSubmission(await setMerge(ctx.store, submissionId, actorId));
  }

  @Mutation(() => CaptureModeration, {
    description: 'Moderator: approves (writes to the network, citing the session as source) or rejects pending submissions, singly or in bulk.',
  })
  async moderateCapture(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('submissionIds', () => [ID]) submissionIds: string[],
    @Arg('decision', () => CaptureDecision) decision: CaptureDecision,
    @Ctx() ctx: Context,
  ): Promise<CaptureModeration> {
    const who = editor(ctx);
    if (submissionIds.length > 1000) throw new BadUserInputError('submissionIds', 'at most 1000 at once');
    const s = await sessionById(ctx.store, sessionId);
    if (decision === CaptureDecision.REJECT) {
      const changed = await reject(ctx.store, s.id, submissionIds, who);
      return { changed: changed.map((x) => toSubmission(x)), skipped: submissionIds.filter((id) => !changed.some((c) => c.id === id)) };
    }
    const r = await approve(ctx.store, s, submissionIds, who);
    return { changed: r.approved.map((x) => toSubmission(x)), skipped: r.skipped };
  }
}
