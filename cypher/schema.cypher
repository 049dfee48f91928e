// Netzwerkatlas: Neo4j 5 schema (constraints and indexes) for the graph model in
// server/store/neo4j/schema.ts.
//
// The server applies this file idempotently at every start: each statement uses IF NOT EXISTS,
// so running it again changes nothing. It can also be pasted into Neo4j Browser as it is
// (Browser runs the statements one after another when "multi-statement query editor" is on, the
// default).
//
// Format (the server and the Cypher lint test split the file the same way): one statement per
// block, ending with `;` at the end of a line; lines starting with `//` are comments.
//
// A uniqueness constraint also creates the range index behind it, so `id` needs no extra index.

// Uniqueness of ids, one constraint per label
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (n:Story) REQUIRE n.id IS UNIQUE;

// Audit log, its sequence counter and access tokens (kept apart from the network; clear() leaves them)
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT counter_name IF NOT EXISTS FOR (n:Counter) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT access_token_id IF NOT EXISTS FOR (n:AccessToken) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT access_token_hash IF NOT EXISTS FOR (n:AccessToken) REQUIRE n.hash IS UNIQUE;
CREATE CONSTRAINT audit_ref_id IF NOT EXISTS FOR (n:AuditRef) REQUIRE n.id IS UNIQUE;

// Live capture at workshops (sessions and their submissions, kept apart from the network like the tokens)
CREATE CONSTRAINT capture_session_id IF NOT EXISTS FOR (n:CaptureSession) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT capture_session_code IF NOT EXISTS FOR (n:CaptureSession) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT capture_submission_id IF NOT EXISTS FOR (n:CaptureSubmission) REQUIRE n.id IS UNIQUE;
CREATE RANGE INDEX capture_submission_session IF NOT EXISTS FOR (n:CaptureSubmission) ON (n.sessionId);
CREATE RANGE INDEX capture_submission_state IF NOT EXISTS FOR (n:CaptureSubmission) ON (n.state);

// Range indexes for filters and sorting
CREATE RANGE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE RANGE INDEX region_kind IF NOT EXISTS FOR (n:Region) ON (n.kind);
CREATE RANGE INDEX region_code IF NOT EXISTS FOR (n:Region) ON (n.code);
CREATE RANGE INDEX project_start IF NOT EXISTS FOR (n:Project) ON (n.start);
CREATE RANGE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);

// Text indexes for search (`searchKey` is the search text folded the German way, ä → ae;
// `searchKeyAlt` folds umlauts to the bare vowel, ä → a; they serve CONTAINS on both keys)
CREATE TEXT INDEX actor_search_key IF NOT EXISTS FOR (n:Actor) ON (n.searchKey);
CREATE TEXT INDEX project_search_key IF NOT EXISTS FOR (n:Project) ON (n.searchKey);
CREATE TEXT INDEX region_search_key IF NOT EXISTS FOR (n:Region) ON (n.searchKey);
CREATE TEXT INDEX event_search_key IF NOT EXISTS FOR (n:Event) ON (n.searchKey);
CREATE TEXT INDEX actor_search_key_alt IF NOT EXISTS FOR (n:Actor) ON (n.searchKeyAlt);
CREATE TEXT INDEX project_search_key_alt IF NOT EXISTS FOR (n:Project) ON (n.searchKeyAlt);
CREATE TEXT INDEX region_search_key_alt IF NOT EXISTS FOR (n:Region) ON (n.searchKeyAlt);
CREATE TEXT INDEX event_search_key_alt IF NOT EXISTS FOR (n:Event) ON (n.searchKeyAlt);
