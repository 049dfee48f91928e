/**
 * The optimised assembly against a naive definition, on random small networks: derived ties are
 * exactly the actor pairs sharing projects/events (funders excluded), with weight and shared items;
 * the limit keeps the best-connected nodes and only edges among them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, EventParticipation, Participation } from '../domain/model.ts';
import { assemble } from './assemble.ts';
import { RegionIndex } from './region-index.ts';

const actor = (id: string): Actor => ({ id, name: id, kind: 'company', sectors: [], regionId: null, website: null, description: null, tags: [], sourceIds: [] });

const arb = fc.record({
  actors: fc.integer({ min: 2, max: 12 }),
  parts: fc.array(fc.record({ a: fc.nat(11), p: fc.nat(5), funder: fc.boolean() }), { maxLength: 40 }),
  eparts: fc.array(fc.record({ a: fc.nat(11), e: fc.nat(3) }), { maxLength: 20 }),
});

/** Pair order of two derived edge ids: by the first actor's id, then the second's. */
function pairOrder(x: string, y: string): number {
  const [, a1, b1] = x.split(':') as [string, string, string];
  const [, a2, b2] = y.split(':') as [string, string, string];
  return a1 !== a2 ? (a1 < a2 ? -1 : 1) : b1 < b2 ? -1 : b1 > b2 ? 1 : 0;
}

describe('assemble', () => {
  it('derived ties equal the naive definition', () => {
    fc.assert(
      fc.property(arb, ({ actors: n, parts: rawParts, eparts: rawEparts }) => {
        const actors = Array.from({ length: n }, (_, i) => actor(`a${i}`));
        const seenP = new Set<string>();
        const parts: Participation[] = rawParts
          .filter((p) => p.a < n && !seenP.has(`${p.a}|${p.p}`) && seenP.add(`${p.a}|${p.p}`))
          .map((p) => ({ actorId: `a${p.a}`, projectId: `p${p.p}`, role: p.funder ? 'funder' : 'partner', contribution: null, description: null, sourceIds: [] }));
        const seenE = new Set<string>();
        const eparts: EventParticipation[] = rawEparts
          .filter((p) => p.a < n && !seenE.has(`${p.a}|${p.e}`) && seenE.add(`${p.a}|${p.e}`))
          .map((p) => ({ actorId: `a${p.a}`, eventId: `e${p.e}`, role: 'attendee', description: null, sourceIds: [] }));

        const net = assemble({
          regions: new RegionIndex([]),
          actors,
          projects: [],
          events: [],
          participations: parts,
          eventParticipations: eparts,
          cooperations: [],
          targets: [],
          regionIds: null,
          regionScope: null,
          nodeTypes: new Set(['ACTOR']),
          includeDerived: true,
          derivedVia: null,
          limit: 1000,
          edgeLimit: 100_000,
        });
        const naive = new Map<string, string[]>();
        const items = new Map<string, Set<string>>();
        for (const p of parts) if (p.role !== 'funder') (items.get(p.actorId) ?? items.set(p.actorId, new Set()).get(p.actorId))?.add(p.projectId);
        for (const p of eparts) (items.get(p.actorId) ?? items.set(p.actorId, new Set()).get(p.actorId))?.add(p.eventId);
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            const [a, b] = [`a${i}`, `a${j}`].sort() as [string, string];
            const shared = [...(items.get(a) ?? [])].filter((x) => items.get(b)?.has(x)).sort();
            if (shared.length > 0) naive.set(`derived:${a}:${b}`, shared);
          }
        const got = new Map(net.edges.filter((e) => e.derived).map((e) => [e.id, e]));
        expect([...got.keys()].sort()).toEqual([...naive.keys()].sort());
        for (const [id, shared] of naive) {
          expect(got.get(id)?.via).toEqual(shared);
          expect(got.get(id)?.weight).toBe(shared.length);
        }

        // With a limit: the kept nodes are the best-connected, edges only among them.
        const limit = Math.max(1, Math.floor(n / 2));
        const cut = assemble({
          regions: new RegionIndex([]), actors, projects: [], events: [], participations: parts, eventParticipations: eparts,
          cooperations: [], targets: [], regionIds: null, regionScope: null, nodeTypes: new Set(['ACTOR']), includeDerived: true, derivedVia: null, limit, edgeLimit: 100_000,
        });
        expect(cut.nodes).toHaveLength(limit);
        expect(cut.truncated).toBe(n > limit);
        const deg = (id: string) => [...naive.keys()].filter((k) => k.split(':').slice(1).includes(id)).length;
        const keptMin = Math.min(...cut.nodes.map((x) => deg(x.id)));
        const droppedMax = Math.max(-1, ...actors.filter((a) => !cut.nodes.some((x) => x.id === a.id)).map((a) => deg(a.id)));
        expect(keptMin).toBeGreaterThanOrEqual(droppedMax);
        const kept = new Set(cut.nodes.map((x) => x.id));
        expect(cut.edges.every((e) => kept.has(e.source) && kept.has(e.target))).toBe(true);
        expect(cut.edges.length).toBe([...naive.keys()].filter((k) => k.split(':').slice(1).every((id) => kept.has(id))).length);
        expect(cut.hiddenTies).toBe(0);

        // With an edge limit: the strongest derived ties stay (ties by id), the rest are counted as hidden.
        const edgeLimit = Math.floor(naive.size / 2);
        const thin = assemble({
          regions: new RegionIndex([]), actors, projects: [], events: [], participations: parts, eventParticipations: eparts,
          cooperations: [], targets: [], regionIds: null, regionScope: null, nodeTypes: new Set(['ACTOR']), includeDerived: true, derivedVia: null, limit: 1000, edgeLimit,
        });
        const strongest = [...naive]
          .sort(([x, a], [y, b]) => b.length - a.length || pairOrder(x, y))
          .slice(0, edgeLimit)
          .map(([id]) => id)
          .sort();
        expect(thin.edges.map((e) => e.id)).toEqual(strongest);
        expect(thin.hiddenTies).toBe(naive.size - edgeLimit);
        expect(thin.nodes).toHaveLength(n);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
