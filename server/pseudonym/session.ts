/** What a session reads through: the store and analysis as they are, or pseudonymising for a pseudonymised share link. */
import type { Session } from '../auth/session.ts';
import type { AnalysisService } from '../metrics/metrics.service.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { pseudonymousAnalysis } from './pseudonymous-analysis.ts';
import { pseudonymousStore } from './pseudonymous-store.ts';
import { Pseudonyms } from './pseudonyms.ts';

export async function pseudonymousSession(
  session: Pick<Session, 'pseudonymous'>,
  store: GraphStore,
  analysis: AnalysisService,
): Promise<{ store: GraphStore; analysis: AnalysisService; pseudonyms: Pseudonyms | null }> {
  if (!session.pseudonymous) return { store, analysis, pseudonyms: null };
  const pseudonyms = await Pseudonyms.of(store);
  return { store: pseudonymousStore(store, pseudonyms), analysis: pseudonymousAnalysis(analysis, pseudonyms), pseudonyms };
}

/** The store a download reads: pseudonymising for a pseudonymised share link. */
export async function storeFor(token: { pseudonymous: boolean } | null, store: GraphStore): Promise<GraphStore> {
  return token?.pseudonymous ? pseudonymousStore(store, await Pseudonyms.of(store)) : store;
}
