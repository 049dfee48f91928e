/**
 * The GraphQL protocol's hard edges (issue 15, "clean protocol"): every request gets an id (response
 * header `x-request-id`, and `extensions.requestId` on internal errors); parse and validation errors
 * are HTTP 400 with their GraphQL code (the token limit is graphql-js's own parser option, so it is a
 * GRAPHQL_PARSE_FAILED like any syntax error and stops the recursive parser before a deep literal can
 * overflow the stack); subscriptions are refused as BAD_REQUEST; ID values longer than MAX_ID_LENGTH
 * are refused as BAD_USER_INPUT naming the argument, without echoing the value; messages carry no
 * "Did you mean" suggestions and are cut to MAX_MESSAGE_LENGTH; every 5xx and internal error is one
 * JSON line in the log with the request id, while the client sees only a masked message.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { NextFunction, Request, Response } from 'express';
import {
  GraphQLError,
  GraphQLID,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { BadUserInputError } from './errors.ts';
import { BatchValidationError, formatPath } from './store/batch.ts';

/** Longest ID value accepted anywhere in a request (ours are short slugs; CORDIS ids are numbers). */
export const MAX_ID_LENGTH = 200;
/** Longest error message sent to a client (a message may quote what the client sent). */
export const MAX_MESSAGE_LENGTH = 500;
export const REQUEST_ID_HEADER = 'x-request-id';

const requests = new AsyncLocalStorage<{ id: string }>();

/** The id of the request being answered (null outside a request). */
export const currentRequestId = (): string | null => requests.getStore()?.id ?? null;

/** Express middleware: a fresh id for every request (never the client's), as response header and for the log. */
export function requestIds(_req: Request, res: Response, next: NextFunction): void {
  const id = randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  requests.run({ id }, next);
}

/** Where internal errors are logged: one JSON object per line. */
export type ErrorLog = (line: string) => void;
export const stderrLog: ErrorLog = (line) => process.stderr.write(`${line}\n`);

/** Logs one internal error as a JSON line with the request id; returns that id. */
export function logInternal(log: ErrorLog, error: unknown, extra: Record<string, unknown> = {}): string {
  const requestId = currentRequestId() ?? randomUUID();
  const e = error instanceof Error ? error : new Error(String(error));
  log(
    JSON.stringify({
      level: 'error',
      time: new Date().toISOString(),
      requestId,
      ...extra,
      name: e.name,
      message: e.message.slice(0, 2000),
      stack: e.stack?.split('\n').slice(0, 12).join('\n'),
    }),
  );
  return requestId;
}

/** Deepest bracket nesting in a query text and in the variables (our deepest real query: about 24). */
export const MAX_NESTING = 100;

/**
 * The deepest nesting of `{ [ (` in a GraphQL text, outside strings and comments. graphql-js parses
 * recursively; a list literal 2,000 deep (within the token limit) already overflows the stack there.
 */
export function queryNesting(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end < 0 ? text.length : end + 2;
      } else {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      if (++depth > max) max = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return max;
}

/** Whether a JSON value nests deeper than `max` (walked without recursion). */
export function nestsDeeper(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Object.values(v as object)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}

/**
 * Express middleware before Apollo on /graphql: a query nested deeper than MAX_NESTING is a
 * GRAPHQL_PARSE_FAILED, variables nested deeper a BAD_USER_INPUT — both HTTP 400, before any
 * recursive parser or JSON.stringify sees them.
 */
