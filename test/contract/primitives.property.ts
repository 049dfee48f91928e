/**
 * The graph primitives (GraphPrimitives in server/store/graph-store.ts) as a property: on random
 * small networks every store answers exactly like the plain reference (primitives-reference.ts)
 * computed from the store's own export, after loading, after a second batch of updates and new rows,
 * and after single edits (deletes, updates, a merge). Run by primitives-embedded.test.ts for SQLite;
 * a Neo4j test plugs its backend and store in the same way.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTOR_KINDS,
  COOPERATION_KINDS,
  EVENT_ROLES,
  PARTICIPATION_ROLES,
  TARGET_ROLES,
  type GraphBatchInput,
} from '../../server/domain/model.ts';
import { BadUserInputError } from '../../server/errors.ts';
import { BatchValidationError, formatPath } from '../../server/store/batch.ts';
import { ALL_TIES, type ActorTie, type GraphBackend, type GraphStore, type TieFilter } from '../../server/store/graph-store.ts';
import { expectSameRegionTies, primitivesReference, type PrimitivesReference } from './primitives-reference.ts';

export interface PrimitivesSubject {
  /** Answers the primitives. */
  backend: GraphBackend;
  /** The store over `backend`: the property writes through it (batches, edits) and reads its export. */
  store: GraphStore;
}

export interface PrimitivesPropertyOptions {
  /** Random networks to try (default 40). */
  numRuns?: number;
  /** Per test case (default 120 s). */
  timeoutMs?: number;
  /** fast-check seed, to replay a failure. */
  seed?: number;
}

// ---------------------------------------------------------------------------------------------
// Random networks: a plan of small numbers, turned into a valid batch by `buildBatch`.

const NAMES = ['Müller & Söhne GmbH', 'Straßenbau Weiß AG', 'Öko-Institut Gießen', 'Ärztekammer Thüringen', 'Bäckerei Groß', 'Universität Jena', 'IHK Halle-Dessau', 'Fußball-Verein Süd'];
const SECTORS = ['chemie', 'wirtschaftsförderung', 'straßenbau', 'Ökologie', 'bildung'];
const PLACES = ['Sachsen', 'Thüringen', 'Hessen', 'Görlitz', 'Gießen', 'Meißen', 'Delitzsch', 'Weißwasser'];

const idx = fc.nat({ max: 40 });
const year = fc.integer({ min: 2015, max: 2024 });
/** A partial ISO date: year, year-month or full date. */
const dateOf = (y: number, precision: number) => (precision === 0 ? String(y) : precision === 1 ? `${y}-03` : `${y}-11-30`);
const datePlan = fc.record({ year, precision: fc.nat({ max: 2 }) });
const span = fc.option(fc.nat({ max: 4 }), { freq: 3 });

const planArb = fc.record({
  states: fc.integer({ min: 1, max: 3 }),
  districts: fc.array(fc.record({ state: idx }), { maxLength: 5 }),
  cities: fc.array(fc.record({ district: idx }), { maxLength: 3 }),
  /** Regions outside the state hierarchy (actors there have no state or district). */
  others: fc.nat({ max: 1 }),
  actors: fc.array(
    fc.record({
      name: fc.constantFrom(...NAMES),
      kind: fc.constantFrom(...ACTOR_KINDS.slice(0, 6), 'funder' as const),
      sectors: fc.subarray(SECTORS),
      region: fc.option(idx, { freq: 4 }),
    }),
    { minLength: 1, maxLength: 25 },
  ),
  projects: fc.array(
    fc.record({ start: fc.option(datePlan, { freq: 4 }), length: span, predecessor: fc.option(idx, { freq: 3 }) }),
    { maxLength: 8 },
  ),
  events: fc.array(
    fc.record({ date: fc.option(datePlan, { freq: 5 }), length: span, place: fc.option(idx), project: fc.option(idx) }),
    { maxLength: 5 },
  ),
  participations: fc.array(fc.record({ actor: idx, project: idx, role: fc.constantFrom(...PARTICIPATION_ROLES) }), { maxLength: 60 }),
  eventParticipations: fc.array(fc.record({ actor: idx, event: idx, role: fc.constantFrom(...EVENT_ROLES) }), { maxLength: 20 }),
  cooperations: fc.array(
    fc.record({ actor: idx, partner: idx, kind: fc.constantFrom(...COOPERATION_KINDS), since: fc.option(year), length: span }),
    { maxLength: 20 },
  ),
  targets: fc.array(fc.record({ subject: idx, region: idx, role: fc.constantFrom(...TARGET_ROLES) }), { maxLength: 6 }),
});
type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A valid batch from a plan: references are indexes taken modulo what exists, repeated relationship
 * rows are dropped (the batch refuses duplicate keys) and so are self-cooperations (refused too).
 * Ids follow fixed patterns (a-3, p-1, r-d2 …), so a second plan updates the rows they share.
 */
