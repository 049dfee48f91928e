import type { AnalysisService } from './metrics/metrics.service.ts';
import type { GraphStore } from './store/graph-store.ts';

/** What every resolver gets: the store and the analysis service (ready by the time a request is served). */
export interface Context {
  store: GraphStore;
  analysis: AnalysisService;
}
