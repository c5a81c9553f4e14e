// The notification service as the workspace's tools see it (the stack tests, the benchmarks, the
// local stack, the migration command): they import it as @onestop/notification, and the module
// boundaries refuse their reaching past this file into the service's internals. Its test fixtures
// are in ./testing.
export { notificationService } from './service';
export { NotificationEnv } from './notification.env';
export { notificationSchema } from './database/schema';
export { NOTIFICATION_KINDS } from './templates/notification-kinds';
// Tests sign the delivery callbacks a provider would send.
export { reportSignature } from './deliveries/provider-callbacks.controller';
