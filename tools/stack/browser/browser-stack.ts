import {
  DEVELOPMENT_ADMIN,
  passwordGrant,
  REALM,
  REALM_AUDIENCE,
  startKeycloak,
  StartedKeycloak,
  startWebServer,
  stopWebServer,
  TEST_KEYCLOAK,
} from '@onestop/local-stack';
import { DEVELOPMENT_ISSUER, PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, TEST_KEY_FILE } from '@onestop/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceName } from '@onestop/contracts';
import { seedWorkbench } from '../seed-workbench';
import { SERVICES } from '../services';
import { WEB_BUILD } from '../web-application';

/** Every service: the screens call all six, the leaders' dashboard reporting among them. */
const PLATFORM_SERVICES = Object.keys(SERVICES) as ServiceName[];

export interface BrowserStack {
  /** The web application's origin, as the browser reaches it (nginx: the built pages and /api/<service>/). */
  web: string;
  keycloak: StartedKeycloak;
  services: Map<ServiceName, ServiceUnderTest<PlatformEnv>>;
  close(): Promise<void>;
}

/**
 * The platform as a person in a browser meets it: the services verifying the test Keycloak's
 * tokens (with the test's development key beside, for seeding), the seed users' officers and
 * signing certificates in place, and the built web application with the APIs on one origin.
 */
export async function startBrowserStack(name: string, port: number): Promise<BrowserStack> {
  if (!existsSync(join(WEB_BUILD, 'index.html')))
    throw new Error(`${WEB_BUILD} has no build: run npm run web:build (npm test builds it first)`);
  const keycloak = await startKeycloak(TEST_KEYCLOAK);
  const web = `http://127.0.0.1:${port}`;
  const forgetWebOrigin = await allowWebOrigin(keycloak, web);
  const pkiDir = mkdtempSync(join(tmpdir(), `onestop-${name}-pki-`));
  const settings = {
    AUTH_JWKS_URL: keycloak.jwksUrl,
    AUTH_ISSUER: keycloak.issuer,
    AUTH_AUDIENCE: REALM_AUDIENCE,
    AUTH_DEV_KEY_FILE: TEST_KEY_FILE,
    // Only what happens during this test reaches its databases: the seed units are shared with other tests.
    KAFKA_CONSUMER_START: 'latest',
    PKI_DIR: pkiDir,
    // A signed result's QR code leads to this test's web application (digital-signature's setting; the others ignore it).
    PUBLIC_WEB_URL: web,
    // Every browser on this machine takes numbers from one address all day long: intake's online allowances would run out.
    ONLINE_TICKETS_PER_ADDRESS: '10000',
    ONLINE_TICKETS_PER_UNIT: '10000',
  };
  const services = new Map<ServiceName, ServiceUnderTest<PlatformEnv>>();
  const close = async () => {
    try {
      await stopWebServer(name);
      await Promise.all([...services.values()].map((service) => service.close()));
      rmSync(pkiDir, { recursive: true, force: true });
    } finally {
      await forgetWebOrigin();
    }
  };
  try {
    await Promise.all(
      PLATFORM_SERVICES.map(async (service) =>
        services.set(
          service,
          await startServiceWithDatabase(SERVICES[service].definition, SERVICES[service].schema, settings),
        ),
      ),
    );
    await seedWorkbench(
      { routing: services.get('routing')!.url, signature: services.get('digital-signature')!.url },
      { token: { keyFile: TEST_KEY_FILE, issuer: DEVELOPMENT_ISSUER, audience: REALM_AUDIENCE }, pki: { dir: pkiDir } },
    );
    await startWebServer({
      name,
      port,
      root: WEB_BUILD,
      services: Object.fromEntries([...services].map(([service, running]) => [service, running.url])),
      runtimeConfig: {
        oidc: { authority: keycloak.issuer, clientId: 'onestop-web' },
        publicLookupUrl: `${web}/tra-cuu`,
        provinceCode: '46',
      },
    });
    return { web, keycloak, services, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The realm's browser client accepts this test's origin for its redirects, as it does
 * http://127.0.0.1:3000 for `npm run up`, until the returned function puts the client back as it
 * was: the test Keycloak is shared, and other tests read the client as the realm file defines it.
 */
async function allowWebOrigin(keycloak: StartedKeycloak, origin: string): Promise<() => Promise<void>> {
  // A token per call: the admin's token lives a minute, and the client is put back when the test ends.
  const admin = async (path: string, init: RequestInit = {}) => {
    const token = await passwordGrant(
      `${keycloak.url}/realms/master/protocol/openid-connect/token`,
      DEVELOPMENT_ADMIN.username,
      DEVELOPMENT_ADMIN.password,
      'admin-cli',
    );
    return fetch(`${keycloak.url}/admin/realms/${REALM}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  };
  const current = async () => ((await (await admin('/clients?clientId=onestop-web')).json()) as BrowserClient[])[0];
  const put = async (client: BrowserClient) => {
    const response = await admin(`/clients/${client.id}`, { method: 'PUT', body: JSON.stringify(client) });
    if (!response.ok) throw new Error(`Keycloak refused the browser client's change for ${origin}: ${response.status}`);
  };
  // Read again before each change: other browser tests may add or remove their own origins meanwhile.
  // A crashed earlier run may have left the origin in, so it is removed before it is added.
  const withoutOrigin = (client: BrowserClient) => changeOrigin(client, origin, false);
  await put(changeOrigin(withoutOrigin(await current()), origin, true));
  return async () => put(withoutOrigin(await current()));
}

interface BrowserClient {
  id: string;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
}

/** The client with one origin's redirects, logout redirects and web origin added or taken out. */
function changeOrigin(client: BrowserClient, origin: string, add: boolean): BrowserClient {
  const redirect = `${origin}/*`;
  const logoutRedirects = (client.attributes['post.logout.redirect.uris'] ?? '')
    .split('##')
    .filter((uri) => uri && uri !== redirect);
  const others = <T>(values: T[], value: T) => values.filter((each) => each !== value);
  return {
    ...client,
    redirectUris: [...others(client.redirectUris, redirect), ...(add ? [redirect] : [])],
    webOrigins: [...others(client.webOrigins, origin), ...(add ? [origin] : [])],
    attributes: {
      ...client.attributes,
      'post.logout.redirect.uris': [...logoutRedirects, ...(add ? [redirect] : [])].join('##'),
    },
  };
}
