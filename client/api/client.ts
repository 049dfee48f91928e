/**
 * Typed GraphQL requests. Every request carries the stored access token; errors become `ApiError`
 * with the server's stable code (translated by the UI) and its extensions (the field, the issues,
 * the versions of a conflict). A token the server refuses is dropped here, in one place.
 */
import { config } from '../config.ts';
import type { TypedDocumentString } from './generated/graphql.ts';
import { authHeaders, getToken, setToken } from './token.ts';

export type ApiErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  | 'BUSY'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | 'UNKNOWN';

/** One problem the server names: a path (`input.name`) and what is wrong with it. */
export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** The offending input (`input.name`, `version`, `id`) for BAD_USER_INPUT. */
    readonly field?: string,
    /** Everything the server put into `extensions` (issues, expectedVersion, currentVersion, …). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The problems the server listed (`extensions.issues`), or the one field with the message. */
  get issues(): ApiIssue[] {
    const raw = this.extensions.issues;
    const list = Array.isArray(raw)
      ? raw.flatMap((i: unknown) => {
          if (!i || typeof i !== 'object') return [];
          const { path, field, message } = i as { path?: unknown; field?: unknown; message?: unknown };
          const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : typeof field === 'string' ? field : '';
          return typeof message === 'string' ? [{ path: p, message }] : [];
        })
      : [];
    if (list.length === 0 && this.field) list.push({ path: this.field, message: stripField(this.message, this.field) });
    return list;
  }
}

/** "input.name: must not be empty" → "must not be empty" (the field is shown beside the input). */
function stripField(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

const KNOWN: ReadonlySet<string> = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN', 'SERVICE_UNAVAILABLE', 'BUSY', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

interface ErrorEntry {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The first error of a GraphQL or REST error body as an ApiError. */
export function apiErrorOf(first: ErrorEntry, status?: number): ApiError {
  const ext = first.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'UNKNOWN';
  return new ApiError(KNOWN.has(code) ? (code as ApiErrorCode) : 'UNKNOWN', first.message, typeof ext.field === 'string' ? ext.field : undefined, ext);
}

/** An error for a response without a usable body. */
export function apiErrorOfStatus(status: number): ApiError {
  const code: ApiErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 503 ? 'SERVICE_UNAVAILABLE' : status === 0 ? 'NETWORK' : 'UNKNOWN';
  return new ApiError(code, `HTTP ${status}`, undefined, { status });
}

/**
 * A request went out with `sent` and came back UNAUTHENTICATED: that token is unknown or revoked, so
 * it is dropped (once; a newer token stored meanwhile stays).
 */
export function refusedToken(sent: string | null, error: ApiError): void {
  if (error.code === 'UNAUTHENTICATED' && sent !== null && getToken() === sent) setToken(null, 'invalid');
}

interface GqlResponse<T> {
  data?: T | null;
  errors?: ErrorEntry[];
}

/** How often a request the server refused for load (BUSY, RATE_LIMITED) is sent again, after the wait it names. */
export const LOAD_RETRIES = 3;
const MAX_RETRY_WAIT_MS = 15_000;

/**
 * The wait before sending again, or null when `error` is not about load or names no wait (a capture
 * phone's submission limit is shown, not retried).
 */
export function retryWaitMs(error: ApiError): number | null {
  if (error.code !== 'BUSY' && error.code !== 'RATE_LIMITED') return null;
  const s = Number(error.extensions.retryAfter);
  return Number.isFinite(s) && s > 0 ? Math.min(MAX_RETRY_WAIT_MS, s * 1000) : null;
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });

/**
 * Sends one generated document (`graphql(`…`)` in client/api, typed by `npm run codegen`): the
 * variables and the result are the document's own types, so call sites need no casts. When the
 * server is busy (BUSY, RATE_LIMITED) the request goes again after the wait it names, up to
 * LOAD_RETRIES times.
 */
export async function gql<T, V>(document: TypedDocumentString<T, V>, variables: V, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await gqlOnce(document, variables, signal);
    } catch (e) {
      const ms = e instanceof ApiError && attempt < LOAD_RETRIES ? retryWaitMs(e) : null;
      if (ms === null) throw e;
      await wait(ms, signal);
    }
  }
}

async function gqlOnce<T, V>(document: TypedDocumentString<T, V>, variables: V, signal?: AbortSignal): Promise<T> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(config.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(token) },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('NETWORK', (e as Error).message);
  }
  let body: GqlResponse<T>;
  try {
    body = (await res.json()) as GqlResponse<T>;
  } catch {
    const error = apiErrorOfStatus(res.status);
    refusedToken(token, error);
    throw error;
  }
  const first = body.errors?.[0];
  if (first) {
    const error = apiErrorOf(first, res.status);
    refusedToken(token, error);
    throw error;
  }
  if (!body.data) throw new ApiError('UNKNOWN', `HTTP ${res.status}`);
  return body.data;
}
