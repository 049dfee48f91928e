/**
 * Live capture: opening and closing sessions, participants' submissions (with their limits) and the
 * moderation queue. Nothing here writes to the network; approve.ts does, for approved submissions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ACTOR_KINDS } from '../domain/model.ts';
import { BadUserInputError, NotFoundError } from '../errors.ts';
import { germany } from '../geo/germany.ts';
import type { GraphStore, Who } from '../store/graph-store.ts';
import { CaptureForbiddenError, SubmissionLimitError } from './capture.errors.ts';
import {
  CAPTURE_LIMITS,
  CAPTURE_RELATIONS,
  isOpen,
  type CaptureOrg,
  type CaptureRelation,
  type CaptureSessionRecord,
  type CaptureSubmissionRecord,
  type CaptureTie,
  type RosterFilter,
} from './capture.model.ts';
import { roster, SUBMISSION_REF, type RosterEntry } from './roster.ts';

export interface OpenSessionInput {
  name: string;
  /** ISO date of the workshop (default: today). */
  date?: string | null;
  /** Minutes until it closes by itself (default 180). */
  expiresInMinutes?: number | null;
  scope: { kind: 'view' | 'story'; ref: string };
  roster?: Partial<RosterFilter> | null;
}

const text = (field: string, v: string | null | undefined, { required = true, max = CAPTURE_LIMITS.name as number } = {}): string | null => {
  const s = (v ?? '').trim().replace(/\s+/g, ' ');
  if (s === '') {
    if (required) throw new BadUserInputError(field, 'must not be empty');
    return null;
  }
  if (s.length > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return s;
};

const ids = (v: readonly string[] | null | undefined): string[] | null => (v && v.length > 0 ? [...new Set(v)] : null);

export async function openSession(store: GraphStore, input: OpenSessionInput, who: Who, now = new Date()): Promise<CaptureSessionRecord> {
  const name = text('name', input.name) as string;
  const date = input.date ?? now.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new BadUserInputError('date', 'must be a date like 2027-03-12');
  const minutes = input.expiresInMinutes ?? 180;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > CAPTURE_LIMITS.maxHours * 60)
    throw new BadUserInputError('expiresInMinutes', `must be between 1 and ${CAPTURE_LIMITS.maxHours * 60}`);
  const ref = text('scope.ref', input.scope.ref, { required: false, max: 4000 }) ?? '';
  if (input.scope.kind === 'story') {
    if (!(await store.story(ref))) throw new NotFoundError('story', ref);
  }
  const id = `cs-${randomBytes(5).toString('hex')}`;
  const session: CaptureSessionRecord = {
    id,
    name,
    date,
    code: randomBytes(8).toString('base64url'),
    createdAt: now.toISOString(),
    createdBy: who.name,
    expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
    closedAt: null,
    scope: { kind: input.scope.kind, ref },
    roster: {
      regionIds: ids(input.roster?.regionIds),
      actorKinds: ids(input.roster?.actorKinds),
      sectors: ids(input.roster?.sectors),
      projectIds: ids(input.roster?.projectIds),
    },
    sourceId: `s-capture-${id}`,
  };
  await store.capture.putSession(session);
  return session;
}

export async function sessionById(store: GraphStore, id: string): Promise<CaptureSessionRecord> {
  const s = await store.capture.session(id);
  if (!s) throw new NotFoundError('capture session', id);
  return s;
}

export async function closeSession(store: GraphStore, id: string, now = new Date()): Promise<CaptureSessionRecord> {
  const s = await sessionById(store, id);
  if (s.closedAt !== null) return s;
  const closed = { ...s, closedAt: now.toISOString() };
  await store.capture.putSession(closed);
  return closed;
}

/** The session of a capture token; FORBIDDEN (UNKNOWN_TOKEN) for an unknown one, and for a closed or expired one when `open` is asked for. */
export async function sessionByToken(store: GraphStore, token: string, { open }: { open: boolean }): Promise<CaptureSessionRecord> {
  const s = token.length <= 64 ? await store.capture.sessionByCode(token) : null;
  if (!s) throw new CaptureForbiddenError('UNKNOWN_TOKEN');
  if (open && s.closedAt !== null) throw new CaptureForbiddenError('CLOSED');
  if (open && !isOpen(s)) throw new CaptureForbiddenError('EXPIRED');
  return s;
}

