import 'reflect-metadata';
import { SERVICE_NAMES, SERVICE_PORTS, ServiceName } from '@onestop/contracts';
import { NOTIFICATION_KINDS } from '@onestop/notification';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEVELOPMENT_ADMIN,
  MessageSinks,
  notificationChannelsFor,
  REALM_AUDIENCE,
  seedUsers,
  startBroker,
  startKeycloak,
  StartedKeycloak,
  startMessageSinks,
  startWebServer,
  stopBroker,
  stopKeycloak,
  stopWebServer,
} from '@onestop/local-stack';
import { DEFAULT_DEVELOPMENT_KEY_FILE, DEVELOPMENT_ISSUER } from '@onestop/platform';
import { failAndExit } from './stack/cli';
import { databaseUrlOf, migrateService } from './stack/migrations';
import { ROOT } from './stack/run';
import { seedWorkbench, workbenchSummary } from './stack/seed-workbench';
import { checkServers } from './stack/servers';
import { ensureSystemTools, STACK_PACKAGES } from './stack/system-tools';
import { ensureWebBuild } from './stack/web-application';

const LOGS = join(ROOT, '.data', 'logs');
const children = new Map<ServiceName, ChildProcess>();
let kafkaStartedHere = false;
let keycloakStartedHere = false;
let messageSinks: MessageSinks | null = null;
let webStartedHere = false;
const WEB_SERVER = 'local';
/** `--simulated`: the services share one simulated time that `npm run clock` moves. */
const simulated = process.argv.slice(2).includes('--simulated');

function portOf(service: ServiceName): number {
  return Number(process.env[`${service.toUpperCase().replace(/-/g, '_')}_PORT`] ?? SERVICE_PORTS[service]);
}

/**
 * On one machine every client is 127.0.0.1: the limits per address would count a whole desk
 * office, a load test or a demo as one caller, and one script's wrong look-ups would lock everyone
 * out of the status look-up for an hour. Locally those are sized for a machine, the per-account
 * limit too; the per-code look-up locks keep their production defaults. The environment overrides
 * them; the cluster runs the defaults (docs/security.md).
 */
const LOCAL_LIMITS = {
  API_RATE_LIMIT_PER_MINUTE: '60000',
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '600000',
  LOOKUP_MAX_WRONG_TRIES_PER_ADDRESS: '2000',
};

/**
 * The services verify Keycloak's tokens, and the development key's beside them so that
 * `npm run token` keeps working for scripts; AUTH_JWKS_URL in the environment (another provider)
 * replaces both.
 */
function authSettings(keycloak: StartedKeycloak | null): Record<string, string> {
  if (!keycloak) return {};
  return {
    AUTH_JWKS_URL: keycloak.jwksUrl,
    AUTH_ISSUER: keycloak.issuer,
    AUTH_AUDIENCE: REALM_AUDIENCE,
    AUTH_DEV_KEY_FILE: DEFAULT_DEVELOPMENT_KEY_FILE,
  };
}

