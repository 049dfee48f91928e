/** The stories the server has, and the open story (loaded by id; replaced after every save). */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { fetchStories, fetchStory } from '../api/stories.ts';
import { useDataRevision } from '../state/revision.ts';
import { asApiError } from '../state/useExplorer.ts';
import type { Story, StorySummary } from './story.ts';

export function useStoryList(enabled: boolean): { stories: StorySummary[] | null; error: ApiError | null; reload(): void } {
  const [stories, setStories] = useState<StorySummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const revision = useDataRevision();
  useEffect(() => {
    if (!enabled) return;
    const ac = new AbortController();
    fetchStories(ac.signal)
      .then((s) => {
        if (ac.signal.aborted) return;
        setStories(s);
        setError(null);
      })
      .catch((e: unknown) => !ac.signal.aborted && setError(asApiError(e)));
    return () => ac.abort();
  }, [enabled, attempt, revision]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { stories, error, reload };
}

export interface OpenStory {
  story: Story | null;
  loading: boolean;
  error: ApiError | null;
  /** After a save: the server's answer is the story now. */
  replace(s: Story): void;
  reload(): void;
}

export function useOpenStory(id: string | null): OpenStory {
  const [story, setStory] = useState<Story | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setError(null);
    if (!id) {
      setStory(null);
      return;
    }
    const ac = new AbortController();
    setLoading(true);
    fetchStory(id, ac.signal)
      .then((s) => !ac.signal.aborted && setStory(s))
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        setStory(null);
        setError(asApiError(e));
      })
      .finally(() => !ac.signal.aborted && setLoading(false));
    return () => ac.abort();
  }, [id, attempt]);
  const replace = useCallback((s: Story) => setStory(s), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { story: story && story.id === id ? story : null, loading, error, replace, reload };
}