function buildBatch(plan: Plan): GraphBatchInput {
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
  const states = Array.from({ length: plan.states }, (_, i) => ({ id: `r-s${i}`, name: `${at(PLACES, i)} ${i}`, kind: 'state', lat: 51, lon: 12, parentId: null }));
  const districts = plan.districts.map((d, i) => ({ id: `r-d${i}`, name: `Landkreis ${at(PLACES, i + 3)}`, kind: 'district', lat: 51, lon: 12, parentId: at(states, d.state).id }));
  const cities = districts.length === 0 ? [] : plan.cities.map((c, i) => ({ id: `r-c${i}`, name: `Stadt ${at(PLACES, i + 5)}`, kind: 'city', lat: 51, lon: 12, parentId: at(districts, c.district).id }));
  const others = Array.from({ length: plan.others }, (_, i) => ({ id: `r-x${i}`, name: `Ems-Achse ${i}`, kind: 'cooperation_region', lat: 52, lon: 7, parentId: null }));
  const regions = [...states, ...districts, ...cities, ...others];
  const actors = plan.actors.map((a, i) => ({
    id: `a-${i}`,
    name: `${a.name} ${i}`,
    kind: a.kind,
    sectors: a.sectors,
    regionId: a.region === null ? null : at(regions, a.region).id,
  }));
  const projects = plan.projects.map((p, i) => {
    const start = p.start === null ? null : dateOf(p.start.year, p.start.precision);
    const endYear = (p.start?.year ?? 2018) + (p.length ?? 0);
    return {
      id: `p-${i}`,
      name: `Projekt „Zukunft ${at(PLACES, i)}“ ${i}`,
      start,
      end: p.length === null ? null : String(endYear),
      predecessorId: p.predecessor === null || plan.projects.length < 2 || p.predecessor % plan.projects.length === i ? null : `p-${p.predecessor % plan.projects.length}`,
    };
  });
  const events = plan.events.map((e, i) => ({
    id: `e-${i}`,
    name: `Workshop Süd ${i}`,
    kind: 'workshop',
    date: e.date === null ? null : dateOf(e.date.year, e.date.precision),
    endDate: e.length === null ? null : String((e.date?.year ?? 2019) + e.length),
    placeId: e.place === null ? null : at(regions, e.place).id,
    projectId: e.project === null || projects.length === 0 ? null : at(projects, e.project).id,
  }));
  const unique = <T>(rows: T[], key: (r: T) => string) => [...new Map(rows.map((r) => [key(r), r])).values()];
  const participations =
    projects.length === 0
      ? []
      : unique(
          plan.participations.map((p) => ({ actorId: at(actors, p.actor).id, projectId: at(projects, p.project).id, role: p.role })),
          (p) => `${p.actorId}|${p.projectId}`,
        );
  const eventParticipations =
    events.length === 0
      ? []
      : unique(
          plan.eventParticipations.map((p) => ({ actorId: at(actors, p.actor).id, eventId: at(events, p.event).id, role: p.role })),
          (p) => `${p.actorId}|${p.eventId}`,
        );
  const cooperations = unique(
    plan.cooperations
      .map((c) => ({
        actorId: at(actors, c.actor).id,
        partnerId: at(actors, c.partner).id,
        kind: c.kind,
        since: c.since === null ? null : String(c.since),
        until: c.length === null ? null : String((c.since ?? 2017) + c.length),
      }))
      .filter((c) => c.actorId !== c.partnerId),
    (c) => `${c.actorId}|${c.partnerId}|${c.kind}`,
  );
  const subjects = [...projects.map((p) => p.id), ...events.map((e) => e.id)];
  const targets =
    subjects.length === 0
      ? []
      : unique(
          plan.targets.map((t) => ({ subjectId: at(subjects, t.subject), regionId: at(regions, t.region).id, role: t.role })),
          (t) => `${t.subjectId}|${t.regionId}`,
        );
  return { regions, actors, projects, events, participations, eventParticipations, cooperations, targets };
}

// ---------------------------------------------------------------------------------------------
// Random questions: indexes into what the store holds, resolved against its export.

