import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acceptsConnections, livePid, runs, stopProcess } from './background-process';
import { authorityOriginOf, WebRuntimeConfig, WebSite, webServerConfig } from './web-server-config';

export type { WebRuntimeConfig } from './web-server-config';

/**
 * Debian's nginx as the local web server: the built web application and the six services' APIs
 * on one origin, as the cluster's ingress serves them. Each named instance keeps its
 * configuration, runtime config, pid, temporary files and logs in .data/web/<name>/ and runs as
 * the current user, in the foreground (`daemon off`) of a detached process of its own.
 */
export interface WebServerOptions {
  /** The instance, and its folder under .data/web/. */
  name: string;
  port: number;
  /** The built application (dist/apps/web): index.html and assets/. */
  root: string;
  /** Each service's name to its base URL (http://127.0.0.1:3001): served at /api/<service>/. */
  services: Record<string, string>;
  /** Served as /config.json; its OIDC authority's origin is the only other one the pages may reach. */
  runtimeConfig: WebRuntimeConfig;
  /** How long startWebServer waits for nginx to listen. Default 10 s. */
  readyTimeoutMs?: number;
}

export interface StartedWebServer {
  url: string;
  pid: number;
  /** The nginx.conf it runs, to read or to check with `nginx -t -c`. */
  configFile: string;
  errorLog: string;
}

const DATA_ROOT = join(__dirname, '..', '..', '.data', 'web');
const HOST = '127.0.0.1';
const MIME_TYPES = '/etc/nginx/mime.types';
const INSTALL_HINT = 'install it with: apt-get install -y nginx';

interface Instance {
  name: string;
  dir: string;
  configFile: string;
  pidFile: string;
  errorLog: string;
}

function instanceOf(name: string): Instance {
  // The name becomes a folder: it must stay inside .data/web/.
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(name))
    throw new Error(`invalid web server name '${name}': use letters, digits, '-', '_' and '.'`);
  const dir = join(DATA_ROOT, name);
  return {
    name,
    dir,
    configFile: join(dir, 'nginx.conf'),
    pidFile: join(dir, 'nginx.pid'),
    errorLog: join(dir, 'error.log'),
  };
}

/**
 * Writes the instance's nginx.conf and config.json and starts nginx on them; an instance already
 * running is stopped first, so the new settings always apply. Resolves once nginx listens.
 */
export async function startWebServer(options: WebServerOptions): Promise<StartedWebServer> {
  const instance = instanceOf(options.name);
  await stopWebServer(options.name);
  if (await acceptsConnections(HOST, options.port)) {
    throw new Error(
      `port ${options.port} on ${HOST} is taken by another process, not web server '${instance.name}'; stop that process or choose another port`,
    );
  }
  const root = resolve(options.root);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${root} has no index.html: build the web application first`);
  writeConfiguration(instance, options);
  const logBefore = existsSync(instance.errorLog) ? statSync(instance.errorLog).size : 0;
  const pid = await spawnNginx(instance);
  try {
    await waitUntilListening(instance, pid, options.port, options.readyTimeoutMs ?? 10_000, logBefore);
  } catch (error) {
    await stopProcess(pid, (candidate) => isNginxOf(candidate, instance));
    throw error;
  }
  return { url: `http://${HOST}:${options.port}`, pid, configFile: instance.configFile, errorLog: instance.errorLog };
}

/** Stops the instance's nginx (SIGTERM); does nothing when it is not running. */
export async function stopWebServer(name: string): Promise<void> {
  const instance = instanceOf(name);
  const pid = livePid(instance.pidFile, (candidate) => isNginxOf(candidate, instance));
  if (pid !== null) await stopProcess(pid, (candidate) => isNginxOf(candidate, instance));
  rmSync(instance.pidFile, { force: true });
}

function writeConfiguration(instance: Instance, options: WebServerOptions): void {
  mkdirSync(instance.dir, { recursive: true });
  const site = localWebSite(options);
  writeFileSync(site.runtimeConfigFile, `${JSON.stringify(options.runtimeConfig, null, 2)}\n`);
  writeFileSync(instance.configFile, webServerConfig(site));
}

/** How an instance serves: on 127.0.0.1, everything it writes in its folder under .data/web/. */
export function localWebSite(options: WebServerOptions): WebSite {
  const { dir, errorLog } = instanceOf(options.name);
  return {
    listen: `${HOST}:${options.port}`,
    root: resolve(options.root),
    runtimeConfigFile: join(dir, 'config.json'),
    authorityOrigin: authorityOriginOf(options.runtimeConfig),
    services: options.services,
    runDir: dir,
    errorLog,
    accessLog: join(dir, 'access.log'),
    mimeTypesFile: MIME_TYPES,
    workerProcesses: 1,
    // Started as root, nginx would hand the requests to `nobody`, who may not read the checkout.
    ...(process.getuid?.() === 0 ? { user: userInfo().username } : {}),
  };
}

/** nginx from the PATH, or Debian's /usr/sbin, which an ordinary user's PATH often lacks. */
function nginxBinary(): string {
  const candidates = [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), '/usr/sbin'].map((dir) =>
    join(dir, 'nginx'),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`nginx is not installed; ${INSTALL_HINT}`);
  return found;
}

async function spawnNginx(instance: Instance): Promise<number> {
  const output = openSync(join(instance.dir, 'nginx.out'), 'a');
  try {
    // -e: the log nginx writes before it has read the configuration, which defaults to /var/log/nginx.
    // A session of its own: it outlives the command that started it, and its Ctrl-C.
    const child = spawn(nginxBinary(), ['-c', instance.configFile, '-e', instance.errorLog], {
      detached: true,
      stdio: ['ignore', output, output],
    });
    await once(child, 'spawn');
    child.unref();
    return child.pid!;
  } finally {
    closeSync(output);
  }
}

async function waitUntilListening(
  instance: Instance,
  pid: number,
  port: number,
  timeoutMs: number,
  logBefore: number,
): Promise<void> {
  const waitingSince = Date.now();
  const failure = (what: string) =>
    new Error(
      `web server '${instance.name}' ${what}; the end of its error log (${instance.errorLog}):\n${errorsSince(instance, logBefore)}`,
    );
  while (!(await acceptsConnections(HOST, port))) {
    if (!isNginxOf(pid, instance)) throw failure('exited while starting');
    if (Date.now() - waitingSince > timeoutMs)
      throw failure(`did not listen at ${HOST}:${port} within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/** nginx rewrites its command line ("nginx: master process /usr/sbin/nginx -c …"): the configuration's path stays in it. */
function isNginxOf(pid: number, instance: Instance): boolean {
  return runs(pid, (commandLine) => commandLine.join(' ').includes(instance.configFile));
}

function errorsSince(instance: Instance, before: number): string {
  if (!existsSync(instance.errorLog)) return '(nginx wrote nothing)';
  const content = readFileSync(instance.errorLog);
  const written = content
    .subarray(content.length >= before ? before : 0)
    .toString('utf8')
    .trimEnd();
  return written.split('\n').slice(-15).join('\n') || '(nginx wrote nothing)';
}
