import type { CanvasContext } from './canvas-context';
import { MIN_ZOOMED_FONT_SIZE } from './cy-style';
import type { ElementClasses } from './element-classes';

export interface LevelOfDetail {
  /** Hides the labels too small (or too cluttered) to read at the zoom shown, and shows the others. */
  update(): void;
}

/**
 * Level of detail from the real zoom: a label smaller than MIN_ZOOMED_FONT_SIZE on screen
 * takes the class `lod-hide` (not drawn). Cheap enough for every zoom step: it reads each
 * element's computed font size and restyles only the elements whose state changes.
 */
export function createLevelOfDetail(ctx: CanvasContext, classes: ElementClasses): LevelOfDetail {
  const { cy, container } = ctx;
  let lodFrame = 0;

  function update(): void {
    const zoom = cy.zoom();
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        // A path's nodes are always named, wherever the path runs.
        const hide =
          !(ele.isNode() && ele.hasClass('on-path')) &&
          (ctx.cluttered.has(ele.id()) ||
            ele.numericStyle('font-size') * zoom < MIN_ZOOMED_FONT_SIZE - 1e-6);
        classes.hideForDetail(ele, hide);
      });
    });
  }

  cy.on('zoom', () => {
    container.classList.toggle('zoomed-in', cy.zoom() >= 1);
    window.cancelAnimationFrame(lodFrame);
    lodFrame = window.requestAnimationFrame(update);
  });

  return { update };
}
