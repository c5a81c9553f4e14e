import { SERVICE_NAMES, SERVICE_PORTS } from '@onestop/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { composeProblems } from './compose-validation';
import { ROOT } from './manifests';

const composeFile = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
type Compose = { services: Record<string, Record<string, unknown>> };
const compose = () => parse(composeFile, { merge: true }) as Compose;

/** docker-compose.yml: the platform on a laptop with one command. */
describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification and the platform rules', () => {
    expect(composeProblems(composeFile)).toEqual([]);
  });

  it('runs the six services on their ports, each on its own database after its migration', () => {
    const { services } = compose();
    for (const service of SERVICE_NAMES) {
      const environment = services[service]['environment'] as Record<string, string | number>;
      expect(String(environment['PORT'])).toBe(String(SERVICE_PORTS[service]));
      expect(environment['DATABASE_URL']).toBe(
        `postgres://postgres@postgres:5432/onestop_${service.replace(/-/g, '_')}`,
      );
      expect((services[`migrate-${service}`]['environment'] as Record<string, string>)['DATABASE_URL']).toBe(
        environment['DATABASE_URL'],
      );
      expect(services[service]['depends_on']).toMatchObject({
        [`migrate-${service}`]: { condition: 'service_completed_successfully' },
        kafka: { condition: 'service_healthy' },
      });
    }
  });

  it('serves the web application on 3000 from the web image, with the routes to the six services, once they are healthy', () => {
    const web = compose().services['web'];
    expect(web['build']).toMatchObject({ dockerfile: 'Dockerfile', target: 'web' });
    expect(web['ports']).toEqual(['3000:8080']);
    expect(web['volumes']).toEqual([
      './deploy/web/compose-nginx.conf.template:/etc/onestop-web/nginx.conf.template:ro',
    ]);
    expect(web).toMatchObject({ read_only: true, tmpfs: ['/tmp'], cap_drop: ['ALL'] });
    expect(Object.keys(web['depends_on'] as object).sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it('runs Kafka of the same major version as the local stack, in KRaft mode', () => {
    const kafka = compose().services['kafka'];
    const pom = readFileSync(join(ROOT, 'deploy/local/kafka/pom.xml'), 'utf8');
    const localVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    expect(localVersion).toBeDefined();
    expect(String(kafka['image']).split(':')[1].split('.')[0]).toBe(localVersion!.split('.')[0]);
    expect((kafka['environment'] as Record<string, string>)['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
  });

  it('rejects a file the specification does not allow', () => {
    const invalid = compose();
    invalid.services['intake']['restart_policy'] = 'always';
    invalid.services['routing']['ports'] = 3002;
    expect(composeProblems(stringify(invalid))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/services\/intake must NOT have additional properties \(restart_policy\)/),
        expect.stringMatching(/^\/services\/routing\/ports must be array/),
      ]),
    );
    expect(composeProblems('services: [')).toEqual([expect.stringMatching(/^not YAML/)]);
  });

  it('rejects a service without health check, an unpinned image and a start before the migration', () => {
    const broken = compose();
    delete broken.services['reporting']['healthcheck'];
    broken.services['redis']['image'] = 'redis:latest';
    delete (broken.services['intake']['depends_on'] as Record<string, unknown>)['migrate-intake'];
    (broken.services['routing']['depends_on'] as Record<string, { condition: string }>)['postgres'].condition =
      'service_started';
    expect(composeProblems(stringify(broken))).toEqual([
      'redis: image redis:latest is not pinned to a version',
      'intake: starts without waiting for migrate-intake',
      'routing: waits for postgres with service_started, not service_healthy',
      'reporting: no health check',
    ]);
  });
});
