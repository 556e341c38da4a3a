import { z } from 'zod';

export const healthResponse = z.object({
  /** ok: answering promptly; degraded: answering, but slowly or still warming up. */
  status: z.enum(['ok', 'degraded']),
  /** Why the status is degraded, in plain words; absent when ok. */
  reason: z.string().optional(),
  database: z.object({
    reachable: z.literal(true),
    version: z.string(),
    edition: z.string(),
    name: z.string(),
    latencyMs: z.number().int(),
  }),
  /** null when the database could not say (degraded before the plan could be read). */
  plan: z.object({ loaded: z.boolean(), nodes: z.number().int() }).nullable(),
});

export type HealthResponse = z.infer<typeof healthResponse>;
