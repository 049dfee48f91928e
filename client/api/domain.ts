/**
 * The closed value lists of the domain (kinds, statuses, roles), for the edit forms' selects:
 * generated from `server/domain/model.ts` by `npm run codegen`, without bundling zod.
 */
export * from './generated/domain.ts';
