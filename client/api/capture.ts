/**
 * Live capture: the participants' requests (sent with the capture token of the short link in the
 * `X-Capture-Token` header and no access token) and the moderator's (editor token, like every edit).
 */
import { config } from '../config.ts';
import { ApiError, apiErrorOf, apiErrorOfStatus, gql } from './client.ts';
import { graphql } from './generated/gql.ts';
import type {
  CaptureDecision,
  CaptureFeedQuery,
  CaptureInfoQuery,
  CaptureQueueQuery,
  CaptureRosterQuery,
  CaptureSubmissionInput,
  OpenCaptureSessionInput,
  SubmitCaptureMutation,
  TypedDocumentString,
} from './generated/graphql.ts';

export type CaptureInfo = CaptureInfoQuery['captureInfo'];
export type RosterEntry = CaptureRosterQuery['captureRoster'][number];
export type MySubmission = SubmitCaptureMutation['submitCapture'];
export type Queue = CaptureQueueQuery['captureQueue'];
export type QueueItem = Queue['submissions'][number];
export type Feed = CaptureFeedQuery['captureFeed'];
export type { CaptureSubmissionInput, OpenCaptureSessionInput, CaptureDecision };

const INFO = graphql(`query CaptureInfo($token: String!) { captureInfo(token: $token) { name date expiresAt open reason districts { id name } } }`);
const ROSTER = graphql(`query CaptureRoster($token: String!, $text: String, $limit: Int!) { captureRoster(token: $token, text: $text, limit: $limit) { id name kind isNew } }`);
const MINE = graphql(`query CaptureMine($token: String!, $participant: String!) {
  captureMine(token: $token, participant: $participant) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }
}`);
const SUBMIT = graphql(`mutation SubmitCapture($token: String!, $participant: String!, $input: CaptureSubmissionInput!) {
  submitCapture(token: $token, participant: $participant, input: $input) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }
}`);
const WITHDRAW = graphql(`mutation WithdrawCapture($token: String!, $participant: String!, $id: ID!) { withdrawCapture(token: $token, participant: $participant, id: $id) { id state } }`);

const QUEUE = graphql(`query CaptureQueue($sessionId: ID!) {
  captureQueue(sessionId: $sessionId) {
    session { id name date open expiresAt closedAt link scopeKind scopeRef counts { pending approved rejected withdrawn } }
    submissions {
      id state createdAt updatedAt mergeInto actorId moderatedBy
      org { actorId name kind regionId }
      ties { partnerId partnerName relation projectName }
      duplicates { id label kind }
    }
  }
}`);
const SESSIONS = graphql(`query CaptureSessions { captureSessions { id name date open link counts { pending approved } } }`);
const FEED = graphql(`query CaptureFeed($sessionId: ID!) { captureFeed(sessionId: $sessionId) { sessionId name open link pending approved newNodeIds newTies { a b } wishedTies { a b } } }`);
const OPEN = graphql(`mutation OpenCaptureSession($input: OpenCaptureSessionInput!) { openCaptureSession(input: $input) { id link } }`);
const CLOSE = graphql(`mutation CloseCaptureSession($id: ID!) { closeCaptureSession(id: $id) { id open } }`);
const MERGE = graphql(`mutation MergeCaptureOrg($submissionId: ID!, $actorId: ID) { mergeCaptureOrg(submissionId: $submissionId, actorId: $actorId) { id mergeInto } }`);
const REPORT_SLIDE = graphql(`mutation AddCaptureReportSlide($sessionId: ID!) { addCaptureReportSlide(sessionId: $sessionId) { storyId slideId } }`);
const MODERATE = graphql(`mutation ModerateCapture($sessionId: ID!, $submissionIds: [ID!]!, $decision: CaptureDecision!) {
  moderateCapture(sessionId: $sessionId, submissionIds: $submissionIds, decision: $decision) { changed { id state } skipped }
}`);

/** A participant request: the capture token instead of an access token. */
async function asParticipant<T, V>(document: TypedDocumentString<T, V>, variables: V, code: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(config.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-capture-token': code },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (e) {
    throw new ApiError('NETWORK', (e as Error).message);
  }
  let body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw apiErrorOfStatus(res.status);
  }
  const first = body.errors?.[0];
  if (first) throw apiErrorOf(first, res.status);
  if (!body.data) throw new ApiError('UNKNOWN', `HTTP ${res.status}`);
  return body.data;
}

export const participantApi = (code: string, participant: string) => ({
  info: async () => (await asParticipant(INFO, { token: code }, code)).captureInfo,
  roster: async (text: string | null, limit = 8) => (await asParticipant(ROSTER, { token: code, text, limit }, code)).captureRoster,
  mine: async () => (await asParticipant(MINE, { token: code, participant }, code)).captureMine,
  submit: async (input: CaptureSubmissionInput) => (await asParticipant(SUBMIT, { token: code, participant, input }, code)).submitCapture,
  withdraw: async (id: string) => (await asParticipant(WITHDRAW, { token: code, participant, id }, code)).withdrawCapture,
});

export const moderatorApi = {
  queue: async (sessionId: string, signal?: AbortSignal) => (await gql(QUEUE, { sessionId }, signal)).captureQueue,
  sessions: async () => (await gql(SESSIONS, {})).captureSessions,
  feed: async (sessionId: string, signal?: AbortSignal) => (await gql(FEED, { sessionId }, signal)).captureFeed,
  open: async (input: OpenCaptureSessionInput) => (await gql(OPEN, { input })).openCaptureSession,
  close: async (id: string) => (await gql(CLOSE, { id })).closeCaptureSession,
  merge: async (submissionId: string, actorId: string | null) => (await gql(MERGE, { submissionId, actorId })).mergeCaptureOrg,
  reportSlide: async (sessionId: string) => (await gql(REPORT_SLIDE, { sessionId })).addCaptureReportSlide,
  /** The submissions with their moderation state as a file (editor token; a plain link cannot send it). */
  exportUrl: (sessionId: string, format: 'csv' | 'xlsx') => `/export/capture/${encodeURIComponent(sessionId)}/${format}`,
  moderate: async (sessionId: string, submissionIds: string[], decision: CaptureDecision) => (await gql(MODERATE, { sessionId, submissionIds, decision })).moderateCapture,
};

const PARTICIPANT_KEY = 'netzwerkatlas.capture.participant';

/** The phone's participant key: made once, kept in localStorage (its submissions are found by it). */
export function participantKey(): string {
  try {
    const have = localStorage.getItem(PARTICIPANT_KEY);
    if (have && have.length >= 16) return have;
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(PARTICIPANT_KEY, key);
    return key;
  } catch {
    return Array.from(crypto.getRandomValues(new Uint8Array(18)), (b) => b.toString(16).padStart(2, '0')).join('');
  }
}
