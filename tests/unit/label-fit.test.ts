import { describe, expect, it } from 'vitest';
import { type Box, frameWithLabels, type ThresholdBox } from '../../client/model/label-fit';

/** A 200 × 200 canvas, never zoomed beyond 4. */
const zoomFor = (w: number, h: number) => Math.min(4, 200 / Math.max(w, 1), 200 / Math.max(h, 1));
const bodies: Box = { x1: 0, y1: 0, x2: 100, y2: 100 };
const label = (x2: number, threshold: number): ThresholdBox => ({
  x1: 50,
  y1: 40,
  x2,
  y2: 60,
  threshold,
});

describe('frameWithLabels', () => {
  it('frames the nodes alone when there is no label', () => {
    expect(frameWithLabels(bodies, [], zoomFor)).toEqual({ zoom: 2, box: bodies });
  });

  it('makes room for a label that the zoom draws', () => {
    const { zoom, box } = frameWithLabels(bodies, [label(160, 0.5)], zoomFor);
    expect(box).toEqual({ x1: 0, y1: 0, x2: 160, y2: 100 });
    expect(zoom).toBeCloseTo(200 / 160);
  });

  it('stays just below the zoom that would draw a label it has no room for', () => {
    // Drawn from zoom 1.5, but with it the picture fits only at 200/400 = 0.5.
    const { zoom, box } = frameWithLabels(bodies, [label(400, 1.5)], zoomFor);
    expect(box).toEqual(bodies);
    expect(zoom).toBeLessThan(1.5);
    expect(zoom).toBeGreaterThan(1.49);
  });

  it('keeps the labels that fit and leaves out, by zoom, those that do not', () => {
    const small = label(400, 1.5);
    const big = label(140, 0.4);
    const { zoom, box } = frameWithLabels(bodies, [small, big], zoomFor);
    expect(box.x2).toBe(140);
    expect(zoom).toBeCloseTo(200 / 140);
  });

  it('on random pictures, frames every label drawn at its zoom within the canvas', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 200; round++) {
      const labels: ThresholdBox[] = Array.from({ length: 12 }, () => {
        const x = random() * 100;
        const y = random() * 100;
        return {
          x1: x - random() * 40,
          y1: y - 5,
          x2: x + random() * 300,
          y2: y + 5 + random() * 20,
          threshold: [0.3, 0.8, 1.2, 2.5][Math.floor(random() * 4)]!,
        };
      });
      const { zoom, box } = frameWithLabels(bodies, labels, zoomFor);
      expect((box.x2 - box.x1) * zoom).toBeLessThanOrEqual(200 + 1e-9);
      expect((box.y2 - box.y1) * zoom).toBeLessThanOrEqual(200 + 1e-9);
      for (const l of labels.filter((l) => zoom >= l.threshold)) {
        expect(l.x1).toBeGreaterThanOrEqual(box.x1);
        expect(l.x2).toBeLessThanOrEqual(box.x2);
        expect(l.y1).toBeGreaterThanOrEqual(box.y1);
        expect(l.y2).toBeLessThanOrEqual(box.y2);
      }
      expect(box.x1).toBeLessThanOrEqual(bodies.x1);
      expect(box.x2).toBeGreaterThanOrEqual(bodies.x2);
    }
  });
});
