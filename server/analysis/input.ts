/** What an analysis reads from a store for a filter: actors, projects and their ties, the regions, the programmes. */
import type { NetworkFilter } from '../network/network.model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { AnalysisInput } from './context.ts';

export async function loadAnalysisInput(store: GraphStore, filter: NetworkFilter): Promise<AnalysisInput> {
  const [network, regions, programmes] = await Promise.all([store.network(filter), store.regions(), store.programmes()]);
  const filtered = Boolean(filter.regionIds?.length || filter.actorKinds?.length || filter.sectors?.length || filter.projectIds?.length || filter.fromYear != null || filter.toYear != null);
  return { network, regions, programmes, filtered, scope: filter.regionIds?.length ? [...filter.regionIds] : null };
}
