/**
 * One write at a time from a form: busy while it runs, the API error when it fails (a conflict, a
 * refused input, a missing right), nothing left over when it succeeds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { asApiError } from '../state/useExplorer.ts';

export interface Write {
  busy: boolean;
  error: ApiError | null;
  /** Runs `fn`; resolves to its result, or to undefined when it failed (the error is kept). */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useWrite(): Write {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      if (mounted.current) setError(asApiError(e));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
