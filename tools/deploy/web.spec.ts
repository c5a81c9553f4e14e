import { SERVICE_NAMES, SERVICE_PORTS } from '@onestop/contracts';
import { API_BODY_LIMITS, DEFAULT_API_BODY_LIMIT, localWebSite, webServerConfig } from '@onestop/local-stack';
import { SMALL_JSON_LIMIT } from '@onestop/platform';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICES } from '../stack/services';
import { COMPOSE_SERVICES, staleServerConfigs } from '../web/server-configs';
import { Container, K8sObject, podTemplateOf, renderKustomization, ROOT } from './manifests';

const START_SCRIPT = join(ROOT, 'deploy/web/start.sh');
const COMPOSE_TEMPLATE = readFileSync(join(ROOT, 'deploy/web/compose-nginx.conf.template'), 'utf8');

/** '30mb', '32m', '64kb' in bytes, as express and nginx read them. */
function bytes(size: string): number {
  const match = /^(\d+)\s*(k|kb|m|mb)?$/i.exec(size);
  if (!match) throw new Error(`not a size: ${size}`);
  return (
    Number(match[1]) * { '': 1, k: 1024, m: 1024 ** 2 }[(match[2] ?? '').toLowerCase().charAt(0) as '' | 'k' | 'm']
  );
}

/**
 * What a browser and a service notice of a server block: its locations with their headers, limits,
 * timeouts and upstream paths. Where it listens, its files and the upstream hosts are set aside.
 */
function routesAndHeaders(config: string): string[] {
  const server = config.slice(config.indexOf('server {'));
  return server
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !/^(listen|root|alias) /.test(line))
    .map((line) =>
      line
        .replace(/proxy_pass http:\/\/[^/]+\/api\/;/, 'proxy_pass <service>/api/;')
        .replace(/(connect-src 'self'|frame-src|form-action 'self') [^;]+;/g, '$1 <authority>;'),
    );
}

function renderedStart(
  environment: Record<string, string>,
  nginxArguments: string[] = [],
): { status: number | null; output: string; runDir: string } {
  const runDir = mkdtempSync(join(tmpdir(), 'onestop-web-run-'));
  // A file as standard output, as a container's log is: nginx opens /dev/stdout, which a socket would refuse.
  const stdout = openSync(join(runDir, 'stdout'), 'w');
  try {
    const run = spawnSync('sh', [START_SCRIPT, ...nginxArguments], {
      encoding: 'utf8',
      stdio: ['ignore', stdout, 'pipe'],
      env: {
        PATH: `${process.env['PATH']}:/usr/sbin`,
        WEB_TEMPLATE_DIR: join(ROOT, 'deploy/web'),
        WEB_RUN_DIR: runDir,
        ...environment,
      },
    });
    return { status: run.status, output: run.stderr, runDir };
  } finally {
    closeSync(stdout);
  }
}

describe('the web server configurations', () => {
  it('are what the template writes (npm run web:nginx rewrites them)', () => {
    expect(staleServerConfigs()).toEqual([]);
  });

  it("agree between the local stack and compose in routes and headers, compose reaching each service's container", () => {
    const local = webServerConfig(
      localWebSite({
        name: 'agreement',
        port: 3000,
        root: join(ROOT, 'dist/apps/web'),
        services: Object.fromEntries(
          SERVICE_NAMES.map((service) => [service, `http://127.0.0.1:${SERVICE_PORTS[service]}`]),
        ),
        runtimeConfig: {
          oidc: { authority: 'http://127.0.0.1:8180/realms/onestop', clientId: 'onestop-web' },
          publicLookupUrl: 'http://127.0.0.1:3000/tra-cuu',
          provinceCode: '46',
        },
      }),
    );
    expect(routesAndHeaders(COMPOSE_TEMPLATE)).toEqual(routesAndHeaders(local));
    for (const service of SERVICE_NAMES) {
      expect(COMPOSE_TEMPLATE).toContain(`location /api/${service}/ {`);
      expect(COMPOSE_TEMPLATE).toContain(`proxy_pass ${COMPOSE_SERVICES[service]}/api/;`);
    }
  });

  it('let through every body a service accepts, and no more than 32 MB', () => {
    for (const service of SERVICE_NAMES) {
      const accepted = Math.max(
        bytes(SMALL_JSON_LIMIT),
        ...(SERVICES[service].definition.largeBodies ?? []).map((route) => bytes(route.limit)),
      );
      const proxied = bytes(API_BODY_LIMITS[service] ?? DEFAULT_API_BODY_LIMIT);
      expect({ service, enough: proxied >= accepted, atMost32m: proxied <= 32 * 1024 ** 2 }).toEqual({
        service,
        enough: true,
        atMost32m: true,
      });
    }
  });

  it('pass event streams unbuffered', () => {
    for (const service of SERVICE_NAMES) {
      const location = COMPOSE_TEMPLATE.slice(
        COMPOSE_TEMPLATE.indexOf(`location /event-stream/api/${service}/ {`),
      ).split('}')[0];
      expect(location).toContain('internal;');
      expect(location).toContain('proxy_buffering off;');
    }
  });
});

