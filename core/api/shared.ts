import { z } from 'zod';
import type { Plain } from '../plain';

/** Response shapes several endpoints share: Cytoscape.js elements, and problem+json. */

const plain: z.ZodType<Plain> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(plain),
    z.record(z.string(), plain),
  ]),
);

export const nodeElement = z
  .object({
    data: z
      .object({ id: z.string(), kind: z.string(), name_ja: z.string(), name_en: z.string() })
      .catchall(plain),
    position: z.object({ x: z.number(), y: z.number() }).optional(),
  })
  .meta({ id: 'NodeElement' });

export const edgeElement = z
  .object({
    data: z
      .object({ id: z.string(), source: z.string(), target: z.string(), type: z.string() })
      .catchall(plain),
  })
  .meta({ id: 'EdgeElement' });

export const elements = z
  .object({ nodes: z.array(nodeElement), edges: z.array(edgeElement) })
  .meta({
    id: 'Elements',
    description: 'Cytoscape.js elements (its JSON format: cy.add(elements))',
  });

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    field: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export { plain };
