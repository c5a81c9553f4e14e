import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acceptsConnections, livePid, runs, stopProcess } from './background-process';

/**
 * Keycloak as the local identity provider of the stack and the tests: the distribution Maven
 * resolves from Maven Central (org.keycloak:keycloak-quarkus-dist), unpacked once per instance under
 * .data/keycloak/<name>/ and run in development mode (`start-dev`: HTTP only, its embedded H2
 * database in dev-file mode) with the onestop realm of deploy/local/keycloak/onestop-realm.json.
 * Node built-ins only, like the Kafka broker's module beside it.
 */
export interface KeycloakOptions {
  /** The instance, and its folder under .data/keycloak/. Default 'default'. */
  name?: string;
  /** The HTTP port. Default: the port the instance last ran on, else 8180. */
  port?: number;
  /** How long startKeycloak waits for the started server's realm to answer (not counting a download). Default 180 s. */
  readyTimeoutMs?: number;
}

export interface StartedKeycloak extends KeycloakEndpoints {
  pid: number;
  /** How long this call took until the realm answered. */
  startedMs: number;
  /** The server was already up: this call only found it. */
  alreadyRunning: boolean;
}

export interface KeycloakStatus extends KeycloakEndpoints {
  name: string;
  /** The server's process while it is alive, answering or still starting. */
  pid: number | null;
  /** Alive and serving the realm. */
  running: boolean;
}

/** What the services and clients need of the realm: the AUTH_* settings and the token endpoint. */
export interface KeycloakEndpoints {
  /** The server, e.g. http://127.0.0.1:8180 (its admin console under /admin). */
  url: string;
  /** AUTH_ISSUER: the realm's URL, as the tokens' `iss` says it. */
  issuer: string;
  /** AUTH_JWKS_URL: the realm's signing keys. */
  jwksUrl: string;
  tokenUrl: string;
}

export const KEYCLOAK_VERSION = '26.5.6';
export const REALM = 'onestop';
export const REALM_FILE = join(__dirname, 'keycloak', 'onestop-realm.json');
/** The audience the realm puts in its tokens: the services' AUTH_AUDIENCE default. */
export const REALM_AUDIENCE = 'onestop';
/** The public client with direct access grants, for scripts and tests on a development machine. */
export const CLI_CLIENT = 'onestop-cli';
/** The administrator of Keycloak itself (master realm), made when an instance's database is new. */
export const DEVELOPMENT_ADMIN = { username: 'admin', password: 'onestop-dev' } as const;

const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz`;
const DATA_ROOT = join(__dirname, '..', '..', '.data', 'keycloak');
const JVM_ROOT = '/usr/lib/jvm';
const MINIMUM_JAVA = 21;
const HOST = '127.0.0.1';

interface Instance {
  name: string;
  port: number;
  readyTimeoutMs: number;
  dir: string;
  home: string;
  pidFile: string;
  log: string;
  endpoints: KeycloakEndpoints;
}

/** What the instance last started with: its port, and the realm file its database was seeded from. */
interface Remembered {
  port: number;
  realmSha256: string;
}

function instanceOf(options: KeycloakOptions): Instance {
  const name = options.name ?? 'default';
  // The name becomes a folder that resetKeycloak deletes: it must stay inside .data/keycloak/.
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(name)) {
    throw new Error(`invalid Keycloak instance name '${name}': use letters, digits, '-', '_' and '.'`);
  }
  const dir = join(DATA_ROOT, name);
  const port = checkedPort(options.port ?? remembered(dir)?.port ?? 8180);
  return {
    name,
    port,
    readyTimeoutMs: options.readyTimeoutMs ?? 180_000,
    dir,
    home: join(dir, `keycloak-${KEYCLOAK_VERSION}`),
    pidFile: join(dir, 'keycloak.pid'),
    log: join(dir, 'keycloak.log'),
    endpoints: keycloakEndpoints(port),
  };
}

export function keycloakEndpoints(port: number): KeycloakEndpoints {
  const url = `http://${HOST}:${port}`;
  const issuer = `${url}/realms/${REALM}`;
  return {
    url,
    issuer,
    jwksUrl: `${issuer}/protocol/openid-connect/certs`,
    tokenUrl: `${issuer}/protocol/openid-connect/token`,
  };
}