describe("the web image's start", () => {
  const settings = {
    OIDC_AUTHORITY: 'https://id.onestop.hue.gov.vn/realms/onestop',
    OIDC_CLIENT_ID: 'onestop-web',
    PUBLIC_LOOKUP_URL: 'https://officers.onestop.hue.gov.vn/tra-cuu',
    PROVINCE_CODE: '46',
  };

  it("writes config.json and a configuration nginx accepts, the pages allowing the authority's origin", () => {
    const { status, output, runDir } = renderedStart(settings, ['-t']);
    try {
      expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('test is successful') });
      expect(JSON.parse(readFileSync(join(runDir, 'config.json'), 'utf8'))).toEqual({
        oidc: { authority: settings.OIDC_AUTHORITY, clientId: settings.OIDC_CLIENT_ID },
        publicLookupUrl: settings.PUBLIC_LOOKUP_URL,
        provinceCode: '46',
      });
      const config = readFileSync(join(runDir, 'nginx.conf'), 'utf8');
      expect(config).toContain(
        "connect-src 'self' https://id.onestop.hue.gov.vn; frame-src https://id.onestop.hue.gov.vn; form-action 'self' https://id.onestop.hue.gov.vn;",
      );
      expect(config).not.toContain('${');
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  });

  it('refuses an authority that is no http(s) URL, a value that would break the JSON, or a province code of other than two digits', () => {
    for (const wrong of [
      { OIDC_AUTHORITY: 'id.onestop.hue.gov.vn/realms/onestop' },
      { PUBLIC_LOOKUP_URL: 'https://x/"tra-cuu' },
      { PROVINCE_CODE: '4' },
      { PROVINCE_CODE: '' },
    ]) {
      const { status, output, runDir } = renderedStart({ ...settings, ...wrong });
      rmSync(runDir, { recursive: true, force: true });
      expect(status).toBe(1);
      expect(output).toMatch(/^onestop-web: /);
    }
  });
});

interface IngressPath {
  path: string;
  pathType: string;
  backend: { service: { name: string; port: { name?: string } } };
}
interface IngressSpec {
  ingressClassName: string;
  rules: { host: string; http: { paths: IngressPath[] } }[];
}

/** The path an ingress-nginx rule with use-regex and rewrite-target sends upstream, or null when it does not match. */
function rewritten(path: IngressPath, rewriteTarget: string, requestPath: string): string | null {
  const match = new RegExp(`^${path.path}`).exec(requestPath);
  return match ? rewriteTarget.replace(/\$(\d)/g, (_, group: string) => match[Number(group)] ?? '') : null;
}

describe.each(['dev', 'hue'])('the web application in the %s overlay', (overlay) => {
  let objects: K8sObject[];
  const find = (kind: string, name: string) =>
    objects.find((object) => object.kind === kind && object.metadata.name === name)!;
  beforeAll(() => {
    objects = renderKustomization(`k8s/overlays/${overlay}`);
  }, 60_000);

  it("is served on the host the realm's web client returns to: / from web, /api/<service>/ from each service's /api/", () => {
    const realm = find('KeycloakRealmImport', 'onestop-realm')['spec'] as {
      realm: { clients: { clientId: string; redirectUris: string[] }[] };
    };
    const webClient = realm.realm.clients.find((client) => client.clientId === 'onestop-web')!;
    const host = new URL(webClient.redirectUris[0].replace('/*', '/')).host;
    const pages = find('Ingress', 'onestop-web');
    const apis = find('Ingress', 'onestop-web-api');
    expect((pages['spec'] as IngressSpec).rules).toEqual([
      {
        host,
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }],
        },
      },
    ]);
    const annotations = apis.metadata.annotations!;
    expect(annotations['nginx.ingress.kubernetes.io/use-regex']).toBe('true');
    const [rule] = (apis['spec'] as IngressSpec).rules;
    expect(rule.host).toBe(host);
    for (const service of SERVICE_NAMES) {
      const routes = rule.http.paths
        .map((path) => ({
          to: path.backend.service.name,
          upstreamPath: rewritten(
            path,
            annotations['nginx.ingress.kubernetes.io/rewrite-target'],
            `/api/${service}/v1/things?page=2`,
          ),
        }))
        .filter((route) => route.upstreamPath !== null);
      expect(routes).toEqual([{ to: service, upstreamPath: '/api/v1/things?page=2' }]);
    }
    expect((pages['spec'] as IngressSpec).ingressClassName).toBe((apis['spec'] as IngressSpec).ingressClassName);
  });

  it('runs nginx unprivileged on a read-only root filesystem, writing only an emptyDir at /tmp, probed on /', () => {
    const deployment = find('Deployment', 'web');
    const template = podTemplateOf(deployment)!;
    const [container] = template.spec.containers as (Container & {
      volumeMounts: { name: string; mountPath: string }[];
    })[];
    expect(container.image).toMatch(/\/onestop-web:\d+\.\d+\.\d+$/);
    expect(template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 101 });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect((template.spec as unknown as { volumes: unknown[] }).volumes).toEqual([
      { name: 'tmp', emptyDir: expect.any(Object) },
    ]);
    expect([container.livenessProbe?.httpGet?.path, container.readinessProbe?.httpGet?.path]).toEqual(['/', '/']);
  });

  it('signs in at the identity provider whose tokens the services accept', () => {
    const deployment = find('Deployment', 'web');
    const configName = podTemplateOf(deployment)!.spec.containers[0].envFrom![0].configMapRef!.name;
    const webConfig = find('ConfigMap', configName)['data'] as Record<string, string>;
    const platform = objects.find(
      (object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('onestop-platform'),
    )!['data'] as Record<string, string>;
    expect(webConfig['OIDC_AUTHORITY']).toBe(platform['AUTH_ISSUER']);
    expect(webConfig['OIDC_CLIENT_ID']).toBe('onestop-web');
  });
});

describe('the web image', () => {
  it('is built by the Dockerfile from the official nginx image, pinned, while the default target stays a service', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG NGINX_IMAGE=nginx:\d+\.\d+\.\d+-bookworm$/m);
    expect(dockerfile).toMatch(/^FROM \$\{NGINX_IMAGE\} AS web$/m);
    const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((match) => match[1]);
    expect(stages.at(-1)).toBe('runtime');
    expect(execFileSync('sh', ['-n', START_SCRIPT]).toString()).toBe('');
  });
});
