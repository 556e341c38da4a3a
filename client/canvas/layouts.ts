import type cytoscape from 'cytoscape';
import type { LayoutName } from '../model/state';

/** Layout options by name; 'preset' and 'underpins' place nodes at positions given to them. */
export function layoutOptions(
  name: LayoutName,
  positions?: Record<string, { x: number; y: number }>,
): cytoscape.LayoutOptions {
  const common = { animate: false, fit: true, padding: 30 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: 'default',
        randomize: true,
        nodeSeparation: 80,
        idealEdgeLength: 80,
      } as cytoscape.LayoutOptions;
    case 'hierarchy':
      return {
        name: 'dagre',
        ...common,
        rankDir: 'RL',
        rankSep: 160,
        nodeSep: 8,
        edgeSep: 4,
      } as cytoscape.LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 12,
        concentric: (node: cytoscape.NodeSingular) => node.degree(false),
        levelWidth: () => 3,
      } as cytoscape.LayoutOptions;
    default:
      return {
        name: 'preset',
        ...common,
        positions: (node: cytoscape.NodeSingular) => positions?.[node.id()] ?? node.position(),
      } as cytoscape.LayoutOptions;
  }
}
