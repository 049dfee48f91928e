/**
 * Errors across a worker thread: a GraphQL error's code and fields (`extensions`) survive the trip,
 * so a caller gets NOT_FOUND or BAD_USER_INPUT from a worker as from the main thread.
 */
import { GraphQLError } from 'graphql';

export interface ThreadError {
  error: string;
  message: string;
  extensions?: Record<string, unknown>;
}

export function toThreadError(e: unknown): ThreadError {
  const extensions = e instanceof GraphQLError ? { ...e.extensions } : undefined;
  return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), message: e instanceof Error ? e.message : String(e), ...(extensions ? { extensions } : {}) };
}

/** The error to throw on this side: a GraphQLError when it was one, else `otherwise(text)`. */
export function fromThreadError(t: ThreadError, otherwise: (text: string) => Error): Error {
  return t.extensions ? new GraphQLError(t.message, { extensions: t.extensions }) : otherwise(t.error);
}
