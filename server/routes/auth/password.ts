import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with node's memory-hard crypto.scrypt. Parameters (OWASP's minimum for
 * scrypt is N=2^17 with r=8, p=1, or an equivalent trade-off; we use N=2^15, r=8, p=1, which
 * takes 32 MiB and roughly 50–100 ms per hash on a server core):
 *   N = 2^15 (cost), r = 8 (block size), p = 1 (parallelism), 16-byte random salt, 64-byte key.
 * Stored as `scrypt$N$r$p$salt$hash` (base64), so the parameters can be raised later and old
 * hashes still verify. A hash is never logged, returned by the API, or backed up unless asked.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 64, saltLength: 16 } as const;

function derive(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keyLength: number,
) {
  return new Promise<Buffer>((resolve, reject) => {
    // maxmem must exceed 128 * N * r * p bytes (32 MiB here).
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N, r, p, maxmem: 256 * N * r * p },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, N, r, p, keyLength);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Burns the same time as a real check, so an unknown name cannot be told from a wrong password. */
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('kizuna-no-such-user');
  await verifyPassword(password, await dummyHash);
  return false;
}

export const PASSWORD_RULES = { min: 12, max: 256 } as const;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_RULES.min)
    return `must be at least ${PASSWORD_RULES.min} characters`;
  if (password.length > PASSWORD_RULES.max)
    return `must be at most ${PASSWORD_RULES.max} characters`;
  return null;
}
