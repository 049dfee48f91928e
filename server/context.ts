import type { Session } from './auth/session.ts';
import type { AnalysisService } from './metrics/metrics.service.ts';
import type { PseudonymsOf } from './pseudonym/pseudonymous-store.ts';
import type { Serving } from './serving/serving.ts';
import type { Caller } from './serving/work-queue.ts';
import type { GraphStore } from './store/graph-store.ts';

/** What every resolver gets: the store, the heavy-work services, who is asking. */
export interface Context {
  store: GraphStore;
  /** The analysis service on this request's budget (stops when the request has gone). */
  analysis: AnalysisService;
  /** Large reads (network assembly) in the read workers. */
  serving: Serving;
  /** Who asks for heavy work: their budget, and a signal that fires when the request has gone. */
  caller: Caller;
  session: Session;
  /** The server's public address (for sign-in links). */
  baseUrl: string;
  /**
   * Set for a pseudonymised share link: then `store` and `analysis` already answer with pseudonyms
   * (server/pseudonym/), and the answer passes pseudonymPlugin last.
   */
  pseudonyms: PseudonymsOf | null;
  /** A participant's phone with a capture token (server/capture/capture.guard.ts): only the capture operations. */
  captureOnly?: boolean;
}
