/**
 * The HTTP application: GraphQL (Apollo) at /graphql with an offline GraphiQL IDE for browsers,
 * /healthz, and the built explorer as static files — all on one port.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from './context.ts';
import { requireRoleMiddleware } from './auth/http.ts';
import { bearer, sessionOf, type ReadAccess } from './auth/session.ts';
import { usageRecorder } from './auth/tokens.ts';
import { ServiceUnavailableError } from './errors.ts';
import type { AnalysisService } from './metrics/metrics.service.ts';
import { buildAppSchema } from './schema.ts';
import { captureGuard, isCaptureRequest } from './capture/capture.guard.ts';
import { captureExportHandler } from './capture/export.ts';
import { exportHandler } from './export/http.ts';
import { IMPORT_BODY_LIMIT, importHandler } from './import/http.ts';
import { clientMessage, formatError, logInternal, nestingGuard, protocolPlugin, requestIds, stderrLog, type ErrorLog } from './protocol.ts';
import type { GraphStore } from './store/graph-store.ts';

export interface AppOptions {
  /** The store once it is ready; null while starting. */
  store: () => GraphStore | null;
  /** The analysis service (on the same store) once it is ready. */
  analysis: () => AnalysisService | null;
  /** Folder of the built client (index.html, graphiql.html, assets/). */
  clientDir: string;
  development: boolean;
  /** Error of a failed start, reported by /healthz. */
  startError?: () => Error | null;
  /** Whether reading needs a token (default open). */
  readAccess?: ReadAccess;
  /** The address users open (for sign-in links); known once the server listens. */
  baseUrl: () => string;
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
    plugins: [...protection.plugins, protocolPlugin<Context>(), captureGuard<Context>(), ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<Context>],
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
    importHandler(opts.store)(req, res).catch(next);
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
  app.use(
    '/graphql',
    express.json({ limit: LIMITS.bodyBytes }),
    nestingGuard,
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const store = opts.store();
        const analysis = opts.analysis();
        if (!store || !analysis) throw new ServiceUnavailableError('The store is starting; try again in a moment.');
        // A phone with a capture token needs no access token; the capture guard lets it run only the capture operations.
        if (isCaptureRequest(req.headers)) return { store, analysis, session: { token: null, readAccess }, baseUrl: opts.baseUrl(), captureOnly: true };
        const session = await sessionOf(store, bearer(req.headers.authorization), readAccess, recordUse);
        return { store, analysis, session, baseUrl: opts.baseUrl() };
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
