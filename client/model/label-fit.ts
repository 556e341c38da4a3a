/**
 * The zoom that frames a picture together with the labels drawn at that zoom. Level of
 * detail draws a label only from a zoom on (its threshold), so framing the nodes alone can
 * zoom in far enough to bring out names that then run past the canvas edge, and framing
 * every name can leave room for names too small to be drawn. The answer is the largest zoom
 * at which the labels it draws fit: tried from the level where every label shows down to
 * the one where none does.
 */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ThresholdBox extends Box {
  /** The smallest zoom at which this label is drawn. */
  threshold: number;
}

export interface LabelFraming {
  zoom: number;
  /** What is framed: the nodes and the labels drawn at `zoom`. */
  box: Box;
}

/** Just below a threshold: level of detail then leaves that label out. */
const BELOW = 1 - 1e-4;

export function frameWithLabels(
  bodies: Box,
  labels: ThresholdBox[],
  /** The zoom at which a box of this size fills the canvas (capped as the canvas caps it). */
  zoomFor: (width: number, height: number) => number,
): LabelFraming {
  const thresholds = [...new Set(labels.map((l) => l.threshold))].sort((a, b) => a - b);
  for (let level = thresholds.length; level >= 0; level--) {
    const from = level === 0 ? 0 : thresholds[level - 1]!;
    const box = { ...bodies };
    for (const label of labels) {
      if (label.threshold > from) continue;
      box.x1 = Math.min(box.x1, label.x1);
      box.y1 = Math.min(box.y1, label.y1);
      box.x2 = Math.max(box.x2, label.x2);
      box.y2 = Math.max(box.y2, label.y2);
    }
    const zoom = zoomFor(box.x2 - box.x1, box.y2 - box.y1);
    if (level > 0 && zoom < from) continue;
    const below = level < thresholds.length ? thresholds[level]! * BELOW : Infinity;
    return { zoom: Math.min(zoom, below), box };
  }
  // Not reached: level 0 always answers.
  return { zoom: zoomFor(bodies.x2 - bodies.x1, bodies.y2 - bodies.y1), box: bodies };
}
