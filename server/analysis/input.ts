/**
 * What an analysis reads from a store for a filter: the actors and projects (with participations and
 * direct cooperations, no derived ties), the whole actor–actor projection from the store's `ties`
 * primitive (one SQL or Cypher statement: co-participation counts without assembling 665,000 derived
 * edges into a drawable network, and uncapped by the drawing limits), the regions, the programmes.
 */
import { BadUserInputError } from '../errors.ts';
import { MAX_NETWORK_LIMIT, type NetworkFilter } from '../network/network.model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { AnalysisInput } from './context.ts';

export async function loadAnalysisInput(store: GraphStore, filter: NetworkFilter): Promise<AnalysisInput> {
  const nodesFilter: NetworkFilter = { ...filter, nodeTypes: ['ACTOR', 'PROJECT'], includeDerived: false, limit: MAX_NETWORK_LIMIT };
  const [network, ties, regions, programmes] = await Promise.all([store.network(nodesFilter), store.ties(filter), store.regions(), store.programmes()]);
  if (network.truncated) {
    throw new BadUserInputError('filter', `the selection holds more than ${MAX_NETWORK_LIMIT.toLocaleString('en')} actors and projects; narrow the filter for the analysis`);
  }
  const filtered = Boolean(filter.regionIds?.length || filter.actorKinds?.length || filter.sectors?.length || filter.projectIds?.length || filter.fromYear != null || filter.toYear != null);
  return { network, ties, regions, programmes, filtered, scope: filter.regionIds?.length ? [...filter.regionIds] : null };
}
