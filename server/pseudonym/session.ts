/** What a session reads through: the store and analysis as they are, or pseudonymising for a pseudonymised share link. */
import type { Session } from '../auth/session.ts';
import type { AnalysisService } from '../metrics/metrics.service.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { pseudonymousAnalysis } from './pseudonymous-analysis.ts';
import { pseudonymousStore, type PseudonymsOf } from './pseudonymous-store.ts';
import { Pseudonyms } from './pseudonyms.ts';

export async function pseudonymousSession(
  session: Pick<Session, 'pseudonymous' | 'token'>,
  store: GraphStore,
  analysis: AnalysisService,
): Promise<{ store: GraphStore; analysis: AnalysisService; pseudonyms: PseudonymsOf | null }> {
  if (!session.pseudonymous || !session.token) return { store, analysis, pseudonyms: null };
  const link = session.token.id;
  const pseudonyms: PseudonymsOf = () => Pseudonyms.of(store, link);
  return { store: pseudonymousStore(store, pseudonyms), analysis: pseudonymousAnalysis(analysis, pseudonyms), pseudonyms };
}

/** The store a download reads: pseudonymising for a pseudonymised share link. */
export function storeFor(token: { id: string; pseudonymous: boolean } | null, store: GraphStore): GraphStore {
  if (!token?.pseudonymous) return store;
  const link = token.id;
  return pseudonymousStore(store, () => Pseudonyms.of(store, link));
}
