/**
 * The HTTP application: GraphQL (Apollo) at /graphql with an offline GraphiQL IDE for browsers,
 * /healthz, and the built explorer as static files — all on one port.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import { requireRoleMiddleware } from './auth/http.ts';
import { bearer, sessionOf, type ReadAccess, type Session } from './auth/session.ts';
import { usageRecorder } from './auth/tokens.ts';
import { ServiceUnavailableError } from './errors.ts';
import { answerTraceOf, responseCache } from './serving/response-cache.ts';
import type { Serving } from './serving/serving.ts';
import { buildAppSchema } from './schema.ts';
import { captureGuard, isCaptureRequest } from './capture/capture.guard.ts';
import { captureExportHandler } from './capture/export.ts';
import { exportHandler } from './export/http.ts';
import { IMPORT_BODY_LIMIT, importHandler } from './import/http.ts';
import { clientMessage, formatError, logInternal, nestingGuard, protocolPlugin, requestIds, stderrLog, type ErrorLog } from './protocol.ts';
import type { GraphStore } from './store/graph-store.ts';
import { pseudonymPlugin } from './pseudonym/plugin.ts';
import { pseudonymousSession } from './pseudonym/session.ts';

/** The kept answers' class of a pseudonymised link (followed by its token id). */
const PSEUDONYM_CLASS = 'pseudonyms:';

export interface AppOptions {
  /** The store once it is ready; null while starting. */
  store: () => GraphStore | null;
  /** The read workers and the analysis service (on the same store) once they are ready. */
  serving: () => Serving | null;
  /** Folder of the built client (index.html, graphiql.html, assets/). */
  clientDir: string;
  development: boolean;
  /** Error of a failed start, reported by /healthz. */
  startError?: () => Error | null;
  /** Whether reading needs a token (default open). */
  readAccess?: ReadAccess;
  /** The address users open (for sign-in links); known once the server listens. */
  baseUrl: () => string;
  /** The store's configuration, for imports in a worker thread with their own connection; null imports on the main thread. */
  importConfig?: Config | null;
  /** Where 5xx and internal errors are logged, one JSON line each (default stderr). */
  errorLog?: ErrorLog;
}

/** Limits for a single GraphQL request. */
export const LIMITS = {
  /** A story may be 2 MB of JSON (STORY_LIMITS.bytes), sent whole with updateStory: room for it and the query. */
  bodyBytes: '3mb',
  maxDepth: 24, // GraphiQL's introspection query is 21 deep
  maxCost: 20_000,
  maxAliases: 20,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;

/** Fires when the client has gone before its answer was sent (closed tab, cancelled fetch). */
function goneSignal(res: Response): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return gone.signal;
}

