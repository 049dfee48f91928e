/**
 * Live capture at workshops: the records a capture session and its submissions are stored as (in
 * both stores, behind `GraphStore.capture`), their limits, and the storage primitives.
 *
 * A session is opened by an editor on a view or story; its `code` is the capture token of the short
 * link (`/c/<code>`), shown on the projector to the whole room: it lets a phone submit to this session
 * and read the names of its roster, nothing else. Submissions wait in the moderation queue; only an
 * approval writes to the network (approve.ts, through applyBatch with an audit entry).
 */

/** How a participant works with a partner: a cooperation, a shared project, or a wished tie (not in the network). */
export const CAPTURE_RELATIONS = ['cooperation', 'project', 'wish'] as const;
export type CaptureRelation = (typeof CAPTURE_RELATIONS)[number];

export const CAPTURE_STATES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type CaptureState = (typeof CAPTURE_STATES)[number];

export const CAPTURE_LIMITS = {
  /** Names of sessions, organisations and projects. */
  name: 120,
  /** Partners named in one submission. */
  ties: 30,
  /** Submissions and corrections per device and minute. */
  perDeviceMinute: 10,
  /** Submissions per device and session. */
  perDevice: 20,
  /** Roster names a capture token may read. */
  roster: 2000,
  /** Longest a session stays open (hours). */
  maxHours: 24 * 14,
} as const;

/** Which actors of the network make up a session's roster (a view's filter, without years). */
export interface RosterFilter {
  regionIds: string[] | null;
  actorKinds: string[] | null;
  sectors: string[] | null;
  projectIds: string[] | null;
}

export interface CaptureSessionRecord {
  id: string;
  /** The provenance of everything captured: "Workshop Riesa, 12.03.2027". */
  name: string;
  /** The workshop's day (ISO date), the date of every approved tie. */
  date: string;
  /** The capture token of the short link. */
  code: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  closedAt: string | null;
  /** Where it was opened: the explorer view (its URL query) or a story (its id). */
  scope: { kind: 'view' | 'story'; ref: string };
  roster: RosterFilter;
  /** The Source record approved rows cite. */
  sourceId: string;
}

/** The participant's organisation: an actor of the roster, or a new one (actorId null). */
export interface CaptureOrg {
  actorId: string | null;
  name: string;
  kind: string;
  regionId: string | null;
}

/** A partner: an actor of the roster, or the new organisation of another submission of the session. */
export interface CaptureTie {
  partnerId: string | null;
  partnerSubmissionId: string | null;
  partnerName: string;
  relation: CaptureRelation;
  /** The shared project's name (relation project), optional. */
  projectName: string | null;
}

export interface CaptureSubmissionRecord {
  id: string;
  sessionId: string;
  /** sha256 of the phone's participant key (the phone keeps the key in localStorage). */
  device: string;
  createdAt: string;
  updatedAt: string;
  state: CaptureState;
  org: CaptureOrg;
  ties: CaptureTie[];
  /** The moderator's decision that a new organisation is an existing actor. */
  mergeInto: string | null;
  /** The actor the submission became on approval. */
  actorId: string | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
  /** 1 when created, +1 with every write (compare-and-set). */
  version: number;
}

/** Storage primitives (both adapters; sessions and submissions live beside the network, untouched by clear()). */
export interface CaptureBackend {
  /** Inserts or replaces a session. */
  putSession(s: CaptureSessionRecord): Promise<void>;
  /** Every session, newest first. */
  sessions(): Promise<CaptureSessionRecord[]>;
  session(id: string): Promise<CaptureSessionRecord | null>;
  sessionByCode(code: string): Promise<CaptureSessionRecord | null>;
  /**
   * Writes a submission if the stored one still has `s.version - 1` (1: it must not exist yet);
   * false when someone else wrote it meanwhile (nothing written).
   */
  putSubmission(s: CaptureSubmissionRecord): Promise<boolean>;
  /** The submissions of a session (of one device when given), oldest first. */
  submissions(sessionId: string, device?: string): Promise<CaptureSubmissionRecord[]>;
  submission(id: string): Promise<CaptureSubmissionRecord | null>;
  /** The approved submissions of every session, oldest first (their wished ties feed the gap analysis). */
  approved(): Promise<CaptureSubmissionRecord[]>;
}

export const isOpen = (s: CaptureSessionRecord, now = Date.now()): boolean => s.closedAt === null && Date.parse(s.expiresAt) > now;
