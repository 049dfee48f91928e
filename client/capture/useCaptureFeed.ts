/**
 * The projector's side of a capture session (`?capture=<session id>` on the explorer, kept for the
 * tab): polls the session's feed every second and, when more has been approved, tells every loader
 * that the data changed, so approved ties appear within two seconds.
 */
import { useEffect, useRef, useState } from 'react';
import { moderatorApi, type Feed } from '../api/capture.ts';
import { dataChanged } from '../state/revision.ts';

export const FEED_POLL_MS = 1000;
const KEY = 'netzwerkatlas.capture.projector';

/** The session this tab projects: from `?capture=` (remembered for the tab), or null. */
export function projectedSession(search: string): string | null {
  const fromUrl = new URLSearchParams(search).get('capture');
  try {
    if (fromUrl) sessionStorage.setItem(KEY, fromUrl);
    return fromUrl ?? sessionStorage.getItem(KEY);
  } catch {
    return fromUrl;
  }
}

export function forgetProjectedSession(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

export function useCaptureFeed(sessionId: string | null): Feed | null {
  const [feed, setFeed] = useState<Feed | null>(null);
  const approved = useRef<number | null>(null);
  useEffect(() => {
    if (!sessionId) return;
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const f = await moderatorApi.feed(sessionId, ctl.signal);
        if (approved.current !== null && f.approved !== approved.current) dataChanged();
        approved.current = f.approved;
        setFeed(f);
      } catch {
        // the next tick tries again
      }
      if (!ctl.signal.aborted) timer = setTimeout(() => void tick(), FEED_POLL_MS);
    };
    void tick();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
  }, [sessionId]);
  return sessionId ? feed : null;
}
