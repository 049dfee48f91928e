/**
 * The access token: read once from a sign-in link (`#token=…` or `?token=…`), kept in localStorage, sent as
 * `Authorization: Bearer …` on every request. The pure parts (taking the token out of a query string,
 * the header) are separate from the page's storage so they can be tested without a browser.
 */

export const TOKEN_KEY = 'netzwerkatlas.token';
export const TOKEN_PARAM = 'token';

/** A token as it may come from a link: non-empty, no white space, not absurdly long. */
export function validToken(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  return t !== '' && t.length <= 512 && !/\s/.test(t) ? t : null;
}

/**
 * Takes `token` out of a query string and leaves every other parameter exactly as it was (order,
 * spelling, the explorer's readable commas). `search` with or without the leading `?`.
 */
export function takeTokenFromSearch(search: string): { found: boolean; token: string | null; search: string } {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  let found = false;
  let token: string | null = null;
  const rest: string[] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (decode(eq < 0 ? part : part.slice(0, eq)) === TOKEN_PARAM) {
      found = true;
      token = validToken(eq < 0 ? '' : decode(part.slice(eq + 1))) ?? token;
    } else rest.push(part);
  }
  return { found, token, search: found ? (rest.length ? `?${rest.join('&')}` : '') : search };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Headers for a request with this token (none without one). */
export function authHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Why the token went away: signed out by the user, or refused by the server. */
export type TokenChange = 'signedIn' | 'signedOut' | 'invalid';

type Listener = (change: TokenChange) => void;
const listeners = new Set<Listener>();
let current: string | null = null;
let loaded = false;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy settings): the token lives for this page only
  }
}

/** The token requests carry now. */
export function getToken(): string | null {
  if (!loaded) {
    loaded = true;
    try {
      current = validToken(storage()?.getItem(TOKEN_KEY));
    } catch {
      current = null;
    }
  }
  return current;
}

/** Stores (or, with null, drops) the token and tells the listeners why. */
export function setToken(token: string | null, change: TokenChange = token ? 'signedIn' : 'signedOut'): void {
  loaded = true;
  current = token;
  try {
    if (token) storage()?.setItem(TOKEN_KEY, token);
    else storage()?.removeItem(TOKEN_KEY);
  } catch {
    // see storage()
  }
  for (const l of listeners) l(change);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * On page load: a token in the address (`#token=…`, as sign-in links carry it so it never reaches
 * the server or a proxy log, or `?token=…`) is stored and removed from the address bar (so it is not
 * bookmarked or passed on by accident); everything else in the address stays.
 */
export function adoptTokenFromLocation(win: Pick<Window, 'location' | 'history'> = window): void {
  const query = takeTokenFromSearch(win.location.search);
  const fragment = takeTokenFromSearch(win.location.hash.replace(/^#/, ''));
  if (!query.found && !fragment.found) return;
  const token = fragment.token ?? query.token;
  if (token) setToken(token, 'signedIn');
  const hash = fragment.found ? (fragment.search === '' ? '' : `#${fragment.search.replace(/^\?/, '')}`) : win.location.hash;
  win.history.replaceState(win.history.state, '', `${win.location.pathname}${query.search}${hash}`);
}
