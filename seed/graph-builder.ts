import type {
  GraphModel,
  GraphNode,
  GraphRelationship,
  NodeLabel,
  NodeRef,
  Properties,
  RelationshipType,
} from '../core/model/graph-model';
import { searchKeyOf } from '../core/search-terms';
import { checkUnique } from './curation-checks';
import { mergeEvidence } from './merge-evidence';

export const ref = (label: NodeLabel, id: string): NodeRef => ({ label, id });

/**
 * The graph as buildGraph's steps add to it: nodes in the order they come, and every piece of
 * evidence for a relationship as its own entry, which finish() merges into one relationship
 * per (start, type, end) holding them all.
 */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly relationships: GraphRelationship[] = [];

  node(label: NodeLabel, id: string, properties: Properties): NodeRef {
    this.nodes.push({ label, id, properties });
    return ref(label, id);
  }

  relate(type: RelationshipType, from: NodeRef, to: NodeRef, properties: Properties): void {
    this.relationships.push({ type, from, to, key: `${type}|${from.id}|${to.id}`, properties });
  }

  /** The merged graph, checked for one node per id and one relationship per key, with search keys. */
  finish(): GraphModel {
    const merged = mergeEvidence(this.relationships);
    checkUnique(this.nodes, merged);
    for (const node of this.nodes) node.properties.search_key = searchKeyOf(node.properties);
    return { nodes: this.nodes, relationships: merged };
  }
}
