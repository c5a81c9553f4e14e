import { KeycloakOptions } from './keycloak-server';

/** The tests' own Keycloak instance (port 18180), so `npm test` can run while `npm run up` serves 8180. */
export const TEST_KEYCLOAK: KeycloakOptions = { name: 'test', port: 18180 };
