import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Node,
  type Relationship,
} from 'neo4j-driver';

import type { Plain, PlainNode, PlainPath, PlainRelationship } from '../core/plain';

export type { Plain };

/**
 * Converts driver values at the boundary: Integers become numbers (or strings beyond
 * 2^53), temporals ISO strings, and nodes/relationships/paths tagged plain objects.
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value) ||
    isPoint(value)
  ) {
    return value.toString();
  }
  if (isNode(value)) return plainNode(value);
  if (isRelationship(value)) return plainRelationship(value);
  if (isPath(value)) {
    return {
      $type: 'path',
      start: plainNode(value.start),
      end: plainNode(value.end),
      segments: value.segments.map((segment) => ({
        start: plainNode(segment.start),
        relationship: plainRelationship(segment.relationship),
        end: plainNode(segment.end),
      })),
    } satisfies PlainPath;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') {
    const out: { [key: string]: Plain } = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  return String(value);
}

/** Properties as plain values: an object in, an object out. */
const plainProperties = (properties: object) => toPlain(properties) as { [key: string]: Plain };

function plainNode(node: Node): PlainNode {
  return {
    $type: 'node',
    elementId: node.elementId,
    labels: [...node.labels],
    properties: plainProperties(node.properties),
  };
}

function plainRelationship(relationship: Relationship): PlainRelationship {
  return {
    $type: 'relationship',
    elementId: relationship.elementId,
    type: relationship.type,
    start: relationship.startNodeElementId,
    end: relationship.endNodeElementId,
    properties: plainProperties(relationship.properties),
  };
}
