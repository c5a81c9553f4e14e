/** The six services of the platform, with the port each listens on unless overridden. */
export const SERVICE_PORTS = {
  intake: 3001,
  routing: 3002,
  'digital-signature': 3003,
  notification: 3004,
  reporting: 3005,
  'task-monitoring': 3006,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;

export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

export function isServiceName(value: string): value is ServiceName {
  return Object.prototype.hasOwnProperty.call(SERVICE_PORTS, value);
}
