/**
 * Live capture sessions and submissions in SQLite (server/capture/capture.model.ts): each record as
 * its JSON plus the columns the queries select on. Created with IF NOT EXISTS on every start (no
 * schema version: the tables are new and stand apart from the network's).
 */
import type Database from 'better-sqlite3';
import type { CaptureBackend, CaptureSessionRecord, CaptureSubmissionRecord } from '../../capture/capture.model.ts';

export const CAPTURE_SCHEMA = `
CREATE TABLE IF NOT EXISTS capture_sessions (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS capture_submissions (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL, device TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL,
  version INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS capture_submissions_session ON capture_submissions(session_id, device);
CREATE INDEX IF NOT EXISTS capture_submissions_state ON capture_submissions(state);
`;

export function captureTables(stmt: (sql: string) => Database.Statement): CaptureBackend {
  const sessions = (rows: unknown[]) => (rows as string[]).map((j) => JSON.parse(j) as CaptureSessionRecord);
  const subs = (rows: unknown[]) => (rows as string[]).map((j) => JSON.parse(j) as CaptureSubmissionRecord);
  return {
    putSession: async (s) => {
      stmt(
        'INSERT INTO capture_sessions (id, code, created_at, json) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET code = excluded.code, json = excluded.json',
      ).run(s.id, s.code, s.createdAt, JSON.stringify(s));
    },
    sessions: async () => sessions(stmt('SELECT json FROM capture_sessions ORDER BY created_at DESC, id').pluck().all()),
    session: async (id) => sessions(stmt('SELECT json FROM capture_sessions WHERE id = ?').pluck().all(id))[0] ?? null,
    sessionByCode: async (code) => sessions(stmt('SELECT json FROM capture_sessions WHERE code = ?').pluck().all(code))[0] ?? null,
    putSubmission: async (s) => {
      const json = JSON.stringify(s);
      if (s.version === 1)
        return (
          stmt(
            'INSERT INTO capture_submissions (id, session_id, device, state, created_at, version, json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
          ).run(s.id, s.sessionId, s.device, s.state, s.createdAt, s.version, json).changes === 1
        );
      return stmt('UPDATE capture_submissions SET state = ?, version = ?, json = ? WHERE id = ? AND version = ?').run(s.state, s.version, json, s.id, s.version - 1).changes === 1;
    },
    submissions: async (sessionId, device) =>
      device === undefined
        ? subs(stmt('SELECT json FROM capture_submissions WHERE session_id = ? ORDER BY created_at, id').pluck().all(sessionId))
        : subs(stmt('SELECT json FROM capture_submissions WHERE session_id = ? AND device = ? ORDER BY created_at, id').pluck().all(sessionId, device)),
    submission: async (id) => subs(stmt('SELECT json FROM capture_submissions WHERE id = ?').pluck().all(id))[0] ?? null,
    approved: async () => subs(stmt("SELECT json FROM capture_submissions WHERE state = 'approved' ORDER BY created_at, id").pluck().all()),
  };
}
