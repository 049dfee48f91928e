/**
 * Typed errors with stable codes (`extensions.code`). The store and the resolvers throw these;
 * clients map the codes to translated messages. Tests assert codes, not messages.
 */
import { GraphQLError } from 'graphql';

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} "${id}" not found`, { extensions: { code: 'NOT_FOUND', id } });
  }
}

/** An invalid argument; `field` names it (`depth`, `filter.fromYear`, `actors[3].regionId`). */
export class BadUserInputError extends GraphQLError {
  constructor(field: string, message: string, details?: { path: string; message: string }[]) {
    super(`${field}: ${message}`, {
      extensions: { code: 'BAD_USER_INPUT', field, ...(details ? { issues: details } : {}) },
    });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
  }
}

/** The database cannot be reached now (Neo4j down or restarting); the server stays up and answers again once it is back. */
export class StoreUnavailableError extends GraphQLError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { extensions: { code: 'STORE_UNAVAILABLE', http: { status: 503 } }, originalError: options?.cause instanceof Error ? options.cause : undefined });
  }
}

/** An update or delete against a stale version: someone changed the row meanwhile; nothing was written. */
export class ConflictError extends GraphQLError {
  constructor(type: string, id: string, expectedVersion: number, currentVersion: number, message?: string) {
    super(
      message !== undefined
        ? `${type} "${id}": ${message}`
        : currentVersion === 0
        ? `${type} "${id}" no longer exists (expected version ${expectedVersion})`
        : `${type} "${id}" was changed meanwhile: version ${currentVersion}, not ${expectedVersion}; reload and try again`,
      { extensions: { code: 'CONFLICT', type, id, expectedVersion, currentVersion } },
    );
  }
}

/** No (valid) access token where one is needed. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'This needs an access token (Authorization: Bearer …).') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** A valid token whose role is not enough. */
export class ForbiddenError extends GraphQLError {
  constructor(needed: string, has: string) {
    super(`This needs the ${needed} role; your token has the ${has} role.`, { extensions: { code: 'FORBIDDEN', needed, has, http: { status: 403 } } });
  }
}
