/**
 * Sign-in links: the token is taken out of the address (everything else stays as written), kept for
 * the requests, and dropped with a reason the session can show.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptTokenFromLocation, authHeaders, getToken, onTokenChange, setToken, takeTokenFromSearch, validToken } from './token.ts';

afterEach(() => setToken(null));

describe('takeTokenFromSearch', () => {
  it('takes the token and keeps the other parameters exactly as written', () => {
    expect(takeTokenFromSearch('?token=nwa_3Jk-x_Y')).toEqual({ found: true, token: 'nwa_3Jk-x_Y', search: '' });
    expect(takeTokenFromSearch('?lang=en&token=nwa_abc&regions=r-a,r-b&expand=a-x~2')).toEqual({
      found: true,
      token: 'nwa_abc',
      search: '?lang=en&regions=r-a,r-b&expand=a-x~2',
    });
    expect(takeTokenFromSearch('token=nwa_abc&selected=a-x').search).toBe('?selected=a-x');
  });

  it('leaves a query without a token alone', () => {
    expect(takeTokenFromSearch('?lang=en&regions=r-a,r-b')).toEqual({ found: false, token: null, search: '?lang=en&regions=r-a,r-b' });
    expect(takeTokenFromSearch('')).toEqual({ found: false, token: null, search: '' });
  });

  it('decodes the token, and removes empty or blank ones without taking them', () => {
    expect(takeTokenFromSearch('?token=nwa%5Fabc%3D').token).toBe('nwa_abc=');
    expect(takeTokenFromSearch('?token=&lang=en')).toEqual({ found: true, token: null, search: '?lang=en' });
    expect(takeTokenFromSearch('?token')).toEqual({ found: true, token: null, search: '' });
    expect(takeTokenFromSearch('?token=a%20b').token).toBeNull();
  });

  it('removes every token parameter; the last valid one wins', () => {
    expect(takeTokenFromSearch('?token=first&x=1&token=second')).toEqual({ found: true, token: 'second', search: '?x=1' });
  });
});

describe('validToken and authHeaders', () => {
  it('accepts non-empty tokens without white space', () => {
    expect(validToken('  nwa_x  ')).toBe('nwa_x');
    expect(validToken('')).toBeNull();
    expect(validToken(null)).toBeNull();
    expect(validToken('a b')).toBeNull();
    expect(validToken('x'.repeat(513))).toBeNull();
  });

  it('sends a bearer header only with a token', () => {
    expect(authHeaders('nwa_x')).toEqual({ authorization: 'Bearer nwa_x' });
    expect(authHeaders(null)).toEqual({});
  });
});

describe('the stored token', () => {
  it('tells listeners why it changed', () => {
    const seen: string[] = [];
    const off = onTokenChange((c) => seen.push(`${c}:${getToken() ?? '-'}`));
    setToken('nwa_a');
    setToken(null, 'invalid');
    setToken('nwa_b');
    setToken(null);
    off();
    setToken('nwa_c');
    expect(seen).toEqual(['signedIn:nwa_a', 'invalid:-', 'signedIn:nwa_b', 'signedOut:-']);
  });

  it('keeps the token in localStorage under netzwerkatlas.token', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
    try {
      setToken('nwa_stored');
      expect(store.get('netzwerkatlas.token')).toBe('nwa_stored');
      setToken(null, 'invalid');
      expect(store.has('netzwerkatlas.token')).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('adopts the token of a sign-in link and cleans the address bar', () => {
    const replaceState = vi.fn();
    adoptTokenFromLocation({
      location: { search: '?layout=geo&token=nwa_link&selected=a-x', pathname: '/atlas/', hash: '#canvas' } as Location,
      history: { state: null, replaceState } as unknown as History,
    });
    expect(getToken()).toBe('nwa_link');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/atlas/?layout=geo&selected=a-x#canvas');
  });

  it('adopts a token in the fragment (sign-in links: it never reaches the server) and keeps the query', () => {
    const replaceState = vi.fn();
    adoptTokenFromLocation({
      location: { search: '?story=s-demo', pathname: '/', hash: '#token=nwa_fragment' } as Location,
      history: { state: null, replaceState } as unknown as History,
    });
    expect(getToken()).toBe('nwa_fragment');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?story=s-demo');
  });

  it('touches neither the address nor the stored token without a token parameter', () => {
    setToken('nwa_kept');
    const replaceState = vi.fn();
    adoptTokenFromLocation({ location: { search: '?lang=en', pathname: '/', hash: '' } as Location, history: { state: null, replaceState } as unknown as History });
    expect(replaceState).not.toHaveBeenCalled();
    expect(getToken()).toBe('nwa_kept');
  });
});
