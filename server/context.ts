import type { Session } from './auth/session.ts';
import type { AnalysisService } from './metrics/metrics.service.ts';
import type { PseudonymsOf } from './pseudonym/pseudonymous-store.ts';
import type { GraphStore } from './store/graph-store.ts';

/** What every resolver gets: the store, the analysis service and who is asking. */
export interface Context {
  store: GraphStore;
  analysis: AnalysisService;
  session: Session;
  /** The server's public address (for sign-in links). */
  baseUrl: string;
  /**
   * Set for a pseudonymised share link: then `store` and `analysis` already answer with pseudonyms
   * (server/pseudonym/), and the answer passes pseudonymPlugin last.
   */
  pseudonyms: PseudonymsOf | null;
}
