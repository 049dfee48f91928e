/**
 * Keeping answers across writes that cannot have changed them (store/changes.ts). At a workshop the
 * moderator approves live entries every few seconds, and an upload adds 2,000 actors: each write
 * moves the data revision on, and without this every kept view, a hub's 5,000-node neighbourhood
 * among them, would be computed again by the next person who opens it (250–750 ms each, all hubs at
 * once). A neighbourhood knows its reach (every node within its depth); when nothing a write touched
 * is in it, the answer is the same and is kept. Other answers are not kept across a write.
 */
import { touchesAny } from '../store/changes.ts';

/** The reach a read's result carries (a neighbourhood), or null. */
export function reachOf(value: unknown): readonly string[] | null {
  if (value === null || typeof value !== 'object' || !('reach' in value)) return null;
  const reach = (value as { reach?: unknown }).reach;
  return Array.isArray(reach) ? (reach as string[]) : null;
}

/** Whether an answer with this reach survives writes that touched `touched` (null: everything). */
export function survives(reach: readonly string[] | null, touched: ReadonlySet<string> | null): boolean {
  return reach !== null && !touchesAny(touched, reach);
}

/**
 * The reads one request's answer was made of (serving.read records each result): their joint reach,
 * or null as soon as one of them has none.
 */
export class AnswerTrace {
  private reaches: (readonly string[])[] | null = [];

  record(value: unknown): void {
    const reach = reachOf(value);
    if (reach === null) this.reaches = null;
    else this.reaches?.push(reach);
  }

  /** The joint reach (the read's own list when there was one read), or null when a read had none or nothing was read. */
  reach(): readonly string[] | null {
    if (this.reaches === null || this.reaches.length === 0) return null;
    if (this.reaches.length === 1) return this.reaches[0] ?? null;
    return [...new Set(this.reaches.flat())];
  }
}
