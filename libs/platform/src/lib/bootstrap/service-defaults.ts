import { SERVICE_PORTS, ServiceName } from '@onestop/contracts';

export function serviceDatabaseName(service: ServiceName): string {
  return `onestop_${service.replace(/-/g, '_')}`;
}

/**
 * Local-stack defaults: the service's standard port and its own database on the machine's
 * PostgreSQL. Production gets none, so a forgotten variable stops the service by name.
 */
export function serviceDefaults(service: ServiceName, nodeEnv = process.env['NODE_ENV']): Record<string, string> {
  if (nodeEnv === 'production') return {};
  return {
    PORT: String(SERVICE_PORTS[service]),
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${serviceDatabaseName(service)}`,
  };
}