/** The phone's participant key, as stored: its sha256 (the key itself stays on the phone). */
export function deviceOf(participantKey: string): string {
  const k = participantKey.trim();
  if (k.length < 16 || k.length > 128) throw new BadUserInputError('participant', 'must be 16 to 128 characters');
  return createHash('sha256').update(k, 'utf8').digest('hex');
}

/** Submissions and corrections per device and minute (sliding window, in memory). */
export class DeviceRateLimit {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly perMinute: number = CAPTURE_LIMITS.perDeviceMinute,
    private readonly clock: () => number = Date.now,
  ) {}

  take(key: string): void {
    const now = this.clock();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      const retry = Math.max(1, Math.ceil((60_000 - (now - (recent[0] as number))) / 1000));
      this.hits.set(key, recent);
      throw new SubmissionLimitError(this.perMinute, retry);
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => now - t >= 60_000)) this.hits.delete(k);
  }
}

export const rateLimit = new DeviceRateLimit();

export interface SubmissionInput {
  /** Set to correct an earlier submission of this device. */
  id?: string | null;
  /** The phone's key for this new entry: sending it again (after a lost answer) returns the first submission instead of a second. */
  clientKey?: string | null;
  org: { actorId?: string | null; name?: string | null; kind?: string | null; regionId?: string | null };
  ties: { partnerId: string; relation: CaptureRelation; projectName?: string | null }[];
}

function checkOrg(org: SubmissionInput['org'], byId: Map<string, RosterEntry>): CaptureOrg {
  if (org.actorId) {
    const e = byId.get(org.actorId);
    if (!e || e.id.startsWith(SUBMISSION_REF)) throw new BadUserInputError('org.actorId', 'is not on the roster of this session');
    return { actorId: e.id, name: e.name, kind: e.kind ?? 'other', regionId: null };
  }
  const name = text('org.name', org.name) as string;
  const kind = org.kind ?? 'other';
  if (!(ACTOR_KINDS as readonly string[]).includes(kind)) throw new BadUserInputError('org.kind', `must be one of ${ACTOR_KINDS.join(', ')}`);
  const regionId = org.regionId ?? null;
  if (regionId !== null && !germany().districts.some((d) => d.id === regionId)) throw new BadUserInputError('org.regionId', 'must be one of the built-in districts');
  return { actorId: null, name, kind, regionId };
}

