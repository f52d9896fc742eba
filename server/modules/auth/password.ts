import { hash, verify } from '@node-rs/argon2';
import { checkPassword } from '../../../shared/password-policy.ts';
import { AppError } from '../../lib/errors.ts';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check, so an unknown login cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('minyi-timing-equaliser-Aa1!');
  await verifyPassword(await dummyHash, password);
  return false;
}

export function assertPasswordPolicy(password: string, login: string): void {
  const problems = checkPassword(password, login);
  if (problems.length > 0)
    throw new AppError('PASSWORD_WEAK', `密码不符合安全要求：${problems.join('；')}`, { problems });
}
