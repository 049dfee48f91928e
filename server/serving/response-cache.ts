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
 */
import type { NextFunction, Request, Response } from 'express';
import { Kind, parse, type DocumentNode } from 'graphql';
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

export interface ResponseCacheOptions {
  revision: () => number;
  /** The class of caller the answer is for (e.g. their role), or null when the request may not be answered from the cache. */
  callerClass: (req: Request, res: Response) => Promise<string | null>;
  maxBytes?: number;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  stored: number;
  entries: number;
  bytes: number;
}

/** Whether every root field of the (single) query operation may be kept. */
export function cacheableQuery(doc: DocumentNode, operationName: string | undefined): boolean {
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== 'query') return false;
  // Fragments at the root may hide a field: keep only plain root fields (and __typename).
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || CACHEABLE_FIELDS.has(s.name.value)));
}

export function responseCache(opts: ResponseCacheOptions): { middleware: (req: Request, res: Response, next: NextFunction) => void; stats: () => ResponseCacheStats } {
  const maxBytes = opts.maxBytes ?? 128 * 1024 * 1024;
  const entries = new Map<string, Buffer>();
  let bytes = 0;
  let revision = -1;
  const counts = { hits: 0, misses: 0, stored: 0 };

  const keep = (key: string, body: Buffer) => {
    const size = body.length + key.length;
    if (size > maxBytes / 4) return;
    entries.set(key, body);
    bytes += size;
    while (bytes > maxBytes) {
      const [oldest, value] = entries.entries().next().value as [string, Buffer];
      entries.delete(oldest);
      bytes -= value.length + oldest.length;
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
      if (rev !== revision) {
        entries.clear();
        bytes = 0;
        revision = rev;
      }
      // The key itself, not a hash of it: hashing the query text took longer than looking it up.
      const key = `${cls}\0${operationName ?? ''}\0${stableKey(variables)}\0${query}`;
      const kept = entries.get(key);
      if (kept !== undefined) {
        counts.hits++;
        entries.delete(key);
        entries.set(key, kept);
        passed = true;
        res.status(200).type('application/json; charset=utf-8').setHeader('x-cache', 'hit');
        res.send(kept);
        return;
      }
      counts.misses++;
      const send = res.send.bind(res);
      res.send = (out: unknown) => {
        // An answer with errors starts with them ({"errors":[…],"data":…}): only clean answers start with data.
        if (res.statusCode === 200 && typeof out === 'string' && opts.revision() === rev && revision === rev && out.startsWith('{"data":')) {
          // Encoded once: a repeat sends these bytes as they are.
          const bytes = Buffer.from(out, 'utf8');
          keep(key, bytes);
          counts.stored++;
          return send(bytes);
        }
        return send(out);
      };
      pass();
    };
    serve().catch(pass);
  };
  return { middleware, stats: () => ({ ...counts, entries: entries.size, bytes }) };
}
