/**
 * A request that carries a capture token (header `X-Capture-Token`, no access token) may run only the
 * participants' operations: with it a phone submits to its session and reads the names of its roster,
 * nothing else (also when READ_ACCESS=token, where it needs no access token for these).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type SelectionSetNode } from 'graphql';

export const CAPTURE_HEADER = 'x-capture-token';

/** The root fields a capture token may use. */
export const PARTICIPANT_FIELDS: ReadonlySet<string> = new Set(['captureInfo', 'captureRoster', 'captureMine', 'submitCapture', 'withdrawCapture', '__typename']);

/** A request with a capture token and no Authorization header. */
export const isCaptureRequest = (headers: Record<string, string | string[] | undefined>): boolean =>
  typeof headers[CAPTURE_HEADER] === 'string' && headers.authorization === undefined;

function rootFields(set: SelectionSetNode, fragments: Map<string, SelectionSetNode>, out: string[], depth = 0): void {
  if (depth > 10) return;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) rootFields(sel.selectionSet, fragments, out, depth + 1);
    else {
      const f = fragments.get(sel.name.value);
      if (f) rootFields(f, fragments, out, depth + 1);
    }
  }
}

export function captureGuard<C extends { captureOnly?: boolean }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.captureOnly) return;
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation) return;
          const fragments = new Map<string, SelectionSetNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
          const fields: string[] = [];
          rootFields(operation.selectionSet, fragments, fields);
          const denied = fields.find((f) => !PARTICIPANT_FIELDS.has(f));
          if (denied !== undefined)
            throw new GraphQLError(`A capture token may only submit to its session and read its roster (not ${denied}).`, {
              extensions: { code: 'FORBIDDEN', reason: 'CAPTURE_ONLY', http: { status: 403 } },
            });
        },
      };
    },
  };
}