const listOf = fc.option(fc.array(idx, { maxLength: 4 }), { freq: 2 });
const filterPlan = fc.record({
  regions: listOf,
  kinds: listOf,
  sectors: listOf,
  projects: listOf,
  from: fc.option(fc.integer({ min: 2014, max: 2025 })),
  to: fc.option(fc.integer({ min: 0, max: 4 })),
  includeDirect: fc.boolean(),
  includeDerived: fc.boolean(),
});
const questionsArb = fc.record({
  neighbourhoods: fc.array(fc.record({ start: idx, depth: fc.integer({ min: 1, max: 3 }), limit: fc.integer({ min: 1, max: 60 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  neighbours: fc.array(idx, { maxLength: 6 }),
  filters: fc.array(filterPlan, { minLength: 1, maxLength: 4 }),
  levels: fc.subarray(['state', 'district', 'city', 'cooperation_region', 'municipality'], { minLength: 1 }),
});
type Questions = typeof questionsArb extends fc.Arbitrary<infer T> ? T : never;

const editsArb = fc.array(
  fc.record({
    op: fc.constantFrom(
      'removeActor',
      'removeProject',
      'removeEvent',
      'removeParticipation',
      'removeCooperation',
      'removeEventParticipation',
      'participationRole',
      'moveActor',
      'merge',
    ),
    x: idx,
    y: idx,
    role: fc.constantFrom(...PARTICIPATION_ROLES),
  }),
  { minLength: 1, maxLength: 4 },
);
type Edit = typeof editsArb extends fc.Arbitrary<(infer T)[]> ? T : never;

const who = { name: 'Property', role: 'editor' };

function newmanFree(ties: ActorTie[]) {
  return ties.map(({ newman: _n, ...rest }) => rest);
}

function expectSameTies(actual: ActorTie[], expected: ActorTie[], what: string): void {
  expect(newmanFree(actual), what).toEqual(newmanFree(expected));
  actual.forEach((t, i) => {
    const e = (expected[i] as ActorTie).newman;
    if (Math.abs(t.newman - e) > 1e-12) expect(t.newman, `${what}: newman of ${t.a}–${t.b}`).toBe(e);
  });
}

/** Asks the backend every question and compares with the reference over the store's export. */
async function check(subject: PrimitivesSubject, q: Questions, stage: string): Promise<void> {
  const batch = await subject.store.exportBatch();
  const ref: PrimitivesReference = primitivesReference(batch);
  const { backend } = subject;
  const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
  const nodeIds = [...batch.actors, ...batch.projects, ...batch.events, ...batch.regions].map((n) => n.id);
  const actorIds = batch.actors.map((a) => a.id);

  for (const n of q.neighbourhoods) {
    const id = at([...nodeIds, 'unbekannt-1'], n.start) as string;
    const what = `${stage}: neighbourhood(${id}, ${n.depth}, ${n.limit})`;
    const { reach, ...reached } = await backend.neighbourhood(id, n.depth, n.limit);
    const expected = ref.neighbourhood(id, n.depth, n.limit);
    expect(reached, what).toEqual({ nodes: expected.nodes, truncated: expected.truncated });
    // The whole reach, beyond the limit too; Neo4j says null when its walk stopped early for the limit (then it is not known).
    if (!(reach === null && backend.kind === 'neo4j' && expected.truncated)) expect(reach, `${what}: reach`).toEqual(expected.reach);
  }

  const ids = q.neighbours.map((i) => at([...actorIds, 'unbekannt-2'], i) as string);
  expect(await backend.actorNeighbours(ids), `${stage}: actorNeighbours(${ids.join(', ')})`).toEqual(ref.actorNeighbours(ids));

  const kinds = [...new Set(batch.actors.map((a) => a.kind))];
  const pick = (list: readonly string[], plan: number[] | null) =>
    plan === null ? null : [...new Set(plan.map((i) => at(list, i)).filter((x): x is string => x !== undefined))];
  const filters: TieFilter[] = [
    ALL_TIES,
    ...q.filters.map((f) => ({
      regionIds: pick(batch.regions.map((r) => r.id), f.regions),
      actorKinds: pick(kinds, f.kinds),
      sectors: pick(SECTORS, f.sectors),
      projectIds: pick([...batch.projects.map((p) => p.id), 'p-unbekannt'], f.projects),
      fromYear: f.from,
      toYear: f.to === null ? null : (f.from ?? 2016) + f.to,
      includeDirect: f.includeDirect,
      includeDerived: f.includeDerived,
    })),
  ];
  for (const f of filters) {
    const what = `${stage}: ties(${JSON.stringify(f)})`;
    expectSameTies(await backend.ties(f), ref.ties(f), what);
    for (const level of q.levels) {
      expectSameRegionTies(await backend.regionTies(level, f), ref.regionTies(level, f), `${stage}: regionTies(${level}, ${JSON.stringify(f)})`);
    }
  }
}

/** Single edits through the store's mutations (each with the version it reads first). */
async function edit(subject: PrimitivesSubject, e: Edit): Promise<void> {
  const { store, backend } = subject;
  const batch = await store.exportBatch();
  const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
  const version = async (key: Parameters<GraphBackend['versions']>[0], id: string) => (await backend.versions(key, [id])).get(id) ?? 1;
  switch (e.op) {
    case 'removeActor': {
      const a = at(batch.actors, e.x);
      if (a) await store.edit.remove('actors', a.id, await version('actors', a.id), who);
      break;
    }
    case 'removeProject': {
      // Refused while events or follow-up projects point at it: then nothing changes.
      const p = at(batch.projects, e.x);
      if (p) await store.edit.remove('projects', p.id, await version('projects', p.id), who).catch((err: unknown) => {
        if (!(err instanceof BadUserInputError)) throw err;
      });
      break;
    }
    case 'removeEvent': {
      const ev = at(batch.events, e.x);
      if (ev) await store.edit.remove('events', ev.id, await version('events', ev.id), who);
      break;
    }
    case 'removeParticipation': {
      const p = at(batch.participations, e.x);
      const key = p && `${p.actorId}|${p.projectId}`;
      if (key) await store.edit.remove('participations', key, await version('participations', key), who);
      break;
    }
    case 'removeEventParticipation': {
      const p = at(batch.eventParticipations, e.x);
      const key = p && `${p.actorId}|${p.eventId}`;
      if (key) await store.edit.remove('eventParticipations', key, await version('eventParticipations', key), who);
      break;
    }
    case 'removeCooperation': {
      const c = at(batch.cooperations, e.x);
      const key = c && `${c.actorId}|${c.partnerId}|${c.kind}`;
      if (key) await store.edit.remove('cooperations', key, await version('cooperations', key), who);
      break;
    }
    case 'participationRole': {
      const p = at(batch.participations, e.x);
      const key = p && `${p.actorId}|${p.projectId}`;
      if (key) await store.edit.update('participations', key, await version('participations', key), { role: e.role }, who);
      break;
    }
    case 'moveActor': {
      const a = at(batch.actors, e.x);
      const r = at([...batch.regions.map((x) => x.id), null], e.y);
      if (a && r !== undefined) await store.edit.update('actors', a.id, await version('actors', a.id), { regionId: r }, who);
      break;
    }
    case 'merge': {
      const keep = at(batch.actors, e.x);
      const gone = at(batch.actors, e.y);
      if (keep && gone && keep.id !== gone.id)
        await store.edit.mergeActors({ id: keep.id, version: await version('actors', keep.id) }, { id: gone.id, version: await version('actors', gone.id) }, who);
      break;
    }
  }
}

export function primitivesProperty(name: string, open: () => Promise<PrimitivesSubject>, options: PrimitivesPropertyOptions = {}): void {
  const timeout = options.timeoutMs ?? 120_000;
  describe(`graph primitives: ${name}`, () => {
    let subject: PrimitivesSubject;
    beforeAll(async () => {
      subject = await open();
      await subject.store.clear();
    });
    afterAll(async () => {
      await subject?.store.close();
    });

    it(
      'answer like the reference on random networks, after loading, after a second batch and after edits',
      async () => {
        await fc.assert(
          fc.asyncProperty(planArb, planArb, editsArb, questionsArb, async (first, second, edits, q) => {
            const { store } = subject;
            await store.clear();
            await store.applyBatch(buildBatch(first));
            await check(subject, q, 'loaded');
            // Shared ids update their rows (regions move, roles change, actors move), the others are new.
            await store.applyBatch(buildBatch(second));
            await check(subject, q, 'second batch');
            for (const [i, e] of edits.entries()) {
              await edit(subject, e);
              await check(subject, q, `edit ${i + 1} (${e.op})`);
            }
          }),
          { numRuns: options.numRuns ?? 40, ...(options.seed === undefined ? {} : { seed: options.seed }) },
        );
      },
      timeout,
    );

    it('a store refuses a self-cooperation (the generator never makes one) and writes nothing', async () => {
      const { store, backend } = subject;
      await store.clear();
      const actors = [
        { id: 'a-0', name: 'Müller & Söhne GmbH', kind: 'company' },
        { id: 'a-1', name: 'Straßenbau Weiß AG', kind: 'company' },
      ];
      await store.applyBatch({ actors, cooperations: [{ actorId: 'a-0', partnerId: 'a-1', kind: 'cooperation' }] });
      const before = await backend.ties(ALL_TIES);
      let paths: string[] = [];
      try {
        await store.applyBatch({ actors, cooperations: [{ actorId: 'a-0', partnerId: 'a-0', kind: 'cooperation' }] });
      } catch (e) {
        if (!(e instanceof BatchValidationError)) throw e;
        paths = e.issues.map((i) => formatPath(i.path));
      }
      expect(paths).toEqual(['cooperations[0].partnerId']);
      expect(await backend.ties(ALL_TIES)).toEqual(before);
      expect(await backend.actorNeighbours(['a-0'])).toEqual(new Map([['a-0', ['a-1']]]));
    });
  });
}
