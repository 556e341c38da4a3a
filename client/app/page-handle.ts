import {
  EXPORT_FORMATS,
  type ExportFormatName,
  type ExportOutput,
} from '../../core/formats/export-formats';
import type { Canvas } from '../canvas/canvas';
import type { DataSource } from '../data/data-source';
import {
  base64,
  briefOutput,
  exportDiagram,
  exportGraphOf,
  svgToPng,
} from '../export/diagram-export';
import { reviewOutput } from '../export/implementation-export';
import { defaultTitle, diagramAsOf } from '../views/export-dialog';
import type { Store } from './store';

/** Offers the page's canvas and its exports to the end-to-end tests, the benchmarks and `npm run export`. */
export function offerPageHandle(canvas: Canvas, store: Store, data: DataSource): void {
  window.kizuna = {
    cy: canvas.cy,
    laidOut: () => canvas.laidOut(),
    diagram: (request) =>
      exportDiagram(canvas.cy, {
        scope: 'view',
        selected: store.state.selected,
        title: defaultTitle(store.state),
        legend: true,
        source: true,
        date: true,
        asOf: diagramAsOf(store.state),
        lang: store.state.lang,
        background: 'white',
        ...request,
      }),
    png: async (diagram, scale, background) => {
      const png = await svgToPng(diagram, scale, background);
      return base64(new Uint8Array(await png.arrayBuffer()));
    },
    brief: (request) => briefOutput(canvas.cy, store.state, request),
    review: (request) => reviewOutput(canvas.cy, store.state, data, request),
    data: <F extends ExportFormatName>(format: F) =>
      EXPORT_FORMATS[format].build(
        exportGraphOf(canvas.cy, 'view', null, defaultTitle(store.state), store.state.lang),
      ) as ExportOutput<F>,
  };
}
