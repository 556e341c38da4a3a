import type { CanvasContext } from './canvas-context';
import type { CanvasLabels } from './canvas-labels';
import type { LevelOfDetail } from './level-of-detail';

export interface LabelSettle {
  /** After a render: declutter and level of detail at the end of this task, unless done before. */
  later(): void;
  /** A layout did both itself: nothing is left for later. */
  done(): void;
}

/**
 * Decluttering and the level of detail read every element's style, so a render followed by
 * a layout in the same task (a first load, a switch of arrangement) styled the whole plan
 * once for the render's look and again for the layout's. Left to a microtask, they run once,
 * after the layout, or earlier when a framing needs them (ctx.settleLabels). A microtask
 * runs before the next frame is drawn, so no picture is drawn without them.
 */
export function createLabelSettle(
  ctx: CanvasContext,
  labels: CanvasLabels,
  lod: LevelOfDetail,
): LabelSettle {
  let pending = false;
  ctx.settleLabels = () => {
    if (!pending) return;
    pending = false;
    labels.declutter();
    lod.update();
  };
  return {
    later() {
      if (pending) return;
      pending = true;
      queueMicrotask(() => ctx.settleLabels());
    },
    done() {
      pending = false;
    },
  };
}
