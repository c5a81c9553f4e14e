import { Role } from '@onestop/contracts';
import { loadOrCreateDevelopmentKey, signDevelopmentToken } from '@onestop/platform';
import { join } from 'node:path';

/** The key the services under test verify with (passed to them as AUTH_DEV_KEY_FILE). */
export const TEST_KEY_FILE = join(__dirname, '../../../../.data/test/auth-key.json');
export const TEST_ISSUER = 'onestop-test';
export const TEST_AUDIENCE = 'onestop';

export async function tokenFor(
  role: Role,
  unitCode?: string,
  provinceCode = '46',
  subject = `${role}-${unitCode ?? 'none'}`,
): Promise<string> {
  const key = await loadOrCreateDevelopmentKey(TEST_KEY_FILE);
  return signDevelopmentToken(key, {
    subject,
    roles: [role],
    unitCode,
    provinceCode,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
  });
}

/**
 * A token with exactly these role claims, known or not (the verifier drops unknown ones): for the
 * tokens jurisdiction must refuse, such as a unit claim with no officer role.
 */
export async function tokenWithRoles(
  roles: readonly string[],
  unitCode: string | undefined,
  provinceCode: string | undefined,
  subject: string,
): Promise<string> {
  const key = await loadOrCreateDevelopmentKey(TEST_KEY_FILE);
  return signDevelopmentToken(key, {
    subject,
    roles: roles as Role[],
    unitCode,
    provinceCode,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
  });
}
