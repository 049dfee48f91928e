/**
 * `createGraphStore(backend)`: the GraphStore both adapters share. The network semantics live here
 * (filters, time windows, derived ties, neighbourhoods, paths, region matrix), built on the
 * adapter's row primitives, so the embedded store and Neo4j answer alike.
 */
import {
  NODE_TYPES,
  REGION_KINDS,
  relationKey,
  type Actor,
  type BatchKey,
  type RelationKey,
  type Event,
  type GraphBatch,
  type GraphBatchInput,
  type NodeType,
  type Participation,
  type Project,
} from '../domain/model.ts';
import { BadUserInputError, NotFoundError } from '../errors.ts';
import { actorNode, assemble, type Selection } from '../network/assemble.ts';
import {
  DEFAULT_NETWORK_LIMIT,
  MAX_VIEW_EDGES,
  MAX_NETWORK_LIMIT,
  type Network,
  type NetworkFilter,
  type Path,
  type RegionPair,
} from '../network/network.model.ts';
import { allShortestPaths } from '../network/paths.ts';
import { RegionIndex } from '../network/region-index.ts';
import { isOpenWindow, overlaps, type YearWindow } from '../network/years.ts';
import { foldGerman, foldPlain, rankSearch } from '../search/fold.ts';
import { parseBatch, validateParsed } from './batch.ts';
import { ChangeLog, touchedBy } from './changes.ts';
import { createMutations } from './mutations.ts';
import type {
  ActorDetails,
  ActorTie,
  BatchResult,
  EventDetails,
  Facets,
  GraphBackend,
  GraphStore,
  HasVersion,
  ProgrammeRegions,
  ProjectDetails,
  RegionDetails,
  RegionTieCounts,
  SearchHit,
  StoreStats,
  TieFilter,
  WriteOptions,
} from './graph-store.ts';

interface NormalFilter {
  regionIds: string[] | null;
  actorKinds: string[] | null;
  sectors: Set<string> | null;
  projectIds: string[] | null;
  window: YearWindow;
  includeDirect: boolean;
  includeDerived: boolean;
  nodeTypes: Set<NodeType>;
  limit: number;
}

const MAX_LIST = 1000;

function nonEmpty(list: string[] | null | undefined, field: string): string[] | null {
  if (list === null || list === undefined) return null;
  if (list.length > MAX_LIST) throw new BadUserInputError(field, `at most ${MAX_LIST} entries`);
  return list.length === 0 ? null : [...new Set(list)];
}

function checkYear(y: number | null | undefined, field: string): number | null {
  if (y === null || y === undefined) return null;
  if (!Number.isInteger(y) || y < 1800 || y > 2200) throw new BadUserInputError(field, 'must be a year between 1800 and 2200');
  return y;
}

export function normaliseFilter(f: NetworkFilter = {}, prefix = 'filter'): NormalFilter {
  const from = checkYear(f.fromYear, `${prefix}.fromYear`);
  const to = checkYear(f.toYear, `${prefix}.toYear`);
  if (from !== null && to !== null && from > to) throw new BadUserInputError(`${prefix}.toYear`, 'must not be before fromYear');
  const limit = f.limit ?? DEFAULT_NETWORK_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NETWORK_LIMIT)
    throw new BadUserInputError(`${prefix}.limit`, `must be between 1 and ${MAX_NETWORK_LIMIT}`);
  const nodeTypes = nonEmpty(f.nodeTypes, `${prefix}.nodeTypes`) as NodeType[] | null;
  for (const t of nodeTypes ?? []) {
    if (!NODE_TYPES.includes(t)) throw new BadUserInputError(`${prefix}.nodeTypes`, `unknown node type "${t}"`);
  }
  const sectors = nonEmpty(f.sectors, `${prefix}.sectors`);
  return {
    regionIds: nonEmpty(f.regionIds, `${prefix}.regionIds`),
    actorKinds: nonEmpty(f.actorKinds, `${prefix}.actorKinds`),
    sectors: sectors ? new Set(sectors) : null,
    projectIds: nonEmpty(f.projectIds, `${prefix}.projectIds`),
    window: { from, to },
    includeDirect: f.includeDirect ?? true,
    includeDerived: f.includeDerived ?? true,
    nodeTypes: new Set(nodeTypes ?? NODE_TYPES),
    limit,
  };
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
const uniq = (xs: Iterable<string>) => [...new Set(xs)];

