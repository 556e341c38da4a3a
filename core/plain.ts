/** JSON-ready values: what everything above graph/ sees instead of driver types. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

// How graph/to-plain.ts hands over Neo4j's nodes, relationships and paths, and what the
// workbench draws from them. Type aliases, not interfaces: an alias of an object type is a
// Plain object too, so a guard can narrow a Plain value to it.
export type PlainNode = {
  $type: 'node';
  elementId: string;
  labels: string[];
  properties: { [key: string]: Plain };
};

export type PlainRelationship = {
  $type: 'relationship';
  elementId: string;
  type: string;
  start: string;
  end: string;
  properties: { [key: string]: Plain };
};

export type PlainPathSegment = {
  start: PlainNode;
  relationship: PlainRelationship;
  end: PlainNode;
};

export type PlainPath = {
  $type: 'path';
  start: PlainNode;
  end: PlainNode;
  segments: PlainPathSegment[];
};
