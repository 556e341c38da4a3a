import { z } from 'zod';
import { ROLES } from '../model/roles';

export const accountName = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'may hold only letters, digits and . _ @ -');

export const loginBody = z
  .object({
    name: accountName,
    password: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBody>;

export const accountView = z
  .object({ name: z.string(), role: z.enum(ROLES) })
  .meta({ id: 'Account' });

export const sessionResponse = z
  .object({
    account: accountView.nullable(),
    csrf_token: z
      .string()
      .nullable()
      .meta({ description: 'Send it in the X-CSRF-Token header with every write' }),
    require_sign_in: z.boolean(),
  })
  .meta({ id: 'Session' });

export type Session = z.infer<typeof sessionResponse>;
