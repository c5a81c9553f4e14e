import { SERVICE_NAMES, ServiceName } from '@onestop/contracts';
import { digitalSignatureSchema, digitalSignatureService } from '@onestop/digital-signature';
import { intakeSchema, intakeService } from '@onestop/intake';
import { notificationSchema, notificationService } from '@onestop/notification';
import { DatabaseSchema, PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { reportingSchema, reportingService } from '@onestop/reporting';
import { routingSchema, routingService } from '@onestop/routing';
import { taskMonitoringSchema, taskMonitoringService } from '@onestop/task-monitoring';

export interface ServiceEntry {
  definition: ServiceDefinition<PlatformEnv>;
  schema: DatabaseSchema;
}

/** The six services as the local stack, the migrations and the tests know them. */
export const SERVICES: Record<ServiceName, ServiceEntry> = {
  intake: { definition: intakeService, schema: intakeSchema },
  routing: { definition: routingService, schema: routingSchema },
  // Each definition is only ever run with its own settings class (definition.envClass).
  'digital-signature': { definition: digitalSignatureService, schema: digitalSignatureSchema },
  notification: { definition: notificationService, schema: notificationSchema },
  reporting: { definition: reportingService, schema: reportingSchema },
  'task-monitoring': { definition: taskMonitoringService, schema: taskMonitoringSchema },
};

export { SERVICE_NAMES };
