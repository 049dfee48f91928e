import { describe, expect, it } from 'vitest';
import { parseBatch } from '../store/batch.ts';
import { ChangeLog, touchedBy } from '../store/changes.ts';
import { AnswerTrace, reachOf } from './carry.ts';
import { BusyError, CallerGoneError, RateLimitedError, SYSTEM, WorkQueue, type Caller } from './work-queue.ts';

/** A computation the test finishes by hand; `signal` is the one the queue gave it. */
function gate<T>() {
  let finish: (v: T) => void = () => undefined;
  let signal: AbortSignal | null = null;
  let starts = 0;
  const compute = (s: AbortSignal) => {
    starts++;
    signal = s;
    return new Promise<T>((resolve, reject) => {
      finish = resolve;
      s.addEventListener('abort', () => reject(new CallerGoneError('dropped')));
    });
  };
  return { compute, finish: (v: T) => finish(v), signal: () => signal, starts: () => starts };
}

const lanes = { read: { max: 3, limitedMax: 2, cacheEntries: 2, retryAfterS: 2 } };

function queue() {
  let revision = 1;
  const q = new WorkQueue(() => revision, lanes);
  return { q, bump: () => revision++ };
}

const person = (limited = true): Caller & { leave: () => void } => {
  const c = new AbortController();
  return { limited, signal: c.signal, leave: () => c.abort() };
};

describe('WorkQueue', () => {
  it('identical requests share one computation, and a repeat is answered from the cache', async () => {
    const { q } = queue();
    const g = gate<string>();
    const a = q.run('read', 'k', person(), g.compute);
    const b = q.run('read', 'k', person(), g.compute);
    g.finish('net');
    expect(await Promise.all([a, b])).toEqual(['net', 'net']);
    expect(await q.run('read', 'k', person(), g.compute)).toBe('net');
    expect(g.starts()).toBe(1);
    expect(q.stats('read')).toMatchObject({ computed: 1, joins: 1, hits: 1, running: 0, cached: 1 });
  });

  it('computes again once the data changed, and keeps only cacheEntries results', async () => {
    const { q, bump } = queue();
    let n = 0;
    const compute = async () => ++n;
    expect(await q.run('read', 'k', SYSTEM, compute)).toBe(1);
    bump();
    expect(await q.run('read', 'k', SYSTEM, compute)).toBe(2);
    await q.run('read', 'k2', SYSTEM, compute);
    await q.run('read', 'k3', SYSTEM, compute);
    expect(q.stats('read').cached).toBe(2);
    expect(await q.run('read', 'k', SYSTEM, compute)).toBe(5); // the oldest went
  });

  it('does not keep a result computed while the data moved on', async () => {
    const { q, bump } = queue();
    const g = gate<string>();
    const a = q.run('read', 'k', SYSTEM, g.compute);
    bump();
    g.finish('old');
    expect(await a).toBe('old');
    expect(q.stats('read').cached).toBe(0);
  });

  it('limited callers start at most limitedMax computations; editors go on; everyone stops at max', async () => {
    const { q } = queue();
    const gates = [gate<number>(), gate<number>(), gate<number>(), gate<number>()];
    const first = q.run('read', 'a', person(), gates[0]!.compute);
    const second = q.run('read', 'b', person(), gates[1]!.compute);
    const refused = await q.run('read', 'c', person(), gates[2]!.compute).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 2 });
    // Joining a running computation is free, for anyone.
    const joined = q.run('read', 'a', person(), gates[0]!.compute);
    const editor = q.run('read', 'c', person(false), gates[2]!.compute);
    const busy = await q.run('read', 'd', person(false), gates[3]!.compute).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(BusyError);
    expect((busy as BusyError).extensions).toMatchObject({ code: 'BUSY', http: { status: 503 } });
    gates.slice(0, 3).forEach((g, i) => g.finish(i));
    expect(await Promise.all([first, second, joined, editor])).toEqual([0, 1, 0, 2]);
    expect(q.stats('read')).toMatchObject({ refused: 2, running: 0, limitedRunning: 0 });
    // Freed: a limited caller may start again.
    expect(await q.run('read', 'c2', person(), async () => 7)).toBe(7);
  });

  it('stops a computation when its last caller has gone, not before', async () => {
    const { q } = queue();
    const g = gate<string>();
    const a = person();
    const b = person();
    const ra = q.run('read', 'k', a, g.compute).catch((e: unknown) => e);
    const rb = q.run('read', 'k', b, g.compute).catch((e: unknown) => e);
    a.leave();
    expect(await ra).toBeInstanceOf(CallerGoneError);
    expect(g.signal()?.aborted).toBe(false);
    b.leave();
    expect(await rb).toBeInstanceOf(CallerGoneError);
    expect(g.signal()?.aborted).toBe(true);
    expect(q.stats('read')).toMatchObject({ cancelled: 1, running: 0 });
    // A later caller starts afresh.
    const h = gate<string>();
    const again = q.run('read', 'k', person(), h.compute);
    h.finish('fresh');
    expect(await again).toBe('fresh');
  });

  it('background work (no signal) is never stopped by callers who joined and left', async () => {
    const { q } = queue();
    const g = gate<string>();
    const background = q.run('read', 'k', SYSTEM, g.compute);
    const visitor = person();
    const seen = q.run('read', 'k', visitor, g.compute).catch((e: unknown) => e);
    visitor.leave();
    expect(await seen).toBeInstanceOf(CallerGoneError);
    expect(g.signal()?.aborted).toBe(false);
    g.finish('done');
    expect(await background).toBe('done');
  });

  it('a caller that has already gone starts nothing', async () => {
    const { q } = queue();
    const c = person();
    c.leave();
    let started = false;
    expect(
      await q
        .run('read', 'k', c, async () => {
          started = true;
          return 1;
        })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(CallerGoneError);
    expect(started).toBe(false);
  });
});

