/**
 * What a phone is told when capture is refused. The codes are the house codes (server/errors.ts);
 * `reason` says which case it is, so the participant page shows its own translated message.
 */
import { GraphQLError } from 'graphql';

export type CaptureRefusal = 'UNKNOWN_TOKEN' | 'CLOSED' | 'EXPIRED' | 'MODERATED' | 'NOT_YOURS' | 'TOO_MANY';

const MESSAGES: Record<CaptureRefusal, string> = {
  UNKNOWN_TOKEN: 'This capture link is unknown: check the address or scan the code again.',
  CLOSED: 'This capture session has been closed by the moderator.',
  EXPIRED: 'This capture session has expired.',
  MODERATED: 'This submission has already been moderated and can no longer be changed.',
  NOT_YOURS: 'This submission was made on another device.',
  TOO_MANY: 'This device has made as many submissions as a session allows.',
};

/** FORBIDDEN: the capture token does not allow this (unknown, closed or expired session, someone else's submission). */
export class CaptureForbiddenError extends GraphQLError {
  constructor(readonly reason: CaptureRefusal) {
    super(MESSAGES[reason], { extensions: { code: 'FORBIDDEN', reason, http: { status: 403 } } });
  }
}

/** RATE_LIMITED: more submissions from one device in a minute than a session allows. */
export class SubmissionLimitError extends GraphQLError {
  constructor(limit: number, retryAfterSeconds: number) {
    super(`At most ${limit} submissions per minute from one device; try again in ${retryAfterSeconds} s.`, {
      extensions: { code: 'RATE_LIMITED', limit, retryAfterSeconds, http: { status: 429 } },
    });
  }
}
