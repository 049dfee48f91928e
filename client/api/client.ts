/** Typed GraphQL requests. Errors become `ApiError` with the server's stable code (translated by the UI). */
import { config } from '../config.ts';

export type ApiErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | 'UNKNOWN';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const KNOWN: ReadonlySet<string> = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

interface GqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export async function gql<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(config.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
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
    throw new ApiError(res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN', `HTTP ${res.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'UNKNOWN';
    throw new ApiError(KNOWN.has(code) ? (code as ApiErrorCode) : 'UNKNOWN', first.message, first.extensions?.field);
  }
  if (!body.data) throw new ApiError('UNKNOWN', `HTTP ${res.status}`);
  return body.data;
}
