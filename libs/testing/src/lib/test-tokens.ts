import { Role } from '@onestop/contracts';
import { loadOrCreateDevelopmentKey, signDevelopmentToken } from '@onestop/platform';
import { join } from 'node:path';

/** The key the services under test verify with (passed to them as AUTH_DEV_KEY_FILE). */
export const TEST_KEY_FILE = join(__dirname, '../../../../.data/test/auth-key.json');
export const TEST_ISSUER = 'onestop-test';
export const TEST_AUDIENCE = 'onestop';

export async function tokenFor(role: Role, unitCode?: string, provinceCode = '46', subject = `${role}-${unitCode ?? 'none'}`): Promise<string> {
  const key = await loadOrCreateDevelopmentKey(TEST_KEY_FILE);
  return signDevelopmentToken(key, { subject, roles: [role], unitCode, provinceCode, issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
}