/** The stored version of one row (1 when the adapter has none recorded). */
async function versionOf(b: GraphBackend, key: BatchKey, id: string): Promise<number> {
  return (await b.versions(key, [id])).get(id) ?? 1;
}

/** Adds each relationship row's version. */
async function withVersions<K extends RelationKey, T extends Parameters<(typeof relationKey)[K]>[0]>(
  b: GraphBackend,
  key: K,
  rows: T[],
): Promise<(T & HasVersion)[]> {
  const keyOf = relationKey[key] as (r: T) => string;
  const versions = await b.versions(key, rows.map(keyOf));
  return rows.map((r) => ({ ...r, version: versions.get(keyOf(r)) ?? 1 }));
}

export function createGraphStore(b: GraphBackend): GraphStore {
  let regionCache: Promise<RegionIndex> | null = null;
  const regionIndex = () => (regionCache ??= b.loadRegions().then((rs) => new RegionIndex(rs)));
  let facetCache: Promise<Facets> | null = null;
  const changes = new ChangeLog();
  /** A write: the revision moves on with what it touched (null: anything), and the caches are dropped. */
  const invalidate = (touched: ReadonlySet<string> | null = null) => {
    changes.record(touched);
    if (touched === null) regionCache = null; // a write that names its ids wrote no region
    facetCache = null;
  };

  /** The filter as the graph primitives take it: regions widened to their sub-regions (unknown ones are NOT_FOUND). */
  async function tieFilter(f: NormalFilter): Promise<TieFilter> {
    let regionIds: string[] | null = null;
    if (f.regionIds) {
      const regions = await regionIndex();
      for (const id of f.regionIds) if (!regions.get(id)) throw new NotFoundError('region', id);
      regionIds = [...regions.subtree(f.regionIds)].sort();
    }
    return {
      regionIds,
      actorKinds: f.actorKinds,
      sectors: f.sectors ? [...f.sectors].sort() : null,
      projectIds: f.projectIds,
      fromYear: f.window.from,
      toYear: f.window.to,
      includeDirect: f.includeDirect,
      includeDerived: f.includeDerived,
    };
  }

  /** A selection of nothing but what `f` says about its shape (selectRows fills in the rows). */
  const emptySelection = (regions: RegionIndex, scope: ReadonlySet<string> | null, f: NormalFilter): Selection => ({
    regions,
    actors: [],
    projects: [],
    events: [],
    participations: [],
    eventParticipations: [],
    cooperations: [],
    targets: [],
    regionIds: null,
    regionScope: scope,
    nodeTypes: f.nodeTypes,
    includeDerived: f.includeDerived,
    derivedVia: null,
    limit: f.limit,
    edgeLimit: MAX_VIEW_EDGES,
  });

  /** The rows a filter selects (network()). */
  async function selectRows(f: NormalFilter): Promise<Selection> {
    const regions = await regionIndex();
    for (const id of f.regionIds ?? []) if (!regions.get(id)) throw new NotFoundError('region', id);
    const scope = f.regionIds ? regions.subtree(f.regionIds) : null;
    const all = scope === null && f.actorKinds === null && f.sectors === null && f.projectIds === null;
    const w = f.window;

    // Actors: by region sub-tree, kind, sector, and (when given) participation in the chosen projects.
    let actors = await b.loadActors({ regionIds: scope ? [...scope] : undefined, kinds: f.actorKinds ?? undefined });
    if (f.sectors) {
      const s = f.sectors;
      actors = actors.filter((a) => a.sectors.some((x) => s.has(x)));
    }
    // Actors alone, without ties, at any time (the overview's counts): nothing else decides who is in.
    // Reading every participation, project and event for it took 260 ms of the overview's 420 at 25,000 actors.
    if (f.nodeTypes.size === 1 && f.nodeTypes.has('ACTOR') && !f.includeDirect && !f.includeDerived && f.projectIds === null && isOpenWindow(w))
      return { ...emptySelection(regions, scope, f), actors };
    let parts: Participation[];
    if (f.projectIds) {
      parts = await b.loadParticipations({ projectIds: f.projectIds });
      const inChosen = new Set(parts.map((p) => p.actorId));
      actors = actors.filter((a) => inChosen.has(a.id));
    } else {
      parts = await b.loadParticipations(all ? {} : { actorIds: actors.map((a) => a.id) });
    }
    let A = byId(actors);
    parts = parts.filter((p) => A.has(p.actorId));

    // Projects: the chosen ones, or those the actors take part in or that aim at the regions.
    let projectIds: string[] | undefined;
    if (f.projectIds) projectIds = f.projectIds;
    else if (!all) {
      const ids = new Set(parts.map((p) => p.projectId));
      if (scope) for (const t of await b.loadTargets({ regionIds: [...scope] })) ids.add(t.subjectId);
      projectIds = [...ids];
    }
    const projects = (await b.loadProjects({ ids: projectIds })).filter((p) => overlaps(w, p.start, p.end));
    const P = byId(projects);
    parts = parts.filter((p) => P.has(p.projectId));

    // Events: of those projects, attended by the actors, or held in / aimed at the regions.
    let events: Event[];
    if (all) events = await b.loadEvents({});
    else {
      const list = await b.loadEvents({ projectIds: [...P.keys()] });
      if (!f.projectIds) {
        const extra = new Set<string>();
        for (const ep of await b.loadEventParticipations({ actorIds: [...A.keys()] })) extra.add(ep.eventId);
        if (scope) {
          for (const e of await b.loadEvents({ placeIds: [...scope] })) list.push(e);
          for (const t of await b.loadTargets({ regionIds: [...scope] })) extra.add(t.subjectId);
        }
        const have = new Set(list.map((e) => e.id));
        const missing = [...extra].filter((id) => !have.has(id));
        if (missing.length > 0) list.push(...(await b.loadEvents({ ids: missing })));
      }
      events = [...byId(list).values()];
    }
    events = events.filter((e) => overlaps(w, e.date, e.endDate ?? e.date));
    const E = byId(events);
    let eparts = (await b.loadEventParticipations(all ? {} : { eventIds: [...E.keys()] })).filter(
      (ep) => A.has(ep.actorId) && E.has(ep.eventId),
    );
    let coops = f.includeDirect
      ? (await b.loadCooperations(all ? {} : { actorIds: [...A.keys()] })).filter(
          (c) => A.has(c.actorId) && A.has(c.partnerId) && overlaps(w, c.since, c.until),
        )
      : [];

    // In a year window, actors appear only with a tie active in it: the network as of that time.
    if (!isOpenWindow(w)) {
      const active = new Set<string>();
      parts.forEach((p) => active.add(p.actorId));
      eparts.forEach((p) => active.add(p.actorId));
      coops.forEach((c) => active.add(c.actorId).add(c.partnerId));
      A = new Map([...A].filter(([id]) => active.has(id)));
      parts = parts.filter((p) => A.has(p.actorId));
      eparts = eparts.filter((p) => A.has(p.actorId));
      coops = coops.filter((c) => A.has(c.actorId) && A.has(c.partnerId));
    }
    const targets = await b.loadTargets(all ? {} : { subjectIds: [...P.keys(), ...E.keys()] });

    return {
      ...emptySelection(regions, scope, f),
      actors: [...A.values()],
      projects,
      events,
      participations: parts,
      eventParticipations: eparts,
      cooperations: coops,
      targets: targets.filter((t) => P.has(t.subjectId) || E.has(t.subjectId)),
    };
  }

  async function induced(ids: Map<string, NodeType>, limit: number): Promise<Network> {
    const regions = await regionIndex();
    const of = (t: NodeType) => [...ids].filter(([, x]) => x === t).map(([id]) => id);
    const actorIds = of('ACTOR');
    const projectIds = of('PROJECT');
    const eventIds = of('EVENT');
    const [actors, projects, events] = await Promise.all([
      b.loadActors({ ids: actorIds }),
      b.loadProjects({ ids: projectIds }),
      b.loadEvents({ ids: eventIds }),
    ]);
    const [parts, eparts, coops, targets] = await Promise.all([
      b.loadParticipations({ actorIds }),
      b.loadEventParticipations({ actorIds }),
      b.loadCooperations({ actorIds }),
      b.loadTargets({ subjectIds: [...projectIds, ...eventIds] }),
    ]);
    return assemble({
      regions,
      actors,
      projects,
      events,
      participations: parts,
      eventParticipations: eparts,
      cooperations: coops,
      targets,
      regionIds: new Set(of('REGION')),
      regionScope: null,
      nodeTypes: new Set(NODE_TYPES),
      includeDerived: true,
      derivedVia: null,
      limit,
      edgeLimit: MAX_VIEW_EDGES,
    });
  }

  const store: GraphStore = {
    kind: b.kind,
    revision: () => changes.current(),
    changedSince: (revision) => changes.since(revision),
    dataChanged: (touched) => invalidate(touched ?? null),
    init: () => b.init(),
    close: () => b.close(),
    stats: (): Promise<StoreStats> => b.counts(),
    facets: (): Promise<Facets> => {
      // Counted by the store (one aggregate query), sorted here; cached until the next write.
      facetCache ??= b.facetCounts().then((f) => ({ ...f, actorKinds: sortCounts(f.actorKinds), sectors: sortCounts(f.sectors) }));
      facetCache.catch(() => (facetCache = null));
      return facetCache;
    },
    async applyBatch(input: GraphBatchInput | GraphBatch, options?: WriteOptions): Promise<BatchResult> {
      const parsed = parseBatch(input);
      if (options?.dryRun) return b.writeBatch(parsed.batch, (existing) => validateParsed(parsed, existing), options);
      try {
        return await b.writeBatch(parsed.batch, (existing) => validateParsed(parsed, existing), options);
      } finally {
        invalidate(touchedBy(parsed.batch));
      }
    },
    async clear() {
      await b.clear();
      invalidate();
    },
    edit: createMutations(b, () => invalidate()),
    auditLog: (q) => b.auditLog(q),
    tokens: b.tokens,
    capture: b.capture,

    async search(text: string, limit: number, types?: readonly NodeType[] | null): Promise<SearchHit[]> {
      if (text.trim() === '') throw new BadUserInputError('text', 'must not be empty');
      if (text.length > 200) throw new BadUserInputError('text', 'must be at most 200 characters');
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new BadUserInputError('limit', 'must be between 1 and 100');
      const key = foldGerman(text);
      const alt = foldPlain(text);
      if (key === '' && alt === '') return [];
      const all = await b.searchCandidates(key, alt, 2000);
      const cands = types && types.length ? all.filter((c) => types.includes(c.type)) : all;
      return rankSearch(cands, text, limit).map(({ id, type, kind, label }) => ({ id, type, kind, label }));
    },

    async regions(kind?: string | null) {
      if (kind !== null && kind !== undefined && !(REGION_KINDS as readonly string[]).includes(kind))
        throw new BadUserInputError('kind', `must be one of ${REGION_KINDS.join(', ')}`);
      const all = [...(await regionIndex()).byId.values()];
      return all.filter((r) => kind === null || kind === undefined || r.kind === kind).sort((a, c) => a.name.localeCompare(c.name, 'de'));
    },

    async nodeType(id: string) {
      return (await b.nodeTypes([id])).get(id) ?? null;
    },

    async actorDetails(id: string): Promise<ActorDetails | null> {
      const [actor] = await b.loadActors({ ids: [id] });
      if (!actor) return null;
      const regions = await regionIndex();
      const [parts, eparts, coops] = await Promise.all([
        b.loadParticipations({ actorIds: [id] }),
        b.loadEventParticipations({ actorIds: [id] }),
        b.loadCooperations({ actorIds: [id] }),
      ]);
      const [projects, events, partners] = await Promise.all([
        b.loadProjects({ ids: parts.map((p) => p.projectId) }).then(byId),
        b.loadEvents({ ids: eparts.map((p) => p.eventId) }).then(byId),
        b.loadActors({ ids: coops.map((c) => (c.actorId === id ? c.partnerId : c.actorId)) }).then(byId),
      ]);
      const sourceIds = [actor.sourceIds, ...parts.map((p) => p.sourceIds), ...eparts.map((p) => p.sourceIds), ...coops.map((c) => c.sourceIds)];
      const [version, vParts, vEparts, vCoops] = await Promise.all([
        versionOf(b, 'actors', id),
        withVersions(b, 'participations', withRef(parts, (p) => projects.get(p.projectId), 'project')),
        withVersions(b, 'eventParticipations', withRef(eparts, (p) => events.get(p.eventId), 'event')),
        withVersions(
          b,
          'cooperations',
          coops
            .map((c) => {
              const outgoing = c.actorId === id;
              const partner = partners.get(outgoing ? c.partnerId : c.actorId);
              return partner ? { ...c, partner, outgoing } : null;
            })
            .filter((c) => c !== null),
        ),
      ]);
      return {
        actor,
        version,
        region: actor.regionId ? (regions.get(actor.regionId) ?? null) : null,
        participations: vParts,
        eventParticipations: vEparts,
        cooperations: vCoops,
        sources: await b.loadSources(uniq(sourceIds.flat())),
      };
    },

    async projectDetails(id: string): Promise<ProjectDetails | null> {
      const [project] = await b.loadProjects({ ids: [id] });
      if (!project) return null;
      const regions = await regionIndex();
      const [parts, events, targets, successors, predecessor] = await Promise.all([
        b.loadParticipations({ projectIds: [id] }),
        b.loadEvents({ projectIds: [id] }),
        b.loadTargets({ subjectIds: [id] }),
        b.loadProjects({ predecessorIds: [id] }),
        project.predecessorId ? b.loadProjects({ ids: [project.predecessorId] }) : Promise.resolve([] as Project[]),
      ]);
      const actors = byId(await b.loadActors({ ids: parts.map((p) => p.actorId) }));
      const sourceIds = [project.sourceIds, ...parts.map((p) => p.sourceIds), ...targets.map((t) => t.sourceIds)];
      return {
        project,
        version: await versionOf(b, 'projects', id),
        participations: await withVersions(b, 'participations', withRef(parts, (p) => actors.get(p.actorId), 'actor')),
        events: sortByDate(events).map((e) => ({ ...e, place: e.placeId ? (regions.get(e.placeId) ?? null) : null })),
        targets: await withVersions(b, 'targets', withRef(targets, (t) => regions.get(t.regionId), 'region')),
        predecessor: predecessor[0] ?? null,
        successors,
        sources: await b.loadSources(uniq(sourceIds.flat())),
      };
    },

    async regionDetails(id: string): Promise<RegionDetails | null> {
      const regions = await regionIndex();
      const region = regions.get(id);
      if (!region) return null;
      const [actors, events, targets] = await Promise.all([
        b.loadActors({ regionIds: [id] }),
        b.loadEvents({ placeIds: [id] }),
        b.loadTargets({ regionIds: [id] }),
      ]);
      const subjects = targets.map((t) => t.subjectId);
      const [tp, te] = await Promise.all([b.loadProjects({ ids: subjects }).then(byId), b.loadEvents({ ids: subjects }).then(byId)]);
      return {
        region,
        version: await versionOf(b, 'regions', id),
        parent: region.parentId ? (regions.get(region.parentId) ?? null) : null,
        ancestors: regions.ancestors(id),
        children: regions.childrenOf(id).sort((a, b2) => a.name.localeCompare(b2.name, 'de')),
        actors: actors.sort((a, b2) => a.name.localeCompare(b2.name, 'de')),
        events: sortByDate(events),
        targetedBy: await withVersions(
          b,
          'targets',
          targets.map((t) => ({ ...t, project: tp.get(t.subjectId) ?? null, event: te.get(t.subjectId) ?? null })),
        ),
        sources: await b.loadSources(uniq([region.sourceIds, ...targets.map((t) => t.sourceIds)].flat())),
      };
    },

    async source(id: string) {
      const [row] = await b.loadSources([id]);
      return row ? { row, version: await versionOf(b, 'sources', id) } : null;
    },

    async stories() {
      const all = await b.loadStories();
      const versions = await b.versions('stories', all.map((s) => s.id));
      return all
        .map((s) => ({ id: s.id, title: s.title, description: s.description, slideCount: s.slides.length, version: versions.get(s.id) ?? 1 }))
        .sort((x, y) => x.title.localeCompare(y.title, 'de') || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    },

    async story(id: string) {
      const [row] = await b.loadStories([id]);
      return row ? { row, version: await versionOf(b, 'stories', id) } : null;
    },

    async eventDetails(id: string): Promise<EventDetails | null> {
      const [event] = await b.loadEvents({ ids: [id] });
      if (!event) return null;
      const regions = await regionIndex();
      const [eparts, targets, project] = await Promise.all([
        b.loadEventParticipations({ eventIds: [id] }),
        b.loadTargets({ subjectIds: [id] }),
        event.projectId ? b.loadProjects({ ids: [event.projectId] }) : Promise.resolve([] as Project[]),
      ]);
      const actors = byId(await b.loadActors({ ids: eparts.map((p) => p.actorId) }));
      return {
        event,
        version: await versionOf(b, 'events', id),
        place: event.placeId ? (regions.get(event.placeId) ?? null) : null,
        project: project[0] ?? null,
        participations: await withVersions(b, 'eventParticipations', withRef(eparts, (p) => actors.get(p.actorId), 'actor')),
        targets: await withVersions(b, 'targets', withRef(targets, (t) => regions.get(t.regionId), 'region')),
        sources: await b.loadSources(uniq([event.sourceIds, ...eparts.map((p) => p.sourceIds), ...targets.map((t) => t.sourceIds)].flat())),
      };
    },

    async network(filter?: NetworkFilter): Promise<Network> {
      return assemble(await selectRows(normaliseFilter(filter)));
    },

    async neighborhood(id: string, depth: number, limit = DEFAULT_NETWORK_LIMIT): Promise<Network> {
      if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new BadUserInputError('depth', 'must be 1, 2 or 3');
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NETWORK_LIMIT)
        throw new BadUserInputError('limit', `must be between 1 and ${MAX_NETWORK_LIMIT}`);
      // One statement in the store's own language finds the nodes; the rows of those nodes make the network.
      const reached = await b.neighbourhood(id, depth, limit);
      if (reached.nodes.length === 0) throw new NotFoundError('node', id);
      const net = await induced(new Map(reached.nodes.map((n) => [n.id, n.type])), MAX_NETWORK_LIMIT);
      return { ...net, truncated: reached.truncated, reach: reached.reach ?? (reached.truncated ? null : reached.nodes.map((n) => n.id)) };
    },

    async shortestPaths(from: string, to: string, maxLength: number, limit = 50): Promise<Path[]> {
      if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 10) throw new BadUserInputError('maxLength', 'must be between 1 and 10');
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new BadUserInputError('limit', 'must be between 1 and 500');
      const types = await b.nodeTypes([from, to]);
      for (const [field, id] of [['from', from], ['to', to]] as const) {
        const t = types.get(id);
        if (t === undefined) throw new NotFoundError('node', id);
        if (t !== 'ACTOR') throw new BadUserInputError(field, `"${id}" is a ${t.toLowerCase()}; paths run between actors`);
      }
      // Bidirectional breadth-first search: one store statement per level and side (actorNeighbours).
      const paths = await allShortestPaths(from, to, maxLength, limit, async (ids) => {
        const adjacent = await b.actorNeighbours(ids);
        return new Map([...adjacent].map(([id, ns]) => [id, new Set(ns)]));
      });
      if (paths.length === 0) return [];
      const regions = await regionIndex();
      const actors = byId(await b.loadActors({ ids: uniq(paths.flat()) }));
      return paths.map((p) => ({
        length: p.length - 1,
        nodes: p.map((id) => actorNode(actors.get(id) as Actor, regions)),
      }));
    },

    async regionTies(level: string, filter?: NetworkFilter): Promise<RegionTieCounts> {
      if (!(REGION_KINDS as readonly string[]).includes(level))
        throw new BadUserInputError('level', `must be one of ${REGION_KINDS.join(', ')}`);
      return b.regionTies(level, await tieFilter(normaliseFilter(filter)));
    },

    async regionMatrix(level: string, filter?: NetworkFilter): Promise<RegionPair[]> {
      const counts = await store.regionTies(level, filter);
      // Every pair of regions with actors, the empty cells included (diagonal too), sorted by (a, b).
      const cells = new Map(counts.pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
      const ids = [...counts.regionIds].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      const out: RegionPair[] = [];
      for (let i = 0; i < ids.length; i++) {
        for (let j = i; j < ids.length; j++) {
          const a = ids[i] as string;
          const c = ids[j] as string;
          out.push(cells.get(`${a}\u0000${c}`) ?? { a, b: c, directTies: 0, derivedTies: 0, derivedWeight: 0, derivedNewman: 0 });
        }
      }
      return out;
    },

    async ties(filter?: NetworkFilter): Promise<ActorTie[]> {
      return b.ties(await tieFilter(normaliseFilter(filter)));
    },

    async exportBatch(): Promise<GraphBatch> {
      const [sources, regions, actors, projects, events, stories, participations, eventParticipations, cooperations, targets] = await Promise.all([
        b.loadSources(),
        b.loadRegions(),
        b.loadActors({}),
        b.loadProjects({}),
        b.loadEvents({}),
        b.loadStories(),
        b.loadParticipations({}),
        b.loadEventParticipations({}),
        b.loadCooperations({}),
        b.loadTargets({}),
      ]);
      const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      // Parents before children, so the batch reads naturally (validation does not need it).
      const depth = new Map<string, number>();
      const parentOf = new Map(regions.map((r) => [r.id, r.parentId]));
      const depthOf = (id: string, seen = 0): number => {
        const known = depth.get(id);
        if (known !== undefined) return known;
        const p = parentOf.get(id);
        const d = p && seen < 100 ? depthOf(p, seen + 1) + 1 : 0;
        depth.set(id, d);
        return d;
      };
      return {
        sources: byId(sources),
        regions: byId(regions).sort((x, y) => depthOf(x.id) - depthOf(y.id)),
        actors: byId(actors),
        projects: byId(projects),
        events: byId(events),
        stories: byId(stories),
        participations,
        eventParticipations,
        cooperations,
        targets,
      };
    },

    async programmes(): Promise<ProgrammeRegions[]> {
      const [projects, targets, participations, actors] = await Promise.all([b.loadProjects({}), b.loadTargets({}), b.loadParticipations({}), b.loadActors({})]);
      const regionOfActor = new Map(actors.map((a) => [a.id, a.regionId]));
      const out = new Map<string, { label: string; regions: Set<string>; targets: Set<string>; projects: string[] }>();
      const programmeOf = new Map<string, string>();
      for (const p of projects) {
        const key = p.programme ?? p.id;
        programmeOf.set(p.id, key);
        if (!out.has(key)) out.set(key, { label: p.programme ?? p.name, regions: new Set(), targets: new Set(), projects: [] });
        out.get(key)?.projects.push(p.id);
      }
      const add = (projectId: string, regionId: string | null | undefined) => {
        const key = programmeOf.get(projectId);
        if (key !== undefined && regionId) out.get(key)?.regions.add(regionId);
      };
      for (const t of targets) {
        add(t.subjectId, t.regionId);
        const key = programmeOf.get(t.subjectId);
        if (key !== undefined && t.role === 'target') out.get(key)?.targets.add(t.regionId);
      }
      for (const p of participations) add(p.projectId, regionOfActor.get(p.actorId));
      return [...out.entries()]
        .map(([key, v]) => ({ key, label: v.label, regionIds: [...v.regions].sort(), targetRegionIds: [...v.targets].sort(), projectIds: v.projects.sort() }))
        .sort((x, y) => x.key.localeCompare(y.key));
    },
  };
  return store;
}

function withRef<R, T, K extends string>(rows: readonly R[], get: (r: R) => T | undefined, key: K): (R & Record<K, T>)[] {
  const out: (R & Record<K, T>)[] = [];
  for (const r of rows) {
    const ref = get(r);
    if (ref !== undefined) out.push({ ...r, [key]: ref } as R & Record<K, T>);
  }
  return out;
}

function sortByDate(events: Event[]): Event[] {
  return events.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
}


/** Filter choices by frequency, ties alphabetical (German collation). */
function sortCounts(counts: readonly { value: string; count: number }[]): { value: string; count: number }[] {
  return [...counts].sort((a, c) => c.count - a.count || a.value.localeCompare(c.value, 'de'));
}
