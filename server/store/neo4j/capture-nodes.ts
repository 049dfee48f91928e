/** The capture backend of the Neo4j adapter: the statements of capture.cypher.ts, records as JSON. */
import type { CaptureBackend, CaptureSessionRecord, CaptureSubmissionRecord } from '../../capture/capture.model.ts';
import * as Q from './capture.cypher.ts';
import { int, type GraphConnection, type PlainRecord } from './driver.ts';

const parse = <T>(records: PlainRecord[]): T[] => records.map((r) => JSON.parse(String(r.json)) as T);

export function captureNodes(db: () => GraphConnection): CaptureBackend {
  const sessions = (r: PlainRecord[]) => parse<CaptureSessionRecord>(r);
  const subs = (r: PlainRecord[]) => parse<CaptureSubmissionRecord>(r);
  return {
    putSession: async (s) => {
      await db().write(Q.CAPTURE_PUT_SESSION, { id: s.id, code: s.code, createdAt: s.createdAt, json: JSON.stringify(s) });
    },
    sessions: async () => sessions(await db().read(Q.CAPTURE_SESSIONS)),
    session: async (id) => sessions(await db().read(Q.CAPTURE_SESSION, { id }))[0] ?? null,
    sessionByCode: async (code) => sessions(await db().read(Q.CAPTURE_SESSION_BY_CODE, { code }))[0] ?? null,
    putSubmission: async (s) => {
      const params = { id: s.id, sessionId: s.sessionId, device: s.device, state: s.state, createdAt: s.createdAt, version: int(s.version), json: JSON.stringify(s) };
      const rows = await db().write(s.version === 1 ? Q.CAPTURE_INSERT_SUBMISSION : Q.CAPTURE_UPDATE_SUBMISSION, params);
      return rows.length === 1;
    },
    submissions: async (sessionId, device) => subs(await db().read(Q.CAPTURE_SUBMISSIONS, { sessionId, device: device ?? null })),
    submission: async (id) => subs(await db().read(Q.CAPTURE_SUBMISSION, { id }))[0] ?? null,
    approved: async () => subs(await db().read(Q.CAPTURE_APPROVED)),
  };
}
