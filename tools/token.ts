import 'reflect-metadata';
import { isRole, ROLES } from '@onestop/contracts';
import {
  DEFAULT_DEVELOPMENT_KEY_FILE,
  loadConfig,
  loadOrCreateDevelopmentKey,
  PlatformEnv,
  signDevelopmentToken,
} from '@onestop/platform';
import { parseArgs } from 'node:util';
import { failAndExit } from './stack/cli';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--unit <unit code>] [--province <code>] [--subject <id>] [--expires 8h]`;

/** Prints a development token signed with the local key. Refused when production settings are on. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      unit: { type: 'string' },
      province: { type: 'string', default: '46' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (process.env['NODE_ENV'] === 'production' || process.env['AUTH_JWKS_URL']) {
    throw new Error(
      'refused: production settings are on (NODE_ENV=production or AUTH_JWKS_URL); tokens come from the identity provider',
    );
  }
  if (!values.role || !isRole(values.role))
    throw new Error(`--role is required and must be one of ${ROLES.join(', ')}\n${USAGE}`);
  const env = loadConfig(PlatformEnv, process.env, { PORT: '1', DATABASE_URL: 'postgres://unused/unused' });
  const key = await loadOrCreateDevelopmentKey(env.AUTH_DEV_KEY_FILE ?? DEFAULT_DEVELOPMENT_KEY_FILE);
  const token = await signDevelopmentToken(key, {
    subject: values.subject ?? `dev-${values.role}${values.unit ? `-${values.unit}` : ''}`,
    roles: [values.role],
    unitCode: values.unit,
    provinceCode: values.province,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch(failAndExit('token'));
