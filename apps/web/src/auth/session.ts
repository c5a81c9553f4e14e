import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { RuntimeConfig } from '../config/runtime-config';

export const SIGN_IN_CALLBACK_PATH = '/dang-nhap/xong';

/** The roles a token may carry, as the services read them. */
export type Role = 'citizen' | 'desk-officer' | 'specialist' | 'unit-leader' | 'province-leader' | 'province-admin';

/** Who is signed in, from the access token the services will read (not the ID token): the same roles, unit and province. */
export interface Principal {
  subject: string;
  name: string;
  roles: Role[];
  unitCode: string | null;
  provinceCode: string | null;
}

/**
 * Authorization code with S256 PKCE; the session lives in this tab's sessionStorage (closing the
 * tab signs out of the application, not of the provider), and tokens are renewed before they expire
 * with the refresh token, which needs no iframe and so no frame-src exception for renewals.
 */
export function createUserManager(config: RuntimeConfig): UserManager {
  return new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    redirect_uri: `${window.location.origin}${SIGN_IN_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    monitorSession: false,
  });
}

function claimsOf(accessToken: string): Record<string, unknown> {
  const payload = accessToken.split('.')[1] ?? '';
  const json = decodeURIComponent(
    Array.from(
      atob(payload.replace(/-/g, '+').replace(/_/g, '/')),
      (character) => `%${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
    ).join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

export function principalOf(user: User): Principal {
  const claims = claimsOf(user.access_token);
  const roles = Array.isArray(claims['roles']) ? (claims['roles'] as Role[]) : [];
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  return {
    subject: String(claims['sub'] ?? user.profile.sub),
    name: text(user.profile.name) ?? text(user.profile.preferred_username) ?? String(user.profile.sub),
    roles,
    unitCode: text(claims['unit_code']),
    provinceCode: text(claims['province_code']),
  };
}

export const hasAnyRole = (principal: Principal | null, roles: readonly Role[]) =>
  Boolean(principal?.roles.some((role) => roles.includes(role)));
