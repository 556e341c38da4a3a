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
  /**
   * The research console's own database, which never changes `status`: ok (answering, with
   * when its copy of the public data was taken), restarting (out of reach) or off (none).
   */
  console: z.object({
    state: z.enum(['ok', 'restarting', 'off']),
    copiedAt: z.string().nullable(),
  }),
});

export type HealthResponse = z.infer<typeof healthResponse>;
