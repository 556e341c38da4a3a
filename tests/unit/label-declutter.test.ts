import { describe, expect, it } from 'vitest';
import { declutter, type LabelBox } from '../../client/model/label-declutter';

const box = (id: string, x1: number, y1: number, w: number, h: number, priority: number) =>
  ({ id, x1, y1, x2: x1 + w, y2: y1 + h, priority }) satisfies LabelBox;

describe('declutter', () => {
  it('keeps labels that do not overlap, even touching ones', () => {
    expect(declutter([box('a', 0, 0, 10, 5, 1), box('b', 10, 0, 10, 5, 1)])).toEqual(new Set());
  });

  it('leaves out the lesser of two overlapping labels', () => {
    expect(declutter([box('small', 5, 2, 10, 5, 1), box('big', 0, 0, 20, 8, 2)])).toEqual(
      new Set(['small']),
    );
  });

  it('lets a label show beside a label that was itself left out', () => {
    // b overlaps a (kept) and c; c overlaps only b. b goes, so c stays.
    const hidden = declutter([
      box('a', 0, 0, 10, 5, 3),
      box('b', 8, 0, 10, 5, 2),
      box('c', 16, 0, 10, 5, 1),
    ]);
    expect(hidden).toEqual(new Set(['b']));
  });

  it('decides ties by id, whatever the order given', () => {
    const one = [box('x', 0, 0, 10, 5, 1), box('y', 5, 0, 10, 5, 1)];
    expect(declutter(one)).toEqual(new Set(['y']));
    expect(declutter([...one].reverse())).toEqual(new Set(['y']));
  });

  it('never leaves two kept labels overlapping', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const labels = Array.from({ length: 300 }, (_, i) =>
      box(`n${i}`, random() * 500, random() * 500, 20 + random() * 60, 6 + random() * 20, random()),
    );
    const hidden = declutter(labels);
    const kept = labels.filter((l) => !hidden.has(l.id));
    expect(hidden.size).toBeGreaterThan(0);
    for (const [i, a] of kept.entries())
      for (const b of kept.slice(i + 1))
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
  });
});
