import type { Session } from './auth/session.ts';
import type { AnalysisService } from './metrics/metrics.service.ts';
import type { GraphStore } from './store/graph-store.ts';

/** What every resolver gets: the store, the analysis service and who is asking. */
export interface Context {
  store: GraphStore;
  analysis: AnalysisService;
  session: Session;
  /** The server's public address (for sign-in links). */
  baseUrl: string;
  /** A participant's phone with a capture token (server/capture/capture.guard.ts): only the capture operations. */
  captureOnly?: boolean;
}
