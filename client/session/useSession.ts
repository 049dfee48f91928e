/**
 * Who is signed in: the stored token and the server's answer to `me`, asked once at start and again
 * whenever the token changes. A token the server refuses is dropped by the API client; the session
 * then says so (`notice`) and falls back to read-only.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ANONYMOUS, fetchMe, type Me } from '../api/access.ts';
import { ApiError } from '../api/client.ts';
import { getToken, onTokenChange, setToken, type TokenChange } from '../api/token.ts';

export function useToken(): string | null {
  return useSyncExternalStore(onTokenChange, getToken, () => null);
}

export interface Session {
  me: Me;
  /** false until the first `me` answer (edit controls stay hidden until then). */
  loaded: boolean;
  token: string | null;
  /** Why the user is no longer signed in, when they did not sign out themselves. */
  notice: 'invalid' | null;
  dismissNotice(): void;
  signOut(): void;
}

export function useSession(): Session {
  const token = useToken();
  // The answer belongs to the token it was asked with: after a sign-out, the old role is gone at once.
  const [answer, setAnswer] = useState<{ token: string | null; me: Me } | null>(null);
  const [notice, setNotice] = useState<'invalid' | null>(null);

  useEffect(
    () =>
      onTokenChange((change: TokenChange) => {
        if (change === 'invalid') setNotice('invalid');
        else setNotice(null);
      }),
    [],
  );

  useEffect(() => {
    const ac = new AbortController();
    fetchMe(ac.signal)
      .then((m) => !ac.signal.aborted && setAnswer({ token, me: m }))
      .catch((e: unknown) => {
        // No answer (or a server without access roles): read-only. A refused token was dropped
        // already, which asks again without it. Refused without a token: reading needs one.
        if (ac.signal.aborted) return;
        const needsToken = token === null && e instanceof ApiError && e.code === 'UNAUTHENTICATED';
        setAnswer({ token, me: needsToken ? { ...ANONYMOUS, readAccess: 'token' } : ANONYMOUS });
      });
    return () => ac.abort();
  }, [token]);

  const signOut = useCallback(() => setToken(null, 'signedOut'), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  // Until `me` answers for the current token, nothing may be edited.
  const me = answer?.token === token ? answer.me : ANONYMOUS;
  return { me, loaded: answer !== null, token, notice, dismissNotice, signOut };
}
