export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The parts of index.html the explorer renders into, found once at start. */
export function pageElements() {
  return {
    status: byId('status'),
    controls: byId('controls-body'),
    panel: byId('side-panel'),
    tablePane: byId('table-pane'),
    graphPane: byId('graph-pane'),
    underpinsPane: byId('underpins-pane'),
    implementationPane: byId('implementation-pane'),
    tooltip: byId('tooltip'),
    pathsPane: byId('paths-pane'),
    toolbar: byId('toolbar'),
    selectionBar: byId('selection-bar'),
  };
}

export type PageElements = ReturnType<typeof pageElements>;
