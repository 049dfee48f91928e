/** The client's value lists are the domain's (server/domain/model.ts), in the same order. */
import { describe, expect, it } from 'vitest';
import * as server from '../../server/domain/model.ts';
import * as client from './domain.ts';

describe('domain value lists', () => {
  it.each(['REGION_KINDS', 'ACTOR_KINDS', 'PROJECT_STATUSES', 'EVENT_KINDS', 'PARTICIPATION_ROLES', 'EVENT_ROLES', 'COOPERATION_KINDS', 'TARGET_ROLES'] as const)('%s', (name) => {
    expect([...client[name]]).toEqual([...server[name]]);
  });
});
