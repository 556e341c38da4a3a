import { z } from 'zod';

const property = z.object({ name: z.string(), types: z.array(z.string()) });

export const schemaResponse = z
  .object({
    labels: z.array(
      z.object({ label: z.string(), count: z.number().int(), properties: z.array(property) }),
    ),
    relationshipTypes: z.array(
      z.object({ type: z.string(), count: z.number().int(), properties: z.array(property) }),
    ),
    propertyKeys: z.array(z.string()),
    fulltextIndexes: z.array(z.object({ name: z.string(), language: z.enum(['ja', 'en']) })),
  })
  .meta({ id: 'Schema' });

export type GraphSchema = z.infer<typeof schemaResponse>;
