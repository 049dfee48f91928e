/** What a session reads through: the store, reads and analysis as they are, or pseudonymising for a pseudonymised share link. */
import type { Session } from '../auth/session.ts';
import type { AnalysisService } from '../metrics/metrics.service.ts';
import type { Serving } from '../serving/serving.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { pseudonymousAnalysis } from './pseudonymous-analysis.ts';
import { pseudonymousServing } from './pseudonymous-serving.ts';
import { pseudonymousStore, type PseudonymsOf } from './pseudonymous-store.ts';
import { Pseudonyms } from './pseudonyms.ts';

export async function pseudonymousSession(
  session: Pick<Session, 'pseudonymous' | 'token'>,
  store: GraphStore,
  analysis: AnalysisService,
  serving: Serving,
): Promise<{ store: GraphStore; analysis: AnalysisService; serving: Serving; pseudonyms: PseudonymsOf | null }> {
  if (!session.pseudonymous || !session.token) return { store, analysis, serving, pseudonyms: null };
  const link = session.token.id;
  const pseudonyms: PseudonymsOf = () => Pseudonyms.of(store, link);
  const shown = pseudonymousStore(store, pseudonyms);
  return { store: shown, analysis: pseudonymousAnalysis(analysis, pseudonyms), serving: pseudonymousServing(serving, shown, pseudonyms), pseudonyms };
}

/** The store a download reads: pseudonymising for a pseudonymised share link. */
export function storeFor(token: { id: string; pseudonymous: boolean } | null, store: GraphStore): GraphStore {
  if (!token?.pseudonymous) return store;
  const link = token.id;
  return pseudonymousStore(store, () => Pseudonyms.of(store, link));
}