export async function createApp(opts: AppOptions): Promise<{ app: Express; apollo: ApolloServer<Context> }> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: false },
    costLimit: { maxCost: LIMITS.maxCost },
    maxAliases: { n: LIMITS.maxAliases },
    // The token limit is graphql-js's own (parseOptions below): armor's runs a second parser in a plugin,
    // whose errors (and stack overflows) come out as HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Suggestions are taken out of every message by formatError (fields and enum values alike).
    blockFieldSuggestion: { enabled: false },
  });
  const errorLog = opts.errorLog ?? stderrLog;
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    ...protection,
    // No cache hints are used (answers are kept by the response cache): Apollo's cache-control plugin
    // would wrap every field's resolver, about 7 % of the main thread under load (npm run bench -- --load).
    plugins: [
      ...protection.plugins,
      protocolPlugin<Context>(),
      captureGuard<Context>(),
      pseudonymPlugin<Context>(),
      ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<Context>,
      ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<Context>,
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    // Stopping is main.ts's: the HTTP server drains first (Apollo's own handlers answered requests
    // still in flight with INTERNAL_SERVER_ERROR).
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: opts.development,
    formatError: formatError(opts.development, errorLog),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETags: Express would hash every answer it sends (a 3 MB neighbourhood: sha1 over all of it, 5 % of
  // the main thread under load), and API answers are POST responses no cache revalidates.
  app.set('etag', false);
  app.use(requestIds);
  app.use((_req, res, next) => {
    // No address (which may carry a sign-in token) leaves the page in a Referer header.
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  const readAccess = opts.readAccess ?? 'open';
  const recordUse = usageRecorder(opts.store);

  app.get('/healthz', async (_req, res) => {
    const store = opts.store();
    const failed = opts.startError?.() ?? null;
    if (failed) {
      res.status(503).json({ status: 'failed', error: failed.message });
      return;
    }
    if (!store) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    try {
      // With READ_ACCESS=token even the counts are for signed-in readers only.
      res.json(readAccess === 'open' ? { status: 'ok', store: store.kind, counts: await store.stats() } : { status: 'ok', store: store.kind });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', error: (e as Error).message });
    }
  });

  app.get('/export/capture/:sessionId/:format', requireRoleMiddleware(opts.store, readAccess, 'editor', recordUse), (req, res, next) => {
    captureExportHandler(opts.store)(req, res).catch(next);
  });
  app.get('/export/:format', (req, res, next) => {
    exportHandler(opts.store, readAccess, recordUse)(req, res).catch(next);
  });
  // The role is checked before the (large) body is read: nobody without an editor token makes the server parse 100 MB.
  app.post('/import', requireRoleMiddleware(opts.store, readAccess, 'editor', recordUse), express.json({ limit: IMPORT_BODY_LIMIT }), (req, res, next) => {
    importHandler(opts.store, opts.importConfig ?? null)(req, res).catch(next);
  });

  const graphiql = join(opts.clientDir, 'graphiql.html');
  app.get('/graphql', (req, res, next) => {
    // Browsers asking for a page get the IDE (bundled, no CDN); API clients fall through to Apollo.
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      if (existsSync(graphiql)) res.sendFile(graphiql);
      else res.status(503).type('text/plain').send('The GraphQL IDE is not built yet: run `npm run build`.');
      return;
    }
    next();
  });
  // The session is resolved once per request: by the response cache (its key holds the role), else by the context.
  const sessionFor = (req: Request, res: Response, store: GraphStore): Promise<Session> =>
    ((res.locals as { session?: Promise<Session> }).session ??= sessionOf(store, bearer(req.headers.authorization), readAccess, recordUse));
  const answers = responseCache({
    revision: () => opts.store()?.revision() ?? -1,
    changedSince: (revision) => opts.store()?.changedSince(revision) ?? null,
    carriesClass: (cls) => !cls.startsWith(PSEUDONYM_CLASS),
    callerClass: async (req, res) => {
      const store = opts.store();
      // A phone with a capture token may run only the capture operations (the guard decides): never from here.
      if (!store || !opts.serving() || isCaptureRequest(req.headers)) return null;
      const session = await sessionFor(req, res, store);
      // A pseudonymised link has its own numbering: its answers are its own.
      return session.pseudonymous && session.token ? `${PSEUDONYM_CLASS}${session.token.id}` : (session.token?.role ?? 'anonymous');
    },
  });
  app.use(
    '/graphql',
    express.json({ limit: LIMITS.bodyBytes }),
    nestingGuard,
    answers.middleware,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const store = opts.store();
        const serving = opts.serving();
        if (!store || !serving) throw new ServiceUnavailableError('The store is starting; try again in a moment.');
        const caller = { limited: true, signal: goneSignal(res), trace: answerTraceOf(res) };
        // A phone with a capture token needs no access token; the capture guard lets it run only the capture operations.
        if (isCaptureRequest(req.headers))
          return { store, serving, caller, analysis: serving.analysis.as(caller), session: { token: null, readAccess, pseudonymous: false }, pseudonyms: null, baseUrl: opts.baseUrl(), captureOnly: true };
        const session = await sessionFor(req, res, store);
        caller.limited = session.token === null || session.token.role === 'viewer';
        // A pseudonymised share link reads through the pseudonymising store, reads and analysis (server/pseudonym/).
        return { ...(await pseudonymousSession(session, store, serving.analysis.as(caller), serving)), caller, session, baseUrl: opts.baseUrl() };
      },
    }),
  );

  if (existsSync(opts.clientDir)) {
    // The page itself is never cached (a shared cache must not keep an address with a token); the hashed assets are.
    const page = { headers: { 'cache-control': 'no-store' } };
    app.use(
      express.static(opts.clientDir, {
        index: 'index.html',
        maxAge: '1h',
        setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('cache-control', 'no-store'),
      }),
    );
    app.get(/^\/(?!graphql|healthz|export\/|import$).*/, (_req, res) => res.sendFile(join(opts.clientDir, 'index.html'), page));
  }

  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? 500;
    const code = err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    if (status >= 500) {
      const requestId = logInternal(errorLog, err, { code, path: _req.path });
      res.status(status).json({ errors: [{ message: opts.development ? err.message : 'Internal server error', extensions: { code, requestId } }] });
      return;
    }
    res.status(status).json({ errors: [{ message: clientMessage(err.message), extensions: { code } }] });
  });

  return { app, apollo };
}
