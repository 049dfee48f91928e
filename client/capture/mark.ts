/**
 * The projector marks what a capture session added: its new actors and projects, and the ties
 * between actor pairs it approved (any edge joining such a pair, and every edge of a new node), with
 * the class `captured`.
 */
import type { Element } from '../graph/toElements.ts';

export interface CapturedMarks {
  nodes: ReadonlySet<string>;
  /** Unordered actor pairs `a|b` (a < b). */
  pairs: ReadonlySet<string>;
}

export function capturedMarks(feed: { newNodeIds: readonly string[]; newTies: readonly { a: string; b: string }[] } | null): CapturedMarks | null {
  if (!feed || (feed.newNodeIds.length === 0 && feed.newTies.length === 0)) return null;
  return { nodes: new Set(feed.newNodeIds), pairs: new Set(feed.newTies.map((t) => [t.a, t.b].sort().join('|'))) };
}

export function markCaptured(elements: Element[], marks: CapturedMarks | null): Element[] {
  if (!marks) return elements;
  return elements.map((el) => {
    const hit =
      el.group === 'nodes'
        ? marks.nodes.has(el.data.id)
        : marks.pairs.has([el.data.source, el.data.target].sort().join('|')) || marks.nodes.has(el.data.source) || marks.nodes.has(el.data.target);
    return hit ? ({ ...el, classes: `${el.classes} captured` } as Element) : el;
  });
}
