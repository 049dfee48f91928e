/** Access checks for the plain HTTP routes (downloads, uploads), answering like the GraphQL API does. */
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { AccessRole, GraphStore, TokenRecord } from '../store/graph-store.ts';
import { bearer, requireRole, sessionOf, type ReadAccess } from './session.ts';

export function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/**
 * Resolves who asks (Authorization header) and checks the role; answers 401/403 itself and returns
 * null when the request may not go on. `needed` null: reading (open unless READ_ACCESS=token).
 */
export async function allow(
  store: GraphStore,
  req: Request,
  res: Response,
  readAccess: ReadAccess,
  needed: AccessRole | null,
  used?: (t: TokenRecord) => void,
): Promise<{ token: TokenRecord | null } | null> {
  try {
    const session = await sessionOf(store, bearer(req.headers.authorization), readAccess, used);
    return { token: needed === null ? session.token : requireRole(session, needed) };
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    const code = String(e.extensions.code);
    sendError(res, code === 'FORBIDDEN' ? 403 : 401, code, e.message);
    return null;
  }
}

/** Express middleware: only requests with the role go on (before any body is read); sets `res.locals.token`. */
export function requireRoleMiddleware(store: () => GraphStore | null, readAccess: ReadAccess, needed: AccessRole, used?: (t: TokenRecord) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const s = store();
    if (!s) return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The store is starting; try again in a moment.');
    allow(s, req, res, readAccess, needed, used).then((ok) => {
      if (!ok) return;
      res.locals.token = ok.token; // the handler after it knows who asks without a second lookup
      next();
    }, next);
  };
}

/** The token a `requireRoleMiddleware` before this handler accepted, or null. */
export const acceptedToken = (res: Response): TokenRecord | null => (res.locals.token as TokenRecord | undefined) ?? null;
