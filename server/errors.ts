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
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
}
