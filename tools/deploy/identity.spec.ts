import { ROLES } from '@onestop/contracts';
import { REALM_FILE } from '@onestop/local-stack';
import { PlatformEnv } from '@onestop/platform';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { K8sObject, renderKustomization, ROOT } from './manifests';

interface Client {
  clientId: string;
  publicClient?: boolean;
  directAccessGrantsEnabled?: boolean;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  protocolMappers?: { name: string; protocolMapper: string; config: Record<string, string> }[];
  [field: string]: unknown;
}

interface Realm {
  realm: string;
  roles: { realm: { name: string }[] };
  clients: Client[];
  users?: unknown[];
  components: Record<string, { config: Record<string, string[]> }[]>;
}

const USER_PROFILE = 'org.keycloak.userprofile.UserProfileProvider';
const OVERLAYS = readdirSync(join(ROOT, 'k8s/overlays'));
const localRealm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as Realm;

const userProfile = (realm: Realm) =>
  JSON.parse(realm.components[USER_PROFILE][0].config['kc.user.profile.config'][0]) as unknown;
/** What the two realms' web clients must share: everything but where they send the browser back to. */
const withoutAddresses = ({ redirectUris: _redirects, webOrigins: _origins, attributes, ...client }: Client) => {
  const { 'post.logout.redirect.uris': _logout, ...rest } = attributes ?? {};
  return { ...client, attributes: rest };
};
const one = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);

/**
 * The cluster's realm (k8s/base/identity) and the local one that the sign-in test runs against a
 * real Keycloak must not drift apart: same roles, attributes and token claims; the cluster's has
 * no seed users and no client that signs in by password.
 */
describe.each(OVERLAYS)('the identity provider of the %s overlay', (overlay) => {
  let objects: K8sObject[];
  let realm: Realm;
  beforeAll(() => {
    objects = renderKustomization(`k8s/overlays/${overlay}`);
    realm = (one(objects, 'KeycloakRealmImport')[0]['spec'] as { realm: Realm }).realm;
  }, 60_000);

  it("imports the local realm's roles (the platform's), user attributes and web client, without its users and development client", () => {
    expect(realm.realm).toBe(localRealm.realm);
    expect(realm.roles.realm.map((role) => role.name).sort()).toEqual([...ROLES].sort());
    expect(localRealm.roles.realm.map((role) => role.name).sort()).toEqual([...ROLES].sort());
    expect(userProfile(realm)).toEqual(userProfile(localRealm));
    expect(realm.users ?? []).toEqual([]);
    expect(realm.clients.map((client) => client.clientId)).toEqual(['onestop-web']);
    expect(realm.clients.filter((client) => client.directAccessGrantsEnabled !== false)).toEqual([]);
    const localWeb = localRealm.clients.find((client) => client.clientId === 'onestop-web')!;
    expect(withoutAddresses(realm.clients[0])).toEqual(withoutAddresses(localWeb));
    expect(realm.clients[0].attributes!['pkce.code.challenge.method']).toBe('S256');
  });

  it("sends the browser back to the overlay's own https addresses only", () => {
    const web = realm.clients[0];
    for (const address of [...web.redirectUris!, ...web.webOrigins!, web.attributes!['post.logout.redirect.uris']]) {
      expect(address).toMatch(/^https:\/\/[a-z0-9.-]+(\/\*)?$/);
      expect(address).not.toContain('onestop.example');
    }
  });

  it('gives the services the issuer, keys and audience of the realm it deploys', () => {
    const [keycloak] = one(objects, 'Keycloak');
    const platform = one(objects, 'ConfigMap').find((object) => object.metadata.name.startsWith('onestop-platform'))![
      'data'
    ] as Record<string, string>;
    const issuer = `${(keycloak['spec'] as { hostname: { hostname: string } }).hostname.hostname}/realms/${realm.realm}`;
    expect(platform['AUTH_ISSUER']).toBe(issuer);
    expect(platform['AUTH_JWKS_URL']).toBe(`${issuer}/protocol/openid-connect/certs`);
    const audience = realm.clients[0].protocolMappers!.find(
      (mapper) => mapper.protocolMapper === 'oidc-audience-mapper',
    )!.config['included.custom.audience'];
    expect(platform['AUTH_AUDIENCE']).toBe(audience);
    expect(new PlatformEnv().AUTH_AUDIENCE).toBe(audience);
    const host = new URL(issuer).host;
    const ingress = one(objects, 'Ingress').find((object) => object.metadata.name === 'onestop-identity')!['spec'] as {
      rules: { host: string; http: { paths: { path: string }[] } }[];
    };
    expect(ingress.rules.map((rule) => [rule.host, rule.http.paths.map((path) => path.path)])).toEqual([
      [host, ['/realms', '/resources']],
    ]);
  });
});
