/**
 * Answers to repeated read queries, kept as the bytes that were sent. At a workshop 50 people open
 * the same overview, the same story slides and the same hub's neighbourhood: without this, each of
 * them costs the main thread the GraphQL execution and serialisation again (a 5,000-node
 * neighbourhood: about 90 ms of the main thread, 3 MB); with it, a repeat costs a lookup and a write.
 *
 * A query is kept when it is a `query` whose root fields all answer from the network's data alone
 * (CACHEABLE_FIELDS), it was answered 200 without errors, and the
 * data did not change while it ran. The key holds the data revision, the caller's role (a viewer
 * and an editor may see different answers), the query text, the operation name and the variables.
 * Kept answers are dropped when the data changes, and the oldest go beyond `maxBytes`.
 *
 * Identical requests that arrive while the first is still being answered wait for its bytes instead
 * of executing the query again: the work queue already shares the read behind them, but each of 50
 * people clicking the same hub at once would otherwise still cost the main thread its own GraphQL
 * execution (50 × 90 ms). If the first one ends without a clean answer (an error, a caller gone),
 * the waiting ones are answered as usual.
 *
 * A write drops the kept answers, except those made only of neighbourhoods whose reach the write did
 * not touch (serving/carry.ts): a live-capture approval or an upload elsewhere in the network leaves
 * the hubs' views as they were.
 */
import type { NextFunction, Request, Response } from 'express';
import { Kind, parse, type DocumentNode } from 'graphql';
import { AnswerTrace, survives } from './carry.ts';
import { stableKey } from './read-jobs.ts';

/**
 * Root fields whose answer depends only on the network's data (its revision) and the arguments: the
 * only ones kept. Everything else is never kept: who asks (`me`, `tokens`), the moment
 * (`analysisStatus`, `auditLog`), or data beside the network that changes without a new revision
 * (the capture sessions' queue, feed and wished ties). A field added later is not kept until it is
 * named here.
 */
export const CACHEABLE_FIELDS: ReadonlySet<string> = new Set([
  'network',
  'neighborhood',
  'overview',
  'regionMatrix',
  'shortestPaths',
  'search',
  'actor',
  'project',
  'region',
  'event',
  'source',
  'nodeType',
  'regions',
  'facets',
  'stats',
  'stories',
  'story',
  'metrics',
  'networkStats',
  'regionGaps',
  'coverage',
  'whatIf',
  'suggestions',
  'insights',
  'networkParts',
]);

/** Root fields whose kept answer may outlive a write that did not touch its reach (they read only through serving.read). */
export const CARRIED_FIELDS: ReadonlySet<string> = new Set(['neighborhood']);

export interface ResponseCacheOptions {
  revision: () => number;
  /** What the writes after a revision touched (GraphStore.changedSince); null: anything. */
  changedSince?: (revision: number) => ReadonlySet<string> | null;
  /**
   * Whether answers for this class of caller may be kept across a write. Not for a pseudonymised
   * link: a new actor's name is replaced inside titles anywhere in the answer, outside any reach.
   */
  carriesClass?: (cls: string) => boolean;
  /** The class of caller the answer is for (e.g. their role), or null when the request may not be answered from the cache. */
  callerClass: (req: Request, res: Response) => Promise<string | null>;
  maxBytes?: number;
}

export interface ResponseCacheStats {
  hits: number;
  /** Answered with the bytes of an identical request answered at the same time. */
  shared: number;
  misses: number;
  stored: number;
  /** Answers kept across a write that did not touch their reach. */
  carried: number;
  entries: number;
  bytes: number;
}

/** Whether every root field of the (single) query operation is one of `fields` (by default: may be kept). */
export function cacheableQuery(doc: DocumentNode, operationName: string | undefined, fields: ReadonlySet<string> = CACHEABLE_FIELDS): boolean {
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== 'query') return false;
  // Fragments at the root may hide a field: keep only plain root fields (and __typename).
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || fields.has(s.name.value)));
}

/** The trace the kept answers give a request whose answer may outlive a write (read by the GraphQL context for its caller). */
export function answerTraceOf(res: Response): AnswerTrace | undefined {
  return (res.locals as { answerTrace?: AnswerTrace }).answerTrace;
}

