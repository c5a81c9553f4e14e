import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PlatformEnv } from '../config/platform-env';
import { AuthGuard } from './auth.guard';
import { DEVELOPMENT_ISSUER, loadOrCreateDevelopmentKey } from './development-key';
import { TokenVerifier } from './token-verifier';

/** Default location of the development key, relative to the working directory. */
export const DEFAULT_DEVELOPMENT_KEY_FILE = '.data/auth/development-key.json';

async function createVerifier(env: PlatformEnv): Promise<TokenVerifier> {
  const settings = {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    rolesClaim: env.AUTH_ROLES_CLAIM,
    unitClaim: env.AUTH_UNIT_CLAIM,
    provinceClaim: env.AUTH_PROVINCE_CLAIM,
    maxLifetimeSeconds: env.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    clockSkewSeconds: env.AUTH_CLOCK_SKEW_SECONDS,
  };
  if (!env.AUTH_JWKS_URL) {
    const key = await loadOrCreateDevelopmentKey(env.AUTH_DEV_KEY_FILE ?? DEFAULT_DEVELOPMENT_KEY_FILE);
    return TokenVerifier.forLocalKeys({ keys: [key.publicJwk] }, settings);
  }
  const provider = TokenVerifier.forJwksUrl(env.AUTH_JWKS_URL, settings);
  // Both only when asked for by naming the key file beside the JWKS, which production refuses
  // (PlatformEnv): locally `npm run token` keeps working while sign-in goes through Keycloak.
  if (!env.AUTH_DEV_KEY_FILE) return provider;
  const key = await loadOrCreateDevelopmentKey(env.AUTH_DEV_KEY_FILE);
  return provider.alsoTrusting(DEVELOPMENT_ISSUER, { keys: [key.publicJwk] });
}

@Module({})
export class AuthModule {
  static forRoot(env: PlatformEnv): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useFactory: () => createVerifier(env) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
