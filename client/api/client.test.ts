/**
 * The API client: every request carries the stored token; errors keep their code, field and
 * extensions; a token the server refuses is dropped (and only that one).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ME_QUERY, tokenDocs } from './access.ts';
import { ApiError, LOAD_RETRIES, apiErrorOf, apiErrorOfStatus, gql, refusedToken, retryWaitMs } from './client.ts';
import { getToken, onTokenChange, setToken } from './token.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setToken(null);
});

function answer(body: unknown, status = 200) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('gql', () => {
  it('sends the generated document with the fragments it spreads, and its variables', async () => {
    const token = { id: 't-1', name: 'Beirat', role: 'VIEWER', createdAt: '2026-01-01', createdBy: null, lastUsedAt: null, revokedAt: '2026-02-01', active: false };
    const fetch = answer({ data: { revokeToken: token } });
    const revoked = await gql(tokenDocs.revoke, { id: 't-1' });
    expect(revoked.revokeToken.active).toBe(false);
    const body = JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body)) as { query: string; variables: unknown };
    expect(body.variables).toEqual({ id: 't-1' });
    expect(body.query).toMatch(/^\s*mutation RevokeToken\(\$id: ID!\) \{/);
    expect(body.query).toContain('...TokenFields');
    expect(body.query).toMatch(/fragment TokenFields on AccessToken \{\s+id\s+name\s+role/);
  });

  it('sends the stored token as a bearer header, and none without one', async () => {
    const fetch = answer({ data: { me: { role: 'EDITOR' } } });
    await gql(ME_QUERY, {});
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).not.toHaveProperty('authorization');
    setToken('nwa_secret');
    await gql(ME_QUERY, {});
    expect((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].headers).toMatchObject({ authorization: 'Bearer nwa_secret', 'content-type': 'application/json' });
  });

  it('sends again after the wait a busy server names, and gives up after LOAD_RETRIES', async () => {
    vi.useFakeTimers();
    try {
      const busy = { errors: [{ message: 'busy', extensions: { code: 'BUSY', retryAfter: 2 } }] };
      const replies = [busy, busy, { data: { me: { role: 'EDITOR' } } }];
      const fetch = vi.fn(async () => new Response(JSON.stringify(replies.shift()), { status: 200 }));
      vi.stubGlobal('fetch', fetch);
      const done = gql(ME_QUERY, {});
      await vi.advanceTimersByTimeAsync(1_999);
      expect(fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(2_001);
      expect(await done).toEqual({ me: { role: 'EDITOR' } });
      expect(fetch).toHaveBeenCalledTimes(3);

      const limited = vi.fn(async () => new Response(JSON.stringify({ errors: [{ message: 'limited', extensions: { code: 'RATE_LIMITED', retryAfter: 1 } }] }), { status: 429 }));
      vi.stubGlobal('fetch', limited);
      const refused = gql(ME_QUERY, {}).catch((x: unknown) => x);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(((await refused) as ApiError).code).toBe('RATE_LIMITED');
      expect(limited).toHaveBeenCalledTimes(LOAD_RETRIES + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits as long as the server says, at most 15 s; other errors, and limits that name no wait, are not sent again', () => {
    expect(retryWaitMs(new ApiError('BUSY', 'x', undefined, { retryAfter: 10 }))).toBe(10_000);
    expect(retryWaitMs(new ApiError('RATE_LIMITED', 'x', undefined, { retryAfter: 600 }))).toBe(15_000);
    expect(retryWaitMs(new ApiError('RATE_LIMITED', 'x', undefined, { retryAfterSeconds: 40 }))).toBeNull();
    expect(retryWaitMs(new ApiError('NOT_FOUND', 'x'))).toBeNull();
  });

  it('turns errors into ApiError with code, field and extensions', async () => {
    answer({ errors: [{ message: 'stale', extensions: { code: 'CONFLICT', type: 'actor', id: 'a-x', expectedVersion: 2, currentVersion: 3 } }] });
    const e = await gql(tokenDocs.revoke, { id: 't-1' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('CONFLICT');
    expect((e as ApiError).extensions).toMatchObject({ expectedVersion: 2, currentVersion: 3 });
  });

  it('drops a refused token and says why', async () => {
    setToken('nwa_revoked');
    const changes: string[] = [];
    const off = onTokenChange((c) => changes.push(c));
    answer({ errors: [{ message: 'unknown token', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
    await expect(gql(ME_QUERY, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    off();
    expect(getToken()).toBeNull();
    expect(changes).toEqual(['invalid']);
  });

  it('keeps the token on other errors', async () => {
    setToken('nwa_ok');
    answer({ errors: [{ message: 'viewer', extensions: { code: 'FORBIDDEN' } }] });
    await expect(gql(tokenDocs.revoke, { id: 't-1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(getToken()).toBe('nwa_ok');
  });

  it('names network failures and bodies that are not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    await expect(gql(ME_QUERY, {})).rejects.toMatchObject({ code: 'NETWORK' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>', { status: 503 })));
    await expect(gql(ME_QUERY, {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});

describe('ApiError', () => {
  it('lists the issues of a refused input (paths as strings)', () => {
    const e = apiErrorOf({
      message: 'input.name: must not be empty',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name', issues: [{ path: 'input.name', message: 'must not be empty' }, { path: ['input', 'website'], message: 'must be a URL' }] },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe('input.name');
    expect(e.issues).toEqual([
      { path: 'input.name', message: 'must not be empty' },
      { path: 'input.website', message: 'must be a URL' },
    ]);
  });

  it('falls back to the field and the message without the field prefix', () => {
    const e = apiErrorOf({ message: 'version: must be a whole number', extensions: { code: 'BAD_USER_INPUT', field: 'version' } });
    expect(e.issues).toEqual([{ path: 'version', message: 'must be a whole number' }]);
    expect(apiErrorOf({ message: 'x', extensions: { code: 'NOT_FOUND' } }).issues).toEqual([]);
  });

  it('maps unknown codes to UNKNOWN and bare statuses to codes', () => {
    expect(apiErrorOf({ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }).code).toBe('UNKNOWN');
    expect(apiErrorOf({ message: 'x' }, 401).code).toBe('UNAUTHENTICATED');
    expect(apiErrorOfStatus(403).code).toBe('FORBIDDEN');
    expect(apiErrorOfStatus(413).extensions.status).toBe(413);
  });

  it('refusedToken drops only the token that was sent', () => {
    setToken('nwa_new');
    refusedToken('nwa_old', new ApiError('UNAUTHENTICATED', 'x'));
    expect(getToken()).toBe('nwa_new');
    refusedToken(null, new ApiError('UNAUTHENTICATED', 'x'));
    expect(getToken()).toBe('nwa_new');
    refusedToken('nwa_new', new ApiError('UNAUTHENTICATED', 'x'));
    expect(getToken()).toBeNull();
  });
});