function startService(service: ServiceName, kafkaBrokers: string, settings: Record<string, string>): ChildProcess {
  const log = createWriteStream(join(LOGS, `${service}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['-r', './tools/ts-register.js', `apps/${service}/src/main.ts`], {
    cwd: ROOT,
    env: {
      ...LOCAL_LIMITS,
      ...process.env,
      PORT: String(portOf(service)),
      DATABASE_URL: databaseUrlOf(service),
      KAFKA_BROKERS: kafkaBrokers,
      ...settings,
      ...(simulated ? { CLOCK: 'simulated' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  child.on('exit', (code, signal) => {
    if (children.has(service))
      console.log(`up: ${service} exited (${signal ?? code}); its log: .data/logs/${service}.log`);
    children.delete(service);
  });
  return child;
}

async function waitUntilReady(service: ServiceName, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!children.has(service)) throw new Error(`${service} stopped while starting; see .data/logs/${service}.log`);
    const ready = await fetch(`http://127.0.0.1:${portOf(service)}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${service} was not ready within ${timeoutMs / 1000} s; see .data/logs/${service}.log`);
}

async function shutdown(code: number): Promise<never> {
  const running = [...children.entries()];
  children.clear();
  running.forEach(([, child]) => child.kill('SIGTERM'));
  await Promise.all(
    running.map(
      ([, child]) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
    ),
  );
  if (kafkaStartedHere) await stopBroker();
  if (keycloakStartedHere) await stopKeycloak();
  if (webStartedHere) await stopWebServer(WEB_SERVER);
  await messageSinks?.close();
  console.log('up: stopped');
  process.exit(code);
}

/** The web application's port: WEB_PORT, else 3000. */
const webPort = () => Number(process.env['WEB_PORT'] ?? 3000);

/**
 * Where the services send citizens on the web application this starts, unless set otherwise: a
 * signed result's QR code to its verification page, the hand-over notice's rating link to its look-up.
 */
function publicWebSettings(service: ServiceName): Record<string, string> {
  const web = `http://127.0.0.1:${webPort()}`;
  if (service === 'digital-signature' && !process.env['PUBLIC_WEB_URL']) return { PUBLIC_WEB_URL: web };
  if (service === 'notification' && !process.env['PUBLIC_LOOKUP_PAGE_URL'])
    return { PUBLIC_LOOKUP_PAGE_URL: `${web}/tra-cuu` };
  return {};
}

/**
 * The web application and the APIs on one origin (nginx, deploy/local/web-server.ts), signing in
 * at the started Keycloak's realm or at AUTH_ISSUER. Returns its address, or null with the reason
 * printed when there is nothing to serve yet.
 */
async function startWebApplication(keycloak: StartedKeycloak | null): Promise<string | null> {
  const authority = keycloak?.issuer ?? process.env['AUTH_ISSUER'];
  const build = await ensureWebBuild();
  if (build.root === null || !authority) {
    console.log(
      `up: the web application is not served: ${build.root === null ? build.reason : 'AUTH_ISSUER names no identity provider to sign in at'}`,
    );
    return null;
  }
  if (build.note) console.log(`up: ${build.note}`);
  const port = webPort();
  const web = await startWebServer({
    name: WEB_SERVER,
    port,
    root: build.root,
    services: Object.fromEntries(SERVICE_NAMES.map((service) => [service, `http://127.0.0.1:${portOf(service)}`])),
    runtimeConfig: {
      oidc: { authority, clientId: process.env['WEB_OIDC_CLIENT_ID'] ?? 'onestop-web' },
      publicLookupUrl: `http://127.0.0.1:${port}/tra-cuu`,
      // The seed data's province.
      provinceCode: process.env['PROVINCE_CODE'] ?? '46',
    },
  });
  webStartedHere = true;
  return web.url;
}

/**
 * `npm run up`: nginx installed when missing, PostgreSQL and Redis checked, Kafka started (unless
 * KAFKA_BROKERS names a cluster) and Keycloak (unless AUTH_JWKS_URL names another identity
 * provider), databases created and migrated, the six services started, the web application
 * built when its sources changed and served with the APIs on WEB_PORT, and the URLs printed.
 * With `-- --simulated` they run on a shared simulated time. Ctrl-C stops all it started.
 */
async function main(): Promise<void> {
  ensureSystemTools(STACK_PACKAGES, 'up');
  await checkServers('postgres://postgres@127.0.0.1:5432', process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  // Side by side, each marked as started here as soon as it is, so a failure of the other stops it.
  const [kafkaBrokers, keycloak] = await Promise.all([
    process.env['KAFKA_BROKERS'] ??
      startBroker().then((broker) => {
        kafkaStartedHere = !broker.alreadyRunning;
        console.log(
          `up: kafka ${broker.alreadyRunning ? 'already running' : `ready in ${(broker.startedMs / 1000).toFixed(1)} s`} at ${broker.brokers}`,
        );
        return broker.brokers;
      }),
    process.env['AUTH_JWKS_URL']
      ? null
      : startKeycloak().then((started) => {
          keycloakStartedHere = !started.alreadyRunning;
          console.log(
            `up: keycloak ${started.alreadyRunning ? 'already running' : `ready in ${(started.startedMs / 1000).toFixed(1)} s`} at ${started.url}`,
          );
          return started;
        }),
  ]);
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  for (const service of SERVICE_NAMES) {
    const outcome = await migrateService(service);
    console.log(`up: migrated ${service} (${outcome.applied.length ? outcome.applied.join(', ') : 'up to date'})`);
  }
  mkdirSync(LOGS, { recursive: true });
  const sinks = await startMessageSinks({
    smtp: Number(process.env['LOCAL_SMTP_PORT'] ?? 1025),
    http: Number(process.env['LOCAL_MESSAGES_PORT'] ?? 3090),
  });
  messageSinks = sinks;
  for (const service of SERVICE_NAMES) {
    children.set(
      service,
      startService(service, kafkaBrokers, {
        ...authSettings(keycloak),
        ...publicWebSettings(service),
        ...(service === 'notification' && !process.env['SMTP_URL']
          ? notificationChannelsFor(sinks, Object.keys(NOTIFICATION_KINDS))
          : {}),
      }),
    );
  }
  await Promise.all(SERVICE_NAMES.map((service) => waitUntilReady(service)));
  if (keycloak) await prepareWorkbench();
  const webUrl = await startWebApplication(keycloak);
  console.log('\nOneStop is running (logs in .data/logs, Ctrl-C stops it):');
  if (webUrl) console.log(`  Web application: ${webUrl}   (the APIs at ${webUrl}/api/<service>/)`);
  for (const service of SERVICE_NAMES) {
    const url = `http://127.0.0.1:${portOf(service)}`;
    console.log(`  ${service.padEnd(18)} ${url}   docs ${url}/docs   health ${url}/health/ready`);
  }
  if (keycloak) printSignIn(keycloak);
  if (!process.env['SMTP_URL'])
    console.log(`\nWhat the platform sends (e-mail, SMS, Zalo), on this machine only: ${sinks.pageUrl}`);
  console.log('\nA development token: npm run token -- --role desk-officer --unit 19753');
  console.log(
    "Officials' signing certificates (development PKI in .data/pki): npm run pki:dev -- issue --user <id> --unit <commune> --name <name>",
  );
  if (simulated)
    console.log(
      'Simulated time, shared by the services: npm run clock -- show | advance 1d12h | set 2026-12-01T08:00:00+07:00 | rate 720 | reset',
    );
}

/**
 * The realm's seed users sign in with fixed ids: their officer registrations and the leaders'
 * signing certificates are made for those ids, once (a later run finds them and changes nothing).
 * A failure leaves the stack running, for scripts and tokens, and says what the browser will miss.
 */
async function prepareWorkbench(): Promise<void> {
  try {
    const seeding = await seedWorkbench(
      {
        routing: `http://127.0.0.1:${portOf('routing')}`,
        signature: `http://127.0.0.1:${portOf('digital-signature')}`,
      },
      {
        token: {
          keyFile: resolve(ROOT, DEFAULT_DEVELOPMENT_KEY_FILE),
          issuer: DEVELOPMENT_ISSUER,
          audience: REALM_AUDIENCE,
        },
        pki: {
          dir: resolve(ROOT, process.env['PKI_DIR'] ?? '.data/pki'),
          keyEncryptionSecret: process.env['KEY_ENCRYPTION_SECRET'],
        },
      },
    );
    console.log(`up: ${workbenchSummary(seeding)}`);
  } catch (error) {
    console.log(
      `up: the seed users' workbench is not ready (dossiers will not be assigned or signed for them): ${(error as Error).message}`,
    );
  }
}

/** Where to sign in, and as whom: the realm's seed users and their development passwords. */
function printSignIn(keycloak: StartedKeycloak): void {
  console.log(`\nSign-in (Keycloak, local development only): realm ${keycloak.issuer}`);
  console.log(
    `  admin console      ${keycloak.url}/admin   ${DEVELOPMENT_ADMIN.username} / ${DEVELOPMENT_ADMIN.password}`,
  );
  console.log(
    '  browser client     onestop-web (code flow with S256 PKCE, redirects to http://127.0.0.1:3000/* and http://localhost:3000/*)',
  );
  console.log(
    `  a token by script  curl -s -d grant_type=password -d client_id=onestop-cli -d username=desk.phuxuan -d password=… ${keycloak.tokenUrl}`,
  );
  for (const user of seedUsers()) {
    const reach = user.unitCode
      ? `unit ${user.unitCode}, province ${user.provinceCode}`
      : `province ${user.provinceCode ?? '-'}`;
    console.log(`  ${user.username.padEnd(20)} ${user.password.padEnd(14)} ${user.roles.join(', ')} (${reach})`);
  }
}

main().catch(async (error) => {
  if (children.size || kafkaStartedHere || keycloakStartedHere || webStartedHere) {
    process.stderr.write(`up: ${(error as Error).message}\n`);
    await shutdown(1);
  }
  failAndExit('up')(error);
});
