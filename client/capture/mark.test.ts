import { describe, expect, it } from 'vitest';
import type { Element } from '../graph/toElements.ts';
import { capturedMarks, markCaptured } from './mark.ts';

const node = (id: string): Element => ({ group: 'nodes', data: { id } as never, classes: 'actor' });
const edge = (id: string, source: string, target: string): Element => ({ group: 'edges', data: { id, source, target } as never, classes: 'cooperation' });

describe('marking what a capture session added', () => {
  it('marks new nodes, edges between approved pairs (either direction) and every edge of a new node', () => {
    const marks = capturedMarks({ newNodeIds: ['neu'], newTies: [{ a: 'a-ctc', b: 'a-zarof' }] });
    const els = [node('a-ctc'), node('neu'), edge('e1', 'a-zarof', 'a-ctc'), edge('e2', 'a-ctc', 'a-stadt'), edge('e3', 'neu', 'p-1')];
    expect(markCaptured(els, marks).filter((e) => e.classes.endsWith(' captured')).map((e) => e.data.id)).toEqual(['neu', 'e1', 'e3']);
  });
  it('leaves the elements alone without a feed or with nothing approved', () => {
    const els = [node('x')];
    expect(markCaptured(els, capturedMarks(null))).toBe(els);
    expect(markCaptured(els, capturedMarks({ newNodeIds: [], newTies: [] }))).toBe(els);
  });
});