function checkTies(ties: SubmissionInput['ties'], byId: Map<string, RosterEntry>, self: { actorId: string | null; id: string }): CaptureTie[] {
  if (ties.length > CAPTURE_LIMITS.ties) throw new BadUserInputError('ties', `at most ${CAPTURE_LIMITS.ties} partners`);
  const seen = new Set<string>();
  const out: CaptureTie[] = [];
  ties.forEach((t, i) => {
    if (!(CAPTURE_RELATIONS as readonly string[]).includes(t.relation)) throw new BadUserInputError(`ties[${i}].relation`, `must be one of ${CAPTURE_RELATIONS.join(', ')}`);
    const e = byId.get(t.partnerId);
    if (!e) throw new BadUserInputError(`ties[${i}].partnerId`, 'is not on the roster of this session');
    if (e.id === self.actorId || e.id === `${SUBMISSION_REF}${self.id}`) throw new BadUserInputError(`ties[${i}].partnerId`, 'is your own organisation');
    const projectName = t.relation === 'project' ? text(`ties[${i}].projectName`, t.projectName, { required: false }) : null;
    const key = `${e.id}|${t.relation}|${projectName ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const sub = e.id.startsWith(SUBMISSION_REF);
    out.push({
      partnerId: sub ? null : e.id,
      partnerSubmissionId: sub ? e.id.slice(SUBMISSION_REF.length) : null,
      partnerName: e.name,
      relation: t.relation,
      projectName,
    });
  });
  return out;
}

/** A participant submits (or corrects) what their organisation does with whom: into the moderation queue. */
export async function submit(
  store: GraphStore,
  token: string,
  participantKey: string,
  input: SubmissionInput,
  limiter: DeviceRateLimit = rateLimit,
  now = new Date(),
): Promise<CaptureSubmissionRecord> {
  const session = await sessionByToken(store, token, { open: true });
  const device = deviceOf(participantKey);
  limiter.take(`${session.id}|${device}`);
  const entries = await roster(store, session);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const at = now.toISOString();
  if (input.id) {
    const old = await store.capture.submission(input.id);
    if (!old || old.sessionId !== session.id) throw new NotFoundError('submission', input.id);
    if (old.device !== device) throw new CaptureForbiddenError('NOT_YOURS');
    if (old.state !== 'pending') throw new CaptureForbiddenError('MODERATED');
    const org = checkOrg(input.org, byId);
    const next: CaptureSubmissionRecord = { ...old, org, ties: checkTies(input.ties, byId, { actorId: org.actorId, id: old.id }), updatedAt: at, version: old.version + 1 };
    if (!(await store.capture.putSubmission(next))) throw new CaptureForbiddenError('MODERATED');
    return next;
  }
  const clientKey = input.clientKey?.trim() || null;
  if (clientKey !== null && (clientKey.length < 8 || clientKey.length > 64)) throw new BadUserInputError('input.clientKey', 'must be 8 to 64 characters');
  const id = clientKey ? `cx-${createHash('sha256').update(`${session.id}|${device}|${clientKey}`).digest('hex').slice(0, 12)}` : `cx-${randomBytes(6).toString('hex')}`;
  if (clientKey) {
    const earlier = await store.capture.submission(id);
    if (earlier) return earlier; // the same entry sent again: its answer was lost
  }
  const mine = await store.capture.submissions(session.id, device);
  if (mine.length >= CAPTURE_LIMITS.perDevice) throw new CaptureForbiddenError('TOO_MANY');
  const org = checkOrg(input.org, byId);
  const rec: CaptureSubmissionRecord = {
    id,
    sessionId: session.id,
    device,
    createdAt: at,
    updatedAt: at,
    state: 'pending',
    org,
    ties: checkTies(input.ties, byId, { actorId: org.actorId, id }),
    mergeInto: null,
    actorId: null,
    moderatedBy: null,
    moderatedAt: null,
    version: 1,
  };
  if (!(await store.capture.putSubmission(rec))) {
    // Sent twice at once with the same key: the other request stored it.
    const other = clientKey ? await store.capture.submission(id) : null;
    if (other) return other;
    throw new Error(`capture: submission id ${id} exists`);
  }
  return rec;
}

/** A participant takes back a submission that is still waiting. */
export async function withdraw(store: GraphStore, token: string, participantKey: string, id: string, limiter: DeviceRateLimit = rateLimit): Promise<CaptureSubmissionRecord> {
  const session = await sessionByToken(store, token, { open: true });
  const device = deviceOf(participantKey);
  limiter.take(`${session.id}|${device}`);
  const old = await store.capture.submission(id);
  if (!old || old.sessionId !== session.id) throw new NotFoundError('submission', id);
  if (old.device !== device) throw new CaptureForbiddenError('NOT_YOURS');
  if (old.state !== 'pending') throw new CaptureForbiddenError('MODERATED');
  const next = { ...old, state: 'withdrawn' as const, updatedAt: new Date().toISOString(), version: old.version + 1 };
  if (!(await store.capture.putSubmission(next))) throw new CaptureForbiddenError('MODERATED');
  return next;
}

/** The moderator marks a new organisation as an existing actor (null: it is new after all). */
export async function setMerge(store: GraphStore, submissionId: string, actorId: string | null): Promise<CaptureSubmissionRecord> {
  const old = await store.capture.submission(submissionId);
  if (!old) throw new NotFoundError('submission', submissionId);
  if (old.state !== 'pending') throw new BadUserInputError('submissionId', `is ${old.state}, not pending`);
  if (actorId !== null && (await store.nodeType(actorId)) !== 'ACTOR') throw new BadUserInputError('actorId', 'is not an actor of the network');
  const next = { ...old, mergeInto: actorId, version: old.version + 1 };
  if (!(await store.capture.putSubmission(next))) throw new BadUserInputError('submissionId', 'was changed meanwhile; reload the queue');
  return next;
}

/** Rejects pending submissions; returns those rejected. */
export async function reject(store: GraphStore, sessionId: string, submissionIds: readonly string[], who: Who): Promise<CaptureSubmissionRecord[]> {
  const at = new Date().toISOString();
  const out: CaptureSubmissionRecord[] = [];
  for (const id of new Set(submissionIds)) {
    const old = await store.capture.submission(id);
    if (!old || old.sessionId !== sessionId || old.state !== 'pending') continue;
    const next = { ...old, state: 'rejected' as const, moderatedBy: who.name, moderatedAt: at, version: old.version + 1 };
    if (await store.capture.putSubmission(next)) out.push(next);
  }
  return out;
}
