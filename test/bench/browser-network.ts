/**
 * Generator parameters for the browser benchmark: a synthetic network whose default explorer view
 * (node types ACTOR, PROJECT and EVENT, at most 5,000 nodes) has a given number of nodes.
 *
 * The default view shows every actor, project and event of the store, so its size is
 * actors + projects + events. Events follow from the projects (about 10 % of them have 1–3 events)
 * and from the random stream, so the fit starts from the default proportions (4 actors per project,
 * 5 relationships per actor, one region per 50 actors) and then corrects the number of actors.
 */
import { generateNetwork, type GenerateOptions, type GeneratedNetwork } from './generate.ts';

/** Nodes the explorer's default view draws for a batch (actors, projects and events). */
export function defaultViewNodes(batch: Pick<GeneratedNetwork, 'actors' | 'projects' | 'events'>): number {
  return batch.actors.length + batch.projects.length + batch.events.length;
}

/** Expected events per project of the generator (10 % of projects × 2 events on average). */
const EVENTS_PER_PROJECT = 0.2;

/** A first guess at generator parameters for `nodes` drawn nodes, in the default proportions. */
export function initialOptionsFor(nodes: number, seed: number): GenerateOptions {
  if (!Number.isInteger(nodes) || nodes < 10) throw new Error(`initialOptionsFor: nodes must be an integer >= 10 (got ${nodes})`);
  const projects = Math.max(1, Math.round(nodes / (4 + 1 + EVENTS_PER_PROJECT)));
  const actors = Math.max(2, nodes - projects - Math.round(projects * EVENTS_PER_PROJECT));
  return withActors({ regions: 0, actors, projects, relationships: 0, seed }, actors);
}

/** The same parameters with another number of actors (relationships and regions scale with it). */
function withActors(o: GenerateOptions, actors: number): GenerateOptions {
  const a = Math.max(2, actors);
  return { ...o, actors: a, relationships: 5 * a, regions: Math.max(20, Math.round(a / 50)) };
}

export interface FittedNetwork {
  options: GenerateOptions;
  batch: GeneratedNetwork;
  /** actors + projects + events: what the default view will draw. */
  nodes: number;
}

/**
 * Generates a network whose default view has `nodes` nodes, correcting the number of actors a few
 * times. Never more than `nodes` (a view at the API's node limit would otherwise be truncated): the
 * closest fit at or below the target, unless none was found.
 */
export function fitNetwork(nodes: number, seed: number, generate: (o: GenerateOptions) => GeneratedNetwork = generateNetwork): FittedNetwork {
  let options = initialOptionsFor(nodes, seed);
  let best: FittedNetwork | null = null;
  const better = (a: FittedNetwork, b: FittedNetwork | null) =>
    b === null || (a.nodes <= nodes && (b.nodes > nodes || a.nodes > b.nodes)) || (a.nodes > nodes && b.nodes > nodes && a.nodes < b.nodes);
  const seen = new Set<number>();
  for (let i = 0; i < 8 && !seen.has(options.actors); i++) {
    seen.add(options.actors);
    const batch = generate(options);
    const got = defaultViewNodes(batch);
    const fit = { options, batch, nodes: got };
    if (better(fit, best)) best = fit;
    if (got === nodes) break;
    options = withActors(options, options.actors + (nodes - got));
  }
  return best as FittedNetwork;
}
