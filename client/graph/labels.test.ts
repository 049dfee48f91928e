import { describe, expect, it } from 'vitest';
import { chooseLabels, type LabelCandidate } from './labels.ts';

const label = (id: string, x: number, y: number, priority: number, w = 100, h = 14): LabelCandidate => ({
  id,
  box: { x1: x, y1: y, x2: x + w, y2: y + h },
  priority,
});

describe('chooseLabels', () => {
  it('keeps every label when none overlap', () => {
    expect(chooseLabels([label('a', 0, 0, 1), label('b', 0, 20, 1), label('c', 200, 0, 1)])).toEqual(new Set(['a', 'b', 'c']));
  });

  it('of two overlapping labels keeps the higher priority one, whatever the input order', () => {
    const a = label('a', 0, 0, 1);
    const b = label('b', 50, 5, 7);
    expect(chooseLabels([a, b])).toEqual(new Set(['b']));
    expect(chooseLabels([b, a])).toEqual(new Set(['b']));
  });

  it('a hidden label does not block others: chains keep every second label', () => {
    // a overlaps b, b overlaps c, a and c are apart: b (lowest) goes, a and c stay.
    const kept = chooseLabels([label('a', 0, 0, 3), label('b', 80, 0, 1), label('c', 160, 0, 2)]);
    expect(kept).toEqual(new Set(['a', 'c']));
  });

  it('detects overlaps across grid cells and ignores empty boxes', () => {
    const kept = chooseLabels([label('big', 100, 100, 5, 400, 30), label('inside', 350, 110, 1, 20, 10), label('empty', 0, 0, 9, 0, 0)]);
    expect(kept).toEqual(new Set(['big']));
  });

  it('no two kept labels overlap on a dense random layout', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const cands = Array.from({ length: 600 }, (_, i) => label(`n${i}`, rnd() * 2000, rnd() * 2000, Math.floor(rnd() * 10), 40 + rnd() * 120, 14));
    const kept = chooseLabels(cands);
    const boxes = cands.filter((c) => kept.has(c.id)).map((c) => c.box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
    // Greedy is maximal: every dropped label overlaps a kept one of at least its priority.
    for (const c of cands.filter((x) => !kept.has(x.id))) {
      const blocked = cands.some(
        (k) => kept.has(k.id) && k.priority >= c.priority && k.box.x1 < c.box.x2 && c.box.x1 < k.box.x2 && k.box.y1 < c.box.y2 && c.box.y1 < k.box.y2,
      );
      expect(blocked).toBe(true);
    }
    expect(kept.size).toBeGreaterThan(100);
  });
});