export function nestingGuard(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  const ops = (Array.isArray(body) ? body : [body ?? req.query]) as unknown[];
  for (const op of ops) {
    if (op === null || typeof op !== 'object') continue;
    const { query, variables } = op as { query?: unknown; variables?: unknown };
    if (typeof query === 'string' && queryNesting(query) > MAX_NESTING) {
      res.status(400).json({ errors: [{ message: `Syntax Error: nested more than ${MAX_NESTING} levels deep.`, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
      return;
    }
    if (typeof variables === 'object' && nestsDeeper(variables, MAX_NESTING)) {
      res.status(400).json({ errors: [{ message: `variables: nested more than ${MAX_NESTING} levels deep`, extensions: { code: 'BAD_USER_INPUT', field: 'variables' } }] });
      return;
    }
  }
  next();
}

const SUGGESTION = /\s*(?:Did you mean\b[\s\S]*|\[Suggestion hidden\]\??)$/;

/** A message as a client may see it: no suggestions, not longer than MAX_MESSAGE_LENGTH. */
export function clientMessage(message: string): string {
  const plain = message.replace(SUGGESTION, '');
  return plain.length > MAX_MESSAGE_LENGTH ? `${plain.slice(0, MAX_MESSAGE_LENGTH)}…` : plain;
}

const httpStatusOf = (error: unknown): number | null => {
  const http = error instanceof GraphQLError ? (error.extensions.http as { status?: unknown } | undefined) : undefined;
  return typeof http?.status === 'number' ? http.status : null;
};

/**
 * Apollo's formatError: typed errors keep their code (batch validation as BAD_USER_INPUT); anything
 * unexpected (and every 5xx) is logged as one JSON line and, outside development, masked as
 * INTERNAL_SERVER_ERROR; internal errors carry the request id.
 */
export function formatError(development: boolean, log: ErrorLog = stderrLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof BatchValidationError) {
      const first = original.issues[0];
      const e = new BadUserInputError(first ? formatPath(first.path) : 'input', original.message, original.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
      return { message: clientMessage(e.message), path: formatted.path, extensions: e.extensions };
    }
    const code = formatted.extensions?.code;
    const typed = original instanceof GraphQLError || (code !== undefined && code !== 'INTERNAL_SERVER_ERROR');
    const status = httpStatusOf(error) ?? httpStatusOf(original);
    if (typed && code !== 'INTERNAL_SERVER_ERROR' && (status === null || status < 500)) {
      return { ...formatted, message: development ? formatted.message : clientMessage(formatted.message) };
    }
    const requestId = logInternal(log, original, { code: code ?? 'INTERNAL_SERVER_ERROR', path: formatted.path?.join('.') });
    if (development || (typed && code !== 'INTERNAL_SERVER_ERROR')) return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  };
}

/** A request refused before execution: HTTP 400 with this code. */
const badRequest = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });

/** The ID values in a variable's value (walked along its input type): [path, text] for each too long. */
function longIds(type: GraphQLInputType, value: unknown, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return longIds(type.ofType, value, path, out);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => longIds(type.ofType, v, `${path}[${i}]`, out));
    else longIds(type.ofType, value, path, out);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const fields = type.getFields();
    for (const [k, v] of Object.entries(value)) {
      const f = fields[k];
      if (f) longIds(f.type, v, `${path}.${k}`, out);
    }
    return;
  }
  if (type === GraphQLID && typeof value === 'string' && value.length > MAX_ID_LENGTH) out.push(path);
}

/**
 * Refuses, once the operation is known: subscriptions (this server has none) as BAD_REQUEST, and any
 * ID value — literal or variable, at any depth of an input — longer than MAX_ID_LENGTH as
 * BAD_USER_INPUT naming the argument (the value itself is not repeated).
 */
export function protocolPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') throw badRequest('Subscriptions are not supported by this server.', 'BAD_REQUEST');
          const tooLong: string[] = [];
          const typeInfo = new TypeInfo(schema);
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              StringValue(node) {
                if (node.value.length <= MAX_ID_LENGTH || getNamedType(typeInfo.getInputType() ?? undefined) !== GraphQLID) return;
                tooLong.push(typeInfo.getArgument()?.name ?? 'id');
              },
            }),
          );
          for (const def of operation.variableDefinitions ?? []) {
            const type = typeFromAST(schema as GraphQLSchema, def.type);
            const name = def.variable.name.value;
            if (type && request.variables && name in request.variables) longIds(type as GraphQLInputType, request.variables[name], `$${name}`, tooLong);
          }
          const first = tooLong[0];
          if (first !== undefined) {
            throw badRequest(`${first}: an ID may be at most ${MAX_ID_LENGTH} characters long`, 'BAD_USER_INPUT', { field: first, maxLength: MAX_ID_LENGTH });
          }
        },
      };
    },
  };
}
