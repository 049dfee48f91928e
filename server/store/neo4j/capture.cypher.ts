/**
 * Live capture sessions and submissions in Neo4j (server/capture/capture.model.ts): unconnected
 * nodes beside the network, untouched by clear():
 *   (:CaptureSession {id, code, createdAt, json})
 *   (:CaptureSubmission {id, sessionId, device, state, createdAt, version, json})
 * `json` is the whole record; the other properties are what the statements select on.
 */

export const CAPTURE_PUT_SESSION = `MERGE (s:CaptureSession {id: $id})
SET s.code = $code, s.createdAt = $createdAt, s.json = $json`;

export const CAPTURE_SESSIONS = `MATCH (s:CaptureSession)
RETURN s.json AS json
ORDER BY s.createdAt DESC, s.id`;

export const CAPTURE_SESSION = `MATCH (s:CaptureSession {id: $id})
RETURN s.json AS json`;

export const CAPTURE_SESSION_BY_CODE = `MATCH (s:CaptureSession {code: $code})
RETURN s.json AS json`;

/** Creates the submission unless its id exists; returns a row only when it did. */
export const CAPTURE_INSERT_SUBMISSION = `OPTIONAL MATCH (old:CaptureSubmission {id: $id})
WITH old
WHERE old IS NULL
CREATE (s:CaptureSubmission {id: $id, sessionId: $sessionId, device: $device, state: $state, createdAt: $createdAt, version: $version, json: $json})
RETURN s.id AS id`;

/** Replaces the submission if it still has the version before `$version`; returns a row only then. */
export const CAPTURE_UPDATE_SUBMISSION = `MATCH (s:CaptureSubmission {id: $id})
WHERE s.version = $version - 1
SET s.state = $state, s.version = $version, s.json = $json
RETURN s.id AS id`;

export const CAPTURE_SUBMISSIONS = `MATCH (s:CaptureSubmission {sessionId: $sessionId})
WHERE $device IS NULL OR s.device = $device
RETURN s.json AS json
ORDER BY s.createdAt, s.id`;

export const CAPTURE_SUBMISSION = `MATCH (s:CaptureSubmission {id: $id})
RETURN s.json AS json`;

export const CAPTURE_APPROVED = `MATCH (s:CaptureSubmission {state: 'approved'})
RETURN s.json AS json
ORDER BY s.createdAt, s.id`;
