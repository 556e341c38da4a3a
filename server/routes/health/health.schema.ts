import { z } from 'zod';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.object({
    reachable: z.literal(true),
    version: z.string(),
    edition: z.string(),
    name: z.string(),
  }),
  plan: z.object({ loaded: z.boolean(), nodes: z.number().int() }),
});

export type HealthResponse = z.infer<typeof healthResponse>;