describe('WorkQueue across writes', () => {
  it('keeps a result whose reach the write did not touch, drops the others and everything after a write of unknown reach', async () => {
    let revision = 1;
    const log = new ChangeLog();
    log.record(null); // revision 1
    const q = new WorkQueue(() => revision, { read: { max: 8, limitedMax: 8, cacheEntries: 8, retryAfterS: 2, reachOf } }, (r) => log.since(r));
    let computed = 0;
    const view = (reach: string[] | null) => async () => {
      computed++;
      return { nodes: [], reach };
    };
    await q.run('read', 'hub', SYSTEM, view(['a1', 'p1']));
    await q.run('read', 'other', SYSTEM, view(['a2', 'p2']));
    await q.run('read', 'whole', SYSTEM, view(null));
    expect(computed).toBe(3);

    revision = log.record(new Set(['a2', 'a-new']));
    await q.run('read', 'hub', SYSTEM, view(['a1', 'p1']));
    expect(computed).toBe(3); // kept: a1, p1 untouched
    await q.run('read', 'other', SYSTEM, view(['a2', 'p2']));
    await q.run('read', 'whole', SYSTEM, view(null));
    expect(computed).toBe(5); // reached by the write; no reach at all

    revision = log.record(null);
    await q.run('read', 'hub', SYSTEM, view(['a1', 'p1']));
    expect(computed).toBe(6);
    expect(q.stats('read').hits).toBe(1);
  });
});

describe('ChangeLog and touchedBy', () => {
  it('names every written node and both ends of every relationship; regions touch everything', () => {
    const { batch } = parseBatch({
      actors: [{ id: 'a-neu', name: 'Neu', kind: 'company', regionId: 'de-14730' }],
      cooperations: [{ actorId: 'a-neu', partnerId: 'a-alt', kind: 'cooperation' }],
      targets: [{ subjectId: 'p-1', regionId: 'de-14', role: 'target' }],
    });
    expect([...(touchedBy(batch) ?? [])].sort()).toEqual(['a-alt', 'a-neu', 'de-14', 'de-14730', 'p-1']);
    expect(touchedBy(parseBatch({ ...batch, regions: [{ id: 'r', name: 'R', kind: 'city', lat: 0, lon: 0 }] }).batch)).toBeNull();
  });

  it('joins what the writes since a revision touched; null once one touched everything or is too old', () => {
    const log = new ChangeLog(3);
    expect(log.since(0)?.size).toBe(0);
    log.record(new Set(['a']));
    log.record(new Set(['b']));
    expect([...(log.since(0) ?? [])].sort()).toEqual(['a', 'b']);
    expect([...(log.since(1) ?? [])]).toEqual(['b']);
    log.record(null);
    expect(log.since(1)).toBeNull();
    log.record(new Set(['c']));
    expect([...(log.since(3) ?? [])]).toEqual(['c']);
    log.record(new Set(['d']));
    // Only the last three writes are remembered.
    expect(log.since(1)).toBeNull();
    expect(log.since(99)).toBeNull();
  });
});

describe('AnswerTrace', () => {
  it('the reach of one read is its own list, of several their union, and none once a read had none', () => {
    const one = new AnswerTrace();
    const reach = ['a1', 'p1'];
    one.record({ reach });
    expect(one.reach()).toBe(reach);
    const two = new AnswerTrace();
    two.record({ reach: ['a1', 'p1'] });
    two.record({ reach: ['p1', 'a2'] });
    expect([...(two.reach() ?? [])].sort()).toEqual(['a1', 'a2', 'p1']);
    two.record({ nodes: [] });
    expect(two.reach()).toBeNull();
    expect(new AnswerTrace().reach()).toBeNull();
  });
});