export function responseCache(opts: ResponseCacheOptions): { middleware: (req: Request, res: Response, next: NextFunction) => void; stats: () => ResponseCacheStats } {
  const maxBytes = opts.maxBytes ?? 128 * 1024 * 1024;
  /** The bytes sent, and the reach they were made of when they may outlive a write. */
  const entries = new Map<string, { body: Buffer; reach: readonly string[] | null }>();
  let bytes = 0;
  let revision = -1;
  const counts = { hits: 0, shared: 0, misses: 0, stored: 0, carried: 0 };
  /** What an entry holds: its key and bytes, and its reach (a reference and a short string per id, about 40 bytes). */
  const sizeOf = (key: string, entry: { body: Buffer; reach: readonly string[] | null }) => entry.body.length + key.length + (entry.reach?.length ?? 0) * 40;

  /** The data moved on: answers whose reach the writes touched go, the others stay. */
  const moveOn = (rev: number) => {
    const touched = revision >= 0 && opts.changedSince ? opts.changedSince(revision) : null;
    for (const [key, entry] of entries) {
      if (touched !== null && survives(entry.reach, touched)) counts.carried++;
      else {
        entries.delete(key);
        bytes -= sizeOf(key, entry);
      }
    }
    revision = rev;
  };
  /** Answers being computed: the bytes, or null when the first request ended without a keepable answer. */
  const pending = new Map<string, Promise<Buffer | null>>();

  const keep = (key: string, body: Buffer, reach: readonly string[] | null) => {
    const entry = { body, reach };
    const size = sizeOf(key, entry);
    if (size > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += size;
    while (bytes > maxBytes) {
      const [oldest, value] = entries.entries().next().value as [string, { body: Buffer; reach: readonly string[] | null }];
      entries.delete(oldest);
      bytes -= sizeOf(oldest, value);
    }
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (req.method !== 'POST' || !body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return next();
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    let doc: DocumentNode;
    try {
      doc = parse(body.query, { maxTokens: 2_000 });
    } catch {
      return next(); // Apollo answers the parse error
    }
    if (!cacheableQuery(doc, operationName)) return next();
    const carriable = cacheableQuery(doc, operationName, CARRIED_FIELDS);
    const query = body.query;
    const variables = body.variables ?? null;
    // Anything going wrong here (an unknown token, a store not ready) is Apollo's to answer.
    let passed = false;
    const pass = () => {
      if (!passed) {
        passed = true;
        next();
      }
    };
    const serve = async () => {
      const cls = await opts.callerClass(req, res);
      if (cls === null) return pass();
      const rev = opts.revision();
      if (rev !== revision) moveOn(rev);
      // The key itself, not a hash of it: hashing the query text took longer than looking it up.
      const key = `${cls}\0${operationName ?? ''}\0${stableKey(variables)}\0${query}`;
      const sendKept = (bytes: Buffer, how: 'hit' | 'shared') => {
        passed = true;
        res.status(200).type('application/json; charset=utf-8').setHeader('x-cache', how);
        res.send(bytes);
      };
      const kept = entries.get(key);
      if (kept !== undefined) {
        counts.hits++;
        entries.delete(key);
        entries.set(key, kept);
        return sendKept(kept.body, 'hit');
      }
      const pendingKey = `${rev}\0${key}`;
      const running = pending.get(pendingKey);
      if (running !== undefined) {
        const bytes = await running;
        if (bytes === null) return pass();
        counts.shared++;
        return sendKept(bytes, 'shared');
      }
      counts.misses++;
      let settle!: (bytes: Buffer | null) => void;
      const mine = new Promise<Buffer | null>((resolve) => (settle = resolve));
      pending.set(pendingKey, mine);
      const done = (bytes: Buffer | null) => {
        if (pending.get(pendingKey) === mine) pending.delete(pendingKey);
        settle(bytes); // only the first call counts
      };
      // A response that closes without a keepable answer (an error, the caller gone) lets the waiting ones go their own way.
      res.once('close', () => done(null));
      // What the answer is made of, when it may outlive a write (the context hands this to the caller; serving.read records).
      const trace = carriable && (opts.carriesClass?.(cls) ?? false) ? new AnswerTrace() : null;
      if (trace) (res.locals as { answerTrace?: AnswerTrace }).answerTrace = trace;
      const send = res.send.bind(res);
      res.send = (out: unknown) => {
        // An answer with errors starts with them ({"errors":[…],"data":…}): only clean answers start with data.
        if (res.statusCode === 200 && typeof out === 'string' && opts.revision() === rev && revision === rev && out.startsWith('{"data":')) {
          // Encoded once: a repeat sends these bytes as they are.
          const bytes = Buffer.from(out, 'utf8');
          keep(key, bytes, trace?.reach() ?? null);
          counts.stored++;
          done(bytes);
          return send(bytes);
        }
        done(null);
        return send(out);
      };
      pass();
    };
    serve().catch(pass);
  };
  return { middleware, stats: () => ({ ...counts, entries: entries.size, bytes }) };
}
