import { SERVICE_NAMES, SERVICE_PORTS } from '@onestop/contracts';
import { WebSite, webServerConfig } from '@onestop/local-stack';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../stack/run';

/**
 * The web image's nginx configurations, written from the template the local stack uses
 * (deploy/local/web-server-config.ts): the image's own, whose /api/ the cluster's Ingress routes,
 * and the compose stack's, which proxies /api/<service>/ to the services' containers. The image's
 * start (deploy/web/start.sh) fills in the OpenID provider's origin and its writable folder. `npm run web:nginx` rewrites
 * them; the deploy tests fail while they differ from the template.
 */
export const AUTHORITY_ORIGIN_PLACEHOLDER = '${OIDC_AUTHORITY_ORIGIN}';
/** The writable folder of the container (its pid, temporary files and config.json): /tmp/onestop-web. */
export const RUN_DIR_PLACEHOLDER = '${WEB_RUN_DIR}';

const containerSite: WebSite = {
  listen: '8080',
  root: '/usr/share/nginx/html',
  runtimeConfigFile: `${RUN_DIR_PLACEHOLDER}/config.json`,
  authorityOrigin: AUTHORITY_ORIGIN_PLACEHOLDER,
  runDir: RUN_DIR_PLACEHOLDER,
  // The container's output is its log.
  errorLog: 'stderr',
  accessLog: '/dev/stdout',
  mimeTypesFile: '/etc/nginx/mime.types',
  workerProcesses: 2,
};

/** Each service's compose container, on the port it listens on. */
export const COMPOSE_SERVICES = Object.fromEntries(
  SERVICE_NAMES.map((service) => [service, `http://${service}:${SERVICE_PORTS[service]}`]),
);

export const SERVER_CONFIGS: Record<string, string> = {
  'deploy/web/nginx.conf.template': webServerConfig(containerSite),
  'deploy/web/compose-nginx.conf.template': webServerConfig({ ...containerSite, services: COMPOSE_SERVICES }),
};

/** The files whose content differs from the template's. */
export function staleServerConfigs(): string[] {
  return Object.entries(SERVER_CONFIGS)
    .filter(([file, text]) => {
      try {
        return readFileSync(join(ROOT, file), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}

if (require.main === module) {
  for (const [file, text] of Object.entries(SERVER_CONFIGS)) writeFileSync(join(ROOT, file), text);
  console.log(`web:nginx: wrote ${Object.keys(SERVER_CONFIGS).join(', ')}`);
}
