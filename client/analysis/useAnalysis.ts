/**
 * The data of the analysis panel: only what the open tab needs, for the view's filter and the
 * chosen region level. Superseded requests are aborted; results are kept by request, so going back
 * to a tab (or a level) shows it at once. The heatmap and the white spots share one request.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  fetchCoverage,
  fetchInsights,
  fetchRegionGaps,
  fetchSuggestions,
  fetchWhatIf,
  type Coverage,
  type Insight,
  type Level,
  type NetworkPart,
  type NetworkStats,
  type RegionGaps,
  type Suggestion,
  type WhatIf,
} from '../api/analysis.ts';
import { fetchAnalysisStatus, type AnalysisStatus } from '../api/analysis.ts';
import type { ApiError } from '../api/client.ts';
import type { NetworkFilter } from '../api/types.ts';
import type { AnalysisTab, ExplorerState } from '../state/explorer.ts';
import { analysisFilter } from '../state/network.ts';
import { onDataChanged, useDataRevision } from '../state/revision.ts';
import { asApiError } from '../state/useExplorer.ts';

export type InsightsData = { insights: Insight[]; networkParts: NetworkPart[]; networkStats: NetworkStats };

export interface AnalysisData {
  insights: InsightsData | null;
  gaps: RegionGaps | null;
  coverage: Coverage | null;
  suggestions: Suggestion[] | null;
  whatIf: WhatIf | null;
  loading: boolean;
  error: ApiError | null;
  retry(): void;
}

/** How many suggestions the panel asks for. */
export const SUGGESTION_LIMIT = 30;

type Loaded =
  | { kind: 'insights'; value: InsightsData }
  | { kind: 'gaps'; value: RegionGaps }
  | { kind: 'coverage'; value: Coverage }
  | { kind: 'suggestions'; value: Suggestion[] }
  | { kind: 'whatIf'; value: WhatIf };
type Kind = Loaded['kind'];

export interface AnalysisRequest {
  kind: Kind;
  filter: NetworkFilter;
  level: Level;
  /** What-if only: the actors taken out, sorted (the order does not change the answer). */
  remove: string[];
}

/**
 * The request the open tab needs (null: none, e.g. what-if with nobody taken out). The analysis is
 * about all regions: the region filter only picks what the canvas shows (clicking a cell, a card or
 * a white spot sets it), so it must not shrink the analysis it was clicked in. The other filters
 * (kinds, sectors, projects, year) apply.
 */
export function analysisRequest(tab: AnalysisTab | null, viewFilter: NetworkFilter, level: Level, remove: readonly string[]): AnalysisRequest | null {
  const { regionIds: _, ...filter } = viewFilter;
  const req = (kind: Kind, rm: string[] = []): AnalysisRequest => ({ kind, filter, level, remove: rm });
  switch (tab) {
    case null:
      return null;
    case 'insights':
      return req('insights');
    case 'heatmap':
    case 'whitespots':
      return req('gaps');
    case 'coverage':
      return req('coverage');
    case 'suggestions':
      return req('suggestions');
    case 'whatif':
      return remove.length === 0 ? null : req('whatIf', [...new Set(remove)].sort());
  }
}

export const analysisRequestKey = (r: AnalysisRequest): string => JSON.stringify([r.kind, r.level, r.filter, r.remove]);

async function load(r: AnalysisRequest, signal: AbortSignal): Promise<Loaded> {
  switch (r.kind) {
    case 'insights':
      return { kind: r.kind, value: await fetchInsights(r.filter, r.level, signal) };
    case 'gaps':
      return { kind: r.kind, value: await fetchRegionGaps(r.filter, r.level, signal) };
    case 'coverage':
      return { kind: r.kind, value: await fetchCoverage(r.filter, r.level, null, signal) };
    case 'suggestions':
      return { kind: r.kind, value: await fetchSuggestions(r.filter, r.level, SUGGESTION_LIMIT, signal) };
    case 'whatIf':
      return { kind: r.kind, value: await fetchWhatIf(r.filter, r.remove, r.level, signal) };
  }
}

/** Results by request key, most recent last; the oldest go beyond CACHE_SIZE. */
const cache = new Map<string, Loaded>();
const CACHE_SIZE = 24;
onDataChanged(() => cache.clear());
function remember(key: string, value: Loaded): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

export function useAnalysisData(state: ExplorerState): AnalysisData {
  const { tab, level, remove } = state.analysis;
  const filter = useMemo(() => analysisFilter(state.filters), [state.filters]);
  const request = useMemo(() => analysisRequest(tab, filter, level, remove), [tab, filter, level, remove]);
  const key = request ? analysisRequestKey(request) : null;
  /** The last result per kind: shown (with the loading flag) while its successor loads. */
  const [last, setLast] = useState<Partial<Record<Kind, { key: string; loaded: Loaded }>>>({});
  const [failure, setFailure] = useState<{ key: string; attempt: number; error: ApiError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const revision = useDataRevision();

  useEffect(() => {
    if (!request || key === null) return;
    const hit = cache.get(key);
    if (hit) {
      setLast((l) => (l[hit.kind]?.key === key ? l : { ...l, [hit.kind]: { key, loaded: hit } }));
      return;
    }
    const ac = new AbortController();
    load(request, ac.signal)
      .then((v) => {
        if (ac.signal.aborted) return;
        remember(key, v);
        setLast((l) => ({ ...l, [v.kind]: { key, loaded: v } }));
      })
      .catch((e: unknown) => !ac.signal.aborted && setFailure({ key, attempt, error: asApiError(e) }));
    return () => ac.abort();
    // `request` is what `key` spells.
  }, [key, attempt, revision]);

  const previous = request ? last[request.kind] : undefined;
  const current = key === null ? undefined : (cache.get(key) ?? (previous?.key === key ? previous.loaded : undefined));
  const error = failure && failure.key === key && failure.attempt === attempt ? failure.error : null;
  // While a new request runs, the previous result of the same kind stays (no flicker); after an error, nothing.
  const shown = current ?? (error ? undefined : previous?.loaded);
  return {
    insights: shown?.kind === 'insights' ? shown.value : null,
    gaps: shown?.kind === 'gaps' ? shown.value : null,
    coverage: shown?.kind === 'coverage' ? shown.value : null,
    suggestions: shown?.kind === 'suggestions' ? shown.value : null,
    whatIf: shown?.kind === 'whatIf' ? shown.value : null,
    loading: request !== null && current === undefined && error === null,
    error,
    retry: () => setAttempt((n) => n + 1),
  };
}

/** While `active` (an analysis is loading), the server's background progress, polled every second; null otherwise. */
export function useAnalysisStatus(active: boolean): AnalysisStatus | null {
  const [status, setStatus] = useState<AnalysisStatus | null>(null);
  useEffect(() => {
    if (!active) {
      setStatus(null);
      return;
    }
    const ac = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      fetchAnalysisStatus(ac.signal)
        .then((s) => !ac.signal.aborted && setStatus(s))
        .catch(() => undefined)
        .finally(() => {
          if (!ac.signal.aborted) timer = setTimeout(poll, 1_000);
        });
    };
    poll();
    return () => {
      ac.abort();
      clearTimeout(timer);
    };
  }, [active]);
  return status;
}
