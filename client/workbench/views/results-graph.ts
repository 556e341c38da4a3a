import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import cytoscapeSvg from 'cytoscape-svg';
import { html, render as renderInto } from 'lit-html';
import { stylesheet } from '../../canvas/cy-style';
import { layoutOptions } from '../../canvas/layouts';
import type { CypherResult } from '../model/cypher-types';
import { resultGraph } from '../model/result-graph';
import type { Lang, WorkbenchState } from '../model/state';
import { t, undrawnNotice } from './labels';

cytoscape.use(fcose);
// The picture export (the explorer's code) draws with cy.svg(); the explorer's canvas registers
// it there, this page has its own canvas.
cytoscape.use(cytoscapeSvg);

export interface ResultGraphView {
  cy: cytoscape.Core;
  relayout(): void;
  render(state: WorkbenchState): void;
  unmount(): void;
}

/**
 * The result's nodes, relationships and paths on a Cytoscape canvas drawn with the explorer's
 * stylesheet, laid out by fcose. Drawn when the graph view is shown: a hidden canvas has no size.
 */
export function mountResultGraph(el: HTMLElement): ResultGraphView {
  renderInto(
    html`<div class="graph-bar"
        ><button type="button" id="relayout"></button
        ><p class="graph-note" data-test="graph-note" aria-live="polite"></p></div
      ><div class="graph-stage"><div class="cy" role="img" data-test="result-cy"></div></div>`,
    el,
  );
  const relayout = el.querySelector<HTMLButtonElement>('#relayout')!;
  const note = el.querySelector<HTMLElement>('.graph-note')!;
  const container = el.querySelector<HTMLElement>('.cy')!;
  const cy = cytoscape({
    container,
    // The explorer's styles, and each relationship's type written along it.
    style: [
      ...stylesheet(),
      {
        selector: 'edge',
        style: {
          label: 'data(type)',
          'font-size': 9,
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
          color: '#333333',
        },
      },
    ],
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  const layout = () => {
    if (cy.nodes().nonempty()) cy.layout(layoutOptions('fcose')).run();
  };
  relayout.addEventListener('click', layout);

  let drawn: { result: CypherResult | null; lang: Lang } | null = null;

  function render(state: WorkbenchState): void {
    const { lang } = state;
    relayout.textContent = t(lang, 'relayout');
    container.setAttribute('aria-label', t(lang, 'graphLabel'));
    if (state.view !== 'graph') return;
    const result = state.run.status === 'done' ? state.run.result : null;
    if (drawn?.result === result && drawn.lang === lang) {
      cy.resize();
      return;
    }
    const graph = resultGraph(result?.rows ?? [], lang);
    if (drawn?.result === result) {
      // Only the language changed: relabel, keep the places.
      cy.batch(() => {
        for (const n of graph.nodes) cy.getElementById(n.id).data('label', n.label);
      });
    } else {
      cy.batch(() => {
        cy.elements().remove();
        cy.add([
          ...graph.nodes.map((data) => ({ group: 'nodes' as const, data })),
          ...graph.edges.map((data) => ({ group: 'edges' as const, data })),
        ]);
      });
      cy.resize();
      layout();
    }
    drawn = { result, lang };
    relayout.hidden = graph.nodes.length === 0;
    const notes = [
      result && graph.nodes.length === 0 ? t(lang, 'noGraph') : '',
      graph.undrawn > 0 ? undrawnNotice(lang, graph.undrawn) : '',
    ].filter(Boolean);
    note.textContent = notes.join(' ');
  }

  return { cy, render, relayout: layout, unmount: () => cy.destroy() };
}
