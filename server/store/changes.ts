/**
 * What a write touched, so that answers it cannot have changed are kept (server/serving/carry.ts):
 * the id of every node row written and both ends of every relationship row written.
 *
 * A neighbourhood depends only on the rows of the nodes it reaches and on relationships with an end
 * among them (the walk follows only those; derived ties between its actors come from their own
 * participations). So a write none of whose touched ids is in that reach leaves the answer as it
 * was. Regions are different: their names, places and tree feed every view, so a write with regions
 * touches everything (null), as does one too large to be worth comparing.
 */
import type { GraphBatch } from '../domain/model.ts';

/**
 * A neighbourhood's reach beyond this is not listed (a depth-3 walk from a hub reaches most of a
 * real-scale network; an answer that large is not kept across writes anyway).
 */
export const REACH_CAP = 20_000;

/** Above this many touched ids a write counts as touching everything. */
export const MAX_TOUCHED = 100_000;

/** The ids a batch touches, or null for "everything" (regions written; the ChangeLog counts more than MAX_TOUCHED ids as everything too). */
export function touchedBy(batch: GraphBatch): Set<string> | null {
  if (batch.regions.length > 0) return null;
  const ids = new Set<string>();
  const add = (...xs: (string | null | undefined)[]) => {
    for (const id of xs) if (id) ids.add(id);
  };
  for (const a of batch.actors) add(a.id, a.regionId);
  for (const p of batch.projects) add(p.id, p.predecessorId);
  for (const e of batch.events) add(e.id, e.projectId, e.placeId);
  for (const p of batch.participations) add(p.actorId, p.projectId);
  for (const p of batch.eventParticipations) add(p.actorId, p.eventId);
  for (const c of batch.cooperations) add(c.actorId, c.partnerId);
  for (const t of batch.targets) add(t.subjectId, t.regionId);
  // Sources and stories are in no view.
  return ids;
}

/** The writes of one store, each with what it touched; answers whether anything since a revision touched some ids. */
export class ChangeLog {
  private revision = 0;
  /** The newest writes, oldest first: their revision and what they touched (null: everything). */
  private readonly entries: { revision: number; touched: ReadonlySet<string> | null }[] = [];

  constructor(private readonly keep = 64) {}

  current(): number {
    return this.revision;
  }

  /** A write: the revision moves on (more than MAX_TOUCHED ids count as everything). */
  record(touched: ReadonlySet<string> | null): number {
    this.revision++;
    this.entries.push({ revision: this.revision, touched: touched !== null && touched.size > MAX_TOUCHED ? null : touched });
    if (this.entries.length > this.keep) this.entries.shift();
    return this.revision;
  }

  /** Everything the writes after `revision` touched; null when one of them touched everything or is no longer recorded. */
  since(revision: number): ReadonlySet<string> | null {
    if (revision === this.revision) return new Set();
    if (revision > this.revision || revision < 0) return null;
    const later = this.entries.filter((e) => e.revision > revision);
    if (later.length !== this.revision - revision) return null;
    if (later.length === 1) return later[0]?.touched ?? null;
    const all = new Set<string>();
    for (const e of later) {
      if (e.touched === null) return null;
      for (const id of e.touched) all.add(id);
      if (all.size > MAX_TOUCHED) return null;
    }
    return all;
  }
}

/** Whether any of `ids` was touched (`touched` null: everything was). */
export function touchesAny(touched: ReadonlySet<string> | null, ids: readonly string[]): boolean {
  if (touched === null) return true;
  if (touched.size === 0) return false;
  return ids.some((id) => touched.has(id));
}
