import { SERVICE_NAMES, ServiceName } from '@onestop/contracts';
import { DatabaseSchema, PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { digitalSignatureSchema } from '../../apps/digital-signature/src/database/schema';
import { digitalSignatureService } from '../../apps/digital-signature/src/service';
import { intakeSchema } from '../../apps/intake/src/database/schema';
import { intakeService } from '../../apps/intake/src/service';
import { notificationSchema } from '../../apps/notification/src/database/schema';
import { notificationService } from '../../apps/notification/src/service';
import { reportingSchema } from '../../apps/reporting/src/database/schema';
import { reportingService } from '../../apps/reporting/src/service';
import { routingSchema } from '../../apps/routing/src/database/schema';
import { routingService } from '../../apps/routing/src/service';
import { taskMonitoringSchema } from '../../apps/task-monitoring/src/database/schema';
import { taskMonitoringService } from '../../apps/task-monitoring/src/service';

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
