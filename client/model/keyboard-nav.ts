/**
 * Moving between nodes with the arrow keys: from the node the keyboard is on, the arrow names
 * a direction and the nearest node that way is chosen by where the nodes are drawn. Nodes
 * joined to it come first (the move follows the graph), then any shown node, so every node
 * can be reached even where the overview draws few links. Pure: positions in, an id out.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/** Unit vectors on screen, where y grows downwards. */
const VECTORS: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/** Within 60° of the arrow: tan 60° ≈ 1.73 sideways for each step ahead. */
const CONE = Math.tan(Math.PI / 3);

/**
 * The node to move to from `from` in direction `dir`: first a neighbour within 60° of the
 * arrow, then any node within 60°, then a neighbour anywhere ahead, then any node ahead;
 * within each, the nearest, sideways distance counting double. Null when nothing lies ahead.
 */
export function nextInDirection(
  from: Placed,
  neighbours: readonly Placed[],
  others: readonly Placed[],
  dir: Direction,
): string | null {
  const v = VECTORS[dir];
  const measure = (p: Placed) => {
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const ahead = dx * v.x + dy * v.y;
    const aside = Math.abs(dx * v.y - dy * v.x);
    return { id: p.id, ahead, aside, score: Math.hypot(dx, dy) + aside };
  };
  const best = (list: readonly Placed[], inCone: boolean): string | null => {
    let found: { id: string; score: number } | null = null;
    for (const p of list) {
      if (p.id === from.id) continue;
      const m = measure(p);
      // Half a pixel ahead at least: a node straight beside is not "ahead".
      if (m.ahead <= 0.5) continue;
      if (inCone && m.aside > m.ahead * CONE) continue;
      if (!found || m.score < found.score || (m.score === found.score && m.id < found.id))
        found = m;
    }
    return found?.id ?? null;
  };
  return (
    best(neighbours, true) ?? best(others, true) ?? best(neighbours, false) ?? best(others, false)
  );
}

/** The node nearest a point (the middle of the view): where the keyboard starts on the canvas. */
export function nearestTo(
  point: { x: number; y: number },
  nodes: readonly Placed[],
): string | null {
  let found: { id: string; d: number } | null = null;
  for (const p of nodes) {
    const d = Math.hypot(p.x - point.x, p.y - point.y);
    if (!found || d < found.d) found = { id: p.id, d };
  }
  return found?.id ?? null;
}