function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`invalid port '${port}'`);
  return port;
}

function remembered(dir: string): Remembered | undefined {
  const file = join(dir, 'instance.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Remembered) : undefined;
}

/** Starts the instance detached (it outlives the caller) and resolves once its realm answers. */
export async function startKeycloak(options: KeycloakOptions = {}): Promise<StartedKeycloak> {
  const began = Date.now();
  const instance = instanceOf(options);
  const runningPid = livePid(instance.pidFile, (pid) => isKeycloakProcess(pid, instance));
  if (runningPid !== null) {
    const running = remembered(instance.dir);
    if (running && running.port !== instance.port) {
      throw new Error(
        `Keycloak '${instance.name}' already runs at ${HOST}:${running.port}; stop it first to move it to port ${instance.port}`,
      );
    }
    await waitUntilServing(instance, runningPid, logEnd(instance));
    return { ...instance.endpoints, pid: runningPid, startedMs: Date.now() - began, alreadyRunning: true };
  }

  for (const port of [instance.port, managementPort(instance)]) {
    if (await acceptsConnections(HOST, port)) {
      throw new Error(
        `port ${port} on ${HOST} is taken by another process, not Keycloak '${instance.name}'; stop that process or choose another --port`,
      );
    }
  }
  const javaHome = findJavaHome();
  await unpackOnce(instance);
  seedRealm(instance);
  const logBefore = logEnd(instance);
  const pid = await spawnKeycloak(instance, javaHome);
  try {
    await waitUntilServing(instance, pid, logBefore);
  } catch (error) {
    await stopProcess(pid, (candidate) => isKeycloakProcess(candidate, instance));
    throw error;
  }
  return { ...instance.endpoints, pid, startedMs: Date.now() - began, alreadyRunning: false };
}

/** SIGTERM (Quarkus shuts down gracefully), SIGKILL after 30 s; does nothing when the instance is not running. */
export async function stopKeycloak(options: KeycloakOptions = {}): Promise<void> {
  const instance = instanceOf(options);
  const pid = livePid(instance.pidFile, (pid) => isKeycloakProcess(pid, instance));
  if (pid !== null) await stopProcess(pid, (candidate) => isKeycloakProcess(candidate, instance));
  rmSync(instance.pidFile, { force: true });
}

export async function keycloakStatus(options: KeycloakOptions = {}): Promise<KeycloakStatus> {
  const instance = instanceOf(options);
  const pid = livePid(instance.pidFile, (pid) => isKeycloakProcess(pid, instance));
  const running = pid !== null && (await servesRealm(instance));
  return { ...instance.endpoints, name: instance.name, pid, running };
}

/** Stops the instance and deletes it, database included: the next start imports the realm afresh. */
export async function resetKeycloak(options: KeycloakOptions = {}): Promise<void> {
  const { dir } = instanceOf(options);
  await stopKeycloak(options);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Keycloak 26 needs Java 21 or later, which the machine's default Java (17, for Kafka) is not: the
 * newest Temurin JDK under /usr/lib/jvm runs it, through JAVA_HOME for its process only.
 * KEYCLOAK_JAVA_HOME names another one.
 */
export function findJavaHome(): string {
  const configured = process.env['KEYCLOAK_JAVA_HOME'];
  if (configured) {
    if (!existsSync(join(configured, 'bin', 'java')))
      throw new Error(`KEYCLOAK_JAVA_HOME=${configured} has no bin/java`);
    return configured;
  }
  const candidates = (existsSync(JVM_ROOT) ? readdirSync(JVM_ROOT) : [])
    .map((entry) => ({ home: join(JVM_ROOT, entry), version: Number(/^temurin-(\d+)-jdk/.exec(entry)?.[1]) }))
    .filter(({ home, version }) => version >= MINIMUM_JAVA && existsSync(join(home, 'bin', 'java')))
    .sort((a, b) => b.version - a.version);
  if (!candidates.length) {
    throw new Error(
      `Keycloak ${KEYCLOAK_VERSION} needs a Java ${MINIMUM_JAVA}+ JDK and none was found as ${JVM_ROOT}/temurin-*-jdk*; ` +
        'install one (e.g. apt-get install temurin-25-jdk from Adoptium) or set KEYCLOAK_JAVA_HOME',
    );
  }
  return candidates[0].home;
}

/**
 * Maven resolves the distribution into its local repository (~/.m2, checksums strictly checked:
 * a mismatch fails) and copies it here; tar unpacks it (Maven's own unpacking drops the archive's
 * long file names), aside and then renamed, so a half-unpacked copy is never taken for a whole
 * one. Each instance has its own copy: start-dev keeps the database and the build it makes of the
 * server inside it.
 */
async function unpackOnce(instance: Instance): Promise<void> {
  if (existsSync(join(instance.home, 'bin', 'kc.sh'))) return;
  const partial = join(instance.dir, `unpacking-${process.pid}`);
  mkdirSync(partial, { recursive: true });
  try {
    const maven = await runTool(
      'mvn',
      ['-q', '-B', '-C', 'dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${partial}`],
      partial,
    );
    if (maven.exitCode !== 0) throw new Error(`Maven could not fetch ${ARTIFACT}: ${mavenFailure(maven.output)}`);
    const archive = join(partial, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.tar.gz`);
    const tar = await runTool('tar', ['-xzf', archive, '-C', partial]);
    if (tar.exitCode !== 0) throw new Error(`unpacking ${archive} failed: ${lastLines(tar.output, 5)}`);
    renameSync(join(partial, `keycloak-${KEYCLOAK_VERSION}`), instance.home);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * The realm file is the truth: --import-realm skips a realm that exists, so when the file has
 * changed since the instance's database was made, the database goes and the realm is imported
 * anew (with it whatever was changed in the admin console).
 */
function seedRealm(instance: Instance): void {
  const realm = readFileSync(REALM_FILE);
  const realmSha256 = createHash('sha256').update(realm).digest('hex');
  if (remembered(instance.dir)?.realmSha256 !== realmSha256)
    rmSync(join(instance.home, 'data', 'h2'), { recursive: true, force: true });
  const importDir = join(instance.home, 'data', 'import');
  mkdirSync(importDir, { recursive: true });
  copyFileSync(REALM_FILE, join(importDir, `${REALM}-realm.json`));
  const state: Remembered = { port: instance.port, realmSha256 };
  writeFileSync(join(instance.dir, 'instance.json'), JSON.stringify(state));
}

/** Quarkus's management interface (health, metrics) is off, but its port would default to 9000 for every instance. */
function managementPort(instance: Instance): number {
  return instance.port + 10;
}

async function spawnKeycloak(instance: Instance, javaHome: string): Promise<number> {
  const args = [
    join(instance.home, 'bin', 'kc.sh'),
    'start-dev',
    `--http-host=${HOST}`,
    `--http-port=${instance.port}`,
    `--http-management-port=${managementPort(instance)}`,
    '--hostname-strict=false',
    '--import-realm',
  ];
  const env = {
    ...process.env,
    JAVA_HOME: javaHome,
    KC_BOOTSTRAP_ADMIN_USERNAME: DEVELOPMENT_ADMIN.username,
    KC_BOOTSTRAP_ADMIN_PASSWORD: DEVELOPMENT_ADMIN.password,
  };
  const output = openSync(instance.log, 'a');
  try {
    // A session of its own: the server outlives the command or test run that started it, and its Ctrl-C.
    const child = spawn('sh', args, { detached: true, env, stdio: ['ignore', output, output] });
    await once(child, 'spawn');
    child.unref();
    writeFileSync(instance.pidFile, `${child.pid}\n`);
    return child.pid!;
  } finally {
    closeSync(output);
  }
}

async function waitUntilServing(instance: Instance, pid: number, logBefore: number): Promise<void> {
  const waitingSince = Date.now();
  const failure = (what: string) =>
    new Error(
      `Keycloak '${instance.name}' ${what}; the end of its log (${instance.log}):\n${writtenSince(instance, logBefore)}`,
    );
  while (!(await servesRealm(instance))) {
    if (!isKeycloakProcess(pid, instance)) throw failure('exited while starting');
    if (Date.now() - waitingSince > instance.readyTimeoutMs) {
      throw failure(
        `did not serve realm '${REALM}' at ${instance.endpoints.url} within ${instance.readyTimeoutMs / 1000} s`,
      );
    }
    await sleep(500);
  }
}

/** Ready means the realm is imported and its discovery document served, not merely the port open. */
async function servesRealm(instance: Instance): Promise<boolean> {
  try {
    const response = await fetch(`${instance.endpoints.issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok && ((await response.json()) as { issuer?: string }).issuer === instance.endpoints.issuer;
  } catch {
    return false;
  }
}

/** This instance's Keycloak: kc.sh, then the JVM it execs into, both run from the instance's copy. */
function isKeycloakProcess(pid: number, instance: Instance): boolean {
  return runs(pid, (commandLine) => commandLine.some((part) => part.includes(instance.home)));
}

const INSTALL_HINTS = {
  mvn: 'Maven is not installed (mvn is not on the PATH); apt-get install -y maven',
  tar: 'tar is not on the PATH',
} as const;

/** Runs in `cwd`, where Maven leaves its marker files among what is deleted afterwards. */
async function runTool(
  tool: keyof typeof INSTALL_HINTS,
  args: string[],
  cwd = process.cwd(),
): Promise<{ exitCode: number; output: string }> {
  const child = spawn(tool, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const [exitCode] = (await once(child, 'close').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(INSTALL_HINTS[tool]);
  })) as [number | null];
  return { exitCode: exitCode ?? 1, output };
}

/** Maven's first [ERROR] line says what failed; the ones after it are advice about -e and -X. */
function mavenFailure(output: string): string {
  const error = output.split('\n').find((line) => line.includes('[ERROR]'));
  return error ? error.slice(error.indexOf('[ERROR]') + '[ERROR]'.length).trim() : lastLines(output, 20);
}

function logEnd(instance: Instance): number {
  return existsSync(instance.log) ? statSync(instance.log).size : 0;
}

/** What the server wrote since `before`: older lines belong to earlier runs and would mislead. */
function writtenSince(instance: Instance, before: number): string {
  if (!existsSync(instance.log)) return '(Keycloak wrote nothing)';
  const content = readFileSync(instance.log);
  return (
    lastLines(content.subarray(content.length >= before ? before : 0).toString('utf8'), 20) ||
    '(Keycloak wrote nothing)'
  );
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** A user the realm file seeds, with the development password it is given. */
export interface SeedUser {
  /** Fixed in the realm file, so it is the `sub` of the user's tokens before anyone signs in. */
  id: string;
  username: string;
  password: string;
  /** As Vietnamese names are written: family and middle names, then the given name. */
  fullName: string;
  roles: string[];
  unitCode: string | null;
  provinceCode: string | null;
}

interface RealmUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  realmRoles?: string[];
  attributes?: Record<string, string[]>;
  credentials?: { type: string; value: string }[];
}

/** The realm file's users, for the listings of `npm run up`, the workbench it prepares for them and the tests' sign-ins. */
export function seedUsers(): SeedUser[] {
  const realm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as { users: RealmUser[] };
  return realm.users.map((user) => ({
    id: user.id,
    username: user.username,
    password: user.credentials?.find((credential) => credential.type === 'password')?.value ?? '',
    fullName: `${user.lastName} ${user.firstName}`,
    roles: user.realmRoles ?? [],
    unitCode: user.attributes?.['unit_code']?.[0] ?? null,
    provinceCode: user.attributes?.['province_code']?.[0] ?? null,
  }));
}

/**
 * A seed user's access token by the password grant of the development client: for scripts and
 * tests only (a browser signs in through onestop-web with PKCE instead).
 */
export async function passwordGrant(
  tokenUrl: string,
  username: string,
  password: string,
  clientId: string = CLI_CLIENT,
): Promise<string> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(
      `signing in ${username} at ${tokenUrl} failed (${response.status}): ${body.error_description ?? body.error ?? 'no access token'}`,
    );
  }
  return body.access_token;
}
